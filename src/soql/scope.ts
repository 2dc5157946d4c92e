/**
 * Name resolution for one FROM object: field paths (`Account.Owner.Name`, `Case.Subject`, alias
 * prefixes) resolve case-insensitively against schema/ and become columns of LEFT JOINed parents, one
 * join per distinct relationship path (reference/soql.md §4.4). LEFT JOIN gives Salesforce's outer-join
 * semantics for parent filters and ORDER BY (Ref p.72).
 */
import { fieldOf, objectNamed, parentRelOf } from './symbols.ts';
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

  /** Resolve `raw` (a field or dotted path) or throw Salesforce's INVALID_FIELD. */
  resolve(raw: string): ResolvedField {
    const parts = this.segments(raw);
    if (parts.some((p) => p === '')) throw this.ctx.error('MALFORMED_QUERY', raw, msg.unexpected(raw));
    const rels: RelStep[] = [];
    let obj = this.obj;
    let alias = this.alias;
    let key = '';
    for (const part of parts.slice(0, -1)) {
      const fk = parentRelOf(obj, part);
      const target = fk ? objectNamed(fk.referenceTo[0] ?? '') : undefined;
      if (!fk || !target) throw this.ctx.error('INVALID_FIELD', raw, msg.badRelationship(part));
      if (rels.length >= MAX_PARENT_DEPTH) {
        throw this.ctx.error('MALFORMED_QUERY', raw, 'SOQL statements cannot query relationships more than 5 levels away from the root entity object.');
      }
      key += `${fk.relationshipName}.`;
      let join = this.joins.get(key.toLowerCase());
      if (!join) {
        const jAlias = this.ctx.nextAlias();
        const live = this.ctx.includeDeleted || !fieldOf(target, 'IsDeleted') ? '' : ` AND +${jAlias}."IsDeleted" = 0`;
        join = {
          key,
          alias: jAlias,
          obj: target,
          sql: `LEFT JOIN ${ident(target.name)} ${jAlias} ON ${jAlias}."Id" = ${alias}.${ident(fk.name)}${live}`,
        };
        this.joins.set(key.toLowerCase(), join);
      }
      rels.push({ name: fk.relationshipName!, obj: target, alias: join.alias });
      obj = target;
      alias = join.alias;
    }
    const last = parts[parts.length - 1]!;
    const field = fieldOf(obj, last);
    if (!field) throw this.ctx.error('INVALID_FIELD', raw, msg.noSuchColumn(last, obj.name));
    const sql = field.type === 'address' ? addressSql(obj, field, (n) => `${alias}.${ident(n)}`) : `${alias}.${ident(field.name)}`;
    return { field, obj, sql, rels, path: key + field.name };
  }
}
