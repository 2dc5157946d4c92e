/**
 * SOQL text -> compiled plan: parse, then the checks Salesforce makes that the parser does not
 * (object names, clause rules, OFFSET, FOR/WITH/USING support, the Knowledge restriction), then the
 * record, COUNT() or aggregate compiler.
 */
import type Database from 'better-sqlite3';
import { fieldOf, objectNamed } from './symbols.ts';
import { SalesforceError } from '../errors/salesforce-error.ts';
import { compileAggregate, isAggregateQuery } from './compile-aggregate.ts';
import { compileRecords, type SelectQuery } from './compile-records.ts';
import { FilterCompiler, leftField, toTree, type RawCondition } from './filter.ts';
import { parseSoql } from './parse.ts';
import type { Compiled, RecordPlan, VersionedError } from './plan-types.ts';
import { CompileContext, Scope } from './scope.ts';
import { at, msg } from './soql-errors.ts';
import { frag, join, limitClause, type Frag } from './sql-fragment.ts';
import type { BoolTree } from './where-tree.ts';

/** Salesforce: OFFSET is at most 2,000 (Ref p.49). */
export const MAX_OFFSET = 2000;

const USING_SCOPES = new Set(['delegated', 'everything', 'mine', 'mine_and_my_groups', 'my_territory', 'my_team_territory', 'team']);

export interface CompileOptions {
  includeDeleted: boolean;
  idFilter: boolean;
}

interface ParsedQuery extends SelectQuery {
  withSecurityEnforced?: boolean;
  withAccessLevel?: string;
  withDataCategory?: unknown;
  for?: string;
  update?: string;
}

export function compile(db: Database.Database, text: string, opts: CompileOptions): Compiled {
  const { ast, tokens } = parseSoql(text);
  const q = ast as unknown as ParsedQuery;
  const ctx = new CompileContext(text, tokens, opts.includeDeleted);
  const obj = objectNamed(q.sObject ?? '');
  if (!obj) throw ctx.error('INVALID_TYPE', q.sObject, msg.unsupportedType(q.sObject ?? ''));
  if (q.offset !== undefined && q.offset > MAX_OFFSET) {
    throw new SalesforceError('NUMBER_OUTSIDE_VALID_RANGE', `Maximum SOQL offset allowed is ${MAX_OFFSET}`, 400);
  }
  if (q.withAccessLevel) {
    // USER_MODE / SYSTEM_MODE are Apex-only (Summer '24 notes, reference/soql.md §2.12).
    throw ctx.error('MALFORMED_QUERY', q.withAccessLevel, APEX_ONLY);
  }
  if (q.withDataCategory) throw ctx.error('MALFORMED_QUERY', 'DATA', 'WITH DATA CATEGORY is not supported: this org has no data category groups');
  if (q.usingScope && !USING_SCOPES.has(q.usingScope.toLowerCase())) throw ctx.error('MALFORMED_QUERY', q.usingScope, msg.unexpected(q.usingScope));
  if (q.for === 'UPDATE') {
    // Record locking is Apex's; Salesforce's API grammar has no FOR UPDATE (@salesforce/soql-common:
    // "no viable alternative at input 'FOR UPDATE'", Summer '24 wording `unexpected token: '...'`).
    const i = tokens.findIndex((t, k) => t.kind === 'ident' && t.text.toLowerCase() === 'for' && tokens[k + 1]?.text.toLowerCase() === 'update');
    const update = tokens[i + 1];
    throw update ? at('MALFORMED_QUERY', text, update.offset, msg.unexpected(text.slice(tokens[i]!.offset, update.offset + update.text.length))) : ctx.error('MALFORMED_QUERY', 'UPDATE', msg.unexpected('FOR UPDATE'));
  }
  const scope = new Scope(ctx, obj, q.sObjectAlias);
  if (obj.name === 'Knowledge__kav' && !opts.idFilter) checkKnowledgeFilter(scope, q);

  // Since API 61 (Summer '24) WITH SECURITY_ENFORCED is Apex-only; earlier versions accept it
  // (reference/soql.md §2.12). All fields are readable here, so where accepted it changes nothing.
  const versionedErrors: VersionedError[] = [];
  if (q.withSecurityEnforced) versionedErrors.push({ fromVersion: 61, error: ctx.error('MALFORMED_QUERY', 'SECURITY_ENFORCED', APEX_ONLY) });
  const plan = compileBody(db, ctx, scope, q, opts);
  // Child subqueries nested in child subqueries need API 58.0+ (Ref p.66, reference/soql.md §2.10).
  const nested = plan.kind === 'records' ? nestedChild(plan.plan) : undefined;
  if (nested) versionedErrors.push({ beforeVersion: 58, error: ctx.error('MALFORMED_QUERY', nested, 'SOQL statements cannot query aggregate relationships more than 1 level away from the root entity object.') });
  return versionedErrors.length ? { ...plan, versionedErrors } : plan;
}

