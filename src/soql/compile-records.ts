/**
 * Plain (non-aggregate) SELECTs, for the root query and for child subqueries: columns for every
 * selected field, LEFT JOINs for parent paths, one batched statement per child relationship that
 * fetches the children of a whole page of parents at once (parent Ids passed as one JSON parameter),
 * with per-parent LIMIT/OFFSET through ROW_NUMBER() (reference/soql.md §4.4).
 */
import type Database from 'better-sqlite3';
import { childRelOf, fieldOf, objectNamed } from './symbols.ts';
import type { FieldDef, ObjectDef } from '../../schema/types.ts';
import { toWire } from '../org/values.ts';
import { FilterCompiler, leftField, type RawCondition } from './filter.ts';
import { buildTree, type BoolTree } from './where-tree.ts';
import { orderItems, orderKey } from './order-by.ts';
import type { OutNode, RecordPlan, TypeofBranch } from './plan-types.ts';
import { Scope, type CompileContext, type Cursor, type RelStep, type ResolvedField } from './scope.ts';
import { at, msg } from './soql-errors.ts';
import { dyn, frag, join, limitClause, val, type Frag } from './sql-fragment.ts';

/** Parent-to-child nesting: root plus four levels since API 58 (Ref p.66). */
export const MAX_CHILD_DEPTH = 4;

export interface SelectQuery {
  fields?: SelectField[];
  sObject?: string;
  relationshipName?: string;
  sObjectAlias?: string;
  where?: unknown;
  orderBy?: unknown;
  limit?: number;
  offset?: number;
  usingScope?: string;
  groupBy?: unknown;
  having?: unknown;
}

export interface SelectField {
  type: string;
  field?: string;
  rawValue?: string;
  alias?: string;
  relationships?: string[];
  functionName?: string;
  parameters?: unknown[];
  isAggregateFn?: boolean;
  subquery?: SelectQuery;
}

export interface RecordOptions {
  db: Database.Database;
  /** Child mode: the lookup field on this object that points at the parent. */
  parentField?: FieldDef;
  depth: number;
  /** Root only: restrict to the Ids in ExecContext.idsJson. */
  idFilter?: boolean;
}

function rawPath(f: SelectField): string {
  return f.rawValue ?? (f.relationships ? [...f.relationships, f.field].join('.') : f.field ?? '');
}

/** FIELDS(ALL|STANDARD|CUSTOM) expansion (Ref p.10-14). */
export function expandFields(ctx: CompileContext, obj: ObjectDef, f: SelectField, q: SelectQuery): FieldDef[] {
  const which = String(f.parameters?.[0] ?? '').toUpperCase();
  if (!['ALL', 'STANDARD', 'CUSTOM'].includes(which)) throw ctx.error('MALFORMED_QUERY', 'FIELDS', msg.unexpected(String(f.parameters?.[0] ?? ')')));
  if (which !== 'STANDARD' && (q.limit === undefined || q.limit > 200) && !boundedById(q.where)) {
    throw ctx.error('MALFORMED_QUERY', 'FIELDS', 'The SOQL FIELDS function must have a LIMIT of at most 200');
  }
  const fields = obj.fields.filter((x) => which === 'ALL' || (which === 'CUSTOM') === x.custom);
  if (fields.length === 0) throw ctx.error('MALFORMED_QUERY', 'FIELDS', "'FIELDS(...)' expansion function must result in at least one field being selected.");
  return fields;
}

/** FIELDS(ALL|CUSTOM) is also bounded by a top-level `Id = x` or `Id IN (<= 200 Ids)` (Ref p.10). */
function boundedById(where: unknown): boolean {
  if (!where) return false;
  let tree: BoolTree<RawCondition>;
  try {
    tree = buildTree<RawCondition>(where);
  } catch {
    return false;
  }
  const top = 'and' in tree ? tree.and : [tree];
  return top.some((t) => {
    if (!('cond' in t) || !t.cond.field || t.cond.field.split('.').pop()!.toLowerCase() !== 'id' || t.cond.valueQuery) return false;
    const op = t.cond.operator.toUpperCase();
    return op === '=' || (op === 'IN' && Array.isArray(t.cond.value) && t.cond.value.length <= 200);
  });
}

const LABEL_FUNCTIONS = new Set(['TOLABEL', 'CONVERTCURRENCY', 'FORMAT']);

