/**
 * Aggregate SELECTs: GROUP BY fields and date functions, ROLLUP/CUBE, HAVING, aggregate functions with
 * `exprN` implicit aliases (Ref p.43), AggregateResult rows. SQLite has no ROLLUP/CUBE, so each grouping
 * set is its own SELECT (rolled-up columns NULL, GROUPING() constant) joined by UNION ALL
 * (reference/soql.md §4.4). Results are wrapped once more so ORDER BY can name the output columns.
 */
import type Database from 'better-sqlite3';
import type { FieldDef, FieldType } from '../../schema/types.ts';
import { toWire } from '../org/values.ts';
import { dateFunctionArgError, dateFunctionSql, isDateFunction } from './date-functions.ts';
import { FilterCompiler, leftField, TEXT_TYPES, toTree, type RawCondition } from './filter.ts';
import { fieldArg, type FnExp, type Operand } from './operand.ts';
import { orderItems, orderKey } from './order-by.ts';
import type { AggColumn } from './plan-types.ts';
import type { SelectField, SelectQuery } from './compile-records.ts';
import type { CompileContext, Scope } from './scope.ts';
import { msg } from './soql-errors.ts';
import { PICK_KEY_WIDTH } from './udf.ts';
import { frag, join, limitClause, type Frag } from './sql-fragment.ts';

export const AGGREGATE_FUNCTIONS = new Set(['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVG', 'MIN', 'MAX']);
const NUMERIC = new Set<FieldType>(['int', 'double', 'currency', 'percent']);

interface GroupKey {
  key: string;
  sql: string;
  field: FieldDef;
  type: FieldType;
  raw: string;
}

export interface AggregatePlanSql {
  frag: Frag;
  columns: AggColumn[];
}

const asInt = (v: unknown) => (v == null ? null : Number(v));

export function isAggregateQuery(q: SelectQuery): boolean {
  if (q.groupBy || q.having) return true;
  const aggregateCall = (fn: { functionName?: string; parameters?: unknown[] }): boolean => {
    const name = (fn.functionName ?? '').toUpperCase();
    if (AGGREGATE_FUNCTIONS.has(name) || isDateFunction(name) || name === 'GROUPING') return true;
    // FORMAT(MIN(CloseDate)) wraps an aggregate (Ref p.59).
    const inner = fn.parameters?.[0];
    return (name === 'FORMAT' || name === 'CONVERTCURRENCY') && !!inner && typeof inner === 'object' && aggregateCall(inner as { functionName?: string });
  };
  return (q.fields ?? []).some((f) => f.type === 'FieldFunctionExpression' && aggregateCall(f as { functionName?: string; parameters?: unknown[] }));
}

