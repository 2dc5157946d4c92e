/**
 * WHERE and HAVING -> SQL. Semantics follow reference/soql.md §2.2-2.5 and §4.4:
 * - string `=`, `!=`, IN, LIKE are case-insensitive (Unicode-aware: ASCII through SQLite's NOCASE,
 *   anything else through the sf_fold() function);
 * - null is a value: `!=` and NOT IN include rows where the field is null; booleans are never null;
 * - Ids match in 15- or 18-character form; a malformed Id is INVALID_QUERY_FILTER_OPERATOR;
 * - date literals become [start, end) ranges from the org clock, mapped per operator (Ref p.25);
 * - literals must match the field type, with Salesforce's `value of filter criterion ...` message.
 * Every value is a bound parameter.
 */
import { objectNamed } from './symbols.ts';
import type { FieldType } from '../../schema/types.ts';
import { normalizeId } from '../org/ids.ts';
import { parseDatetime } from '../org/values.ts';
import { dateLiteralRange, N_LITERALS, rangeBounds } from './date-literals.ts';
import { decodeString, fold, isAscii, parseNumber } from './literals.ts';
import { dateFunctionOperand, labelOperand, type Operand } from './operand.ts';
import { Scope } from './scope.ts';
import { at, msg } from './soql-errors.ts';
import { dyn, frag, join, val, type Frag, type SqlParam } from './sql-fragment.ts';
import { buildTree, TreeError, type BoolTree } from './where-tree.ts';

export interface RawCondition {
  field?: string;
  fn?: { functionName: string; parameters?: unknown[]; rawValue?: string };
  operator: string;
  value?: string | string[];
  literalType?: string | string[];
  dateLiteralVariable?: number | (number | null)[];
  valueQuery?: Record<string, unknown>;
}

export const TEXT_TYPES = new Set<FieldType>(['string', 'textarea', 'picklist', 'multipicklist', 'email', 'phone', 'url']);
const NUMBER_TYPES = new Set<FieldType>(['int', 'double', 'currency', 'percent']);

type Lit = { k: 'null' } | { k: 'v'; v: SqlParam } | { k: 'range'; literal: string; n: number };

export interface FilterOptions {
  /** Resolve the left side of a condition. */
  operand: (c: RawCondition) => Operand;
  /** Semi/anti-joins allowed (top-level WHERE only). */
  semiJoins: boolean;
}

function typeLabel(t: FieldType): string {
  if (TEXT_TYPES.has(t)) return 'string';
  if (t === 'datetime') return 'dateTime';
  if (t === 'reference') return 'id';
  if (t === 'currency' || t === 'percent') return 'double';
  return t;
}

export class FilterCompiler {
  private semiJoinCount = 0;
  constructor(
    readonly scope: Scope,
    readonly opts: FilterOptions,
  ) {}

  get ctx() {
    return this.scope.ctx;
  }

  compile(tree: BoolTree<RawCondition>, under: { or: boolean; not: boolean; depth: number } = { or: false, not: false, depth: 0 }): Frag {
    if ('and' in tree) {
      const parts = tree.and.map((t) => this.compile(t, { ...under, depth: under.depth + 1 }));
      return { sql: `(${parts.map((p) => p.sql).join(' AND ')})`, params: parts.flatMap((p) => p.params) };
    }
    if ('or' in tree) {
      const parts = tree.or.map((t) => this.compile(t, { ...under, or: true, depth: under.depth + 1 }));
      return { sql: `(${parts.map((p) => p.sql).join(' OR ')})`, params: parts.flatMap((p) => p.params) };
    }
    if ('not' in tree) {
      const inner = this.compile(tree.not, { ...under, not: true, depth: under.depth + 1 });
      return { sql: `(NOT ${inner.sql})`, params: inner.params };
    }
    const c = tree.cond;
    if (c.valueQuery || c.literalType === 'SUBQUERY') return this.semiJoin(c, under);
    return this.condition(c);
  }

