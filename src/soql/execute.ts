/**
 * Run a compiled plan and shape Salesforce records (reference/salesforce-api.md §3.3): `attributes`
 * first, fields in SELECT order with canonical names, parents nested (or null when the lookup is
 * empty), children as `{totalSize, done, records}` (or null when there are none), AggregateResult rows.
 */
import { toWire } from '../org/values.ts';
import type { AggColumn, Compiled, OutNode, RecordPlan } from './plan-types.ts';
import { bind, type ExecContext } from './sql-fragment.ts';
import { NAME_OBJECT, sobjectTypeOf } from './polymorphic.ts';

export interface ShapeOptions {
  apiVersion: string;
  /**
   * Shapes one parent's child records when they exceed CHILD_BATCH_SIZE: the caller opens a query
   * locator for the rest (index.ts). Without it every child comes back at once.
   */
  pageChildren?: (records: Rec[]) => Rec;
}

/**
 * Salesforce returns at most 499 child records of a parent-to-child subquery inline, then
 * `done: false` and a `nextRecordsUrl` ending in `-499` for the rest (observed REST responses:
 * simple-salesforce#311 shows `"totalSize": 1200, "done": false, "nextRecordsUrl":
 * "/services/data/v29.0/query/01g…-499"`; jsforce#577 "does not return more than 499 records").
 */
export const CHILD_BATCH_SIZE = 499;

type Row = unknown[];
type Rec = Record<string, unknown>;

export function runRecords(plan: RecordPlan, ctx: ExecContext, shape: ShapeOptions): Rec[] {
  const rows = plan.stmt.all(bind(plan.params, ctx)) as Row[];
  return shapeRows(plan, rows, ctx, shape);
}

function shapeRows(plan: RecordPlan, rows: Row[], ctx: ExecContext, shape: ShapeOptions): Rec[] {
  const childResults = new Map<OutNode, Map<string, Rec[]>>();
  for (const node of plan.nodes) {
    if (node.t !== 'c' || rows.length === 0) continue;
    const ids = rows.map((r) => r[plan.idCol] as string);
    const childRows = node.plan.stmt.all(bind(node.plan.params, { ...ctx, idsJson: JSON.stringify(ids) })) as Row[];
    const shaped = shapeRows(node.plan, childRows, ctx, shape);
    const byParent = new Map<string, Rec[]>();
    childRows.forEach((r, i) => {
      const pid = r[node.plan.parentCol!] as string;
      let list = byParent.get(pid);
      if (!list) byParent.set(pid, (list = []));
      list.push(shaped[i]!);
    });
    childResults.set(node, byParent);
  }
  const prefix = `/services/data/v${shape.apiVersion}/sobjects/`;
  const out: Rec[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const id = row[plan.idCol] as string;
    const rec: Rec = { attributes: { type: plan.obj.name, url: prefix + plan.obj.name + '/' + id } };
    fill(rec, plan.nodes, row, prefix);
    for (const [node, byParent] of childResults) {
      const list = byParent.get(id);
      if (!list) rec[node.key] = null;
      else if (list.length > CHILD_BATCH_SIZE && shape.pageChildren) rec[node.key] = shape.pageChildren(list);
      else rec[node.key] = { totalSize: list.length, done: true, records: list };
    }
    out[i] = rec;
  }
  return out;
}

function fill(rec: Rec, nodes: OutNode[], row: Row, prefix: string): void {
  for (const n of nodes) {
    if (n.t === 'f') {
      const v = row[n.col];
      rec[n.key] = n.conv ? n.conv(v) : v === null ? null : toWire(n.field, v);
    } else if (n.t === 'p') {
      const pid = row[n.idCol] as string | null;
      if (pid === null) rec[n.key] = null;
      else {
        // A polymorphic parent is typed `Name`; its url names the record's own object (key prefix).
        const urlType = n.obj === NAME_OBJECT ? sobjectTypeOf(pid) ?? n.obj.name : n.obj.name;
        const child: Rec = { attributes: { type: n.obj.name, url: prefix + urlType + '/' + pid } };
        fill(child, n.nodes, row, prefix);
        rec[n.key] = child;
      }
    } else if (n.t === 't') {
      const pid = row[n.idCol] as string | null;
      const type = sobjectTypeOf(pid);
      const branch = n.branches.find((b) => b.obj.name === type);
      const nodes = branch?.nodes ?? n.elseNodes;
      if (pid === null || !nodes) rec[n.key] = null; // no ELSE: a parent of another type comes back null (Ref, TYPEOF)
      else {
        // A WHEN branch is the record's own type; ELSE reads the Name object's fields, as without TYPEOF.
        const child: Rec = { attributes: { type: branch ? branch.obj.name : NAME_OBJECT.name, url: prefix + (type ?? NAME_OBJECT.name) + '/' + pid } };
        fill(child, nodes, row, prefix);
        rec[n.key] = child;
      }
    } else {
      rec[n.key] = null; // placeholder keeps SELECT order; filled by shapeRows
    }
  }
}

export function runAggregate(stmt: Compiled & { kind: 'aggregate' }, ctx: ExecContext): Rec[] {
  const rows = stmt.stmt.all(bind(stmt.params, ctx)) as Row[];
  const cols: AggColumn[] = stmt.columns;
  return rows.map((row) => {
    const rec: Rec = { attributes: { type: 'AggregateResult' } };
    cols.forEach((c, i) => {
      rec[c.key] = c.conv(row[i]);
    });
    return rec;
  });
}

export function runCount(stmt: Compiled & { kind: 'count' }, ctx: ExecContext): number {
  const row = stmt.stmt.get(bind(stmt.params, ctx)) as Row;
  return Number(row[0]);
}