export function compileAggregate(ctx: CompileContext, scope: Scope, q: SelectQuery, db: Database.Database): { stmt: Database.Statement; params: AggregatePlanSql['frag']['params']; columns: AggColumn[] } {
  // GROUP BY items (fields or date functions), and ROLLUP/CUBE.
  const rawGroups = q.groupBy ? ((Array.isArray(q.groupBy) ? q.groupBy : [q.groupBy]) as { field?: string; fn?: FnExp }[]) : [];
  let mode: 'plain' | 'ROLLUP' | 'CUBE' = 'plain';
  const groupSources: { field?: string; fn?: FnExp }[] = [];
  for (const g of rawGroups) {
    const fname = g.fn?.functionName.toUpperCase();
    if (fname === 'ROLLUP' || fname === 'CUBE') {
      if (rawGroups.length > 1) throw ctx.error('MALFORMED_QUERY', fname, msg.unexpected(','));
      mode = fname;
      for (const p of g.fn!.parameters ?? []) groupSources.push(typeof p === 'string' ? { field: p } : { fn: p });
      if (groupSources.length > 3) throw ctx.error('MALFORMED_QUERY', fname, `${fname} supports at most 3 fields`);
    } else groupSources.push(g);
  }
  const groups: GroupKey[] = ctx.within('group', () => groupSources.map((g) => groupKey(scope, g)));

  const findGroup = (key: string) => groups.findIndex((g) => g.key === key);

  // Grouping sets: indices of groups kept (not rolled up).
  const all = groups.map((_, i) => i);
  let sets: number[][] = [all];
  if (mode === 'ROLLUP') sets = all.map((_, k) => all.slice(0, all.length - k)).concat([[]]);
  if (mode === 'CUBE') {
    sets = [];
    for (let mask = (1 << all.length) - 1; mask >= 0; mask--) sets.push(all.filter((i) => mask & (1 << (all.length - 1 - i))));
  }

  const buildSet = (kept: Set<number>, columns: AggColumn[] | undefined): Frag => {
    const gsql = (i: number) => (kept.has(i) ? groups[i]!.sql : 'NULL');
    let exprN = 0;
    const selects: Frag[] = [];
    for (const f of q.fields ?? []) {
      const { sql, key, conv } = selectItem(ctx, scope, f, groups, findGroup, gsql, () => `expr${exprN++}`, kept, mode);
      selects.push(frag(sql.sql, ...sql.params));
      columns?.push({ key, conv });
    }
    // Hidden columns for ordering.
    const orderCols: Frag[] = [];
    for (const item of orderItems(q.orderBy)) {
      orderCols.push(ctx.within('order', () => orderOperand(ctx, scope, item, groups, findGroup, gsql, (i) => (kept.has(i) ? '0' : '1'), mode)).sqlFrag);
    }
    if (mode !== 'plain') groups.forEach((_, i) => orderCols.push(frag(kept.has(i) ? '0' : '1'), frag(gsql(i))));
    const allCols = [...selects, ...orderCols].map((c, i) => ({ sql: `${c.sql} AS c${i}`, params: c.params }));
    const parts: Frag[] = [frag('SELECT '), join(allCols, ', '), frag(` FROM ${scope.fromSql()} WHERE `)];
    const conds: Frag[] = [];
    const live = scope.liveFilter();
    if (live) conds.push(frag(live));
    if (q.where) conds.push(new FilterCompiler(scope, { semiJoins: true, operand: (c) => leftField(scope, c) }).compileWhere(q.where));
    parts.push(conds.length ? join(conds, ' AND ') : frag('1'));
    const keptList = [...kept].sort((a, b) => a - b);
    if (keptList.length) {
      parts.push(frag(' GROUP BY ' + keptList.map((i) => (TEXT_TYPES.has(groups[i]!.type) ? `${groups[i]!.sql} COLLATE NOCASE` : groups[i]!.sql)).join(', ')));
    }
    if (q.having) {
      const hc = new FilterCompiler(scope, {
        semiJoins: false,
        operand: (c) => havingOperand(ctx, scope, c, groups, findGroup, gsql),
      });
      const having = ctx.within('having', () => hc.compile(toTree(scope, q.having)));
      parts.push(frag(' HAVING '), having);
    }
    return join(parts, '');
  };

  // Scope joins are discovered while compiling; compile once to collect them, then build for real.
  const columns: AggColumn[] = [];
  buildSet(new Set(all), []);
  const setFrags = sets.map((s, i) => buildSet(new Set(s), i === 0 ? columns : undefined));
  const union = join(setFrags, ' UNION ALL ');
  const nSelect = (q.fields ?? []).length;
  const order: Frag[] = [];
  orderItems(q.orderBy).forEach((item, k) => {
    const info = ctx.within('order', () => orderOperand(ctx, scope, item, groups, findGroup, (i) => groups[i]!.sql, () => '0', mode));
    order.push(orderKey(`c${nSelect + k}`, info.field, item));
  });
  if (mode !== 'plain') {
    const base = nSelect + orderItems(q.orderBy).length;
    groups.forEach((g, i) => order.push(frag(`c${base + 2 * i}`), orderKey(`c${base + 2 * i + 1}`, g.field, {})));
  }
  const parts: Frag[] = [frag('SELECT * FROM ('), union, frag(')')];
  if (order.length) parts.push(frag(' ORDER BY '), join(order, ', '));
  parts.push(limitClause(q.limit, q.offset));
  const full = join(parts, '');
  return { stmt: db.prepare(full.sql).raw(true), params: full.params, columns };
}

function fnKey(name: string, path: string): string {
  return `${name.toUpperCase()}(${path.toLowerCase()})`;
}