  private condition(c: RawCondition): Frag {
    const left = this.opts.operand(c);
    const op = c.operator.toUpperCase() === '<>' ? '!=' : c.operator.toUpperCase();
    const values = Array.isArray(c.value) ? c.value : [c.value ?? ''];
    const types = Array.isArray(c.literalType) ? c.literalType : values.map(() => c.literalType as string);
    const ns = Array.isArray(c.dateLiteralVariable) ? c.dateLiteralVariable : values.map(() => c.dateLiteralVariable as number | undefined);
    const list = op === 'IN' || op === 'NOT IN' || op === 'INCLUDES' || op === 'EXCLUDES';
    if (!list && Array.isArray(c.value)) throw this.ctx.error('MALFORMED_QUERY', left.name, msg.unexpected('('));
    if (list && !Array.isArray(c.value)) throw this.ctx.error('MALFORMED_QUERY', left.name, msg.unexpected(String(c.value)));
    if (op === 'LIKE') return this.like(left, values[0]!, types[0]!);
    if (op === 'INCLUDES' || op === 'EXCLUDES') return this.includes(left, op, values, types);
    const lits = values.map((v, i) => this.literal(left, v, types[i] ?? 'STRING', ns[i] ?? undefined, op));
    if (list) {
      const parts = lits.map((l) => this.compare(left, '=', l));
      const any: Frag = parts.length === 1 ? parts[0]! : { sql: `(${parts.map((p) => p.sql).join(' OR ')})`, params: parts.flatMap((p) => p.params) };
      if (op === 'IN') {
        const scalar = lits.every((l) => l.k === 'v');
        if (scalar && lits.length > 1) return this.inList(left, lits as { k: 'v'; v: SqlParam }[], false);
        return any;
      }
      const hasNull = lits.some((l) => l.k === 'null');
      const scalar = lits.every((l) => l.k === 'v');
      const neg = scalar && lits.length > 1 ? this.inList(left, lits as { k: 'v'; v: SqlParam }[], true) : { sql: `(NOT ${any.sql})`, params: any.params };
      if (hasNull || left.type === 'boolean') return neg;
      return { sql: `(${left.sql} IS NULL OR ${neg.sql})`, params: neg.params };
    }
    return this.compare(left, op, lits[0]!);
  }

  private inList(left: Operand, lits: { v: SqlParam }[], negate: boolean): Frag {
    const text = TEXT_TYPES.has(left.type);
    const ascii = !text || lits.every((l) => typeof l.v !== 'string' || isAscii(l.v));
    const lhs = !text ? left.sql : ascii ? `${left.sql} COLLATE NOCASE` : `sf_fold(${left.sql})`;
    const params = lits.map((l) => val(text && !ascii && typeof l.v === 'string' ? fold(l.v) : l.v));
    return frag(`(${lhs} ${negate ? 'NOT IN' : 'IN'} (${lits.map(() => '?').join(', ')}))`, ...params);
  }

  /** Convert one literal for `left`, enforcing Salesforce's type rules. */
  literal(left: Operand, raw: string, type: string, n: number | undefined, op: string): Lit {
    const t = left.type;
    const mismatch = () => {
      const quoted = TEXT_TYPES.has(t) || t === 'id' || t === 'reference';
      return this.ctx.error('INVALID_FIELD', left.name, msg.typeMismatch(left.field && left.isField ? left.field.name : left.name, typeLabel(t), quoted));
    };
    switch (type) {
      case 'NULL':
        return { k: 'null' };
      case 'STRING': {
        if (TEXT_TYPES.has(t)) {
          const s = decodeString(raw);
          return s === '' ? { k: 'null' } : { k: 'v', v: s };
        }
        if (t === 'id' || t === 'reference') {
          const s = decodeString(raw);
          if (s === '') return { k: 'null' };
          const id = normalizeId(s);
          if (!id) throw this.ctx.error('INVALID_QUERY_FILTER_OPERATOR', left.name, msg.invalidId(s)); // caret on the field, as in salesforcedx-apex#153
          return { k: 'v', v: id };
        }
        throw mismatch();
      }
      case 'BOOLEAN':
        if (t !== 'boolean') throw mismatch();
        return { k: 'v', v: raw.toUpperCase() === 'TRUE' ? 1 : 0 };
      case 'INTEGER':
      case 'DECIMAL':
      case 'INTEGER_WITH_CURRENCY_PREFIX':
      case 'DECIMAL_WITH_CURRENCY_PREFIX': {
        // ISO-code literals (`USD5000`) exist only in multi-currency orgs; this org has one currency, and
        // Salesforce's grammar without multi-currency has no such token ("no viable alternative at input
        // 'USD50'" in @salesforce/soql-common, Summer '24 wording `unexpected token: '...'`).
        if (type.endsWith('CURRENCY_PREFIX')) throw this.ctx.errorAtText('MALFORMED_QUERY', raw, msg.unexpected(raw));
        if (!NUMBER_TYPES.has(t)) throw mismatch();
        const v = parseNumber(raw);
        if (!Number.isFinite(v)) throw mismatch();
        return { k: 'v', v };
      }
      case 'DATE': {
        if (t !== 'date') throw mismatch();
        const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
        const ok = d && new Date(Date.UTC(+d[1]!, +d[2]! - 1, +d[3]!)).toISOString().slice(0, 10) === raw;
        if (!ok) throw this.ctx.errorAtText('MALFORMED_QUERY', raw, `Invalid date: ${raw}`);
        return { k: 'v', v: raw };
      }
      case 'DATETIME': {
        if (t !== 'datetime') throw mismatch();
        const iso = parseDatetime(raw);
        if (!iso || iso < '1700-01-01' || iso > '4000-12-31T00:00:00.000Z') throw this.ctx.errorAtText('MALFORMED_QUERY', raw, `Invalid datetime: ${raw}`);
        return { k: 'v', v: iso };
      }
      case 'DATE_LITERAL':
      case 'DATE_N_LITERAL': {
        if (t !== 'date' && t !== 'datetime') throw mismatch();
        if (!left.isField) throw mismatch();
        const literal = raw.split(':')[0]!.trim().toUpperCase();
        const count = type === 'DATE_N_LITERAL' ? Number(n ?? raw.split(':')[1]) : 0;
        if (N_LITERALS.has(literal) !== (type === 'DATE_N_LITERAL') || !Number.isInteger(count) || count < 0 || dateLiteralRange(literal, count, 0) === undefined) {
          throw this.ctx.error('MALFORMED_QUERY', left.name, msg.unexpected(raw));
        }
        void op;
        return { k: 'range', literal, n: count };
      }
      default:
        throw this.ctx.error('MALFORMED_QUERY', left.name, msg.unexpected(raw));
    }
  }

