/**
 * `POST /composite/batch` (reference/salesforce-api.md §5.8): up to 25 independent sub-requests,
 * each committed on its own (no transaction across them). URLs are relative to `/services/data/`
 * (`v59.0/sobjects/...`); `richInput` is the body. With haltOnError, everything after the first
 * failure answers 412 BATCH_PROCESSING_HALTED. sObject and query sub-requests go to the shared
 * operations; any other resource is sent through the app itself with the caller's session.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { notFound } from '../../src/errors/codes.ts';
import { SalesforceError, isSalesforceError } from '../../src/errors/salesforce-error.ts';
import { dispatch, parseSubUrl, type DispatchContext } from './composite-dispatch.ts';

export const MAX_BATCH_SUBREQUESTS = 25;

interface BatchItem {
  method: string;
  url: string;
  richInput?: unknown;
}

export interface BatchResult {
  statusCode: number;
  result: unknown;
}

const invalidBatch = (message: string) => new SalesforceError('INVALID_BATCH_REQUEST', message, 400);

const HALTED: BatchResult = { statusCode: 412, result: [{ errorCode: 'BATCH_PROCESSING_HALTED', message: 'Batch processing halted per request' }] };

/** Resources the shared operations serve; others go through app.inject. */
const NATIVE = new Set(['sobjects', 'query', 'queryAll', 'composite']);

export function batchItemsOf(body: unknown): { haltOnError: boolean; items: BatchItem[] } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw invalidBatch('The request body must be a JSON object with a batchRequests array');
  const b = body as Record<string, unknown>;
  if (!Array.isArray(b.batchRequests) || b.batchRequests.length === 0) throw invalidBatch('batchRequests is required and must contain at least one request');
  if (b.batchRequests.length > MAX_BATCH_SUBREQUESTS) throw invalidBatch(`A batch cannot contain more than ${MAX_BATCH_SUBREQUESTS} requests`);
  const items = b.batchRequests.map((raw): BatchItem => {
    const r = (raw ?? {}) as Record<string, unknown>;
    if (typeof r.method !== 'string' || typeof r.url !== 'string') throw invalidBatch('Each batch request must specify a method and a url');
    return { method: r.method.toUpperCase(), url: r.url, richInput: r.richInput };
  });
  return { haltOnError: b.haltOnError === true || b.haltOnError === 'true', items };
}

export async function runBatch(app: FastifyInstance, req: FastifyRequest, dctx: DispatchContext, body: unknown): Promise<{ hasErrors: boolean; results: BatchResult[] }> {
  const { haltOnError, items } = batchItemsOf(body);
  const results: BatchResult[] = [];
  let hasErrors = false;
  for (const item of items) {
    if (hasErrors && haltOnError) {
      results.push(HALTED);
      continue;
    }
    const r = await runItem(app, req, dctx, item);
    if (r.statusCode >= 400) hasErrors = true;
    results.push(r);
  }
  return { hasErrors, results };
}

async function runItem(app: FastifyInstance, req: FastifyRequest, dctx: DispatchContext, item: BatchItem): Promise<BatchResult> {
  const parsed = parseSubUrl(item.url);
  // Only data API resources, and no batch or composite inside a batch (Salesforce refuses nesting).
  if (!parsed) return { statusCode: 404, result: notFound().toJSON() };
  const first = parsed.segments[0] ?? '';
  if (first === 'composite' && parsed.segments[1] !== 'sobjects') {
    return { statusCode: 400, result: invalidBatch('Composite and batch requests cannot be nested in a batch').toJSON() };
  }
  if (NATIVE.has(first)) {
    try {
      const r = dispatch(dctx, item.method, item.url, item.richInput);
      return { statusCode: r.status, result: r.status === 204 ? null : r.json !== undefined ? JSON.parse(r.json) : (r.body ?? null) };
    } catch (e) {
      if (!isSalesforceError(e)) throw e;
      return { statusCode: e.status, result: e.toJSON() };
    }
  }
  const query = parsed.query.toString();
  const path = `/services/data/v${parsed.version}/${parsed.segments.map(encodeURIComponent).join('/')}${query ? `?${query}` : ''}`;
  const res = await app.inject({
    method: item.method as 'GET',
    url: path,
    headers: {
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      ...(item.richInput !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(item.richInput !== undefined ? { payload: JSON.stringify(item.richInput) } : {}),
  });
  let result: unknown = null;
  if (res.body) {
    try {
      result = JSON.parse(res.body);
    } catch {
      result = res.body;
    }
  }
  return { statusCode: res.statusCode, result };
}