/** The relationship name of the first child subquery inside a child subquery, if any. */
function nestedChild(plan: RecordPlan): string | undefined {
  for (const n of plan.nodes) {
    if (n.t !== 'c') continue;
    const inner = n.plan.nodes.find((x) => x.t === 'c');
    if (inner) return inner.key;
  }
  return undefined;
}

const APEX_ONLY = 'rule soqlWithIdentifierClause failed predicate: {this.helper.allowApexSyntax() && this.helper.hasApexContext()}?';

function compileBody(db: Database.Database, ctx: CompileContext, scope: Scope, q: ParsedQuery, opts: CompileOptions): Compiled {
  const fields = q.fields ?? [];
  const isCountOnly = fields.length === 1 && fields[0]!.type === 'FieldFunctionExpression' && (fields[0]!.functionName ?? '').toUpperCase() === 'COUNT' && (fields[0]!.parameters ?? []).length === 0;
  if (isCountOnly) return compileCount(db, ctx, scope, q, opts);
  // "TYPEOF isn't allowed in queries that don't return objects, such as COUNT()", nor with GROUP BY,
  // GROUP BY ROLLUP/CUBE or HAVING (SOQL Reference, TYPEOF). Wording unverified.
  if (fields.some((f) => f.type === 'FieldTypeof') && (isAggregateQuery(q) || q.groupBy || q.having)) {
    throw ctx.error('MALFORMED_QUERY', 'TYPEOF', 'TYPEOF expressions are not supported in aggregate queries');
  }
  if (isAggregateQuery(q)) {
    if (opts.idFilter) throw ctx.error('MALFORMED_QUERY', undefined, 'Aggregate queries are not supported here');
    const a = compileAggregate(ctx, scope, q, db);
    return { kind: 'aggregate', ...a };
  }
  return { kind: 'records', plan: compileRecords(ctx, scope, q, { db, depth: 0, idFilter: opts.idFilter }) };
}

/** `SELECT COUNT() FROM ...`: only totalSize comes back (Ref p.56, reference/salesforce-api.md §3.3). */
function compileCount(db: Database.Database, ctx: CompileContext, scope: Scope, q: ParsedQuery, opts: CompileOptions): Compiled {
  if (q.orderBy) throw ctx.error('MALFORMED_QUERY', 'ORDER', 'COUNT() cannot be used with ORDER BY');
  const conds: Frag[] = [];
  const live = scope.liveFilter();
  if (live) conds.push(frag(live));
  if (q.where) conds.push(new FilterCompiler(scope, { semiJoins: true, operand: (c) => leftField(scope, c) }).compileWhere(q.where));
  if (opts.idFilter) conds.push(frag(`${scope.alias}."Id" IN (SELECT value FROM json_each(?))`, { dyn: (c) => c.idsJson ?? '[]' }));
  const where = conds.length ? join(conds, ' AND ') : frag('1');
  let group = '';
  if (q.groupBy) {
    const raw = (Array.isArray(q.groupBy) ? q.groupBy : [q.groupBy]) as { field?: string }[];
    group = ' GROUP BY ' + raw.map((g) => {
      const r = scope.resolve(g.field ?? '');
      if (!r.field.groupable) throw ctx.error('INVALID_FIELD', g.field, msg.notGroupable(r.field.name));
      return r.sql;
    }).join(', ');
  }
  const limit = limitClause(q.limit, q.offset);
  const inner = join([frag(`SELECT 1 FROM ${scope.fromSql()} WHERE `), where, frag(group), limit], '');
  const full = { sql: `SELECT COUNT(*) FROM (${inner.sql})`, params: inner.params };
  return { kind: 'count', stmt: db.prepare(full.sql).raw(true), params: full.params };
}

const KNOWLEDGE_RESTRICTION =
  'Implementation restriction: When querying or searching the Knowledge__kav object, you must filter using the following syntax: Id = [single ID], Id IN [list of ID\'s] or PublishStatus = [status]. In addition PublishStatus is only permitted in a top-level AND condition.';

/** Article-version queries must filter by Id or PublishStatus at the top level (reference/salesforce-api.md §4, nforce#148). */
function checkKnowledgeFilter(scope: Scope, q: ParsedQuery): void {
  const fail = () => new SalesforceError('MALFORMED_QUERY', KNOWLEDGE_RESTRICTION, 400);
  if (!q.where) throw fail();
  const tree = toTree(scope, q.where);
  const top: BoolTree<RawCondition>[] = 'and' in tree ? tree.and : [tree];
  const ok = top.some((t) => {
    if (!('cond' in t) || !t.cond.field) return false;
    const name = scope.segments(t.cond.field);
    if (name.length !== 1) return false;
    const f = fieldOf(scope.obj, name[0]!);
    const op = t.cond.operator.toUpperCase();
    return !!f && (f.name === 'Id' || f.name === 'PublishStatus') && (op === '=' || op === 'IN');
  });
  if (!ok) throw fail();
}