  private compare(left: Operand, op: string, lit: Lit): Frag {
    const x = left.type === 'boolean' ? `COALESCE(${left.sql}, 0)` : left.sql;
    if (lit.k === 'null') {
      // Booleans are never null: `= null` means false, `!= null` true (Ref p.33).
      if (left.type === 'boolean') {
        if (op === '=') return frag(`${x} = 0`);
        if (op === '!=') return frag(`${x} = 1`);
      }
      if (op === '=') return frag(`${x} IS NULL`);
      if (op === '!=') return frag(`${x} IS NOT NULL`);
      return frag('0');
    }
    if (lit.k === 'range') return this.range(left, op, lit.literal, lit.n);
    const text = TEXT_TYPES.has(left.type) && typeof lit.v === 'string';
    if (text) {
      const s = lit.v as string;
      const [lhs, p] = isAscii(s) ? [`${x}`, s] : [`sf_fold(${x})`, fold(s)];
      const coll = isAscii(s) ? ' COLLATE NOCASE' : '';
      if (op === '=') return frag(`${lhs} = ?${coll}`, val(p));
      if (op === '!=') return frag(`(${x} IS NULL OR ${lhs} <> ?${coll})`, val(p));
      return frag(`${lhs} ${op} ?${coll}`, val(p));
    }
    if (op === '=') return frag(`${x} = ?`, val(lit.v));
    if (op === '!=') return frag(`${x} IS NOT ?`, val(lit.v));
    if (!['<', '<=', '>', '>='].includes(op)) throw this.ctx.error('MALFORMED_QUERY', left.name, msg.unexpected(op));
    return frag(`${x} ${op} ?`, val(lit.v));
  }

  /** Range literal semantics (Ref p.25): `=` inside, `!=` outside, `<` before, `>` after. */
  private range(left: Operand, op: string, literal: string, n: number): Frag {
    const kind = left.type === 'date' ? 'date' : 'datetime';
    const lo = dyn((c) => rangeBounds(dateLiteralRange(literal, n, c.nowMs)!, kind, c.nowMs).lo);
    const hi = dyn((c) => rangeBounds(dateLiteralRange(literal, n, c.nowMs)!, kind, c.nowMs).hi);
    const x = left.sql;
    switch (op) {
      case '=': return frag(`(${x} >= ? AND ${x} < ?)`, lo, hi);
      case '!=': return frag(`(${x} IS NULL OR ${x} < ? OR ${x} >= ?)`, lo, hi);
      case '<': return frag(`${x} < ?`, lo);
      case '<=': return frag(`${x} < ?`, hi);
      case '>': return frag(`${x} >= ?`, hi);
      case '>=': return frag(`${x} >= ?`, lo);
      default: throw this.ctx.error('MALFORMED_QUERY', left.name, msg.unexpected(op));
    }
  }

