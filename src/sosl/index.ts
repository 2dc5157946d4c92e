/**
 * SOSL: `search(org, sosl, {apiVersion})` → `{searchRecords: [...]}` as Salesforce's REST search answers,
 * or a SalesforceError. `parameterizedSearch` builds the same search from the parameterized-search
 * request forms.
 */
import type { Org } from '../org/org.ts';
import { runSearch, type SearchOptions, type SearchResult, type SoqlQueryFn } from './execute.ts';

export { runSearch, distribute, type SearchOptions, type SearchResult, type SearchRecord, type SoqlQueryFn } from './execute.ts';
export { parseSosl, type SoslQuery, type ReturningSpec, type Scope } from './parse.ts';
export { parseSearchTerm, toFts } from './search-term.ts';
export { ensureIndexes } from './fts-index.ts';

let engine: Promise<SoqlQueryFn> | undefined;

/** The SOQL engine's query(), loaded once (src/soql is built alongside; RETURNING clauses run on it). */
export function soqlQueryFn(): Promise<SoqlQueryFn> {
  const spec = ['..', 'soql', 'index.ts'].join('/');
  engine ??= (import(spec) as Promise<{ query: SoqlQueryFn }>).then((m) => m.query);
  return engine;
}

/** Run a SOSL search on `org`. Rejects with a SalesforceError on bad input. */
export async function search(org: Org, sosl: string, opts: SearchOptions = {}): Promise<SearchResult> {
  return runSearch(await soqlQueryFn(), org, sosl, opts);
}