function groupKey(scope: Scope, g: { field?: string; fn?: FnExp }): GroupKey {
  if (g.fn) {
    const name = g.fn.functionName.toUpperCase();
    if (!isDateFunction(name)) throw scope.ctx.error('MALFORMED_QUERY', g.fn.functionName, msg.unexpected(g.fn.rawValue ?? name));
    const { raw } = fieldArg(scope, g.fn);
    const r = scope.resolve(raw);
    const bad = dateFunctionArgError(name, r.field);
    if (bad) throw scope.ctx.error('MALFORMED_QUERY', raw, bad);
    return { key: fnKey(name, r.path), sql: dateFunctionSql(name, r.sql), field: r.field, type: name === 'DAY_ONLY' ? 'date' : 'int', raw: g.fn.rawValue ?? name };
  }
  const r = scope.resolve(g.field ?? '');
  if (!r.field.groupable) throw scope.ctx.error('INVALID_FIELD', g.field, msg.notGroupable(r.field.name));
  return { key: r.path.toLowerCase(), sql: r.sql, field: r.field, type: r.field.type, raw: g.field ?? '' };
}

function aggregateSql(scope: Scope, fn: FnExp): { sql: string; field?: FieldDef; type: FieldType; conv: (v: unknown) => unknown } {
  const name = fn.functionName.toUpperCase();
  const params = fn.parameters ?? [];
  if (name === 'COUNT' && params.length === 0) return { sql: 'COUNT(*)', type: 'int', conv: asInt };
  const p = params[0];
  if (typeof p !== 'string' || params.length !== 1) throw scope.ctx.error('MALFORMED_QUERY', fn.functionName, msg.unexpected(fn.rawValue ?? name));
  const r = scope.resolve(p);
  const t = r.field.type;
  const unsupported = () => scope.ctx.error('MALFORMED_QUERY', p, `field ${r.field.name} does not support aggregate operator ${name}`);
  switch (name) {
    case 'COUNT':
      return { sql: `COUNT(${r.sql})`, field: r.field, type: 'int', conv: asInt };
    case 'COUNT_DISTINCT':
      if (t === 'boolean' || (t === 'textarea' && !r.field.filterable)) throw unsupported();
      return { sql: `COUNT(DISTINCT ${TEXT_TYPES.has(t) ? `sf_fold(${r.sql})` : r.sql})`, field: r.field, type: 'int', conv: asInt };
    case 'SUM':
    case 'AVG':
      if (!NUMERIC.has(t)) throw unsupported();
      return { sql: `${name}(${r.sql})`, field: r.field, type: name === 'AVG' ? 'double' : t, conv: (v) => (v == null ? null : Number(v)) };
    case 'MIN':
    case 'MAX':
      if (t === 'boolean' || t === 'multipicklist' || (t === 'textarea' && !r.field.filterable)) throw unsupported();
      if (t === 'picklist' && r.field.picklistValues.length) {
        // Picklists aggregate in their defined order, not alphabetically (Ref p.55).
        return { sql: `${name}(sf_pick_key(${r.sql}, '${r.obj.name}.${r.field.name}'))`, field: r.field, type: t, conv: (v) => (typeof v === 'string' ? v.slice(PICK_KEY_WIDTH) : null) };
      }
      // Text compares case-insensitively, as Salesforce sorts (Ref p.47).
      return { sql: `${name}(${r.sql}${TEXT_TYPES.has(t) ? ' COLLATE NOCASE' : ''})`, field: r.field, type: t, conv: (v) => toWire(r.field, v) };
    default:
      throw scope.ctx.error('MALFORMED_QUERY', fn.functionName, msg.unexpected(fn.rawValue ?? name));
  }
}

