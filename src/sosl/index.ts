/**
 * SOSL: `search(org, sosl, {apiVersion})` → `{searchRecords: [...]}` as Salesforce's REST search answers,
 * or a SalesforceError. `parameterizedSearch` builds the same search from the parameterized-search
 * request forms.
 */
import type { Org } from '../org/org.ts';
import { query } from '../soql/index.ts';
import { runSearch, type SearchOptions, type SearchResult } from './execute.ts';

export { runSearch, distribute, type SearchOptions, type SearchResult, type SearchRecord, type SoqlQueryFn } from './execute.ts';
export { parseSosl, type SoslQuery, type ReturningSpec, type Scope } from './parse.ts';
export { parseSearchTerm, toFts } from './search-term.ts';
export { ensureIndexes } from './fts-index.ts';

/** Run a SOSL search on `org`; RETURNING clauses run on the SOQL engine. Throws SalesforceError. */
export function search(org: Org, sosl: string, opts: SearchOptions = {}): SearchResult {
  return runSearch(query, org, sosl, opts);
}
