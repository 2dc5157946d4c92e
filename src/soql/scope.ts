/**
 * Name resolution for one FROM object: field paths (`Account.Owner.Name`, `Case.Subject`, alias
 * prefixes) resolve case-insensitively against schema/ and become columns of LEFT JOINed parents, one
 * join per distinct relationship path (reference/soql.md §4.4). LEFT JOIN gives Salesforce's outer-join
 * semantics for parent filters and ORDER BY (Ref p.72).
 */
import { fieldOf, objectNamed, parentRelOf } from './symbols.ts';
import { getObject } from '../../schema/index.ts';
import { isPolymorphic, NAME_OBJECT, nameFieldSql, polyIdSql, type PolyTarget } from './polymorphic.ts';
import type { FieldDef, ObjectDef } from '../../schema/types.ts';
import type { Token } from './lexer.ts';
import { findIdent } from './lexer.ts';
import { at, msg } from './soql-errors.ts';
import { ident } from './sql-fragment.ts';
import { addressSql } from '../org/compound-address.ts';

/** Salesforce: no more than five levels of child-to-parent relationship (Ref p.64). */
export const MAX_PARENT_DEPTH = 5;

export interface RelStep {
  /** Canonical relationship name (`Account`, `IssueId__r`). */
  name: string;
  obj: ObjectDef;
  alias: string;
  /** SQL of the parent's Id (NULL when there is no parent): a column, or a COALESCE over polymorphic targets. */
  idSql: string;
}

/** Where a path walk stands: an object and its table alias, or the Name object over polymorphic targets. */
export interface Cursor {
  obj: ObjectDef;
  alias: string;
  targets?: PolyTarget[];
  /** Join-key prefix of the relationships walked so far (`Account.Owner.`). */
  key: string;
}

export interface ResolvedField {
  field: FieldDef;
  /** Object the field belongs to. */
  obj: ObjectDef;
  /** SQL column reference, e.g. `t1."Name"`. */
  sql: string;
  rels: RelStep[];
  /** Canonical dotted path without object prefix (`Account.Name`). */
  path: string;
}

export class CompileContext {
  private aliasCounter = 0;
  constructor(
    readonly text: string,
    readonly tokens: Token[],
    readonly includeDeleted: boolean,
  ) {}

  nextAlias(prefix = 't'): string {
    return `${prefix}${this.aliasCounter++}`;
  }

  /** Where name searches start: errors in WHERE point at the WHERE occurrence of a field. */
  private searchFrom = 0;

  /** Run `fn` with error positions searched from the first `keyword` token on (e.g. `where`). */
  within<T>(keyword: string, fn: () => T): T {
    const saved = this.searchFrom;
    const t = this.tokens.find((x) => x.offset >= saved && x.kind === 'ident' && x.text.toLowerCase() === keyword);
    if (t) this.searchFrom = t.offset;
    try {
      return fn();
    } finally {
      this.searchFrom = saved;
    }
  }

  /** Position of an identifier in the query text, for error headers. */
  pos(name: string | undefined): number | undefined {
    if (!name) return undefined;
    const last = name.split('.').pop()!;
    return findIdent(this.tokens, name, this.searchFrom) ?? findIdent(this.tokens, last, this.searchFrom) ?? findIdent(this.tokens, name) ?? findIdent(this.tokens, last);
  }

  /** An error pointing at the first occurrence of `literal` (a value, not a name) in the query text. */
  errorAtText(code: string, literal: string, detail: string): Error {
    const i = this.text.indexOf(literal, this.searchFrom);
    return at(code, this.text, i >= 0 ? i : this.text.indexOf(literal) >= 0 ? this.text.indexOf(literal) : undefined, detail);
  }

  error(code: string, near: string | undefined, detail: string): Error {
    return at(code, this.text, this.pos(near), detail);
  }
}

interface Join {
  key: string;
  alias: string;
  obj: ObjectDef;
  sql: string;
  /** A polymorphic relationship: one LEFT JOIN per modelled target (./polymorphic.ts). */
  targets?: PolyTarget[];
}

export class Scope {
  readonly alias: string;
  private readonly joins = new Map<string, Join>();

  constructor(
    readonly ctx: CompileContext,
    readonly obj: ObjectDef,
    /** The `FROM Case c` alias, if any. */
    readonly objAlias?: string,
  ) {
    this.alias = ctx.nextAlias();
  }

  /** `FROM "Case" t0 LEFT JOIN ...` */
  fromSql(): string {
    return [`${ident(this.obj.name)} ${this.alias}`, ...[...this.joins.values()].map((j) => j.sql)].join(' ');
  }

  /** Soft-deleted rows are hidden unless queryAll (Ref: queryAll). */
  liveFilter(): string | undefined {
    if (this.ctx.includeDeleted || !fieldOf(this.obj, 'IsDeleted')) return undefined;
    // Unary + keeps SQLite off the IsDeleted index: nearly every row is live, so that index only
    // hides better ones (an ORDER BY CreatedDate LIMIT n can then walk the CreatedDate index).
    return `+${this.alias}."IsDeleted" = 0`;
  }

