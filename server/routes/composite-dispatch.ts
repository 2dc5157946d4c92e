/**
 * Sub-requests of composite and batch, routed to the same operations the REST routes use
 * (sobjects-ops.ts, composite-collections.ts, and the SOQL engine for query/queryAll). Everything
 * here is synchronous, so a composite request with allOrNone runs inside one org transaction.
 * A URL is `/services/data/vNN.N/...` (composite) or `vNN.N/...` (batch).
 */
import { methodNotAllowed, notFound } from '../../src/errors/codes.ts';
import { SalesforceError } from '../../src/errors/salesforce-error.ts';
import type { Org } from '../../src/org/org.ts';
import { describeCompactLayouts, describeLayouts } from '../../src/describe/layout-describe.ts';
import { describeTabs, describeTheme } from '../../src/describe/tabs.ts';
import { query as runSoql, queryMore } from '../../src/soql/index.ts';
import { explainQuery } from './query-explain.ts';
import { collectionCreate, collectionDelete, collectionRetrieve, collectionUpdate, collectionUpsert } from './composite-collections.ts';
import * as ops from './sobjects-ops.ts';
import type { OpContext, OpResult } from './sobjects-ops.ts';

export interface DispatchContext {
  org: Org;
  userId?: string;
  /** The instance the client reached (tabs and theme give absolute icon URLs on it). */
  instanceUrl?: string;
}

export interface ParsedUrl {
  version: string;
  segments: string[];
  query: URLSearchParams;
}

/** Split a sub-request URL into version, decoded path segments and query; undefined if not a data URL. */
export function parseSubUrl(url: string): ParsedUrl | undefined {
  const m = /^(?:\/services\/data\/)?\/?v(\d{1,3}\.\d)(\/[^?#]*)?(?:\?([^#]*))?$/.exec(url.trim());
  if (!m) return undefined;
  let segments: string[];
  try {
    segments = (m[2] ?? '').split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return undefined;
  }
  return { version: m[1]!, segments, query: new URLSearchParams(m[3] ?? '') };
}

/** Run one sub-request; throws SalesforceError exactly as the standalone request would fail. */
export function dispatch(dctx: DispatchContext, method: string, url: string, body: unknown): OpResult {
  const parsed = parseSubUrl(url);
  if (!parsed) throw notFound();
  const { version, segments: s, query } = parsed;
  const ctx: OpContext = { org: dctx.org, apiVersion: version, userId: dctx.userId };
  const M = method.toUpperCase();
  const param = (k: string) => {
    const all = query.getAll(k);
    return all.length ? all.join(',') : undefined;
  };
  const only = (allowed: string[], run: () => OpResult): OpResult => {
    if (!allowed.includes(M)) throw methodNotAllowed(M, allowed.includes('GET') ? [...allowed.slice(0, 1), 'HEAD', ...allowed.slice(1)] : allowed);
    return run();
  };
  if (s[0] === 'sobjects') {
    const [, type, a, b, ...rest] = s;
    if (rest.length) throw notFound();
    if (type === undefined) return only(['GET'], () => ops.describeGlobal(ctx));
    if (a === undefined) return M === 'POST' ? ops.create(ctx, type, body) : only(['GET', 'POST'], () => ops.basicInfo(ctx, type));
    if (b === undefined) {
      if (a === 'describe') return only(['GET'], () => ops.describe(ctx, type));
      if (a === 'listviews') return only(['GET'], () => ops.listviews(ctx, type));
      if (a === 'quickActions') return only(['GET'], () => ops.quickActions(ctx, type));
      if (a === 'updated') return only(['GET'], () => ops.updated(ctx, type, param('start'), param('end')));
      if (a === 'deleted') return only(['GET'], () => ops.deleted(ctx, type, param('start'), param('end')));
      if (M === 'PATCH') return ops.update(ctx, type, a, body);
      if (M === 'DELETE') return ops.remove(ctx, type, a);
      return only(['GET', 'PATCH', 'DELETE'], () => ops.retrieve(ctx, type, a, param('fields')));
    }
    if (a === 'describe' && b === 'approvalLayouts') return only(['GET'], () => ops.approvalLayouts(ctx, type));
    // The layout describes, as server/routes/layouts.ts serves them alone.
    if (a === 'describe' && b === 'layouts') return only(['GET'], () => ({ status: 200, body: describeLayouts(ops.objectOf(type), version) }));
    if (a === 'describe' && b === 'compactLayouts') return only(['GET'], () => ({ status: 200, body: describeCompactLayouts(ops.objectOf(type), version) }));
    if (M === 'PATCH') return ops.upsert(ctx, type, a, b, body, param('updateOnly') === 'true');
    if (M === 'DELETE') return ops.removeByExternalId(ctx, type, a, b);
    return only(['GET', 'PATCH', 'DELETE'], () => ops.getByExternalId(ctx, type, a, b, param('fields')));
  }
  if (s[0] === 'composite' && s[1] === 'sobjects') {
    const [, , type, field, ...rest] = s;
    if (rest.length) throw notFound();
    if (type === undefined) {
      if (M === 'POST') return collectionCreate(ctx, body);
      if (M === 'PATCH') return collectionUpdate(ctx, body);
      return only(['POST', 'PATCH', 'DELETE'], () => collectionDelete(ctx, param('ids'), param('allOrNone')));
    }
    if (field === undefined) {
      if (M === 'POST') {
        const b = (body ?? {}) as { ids?: unknown; fields?: unknown };
        return collectionRetrieve(ctx, type, b.ids, b.fields);
      }
      return only(['GET', 'POST'], () => collectionRetrieve(ctx, type, param('ids'), param('fields')));
    }
    return only(['PATCH'], () => collectionUpsert(ctx, type, field, body));
  }
  if ((s[0] === 'tabs' || s[0] === 'theme') && s.length === 1) {
    const base = dctx.instanceUrl ?? 'http://localhost';
    return only(['GET'], () => ({ status: 200, body: s[0] === 'tabs' ? describeTabs(base) : describeTheme(base) }));
  }
  if ((s[0] === 'query' || s[0] === 'queryAll') && s.length <= 2) {
    return only(['GET'], () => {
      const opts = { apiVersion: version, includeDeleted: s[0] === 'queryAll' };
      // `query?explain=` (server/routes/query-explain.ts), as the standalone query resource answers it.
      const explain = query.get('explain');
      if (s.length === 1 && explain !== null) return { status: 200, body: explainQuery(dctx.org, explain, version, opts.includeDeleted) };
      const q = param('q');
      if (s.length === 1 && (q === undefined || q.trim() === '')) throw new SalesforceError('MALFORMED_QUERY', 'A query string has to be specified', 400);
      return { status: 200, body: s.length === 2 ? queryMore(dctx.org, s[1]!, opts) : runSoql(dctx.org, q!, opts) };
    });
  }
  throw notFound();
}