function selectItem(
  ctx: CompileContext,
  scope: Scope,
  f: SelectField,
  groups: GroupKey[],
  findGroup: (key: string) => number,
  gsql: (i: number) => string,
  nextExpr: () => string,
  kept: Set<number>,
  mode: string,
): { sql: Frag; key: string; conv: (v: unknown) => unknown } {
  if (f.type === 'Field' || f.type === 'FieldRelationship') {
    const raw = f.rawValue ?? (f.relationships ? [...f.relationships, f.field].join('.') : f.field ?? '');
    const r = scope.resolve(raw);
    const i = findGroup(r.path.toLowerCase());
    if (i < 0) throw ctx.error('MALFORMED_QUERY', raw, msg.mustBeGrouped(r.field.name));
    return { sql: frag(gsql(i)), key: f.alias ?? r.field.name, conv: (v) => toWire(r.field, v) };
  }
  if (f.type === 'FieldFunctionExpression') {
    const fn = f as unknown as FnExp;
    const name = fn.functionName.toUpperCase();
    if (AGGREGATE_FUNCTIONS.has(name)) {
      if (name === 'COUNT' && (fn.parameters ?? []).length === 0) {
        throw ctx.error('MALFORMED_QUERY', fn.functionName, 'COUNT() must be the only element in the SELECT list');
      }
      const a = aggregateSql(scope, fn);
      return { sql: frag(a.sql), key: f.alias ?? nextExpr(), conv: a.conv };
    }
    if (isDateFunction(name)) {
      const { raw } = fieldArg(scope, fn);
      const r = scope.resolve(raw);
      const i = findGroup(fnKey(name, r.path));
      if (i < 0) throw ctx.error('MALFORMED_QUERY', fn.functionName, msg.mustBeGrouped(fn.rawValue ?? name));
      return { sql: frag(gsql(i)), key: f.alias ?? nextExpr(), conv: name === 'DAY_ONLY' ? (v) => v ?? null : asInt };
    }
    if (name === 'GROUPING') {
      if (mode === 'plain') throw ctx.error('MALFORMED_QUERY', fn.functionName, 'GROUPING() can only be used with GROUP BY ROLLUP or CUBE');
      const p = fn.parameters?.[0];
      const r = scope.resolve(typeof p === 'string' ? p : '');
      const i = findGroup(r.path.toLowerCase());
      if (i < 0) throw ctx.error('MALFORMED_QUERY', fn.functionName, msg.mustBeGrouped(r.field.name));
      return { sql: frag(kept.has(i) ? '0' : '1'), key: f.alias ?? nextExpr(), conv: asInt };
    }
    if ((name === 'FORMAT' || name === 'CONVERTCURRENCY') && fn.parameters?.length === 1 && typeof fn.parameters[0] === 'object') {
      // FORMAT(MIN(CloseDate)) / FORMAT(convertCurrency(...)) (Ref p.59): the inner expression's value
      // (one currency, no per-user formatting here), under the outer alias or the inner's key.
      const inner = fn.parameters[0] as FnExp;
      const innerField = { type: 'FieldFunctionExpression', functionName: inner.functionName, parameters: inner.parameters ?? [], rawValue: inner.rawValue, ...(f.alias ? { alias: f.alias } : {}) } as unknown as SelectField;
      return selectItem(ctx, scope, innerField, groups, findGroup, gsql, nextExpr, kept, mode);
    }
    if (name === 'TOLABEL' || name === 'FORMAT' || name === 'CONVERTCURRENCY') {
      const p = fn.parameters?.[0];
      const r = scope.resolve(typeof p === 'string' ? p : '');
      const i = findGroup(r.path.toLowerCase());
      if (i < 0) throw ctx.error('MALFORMED_QUERY', fn.functionName, msg.mustBeGrouped(r.field.name));
      const conv = name === 'TOLABEL' ? (v: unknown) => (v == null ? null : r.field.picklistValues.find((x) => x.value === v)?.label ?? v) : (v: unknown) => toWire(r.field, v);
      return { sql: frag(gsql(i)), key: f.alias ?? r.field.name, conv };
    }
    throw ctx.error('MALFORMED_QUERY', fn.functionName, msg.mustBeGrouped(fn.rawValue ?? name));
  }
  if (f.type === 'FieldSubquery') throw ctx.error('MALFORMED_QUERY', f.subquery?.relationshipName, 'Aggregate queries do not support parent-to-child subqueries');
  throw ctx.error('MALFORMED_QUERY', f.field, msg.mustBeGrouped(f.field ?? ''));
}

/**
 * `COUNT()` exists only as the whole SELECT list; Salesforce's grammar has no `COUNT()` in ORDER BY or
 * HAVING ("no viable alternative at input 'COUNT()'", @salesforce/soql-common), use COUNT(Id) there.
 */