  /** Split a raw path, dropping an object-name or FROM-alias prefix (`Case.Subject`, `c.Subject`). */
  segments(raw: string): string[] {
    const parts = raw.split('.');
    if (parts.length > 1) {
      const first = parts[0]!.toLowerCase();
      if (this.objAlias !== undefined && first === this.objAlias.toLowerCase()) parts.shift();
      else if (first === this.obj.name.toLowerCase() && !parentRelOf(this.obj, parts[0]!)) parts.shift();
    }
    return parts;
  }

  /** A field path inside a TYPEOF branch: plain segments, no object or alias prefix. */
  segmentsOf(raw: string): string[] {
    const parts = raw.split('.');
    if (parts.some((p) => p === '')) throw this.ctx.error('MALFORMED_QUERY', raw, msg.unexpected(raw));
    return parts;
  }

  /** The root cursor: the FROM object. */
  root(): Cursor {
    return { obj: this.obj, alias: this.alias, key: '' };
  }

  /** SQL of field `f` at cursor `c`. */
  columnSql(c: Cursor, f: FieldDef): string {
    if (c.targets) return nameFieldSql(f, c.targets, fieldOf);
    if (f.type === 'address') return addressSql(c.obj, f, (n) => `${c.alias}.${ident(n)}`);
    return `${c.alias}.${ident(f.name)}`;
  }

  /**
   * Follow the relationship `part` from `c` (LEFT JOIN once per distinct path), or throw Salesforce's
   * INVALID_FIELD. `depth` is the number of relationships already walked from the root.
   */
  step(c: Cursor, part: string, raw: string, depth: number): { cursor: Cursor; rel: RelStep; fk: FieldDef } {
    const fk = parentRelOf(c.obj, part);
    const poly = fk !== undefined && isPolymorphic(fk);
    const target = fk && !poly ? objectNamed(fk.referenceTo[0] ?? '') : undefined;
    if (!fk || (!poly && !target)) throw this.ctx.error('INVALID_FIELD', raw, msg.badRelationship(part));
    if (depth >= MAX_PARENT_DEPTH) {
      throw this.ctx.error('MALFORMED_QUERY', raw, 'SOQL statements cannot query relationships more than 5 levels away from the root entity object.');
    }
    const key = `${c.key}${fk.relationshipName}.`;
    const fkSql = this.columnSql(c, fk);
    let join = this.joins.get(key.toLowerCase());
    if (!join) {
      if (poly) {
        const targets: PolyTarget[] = fk.referenceTo
          .map((t) => getObject(t))
          .filter((o): o is ObjectDef => o !== undefined)
          .map((o) => ({ obj: o, alias: this.ctx.nextAlias() }));
        const sql = targets.map((t) => `LEFT JOIN ${ident(t.obj.name)} ${t.alias} ON ${t.alias}."Id" = ${fkSql}${this.liveOn(t.obj, t.alias)}`).join(' ');
        join = { key, alias: targets[0]?.alias ?? this.ctx.nextAlias(), obj: NAME_OBJECT, sql, targets };
      } else {
        const jAlias = this.ctx.nextAlias();
        join = { key, alias: jAlias, obj: target!, sql: `LEFT JOIN ${ident(target!.name)} ${jAlias} ON ${jAlias}."Id" = ${fkSql}${this.liveOn(target!, jAlias)}` };
      }
      this.joins.set(key.toLowerCase(), join);
    }
    const cursor: Cursor = { obj: join.obj, alias: join.alias, key, ...(join.targets ? { targets: join.targets } : {}) };
    const idSql = join.targets ? polyIdSql(join.targets) : `${join.alias}."Id"`;
    return { cursor, rel: { name: fk.relationshipName!, obj: join.obj, alias: join.alias, idSql }, fk };
  }

  private liveOn(obj: ObjectDef, alias: string): string {
    return this.ctx.includeDeleted || !fieldOf(obj, 'IsDeleted') ? '' : ` AND +${alias}."IsDeleted" = 0`;
  }

  /** Resolve `raw` (a field or dotted path) or throw Salesforce's INVALID_FIELD. */
  resolve(raw: string): ResolvedField {
    const parts = this.segments(raw);
    if (parts.some((p) => p === '')) throw this.ctx.error('MALFORMED_QUERY', raw, msg.unexpected(raw));
    return this.resolveFrom(this.root(), parts, raw, 0);
  }

  /** Resolve the path `parts` from cursor `start` (a TYPEOF branch starts at its target). */
  resolveFrom(start: Cursor, parts: string[], raw: string, depth: number): ResolvedField {
    const rels: RelStep[] = [];
    let c = start;
    for (const part of parts.slice(0, -1)) {
      const next = this.step(c, part, raw, depth + rels.length);
      rels.push(next.rel);
      c = next.cursor;
    }
    const last = parts[parts.length - 1]!;
    const field = fieldOf(c.obj, last);
    if (!field) throw this.ctx.error('INVALID_FIELD', raw, msg.noSuchColumn(last, c.obj.name));
    return { field, obj: c.obj, sql: this.columnSql(c, field), rels, path: c.key.slice(start.key.length) + field.name };
  }
}
