/**
 * List views (REST API Developer Guide: "List Views", "Recently Viewed List Views", "List View
 * Describe", "List View Results"; reference/salesforce-api.md §5.10): `sobjects/T/listviews`,
 * `listviews/recent`, `listviews/{id}`, `listviews/{id}/describe` and `listviews/{id}/results`
 * (`limit` 1..2000, default 25; `offset` default 0). Results answer the view's SOQL through the SOQL
 * engine and shape each record as its columns' values. jsforce: `sobject(T).listviews()`,
 * `.listview(id).describe()`, `.listview(id).results()`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { notFound } from '../../src/errors/codes.ts';
import { SalesforceError } from '../../src/errors/salesforce-error.ts';
import { findListView, listViewSummary, type ListViewDef } from '../../src/describe/list-views.ts';
import { query } from '../soql-engine.ts';
import { listviews, objectOf } from './sobjects-ops.ts';
import { qsParam } from './sobjects.ts';

type Req = FastifyRequest<{ Params: Record<string, string>; Querystring: Record<string, string | string[] | undefined> }>;

function viewOf(req: Req): ListViewDef {
  const v = findListView(objectOf(req.params.sobject!), req.params.id!);
  if (!v) throw notFound();
  return v;
}

/** The listing, shared with composite subrequests (sobjects-ops.ts). */
function listing(req: Req): unknown {
  return listviews({ org: req.org, apiVersion: req.apiVersion, userId: req.session?.userId }, req.params.sobject!).body;
}

/** A whole number in [min, max] from the query string, the default when absent. */
function intParam(req: Req, name: string, dflt: number, min: number, max: number): number {
  const raw = qsParam(req.query, name);
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) {
    throw new SalesforceError('INVALID_PARAMETER_VALUE', `Invalid value for parameter '${name}': ${raw}`, 400);
  }
  return n;
}

/** List view values go out as text (a date or number as the UI would read it), null when empty. */
function cell(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'string' ? v : String(v);
}

export async function listViewRoutes(app: FastifyInstance): Promise<void> {
  app.get('/sobjects/:sobject/listviews', async (req: Req) => listing(req));
  // An API-only org uses both views equally: the recent list is the whole list.
  app.get('/sobjects/:sobject/listviews/recent', async (req: Req) => listing(req));
  app.get('/sobjects/:sobject/listviews/:id', async (req: Req) => listViewSummary(viewOf(req), req.apiVersion));
  app.get('/sobjects/:sobject/listviews/:id/describe', async (req: Req) => {
    const v = viewOf(req);
    return {
      columns: v.columns,
      id: v.id,
      orderBy: v.orderBy,
      query: v.query,
      relatedEntityId: null,
      scope: v.scope,
      scopeEntityId: null,
      sobjectType: v.obj.name,
      whereCondition: { conditions: [], conjunction: 'and' },
    };
  });
  app.get('/sobjects/:sobject/listviews/:id/results', async (req: Req) => {
    const v = viewOf(req);
    const limit = intParam(req, 'limit', 25, 1, 2000);
    const offset = intParam(req, 'offset', 0, 0, 2000);
    const all = query(req.org, v.query, { apiVersion: req.apiVersion }).records;
    const page = all.slice(offset, offset + limit);
    return {
      columns: v.columns,
      developerName: v.developerName,
      done: offset + page.length >= all.length,
      id: v.id,
      label: v.label,
      records: page.map((r) => ({ columns: v.columns.map((c) => ({ fieldNameOrPath: c.fieldNameOrPath, value: cell(r[c.fieldNameOrPath]) })) })),
      size: page.length,
    };
  });
}