export function compileRecords(ctx: CompileContext, scope: Scope, q: SelectQuery, opts: RecordOptions): RecordPlan {
  const cols: string[] = [`${scope.alias}."Id"`];
  const idCol = 0;
  let parentCol: number | undefined;
  if (opts.parentField) {
    parentCol = cols.length;
    cols.push(`${scope.alias}."${opts.parentField.name}"`);
  }
  const nodes: OutNode[] = [];
  const seen = new Set<string>();
  const parentIdCols = new Map<string, number>();

  /** The node list under the parent path `rels` from `root`, creating parent nodes (and their Id columns). */
  const listFor = (root: OutNode[], prefix: string, rels: readonly RelStep[]): OutNode[] => {
    let list = root;
    let relKey = prefix;
    for (const rel of rels) {
      relKey += rel.name.toLowerCase() + '.';
      // "typeOfField cannot reference a relationship field that is also referenced in the fieldList" (Ref, TYPEOF).
      if (list.some((n) => n.t === 't' && n.key === rel.name)) throw typeofTwice(ctx, rel.name);
      let p = list.find((n): n is Extract<OutNode, { t: 'p' }> => n.t === 'p' && n.key === rel.name);
      if (!p) {
        let col = parentIdCols.get(relKey);
        if (col === undefined) {
          col = cols.length;
          cols.push(rel.idSql);
          parentIdCols.set(relKey, col);
        }
        p = { t: 'p', key: rel.name, obj: rel.obj, idCol: col, nodes: [] };
        list.push(p);
      }
      list = p.nodes;
    }
    return list;
  };

  /** Put field `r` under `root` (the record, or a TYPEOF branch whose joins are keyed by `prefix`). */
  const placeIn = (root: OutNode[], prefix: string, r: ResolvedField, key: string, conv?: (v: unknown) => unknown) => {
    const dedupe = prefix + r.path.toLowerCase() + (conv ? `#${key}` : '');
    if (seen.has(dedupe)) throw ctx.error('INVALID_FIELD', r.path, msg.duplicateField(r.path));
    seen.add(dedupe);
    const list = listFor(root, prefix, r.rels);
    list.push({ t: 'f', key, col: cols.length, field: r.field, ...(conv ? { conv } : {}) });
    cols.push(r.sql);
  };
  const place = (r: ResolvedField, key: string, conv?: (v: unknown) => unknown) => placeIn(nodes, '', r, key, conv);

  const items = q.fields ?? [];
  for (const f of items) {
    if (f.type === 'Field' || f.type === 'FieldRelationship') {
      const raw = rawPath(f);
      if (f.alias) throw ctx.error('MALFORMED_QUERY', f.alias, msg.aliasInNonAggregate());
      const r = scope.resolve(raw);
      place(r, r.field.name);
    } else if (f.type === 'FieldSubquery') {
      const child = compileChild(ctx, scope, f.subquery!, opts);
      // Both subqueries would land under one JSON key; Salesforce refuses the second one (wording as
      // remembered from live orgs, unverified here).
      if (nodes.some((n) => n.t === 'c' && n.key === child.key)) {
        const again = ctx.tokens.filter((t, i) => i > 0 && t.text.toLowerCase() === child.key.toLowerCase() && ctx.tokens[i - 1]!.text.toLowerCase() === 'from')[1];
        throw at('MALFORMED_QUERY', ctx.text, again?.offset, `Cannot follow the same aggregate relationship twice: ${child.key}`);
      }
      nodes.push(child);
    } else if (f.type === 'FieldFunctionExpression') {
      const name = (f.functionName ?? '').toUpperCase();
      if (name === 'FIELDS') {
        for (const fd of expandFields(ctx, scope.obj, f, q)) place(scope.resolve(fd.name), fd.name);
      } else if (LABEL_FUNCTIONS.has(name)) {
        let arg = f.parameters?.[0];
        // FORMAT(convertCurrency(Amount)) (Ref p.59): one currency here, so convertCurrency is the value.
        if (name === 'FORMAT' && arg && typeof arg === 'object' && String((arg as { functionName?: string }).functionName).toUpperCase() === 'CONVERTCURRENCY') {
          arg = (arg as { parameters?: unknown[] }).parameters?.[0] as typeof arg;
        }
        if (typeof arg !== 'string') throw ctx.error('MALFORMED_QUERY', f.functionName, msg.unexpected(f.rawValue ?? name));
        const r = scope.resolve(arg);
        const field = r.field;
        const conv =
          name === 'TOLABEL'
            ? (v: unknown) => (v == null ? null : field.picklistValues.find((p) => p.value === v)?.label ?? v)
            : (v: unknown) => toWire(field, v);
        place(r, f.alias ?? field.name, conv);
      } else if (name === 'CONVERTTIMEZONE') {
        throw ctx.error('MALFORMED_QUERY', f.functionName, 'convertTimezone() can only be used inside a date function');
      } else {
        throw ctx.error('MALFORMED_QUERY', f.functionName, msg.mustBeGrouped(f.rawValue ?? name));
      }
    } else if (f.type === 'FieldTypeof') {
      const t = compileTypeof(ctx, scope, f as unknown as TypeofField, (r, prefix, list) => placeIn(list, prefix, r, r.field.name));
      // `TYPEOF Order.Owner` nests under the parents it walks, as `Order.Owner.Name` would.
      const list = listFor(nodes, '', t.parents);
      if (list.some((n) => (n.t === 'p' || n.t === 't') && n.key === t.key)) throw typeofTwice(ctx, t.key);
      const idCol = cols.length;
      cols.push(t.idSql);
      list.push(t.node(idCol));
    } else {
      throw ctx.error('MALFORMED_QUERY', undefined, msg.unexpected(String(f.type)));
    }
  }

  const filter = new FilterCompiler(scope, { semiJoins: opts.depth === 0, operand: (c) => leftField(scope, c) });
  const conds: Frag[] = [];
  const live = scope.liveFilter();
  if (live) conds.push(frag(live));
  // USING SCOPE: `mine` (and mine_and_my_groups: there are no queues here) are the API user's records;
  // the team/territory/delegated scopes have nothing to narrow to and behave like `everything`.
  if (q.usingScope && ['mine', 'mine_and_my_groups'].includes(q.usingScope.toLowerCase()) && fieldOf(scope.obj, 'OwnerId')) {
    conds.push(frag(`${scope.alias}."OwnerId" = ?`, dyn((c) => c.userId)));
  }
  if (q.where) conds.push(filter.compileWhere(q.where));
  if (opts.parentField) conds.push(frag(`${scope.alias}."${opts.parentField.name}" IN (SELECT value FROM json_each(?))`, dyn((c) => c.idsJson ?? '[]')));
  else if (opts.idFilter) conds.push(frag(`${scope.alias}."Id" IN (SELECT value FROM json_each(?))`, dyn((c) => c.idsJson ?? '[]')));

  const order: Frag[] = ctx.within('order', () =>
    orderItems(q.orderBy).map((item) => {
      if (item.fn || !item.field) throw ctx.error('MALFORMED_QUERY', item.fn?.functionName, msg.orderMustBeGrouped(item.fn?.rawValue ?? ''));
      const r = scope.resolve(item.field);
      if (!r.field.sortable) throw ctx.error('INVALID_FIELD', item.field, msg.notSortable(r.field.name));
      return orderKey(r.sql, r.field, item);
    }),
  );
  const orderSql = order.length ? join(order, ', ') : undefined;
  const where = conds.length ? join(conds, ' AND ') : frag('1');

  let full: Frag;
  if (opts.parentField && (q.limit !== undefined || q.offset !== undefined)) {
    // Per-parent LIMIT/OFFSET: number the children of each parent in the requested order.
    const over = orderSql ? `ORDER BY ${orderSql.sql}` : `ORDER BY ${scope.alias}.rowid`;
    const inner = {
      sql: `SELECT ${cols.join(', ')}, ROW_NUMBER() OVER (PARTITION BY ${scope.alias}."${opts.parentField.name}" ${over}) AS __rn FROM ${scope.fromSql()} WHERE ${where.sql}`,
      params: [...(orderSql?.params ?? []), ...where.params],
    };
    const lo = q.offset ?? 0;
    const hi = q.limit === undefined ? -1 : lo + q.limit;
    full = {
      sql: `SELECT * FROM (${inner.sql}) WHERE __rn > ?${hi >= 0 ? ' AND __rn <= ?' : ''} ORDER BY __rn`,
      params: [...inner.params, val(lo), ...(hi >= 0 ? [val(hi)] : [])],
    };
  } else {
    const parts: Frag[] = [frag(`SELECT ${cols.join(', ')} FROM ${scope.fromSql()} WHERE `), where];
    if (orderSql) parts.push(frag(' ORDER BY '), orderSql);
    parts.push(limitClause(q.limit, q.offset));
    full = join(parts, '');
  }
  const stmt = opts.db.prepare(full.sql).raw(true);
  return { obj: scope.obj, stmt, params: full.params, nodes, idCol, ...(parentCol !== undefined ? { parentCol } : {}) };
}