  private like(left: Operand, raw: string, type: string): Frag {
    if (left.type === 'id') throw this.ctx.error('INVALID_QUERY_FILTER_OPERATOR', left.name, 'invalid operator on id field');
    if (type === 'NULL') return frag('0');
    if (type !== 'STRING' || !(TEXT_TYPES.has(left.type) || left.type === 'reference')) {
      throw this.ctx.error('INVALID_FIELD', left.name, msg.typeMismatch(left.field?.name ?? left.name, typeLabel(left.type), TEXT_TYPES.has(left.type) || left.type === 'reference'));
    }
    const pattern = decodeString(raw, true);
    if (isAscii(pattern)) return frag(`${left.sql} LIKE ? ESCAPE '!'`, val(pattern));
    return frag(`sf_fold(${left.sql}) LIKE ? ESCAPE '!'`, val(fold(pattern)));
  }

  /** Multi-select picklists: `;` inside one value means AND, values are ORed (Ref p.32-33). */
  private includes(left: Operand, op: string, values: string[], types: string[]): Frag {
    if (left.type !== 'multipicklist') {
      throw this.ctx.error('INVALID_QUERY_FILTER_OPERATOR', left.name, 'includes or excludes operator only valid on multipicklist field');
    }
    const alts: Frag[] = values.map((v, i) => {
      if (types[i] !== 'STRING') throw this.ctx.error('INVALID_FIELD', left.name, msg.typeMismatch(left.name, 'string', true));
      const parts = decodeString(v).split(';').map((s) => s.trim()).filter(Boolean);
      return join(parts.map((p) => frag(`instr(';' || sf_fold(${left.sql}) || ';', ?) > 0`, val(`;${fold(p)};`))), ' AND ');
    });
    const any = { sql: `(${alts.map((a) => `(${a.sql})`).join(' OR ')})`, params: alts.flatMap((a) => a.params) };
    return op === 'INCLUDES' ? any : { sql: `(${left.sql} IS NULL OR NOT ${any.sql})`, params: any.params };
  }