function countOnlyInSelect(ctx: CompileContext, fn: FnExp): void {
  if (fn.functionName.toUpperCase() === 'COUNT' && (fn.parameters ?? []).length === 0) {
    throw ctx.error('MALFORMED_QUERY', fn.functionName, msg.unexpected(fn.rawValue ?? 'COUNT()'));
  }
}

function orderOperand(
  ctx: CompileContext,
  scope: Scope,
  item: { field?: string; fn?: { functionName: string; parameters?: unknown[]; rawValue?: string } },
  groups: GroupKey[],
  findGroup: (key: string) => number,
  gsql: (i: number) => string,
  grouping: (i: number) => string,
  mode: string,
): { sqlFrag: Frag; field?: FieldDef } {
  if (item.fn) {
    const fn = item.fn as FnExp;
    const name = fn.functionName.toUpperCase();
    if (AGGREGATE_FUNCTIONS.has(name)) {
      countOnlyInSelect(ctx, fn);
      const a = aggregateSql(scope, fn);
      return { sqlFrag: frag(a.sql), ...(a.type !== 'int' && a.field ? { field: a.field } : {}) };
    }
    if (isDateFunction(name)) {
      const r = scope.resolve(fieldArg(scope, fn).raw);
      const i = findGroup(fnKey(name, r.path));
      if (i < 0) throw ctx.error('MALFORMED_QUERY', fn.functionName, msg.orderMustBeGrouped(fn.rawValue ?? name));
      return { sqlFrag: frag(gsql(i)) };
    }
    if (name === 'GROUPING' && mode !== 'plain') {
      // `ORDER BY GROUPING(Type)` puts subtotal rows last (Ref p.42, GROUP BY CUBE example).
      const p = fn.parameters?.[0];
      const r = scope.resolve(typeof p === 'string' ? p : '');
      const i = findGroup(r.path.toLowerCase());
      if (i < 0) throw ctx.error('MALFORMED_QUERY', fn.functionName, msg.orderMustBeGrouped(fn.rawValue ?? name));
      return { sqlFrag: frag(grouping(i)) };
    }
    throw ctx.error('MALFORMED_QUERY', fn.functionName, msg.orderMustBeGrouped(fn.rawValue ?? name));
  }
  const r = scope.resolve(item.field ?? '');
  const i = findGroup(r.path.toLowerCase());
  if (i < 0) throw ctx.error('MALFORMED_QUERY', item.field, msg.orderMustBeGrouped(r.field.name));
  void groups;
  return { sqlFrag: frag(gsql(i)), field: r.field };
}

function havingOperand(
  ctx: CompileContext,
  scope: Scope,
  c: RawCondition,
  groups: GroupKey[],
  findGroup: (key: string) => number,
  gsql: (i: number) => string,
): Operand {
  if (c.fn) {
    const fn = c.fn as FnExp;
    const name = fn.functionName.toUpperCase();
    if (AGGREGATE_FUNCTIONS.has(name)) {
      countOnlyInSelect(ctx, fn);
      const a = aggregateSql(scope, fn);
      // Picklist MIN/MAX aggregate over order keys; compare the value itself.
      const sql = a.sql.includes('sf_pick_key(') ? `substr(${a.sql}, ${PICK_KEY_WIDTH + 1})` : a.sql;
      return { sql, type: a.type, ...(a.field ? { field: a.field } : {}), name: fn.rawValue ?? name, isField: false };
    }
    if (isDateFunction(name)) {
      const r = scope.resolve(fieldArg(scope, fn).raw);
      const i = findGroup(fnKey(name, r.path));
      if (i < 0) throw ctx.error('MALFORMED_QUERY', fn.functionName, msg.mustBeGrouped(fn.rawValue ?? name));
      return { sql: gsql(i), type: name === 'DAY_ONLY' ? 'date' : 'int', name: fn.rawValue ?? name, isField: false };
    }
    throw ctx.error('MALFORMED_QUERY', fn.functionName, msg.unexpected(fn.rawValue ?? name));
  }
  const r = scope.resolve(c.field ?? '');
  const i = findGroup(r.path.toLowerCase());
  if (i < 0) throw ctx.error('MALFORMED_QUERY', c.field, msg.mustBeGrouped(r.field.name));
  void groups;
  return { sql: gsql(i), type: r.field.type, field: r.field, name: r.field.name, isField: true };
}
