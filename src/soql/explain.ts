/**
 * `GET /query?explain=SOQL` (REST API Developer Guide, "Query Performance Feedback"): how the query
 * would run, without running it for the client. Salesforce's shape (jsforce's QueryExplainResult):
 * `{plans: [{cardinality, fields, leadingOperationType, notes, relativeCost, sobjectCardinality,
 * sobjectType}]}`, plans sorted from most to least optimal. Ours is read off SQLite's EXPLAIN QUERY
 * PLAN of the statement the engine emits for the query: a SEARCH through an index is an `Index` plan
 * on that index's fields, a SCAN a `TableScan`; cardinalities are the real row counts.
 */
import { getObject } from '../../schema/index.ts';
import type { Org } from '../org/org.ts';
import { compiled, query } from './index.ts';
import { bind, ident, type ExecContext } from './sql-fragment.ts';
import type { Compiled } from './plan-types.ts';

export interface ExplainPlan {
  cardinality: number;
  fields: string[];
  leadingOperationType: 'Index' | 'Other' | 'Sharing' | 'TableScan';
  notes: { description: string; fields: string[]; tableEnumOrId: string }[];
  relativeCost: number;
  sobjectCardinality: number;
  sobjectType: string;
}

interface PlanRow {
  id: number;
  parent: number;
  detail: string;
}

function statementOf(c: Compiled) {
  return c.kind === 'records' ? { stmt: c.plan.stmt, params: c.plan.params, obj: c.plan.obj.name } : { stmt: c.stmt, params: c.params, obj: undefined };
}

/** The FROM object of a compiled count/aggregate query: the first table its SQL reads. */
function fromObject(sql: string): string | undefined {
  return /\bFROM\s+"((?:[^"]|"")+)" t0\b/i.exec(sql)?.[1]?.replace(/""/g, '"');
}

export function explain(org: Org, soql: string, opts: { apiVersion?: string; includeDeleted?: boolean } = {}): { plans: ExplainPlan[] } {
  // Compiling raises the same MALFORMED_QUERY / INVALID_FIELD ... a query would (the guide: "If the
  // SOQL query string is invalid, a MALFORMED_QUERY response is returned").
  const includeDeleted = !!opts.includeDeleted;
  const c = compiled(org, soql, includeDeleted, false);
  const { stmt, params, obj: recordsObj } = statementOf(c);
  const sql = stmt.source;
  const sobjectType = recordsObj ?? fromObject(sql) ?? '';
  const ctx: ExecContext = { nowMs: org.clock.now().getTime(), userId: org.store.defaultUserId };
  const rows = org.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(bind(params, ctx)) as PlanRow[];
  // The step that reads the FROM object itself, aliased t0 by the emitter (parents are t1, t2...).
  const table = /^(SCAN|SEARCH) (?:TABLE )?t0\b(.*)$/;
  const step = rows.map((r) => table.exec(r.detail)).find((m) => m !== null);
  // queryAll?explain= counts the deleted rows too, as its query reads them.
  const live = !includeDeleted && getObject(sobjectType)?.fields.some((f) => f.name === 'IsDeleted') ? ' WHERE "IsDeleted" = 0' : '';
  const sobjectCardinality = (org.db.prepare(`SELECT COUNT(*) AS n FROM ${ident(sobjectType)}${live}`).get() as { n: number }).n;
  const cardinality = query(org, soql, opts).totalSize;
  const share = sobjectCardinality === 0 ? 0 : cardinality / sobjectCardinality;
  const scan: ExplainPlan = {
    cardinality,
    fields: [],
    leadingOperationType: 'TableScan',
    notes: unindexedFilters(org, sql, sobjectType),
    // Salesforce reports a cost over 1 for a plan that is not selective; a full scan never is.
    relativeCost: round(1 + share),
    sobjectCardinality,
    sobjectType,
  };
  const indexed = step?.[1] === 'SEARCH' ? indexFields(step[2] ?? '') : [];
  if (indexed.length === 0) return { plans: [scan] };
  const index: ExplainPlan = { ...scan, fields: indexed, leadingOperationType: 'Index', relativeCost: round(share) };
  // The plan SQLite chose first, then the table scan it was preferred to.
  return { plans: [index, scan] };
}

/**
 * Salesforce's note on a table scan: the filter fields it could not use because no index covers them
 * (the guide's example: "Not considering filter for optimization because unindexed").
 */
function unindexedFilters(org: Org, sql: string, table: string): ExplainPlan['notes'] {
  const where = sql.split(/\bWHERE\b/).slice(1).join(' ').split(/\b(?:ORDER BY|GROUP BY|LIMIT)\b/)[0] ?? '';
  const filtered = [...new Set([...where.matchAll(/\bt0\."((?:[^"]|"")+)"/g)].map((m) => m[1]!.replace(/""/g, '"')))].filter((f) => f !== 'IsDeleted');
  if (filtered.length === 0) return [];
  const indexed = new Set<string>();
  for (const ix of org.db.prepare(`SELECT name FROM pragma_index_list(?)`).all(table) as { name: string }[]) {
    const first = org.db.prepare(`SELECT name FROM pragma_index_info(?) WHERE seqno = 0`).get(ix.name) as { name: string } | undefined;
    if (first) indexed.add(first.name);
  }
  const fields = filtered.filter((f) => !indexed.has(f));
  return fields.length ? [{ description: 'Not considering filter for optimization because unindexed', fields, tableEnumOrId: table }] : [];
}

/** `USING INDEX Case_Status_idx (Status=?)` -> ['Status']; `USING INTEGER PRIMARY KEY (rowid=?)` -> ['Id']. */
function indexFields(rest: string): string[] {
  const cols = /USING [^(]*\(([^)]*)\)/.exec(rest)?.[1];
  if (!cols) return [];
  return cols
    .split(' AND ')
    .map((c) => c.replace(/[<>=?]+.*$/, '').trim())
    .map((c) => (c === 'rowid' ? 'Id' : c))
    .filter((c) => c !== '');
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