interface TypeofField {
  field: string;
  conditions: { type: 'WHEN' | 'ELSE'; objectType?: string; fieldList: string[] }[];
}

/** The TYPEOF field is also selected as a relationship (or TYPEOF'd twice): wording unverified. */
function typeofTwice(ctx: CompileContext, rel: string): Error {
  return ctx.error('MALFORMED_QUERY', rel, `duplicate field selected: ${rel}`);
}

/**
 * `TYPEOF What WHEN Opportunity THEN Name, StageName ... ELSE Name END` (SOQL Reference, TYPEOF): the
 * field must be a polymorphic relationship of the FROM object or of one of its parents; each WHEN
 * type one of its `referenceTo` objects, its fields (and parent paths) resolved against that object
 * through the same per-target joins as `What.Name`; ELSE fields against the Name object.
 */
function compileTypeof(
  ctx: CompileContext,
  scope: Scope,
  f: TypeofField,
  placeIn: (r: ResolvedField, prefix: string, list: OutNode[]) => void,
): { key: string; idSql: string; parents: RelStep[]; node: (idCol: number) => OutNode } {
  const raw = f.field;
  const parts = scope.segments(raw);
  let c = scope.root();
  let last: { cursor: Cursor; rel: RelStep; fk: FieldDef } | undefined;
  const parents: RelStep[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (last) parents.push(last.rel);
    last = scope.step(c, parts[i]!, raw, i);
    c = last.cursor;
  }
  if (!last || !c.targets) {
    throw ctx.error('MALFORMED_QUERY', raw, `TYPEOF can only be used on a polymorphic relationship field: ${raw} is not one`);
  }
  const fk = last.fk;
  const branches: TypeofBranch[] = [];
  let elseNodes: OutNode[] | undefined;
  for (const cond of f.conditions) {
    const list: OutNode[] = [];
    if (cond.type === 'ELSE') {
      for (const name of cond.fieldList) placeIn(scope.resolveFrom(c, scope.segmentsOf(name), name, parts.length), `${c.key}{else}.`, list);
      elseNodes = list;
      continue;
    }
    const typeName = cond.objectType ?? '';
    const target = c.targets.find((t) => t.obj.name.toLowerCase() === typeName.toLowerCase());
    if (!target) {
      if (!objectNamed(typeName)) throw ctx.error('INVALID_TYPE', typeName, msg.unsupportedType(typeName));
      // Wording unverified: a real org refuses a WHEN type outside the field's referenceTo.
      throw ctx.error('MALFORMED_QUERY', typeName, `${objectNamed(typeName)!.name} is not a valid type for the polymorphic relationship ${fk.relationshipName}`);
    }
    if (branches.some((b) => b.obj === target.obj)) throw ctx.error('MALFORMED_QUERY', typeName, `duplicate WHEN type: ${target.obj.name}`);
    const start: Cursor = { obj: target.obj, alias: target.alias, key: `${c.key}{${target.obj.name}}.` };
    for (const name of cond.fieldList) placeIn(scope.resolveFrom(start, scope.segmentsOf(name), name, parts.length), start.key.toLowerCase(), list);
    branches.push({ obj: target.obj, nodes: list });
  }
  const key = fk.relationshipName!;
  return { key, idSql: last.rel.idSql, parents, node: (idCol) => ({ t: 't', key, idCol, branches, ...(elseNodes ? { elseNodes } : {}) }) };
}

function compileChild(ctx: CompileContext, parent: Scope, sub: SelectQuery, opts: RecordOptions): OutNode {
  const relName = sub.relationshipName ?? '';
  const rel = childRelOf(parent.obj, relName);
  if (!rel) throw ctx.error('INVALID_TYPE', relName, msg.badChildRelationship(relName));
  if (opts.depth >= MAX_CHILD_DEPTH) {
    throw ctx.error('MALFORMED_QUERY', relName, 'SOQL statements cannot query aggregate relationships more than 4 levels away from the root entity object.');
  }
  const childObj = objectNamed(rel.childSObject)!;
  const fk = fieldOf(childObj, rel.field)!;
  const hasAggregate = (sub.fields ?? []).some((f) => f.type === 'FieldFunctionExpression' && f.isAggregateFn);
  if (hasAggregate || sub.groupBy) throw ctx.error('MALFORMED_QUERY', relName, 'Only root queries support aggregate expressions');
  const scope = new Scope(ctx, childObj, sub.sObjectAlias);
  const plan = compileRecords(ctx, scope, sub, { db: opts.db, parentField: fk, depth: opts.depth + 1 });
  return { t: 'c', key: rel.relationshipName, plan };
}
