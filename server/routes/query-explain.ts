/**
 * `query?explain=`: a SOQL query, or a list view Id whose query is explained (REST API Developer Guide,
 * "Query Performance Feedback": "To analyze a report or list view, provide the ID ... If the report or
 * list view ID is invalid, an INVALID_ID response is returned"). jsforce: `query(soql).explain()` and
 * `sobject(T).listview(id).explain()`.
 */
import { findAnyListView } from '../../src/describe/list-views.ts';
import { SalesforceError } from '../../src/errors/salesforce-error.ts';
import type { Org } from '../../src/org/index.ts';
import { explain } from '../../src/soql/explain.ts';

const LOOKS_LIKE_ID = /^[0-9A-Za-z]{15}(?:[0-9A-Za-z]{3})?$/;

export function explainQuery(org: Org, text: string, apiVersion: string, includeDeleted = false): unknown {
  const trimmed = text.trim();
  if (LOOKS_LIKE_ID.test(trimmed)) {
    const view = findAnyListView(trimmed);
    if (!view) throw new SalesforceError('INVALID_ID', 'invalid report or list view id', 400);
    return explain(org, view.query, { apiVersion, includeDeleted });
  }
  if (trimmed === '') throw new SalesforceError('MALFORMED_QUERY', 'A query string has to be specified', 400);
  return explain(org, text, { apiVersion, includeDeleted });
}