  /** `Id IN (SELECT AccountId FROM Case ...)` and NOT IN (Ref p.20-24, reference/soql.md §2.11). */
  private semiJoin(c: RawCondition, under: { or: boolean; not: boolean; depth: number }): Frag {
    const name = c.field ?? '';
    if (!this.opts.semiJoins) throw this.ctx.error('MALFORMED_QUERY', name, 'Nesting of semi join sub-selects is not supported');
    if (under.or) throw this.ctx.error('MALFORMED_QUERY', name, "Semi join sub-selects are not allowed with the 'OR' operator");
    if (under.not) throw this.ctx.error('MALFORMED_QUERY', name, "Semi join sub-selects are not allowed with the 'NOT' operator");
    if (under.depth > 1) {
      throw this.ctx.error('MALFORMED_QUERY', name, 'Semi join sub-selects are only allowed at the top level WHERE expressions and not in nested WHERE expressions.');
    }
    if (++this.semiJoinCount > 2) throw this.ctx.error('MALFORMED_QUERY', name, 'Maximum of 2 semi join sub-selects are allowed in a query');
    const op = c.operator.toUpperCase();
    if (op !== 'IN' && op !== 'NOT IN') throw this.ctx.error('MALFORMED_QUERY', name, msg.unexpected('SELECT'));
    const left = this.scope.resolve(name);
    if (left.rels.length > 0 || (left.field.type !== 'id' && left.field.type !== 'reference')) {
      throw this.ctx.error('INVALID_FIELD', name, `Semi join sub-selects are only allowed on Id or reference fields: ${left.path}`);
    }
    const q = c.valueQuery as { sObject?: string; fields?: { type: string; field?: string }[]; where?: unknown; limit?: number; offset?: number; orderBy?: unknown; groupBy?: unknown; having?: unknown; for?: string };
    // "You can't use the COUNT, FOR UPDATE, ORDER BY, and LIMIT keywords in subqueries" (Ref p.23,
    // reference/soql.md §2.11); nor GROUP BY/HAVING/OFFSET, which only make sense with them. Rejected
    // at the keyword rather than silently ignored.
    const clause = q.groupBy ? 'GROUP' : q.having ? 'HAVING' : q.orderBy ? 'ORDER' : q.limit !== undefined ? 'LIMIT' : q.offset !== undefined ? 'OFFSET' : q.for ? 'FOR' : undefined;
    if (clause) {
      // The keyword after this semi-join's `IN (SELECT`.
      const toks = this.ctx.tokens;
      const starts = toks.filter((t, i) => i >= 2 && t.text.toLowerCase() === 'select' && toks[i - 1]!.text === '(' && toks[i - 2]!.text.toLowerCase() === 'in');
      const from = starts[this.semiJoinCount - 1]?.offset ?? 0;
      const kw = toks.find((t) => t.kind === 'ident' && t.text.toUpperCase() === clause && t.offset > from);
      throw kw ? at('MALFORMED_QUERY', this.ctx.text, kw.offset, msg.unexpected(kw.text)) : this.ctx.error('MALFORMED_QUERY', undefined, msg.unexpected(clause));
    }
    const inner = objectNamed(q.sObject ?? '');
    if (!inner) throw this.ctx.error('INVALID_TYPE', q.sObject, msg.unsupportedType(q.sObject ?? ''));
    if (inner === this.scope.obj) throw this.ctx.error('INVALID_FIELD', q.sObject, 'The inner and outer selects should not be on the same object type');
    const sel = q.fields ?? [];
    if (sel.length !== 1 || (sel[0]!.type !== 'Field' && sel[0]!.type !== 'FieldRelationship')) {
      throw this.ctx.error('MALFORMED_QUERY', q.sObject, 'Semi join sub-selects can only select one field');
    }
    // No alias on the inner field: the grammar expects FROM right after it ("extraneous input").
    const alias = (sel[0] as { alias?: string }).alias;
    if (alias) {
      const toks = this.ctx.tokens;
      const start = toks.findIndex((t, i) => i >= 2 && t.text.toLowerCase() === 'select' && toks[i - 1]!.text === '(' && toks[i - 2]!.text.toLowerCase() === 'in' && toks[i + 2]?.text === alias);
      throw start >= 0 ? at('MALFORMED_QUERY', this.ctx.text, toks[start + 2]!.offset, msg.unexpected(alias)) : this.ctx.error('MALFORMED_QUERY', undefined, msg.unexpected(alias));
    }
    const innerScope = new Scope(this.ctx, inner);
    const innerField = innerScope.resolve((sel[0] as { rawValue?: string; field: string }).rawValue ?? sel[0]!.field!);
    if (innerField.field.type !== 'id' && innerField.field.type !== 'reference') {
      throw this.ctx.error('INVALID_FIELD', innerField.field.name, `The selected field '${innerField.field.name}' in the subquery must be an Id or reference field`);
    }
    const innerFilter = new FilterCompiler(innerScope, {
      semiJoins: false,
      operand: (ic) => leftField(innerScope, ic),
    });
    const conds: Frag[] = [frag(`${innerField.sql} IS NOT NULL`)];
    const live = innerScope.liveFilter();
    if (live) conds.push(frag(live));
    if (q.where) conds.push(innerFilter.compileWhere(q.where));
    const where = join(conds, ' AND ');
    const sub = { sql: `SELECT ${innerField.sql} FROM ${innerScope.fromSql()} WHERE ${where.sql}`, params: where.params };
    if (op === 'IN') return { sql: `${left.sql} IN (${sub.sql})`, params: sub.params };
    return { sql: `(${left.sql} IS NULL OR ${left.sql} NOT IN (${sub.sql}))`, params: sub.params };
  }

  compileWhere(where: unknown): Frag {
    return this.ctx.within('where', () => this.compile(toTree(this.scope, where)));
  }
}


export function toTree(scope: Scope, where: unknown): BoolTree<RawCondition> {
  try {
    return buildTree<RawCondition>(where);
  } catch (e) {
    if (e instanceof TreeError) throw scope.ctx.error('MALFORMED_QUERY', undefined, msg.unexpected(e.message));
    throw e;
  }
}

/** Default WHERE operand: a filterable field, or a date function of one. */
export function leftField(scope: Scope, c: RawCondition): Operand {
  if (c.fn) {
    const fn = c.fn as Parameters<typeof dateFunctionOperand>[1];
    if (fn.functionName.toLowerCase() === 'tolabel') return labelOperand(scope, fn);
    return dateFunctionOperand(scope, fn);
  }
  const r = scope.resolve(c.field ?? '');
  if (!r.field.filterable) throw scope.ctx.error('INVALID_FIELD', c.field, msg.notFilterable(r.field.name));
  return { sql: r.sql, type: r.field.type, field: r.field, name: r.field.name, isField: true };
}

