/**
 * SOQL over REST (reference/salesforce-api.md §3): `GET /query?q=`, `GET /queryAll?q=` (deleted rows
 * too) and next pages at `/query/{locator}` or `/queryAll/{locator}`. Paging size comes from
 * `Sforce-Query-Options: batchSize=N` (200..2000, default 2000, §3.2). `?explain=` answers the query plan
 * (src/soql/explain.ts, list view Ids through server/routes/query-explain.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { malformedQuery } from '../../src/errors/codes.ts';
import { cachedQuery, memoizedJson } from '../query-cache.ts';
import { query, queryMore } from '../soql-engine.ts';
import { columnMetadata } from './query-columns.ts';
import { explainQuery } from './query-explain.ts';

interface QueryQs {
  q?: string | string[];
  explain?: string | string[];
  columns?: string | string[];
}

/** The batch size asked for in Sforce-Query-Options, clamped to Salesforce's 200..2000. */
export function batchSizeOf(req: FastifyRequest): number | undefined {
  const h = req.headers['sforce-query-options'];
  const text = Array.isArray(h) ? h.join(',') : h;
  if (!text) return undefined;
  const m = /(?:^|[,;\s])batchSize\s*=\s*(\d+)/i.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  return Math.min(2000, Math.max(200, n));
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

export async function queryRoutes(app: FastifyInstance): Promise<void> {
  const run = (includeDeleted: boolean) => async (req: FastifyRequest<{ Querystring: QueryQs }>, reply: FastifyReply) => {
    const qs = req.query ?? {};
    const explain = first(qs.explain);
    if (explain !== undefined) return explainQuery(req.org, explain, req.apiVersion, includeDeleted);
    const soql = first(qs.q);
    if (soql === undefined || soql.trim() === '') throw malformedQuery('A query string has to be specified');
    const batchSize = batchSizeOf(req);
    // Repeated reads of an unchanged org are served from its result cache (server/query-cache.ts).
    const key = JSON.stringify([soql, req.apiVersion, includeDeleted, batchSize ?? null]);
    const result = cachedQuery(req.org, key, () => query(req.org, soql, { apiVersion: req.apiVersion, includeDeleted, ...(batchSize ? { batchSize } : {}) }));
    // `sf data query` asks for column metadata with `&columns=true` (reference §9).
    if (first(qs.columns) === 'true') return columnMetadata(soql);
    // A serializer of our own means Fastify no longer sets the JSON type itself.
    reply.type('application/json;charset=UTF-8').serializer(memoizedJson);
    return result;
  };
  const more = (includeDeleted: boolean) => async (req: FastifyRequest<{ Params: { locator: string } }>) => {
    const batchSize = batchSizeOf(req);
    return queryMore(req.org, req.params.locator, { apiVersion: req.apiVersion, includeDeleted, ...(batchSize ? { batchSize } : {}) });
  };
  app.get('/query', run(false));
  app.get('/queryAll', run(true));
  app.get('/query/:locator', more(false));
  app.get('/queryAll/:locator', more(true));
}
