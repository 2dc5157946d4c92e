/**
 * What the oracle needs from an org: SOQL with every page, and SOSL. The agent harness's
 * SalesforceClient (src/agent/salesforce-client.ts) is one implementation, over HTTP.
 */
export type ApiRecord = Record<string, unknown>;

export interface OracleApi {
  queryAll(soql: string): Promise<{ totalSize: number; records: ApiRecord[] }>;
  search(sosl: string): Promise<ApiRecord[]>;
}

/** SOQL literal forms. Datetimes as Salesforce writes them in SOQL (no quotes, `Z`). */
export function soqlDatetime(iso: string): string {
  return iso.replace(/\.\d{3}Z$/, 'Z');
}

/** A quoted SOQL string: backslash and quote escaped (reference/soql.md string literals). */
export function soqlString(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function soqlIdList(ids: readonly string[]): string {
  return `(${ids.map(soqlString).join(', ')})`;
}

/** SOSL reserved characters, escaped as Salesforce requires (reference/soql.md §3.2). */
export function soslEscape(term: string): string {
  return term.replace(/([?&|!{}[\]()^~*:\\"'+-])/g, '\\$1');
}

/** Wire datetime (`2021-02-01T10:00:00.000+0000`) to epoch ms. */
export function wireMs(v: unknown): number {
  if (typeof v !== 'string') return NaN;
  return Date.parse(v.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
}

/** Split a long Id list so GET URLs stay short. */
export function chunks<T>(items: readonly T[], size = 100): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
