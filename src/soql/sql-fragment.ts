/**
 * SQL built in pieces: text with `?` placeholders plus the values for them, in order. Values are
 * either fixed at compile time or computed when the query runs (date literals read the org clock;
 * SOSL's Id filter and child-subquery parent Ids arrive per call). Identifiers never come from here:
 * they are quoted names taken from schema/.
 */
export type SqlParam = string | number | null;

export interface ExecContext {
  nowMs: number;
  userId: string;
  /** JSON array of Ids for `idFilter` / child parents. */
  idsJson?: string;
}

export type Param = { v: SqlParam } | { dyn: (ctx: ExecContext) => SqlParam };

export interface Frag {
  sql: string;
  params: Param[];
}

export const frag = (sql: string, ...params: Param[]): Frag => ({ sql, params });
export const val = (v: SqlParam): Param => ({ v });
export const dyn = (f: (ctx: ExecContext) => SqlParam): Param => ({ dyn: f });

/** Join fragments with a separator, concatenating their params in order. */
export function join(parts: readonly Frag[], sep: string): Frag {
  return { sql: parts.map((p) => p.sql).join(sep), params: parts.flatMap((p) => p.params) };
}

/** Tagged template: `sql\`${a} AND ${b}\`` where a, b are Frags or raw identifier strings. */
export function sql(strings: TemplateStringsArray, ...parts: (Frag | string)[]): Frag {
  let text = strings[0]!;
  const params: Param[] = [];
  parts.forEach((p, i) => {
    if (typeof p === 'string') text += p;
    else {
      text += p.sql;
      params.push(...p.params);
    }
    text += strings[i + 1]!;
  });
  return { sql: text, params };
}

export function bind(params: readonly Param[], ctx: ExecContext): SqlParam[] {
  return params.map((p) => ('v' in p ? p.v : p.dyn(ctx)));
}

/** Double-quoted identifier; only ever called with names from schema/ or our own aliases. */
export const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * ` LIMIT n OFFSET m` with the numbers written into the SQL. They are integers the parser already
 * checked (its grammar takes only unsigned integers there), re-checked here; a bound LIMIT makes
 * SQLite plan blind and runs several times slower on small lookups.
 */
export function limitClause(limit: number | undefined, offset: number | undefined): Frag {
  if (limit === undefined && offset === undefined) return frag('');
  const n = limit ?? -1;
  const m = offset ?? 0;
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(m)) throw new RangeError('LIMIT/OFFSET must be integers');
  return frag(` LIMIT ${n} OFFSET ${m}`);
}
