/**
 * `/services/data/vNN.N/sobjects...` (reference/salesforce-api.md §5.1-5.5): describeGlobal, basic
 * info, describe, record CRUD, upsert and GET by external Id, and the updated/deleted feeds. The
 * routes only adapt HTTP to the operations in sobjects-ops.ts, which composite shares.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { methodNotAllowed } from '../../src/errors/codes.ts';
import { JSON_TYPE } from '../reply.ts';
import '../types.ts';
import * as ops from './sobjects-ops.ts';
import type { OpContext, OpResult } from './sobjects-ops.ts';
import { captureRawBodies, locatorFor } from './sobjects-raw-body.ts';

type Qs = Record<string, string | string[] | undefined>;
type Req = FastifyRequest<{ Params: Record<string, string>; Querystring: Qs }>;

export function opContext(req: FastifyRequest, bodyPrefix: readonly (string | number)[] = []): OpContext {
  return { org: req.org, apiVersion: req.apiVersion, userId: req.session?.userId, locate: locatorFor(req, bodyPrefix) };
}

/** Send an operation's result: status, headers, and the JSON body (none for 204). */
export function sendOp(reply: FastifyReply, r: OpResult): FastifyReply {
  reply.code(r.status);
  for (const [k, v] of Object.entries(r.headers ?? {})) reply.header(k, v);
  if (r.status === 204 || r.status === 304) return reply.send();
  return reply.type(JSON_TYPE).send(r.json ?? JSON.stringify(r.body));
}

/** One query parameter as text (repeated parameters join with commas, as field lists do). */
export function qsParam(qs: Qs | undefined, name: string): string | undefined {
  const v = qs?.[name];
  return Array.isArray(v) ? v.join(',') : v;
}

/**
 * When the schema behind every describe was last changed. Describe and describeGlobal honour
 * If-Modified-Since with a bodiless 304 when nothing changed since (reference/salesforce-api.md §8).
 */
export const METADATA_LAST_MODIFIED = Date.parse('2024-01-01T00:00:00Z');

function httpMethodOverride(req: Req): string | undefined {
  return qsParam(req.query, '_HttpMethod')?.toUpperCase();
}

function notModified(req: FastifyRequest): OpResult | undefined {
  const h = req.headers['if-modified-since'];
  const since = typeof h === 'string' ? Date.parse(h) : NaN;
  return Number.isFinite(since) && since >= METADATA_LAST_MODIFIED ? { status: 304 } : undefined;
}

export async function sobjectsRoutes(app: FastifyInstance): Promise<void> {
  captureRawBodies(app);
  const handle = (fn: (req: Req) => OpResult) => async (req: Req, reply: FastifyReply) => sendOp(reply, fn(req));

  app.get('/sobjects', handle((req) => notModified(req) ?? ops.describeGlobal(opContext(req))));
  app.get('/sobjects/:sobject', handle((req) => ops.basicInfo(opContext(req), req.params.sobject!)));
  app.post('/sobjects/:sobject', handle((req) => ops.create(opContext(req), req.params.sobject!, req.body)));
  app.get('/sobjects/:sobject/describe', handle((req) => {
    ops.describedObjectOf(req.params.sobject!);
    return notModified(req) ?? ops.describe(opContext(req), req.params.sobject!);
  }));
  app.get('/sobjects/:sobject/quickActions', handle((req) => ops.quickActions(opContext(req), req.params.sobject!)));
  app.get('/sobjects/:sobject/describe/approvalLayouts', handle((req) => ops.approvalLayouts(opContext(req), req.params.sobject!)));
  app.get('/sobjects/:sobject/updated', handle((req) => ops.updated(opContext(req), req.params.sobject!, qsParam(req.query, 'start'), qsParam(req.query, 'end'))));
  app.get('/sobjects/:sobject/deleted', handle((req) => ops.deleted(opContext(req), req.params.sobject!, qsParam(req.query, 'start'), qsParam(req.query, 'end'))));
  app.get('/sobjects/:sobject/:id', handle((req) => ops.retrieve(opContext(req), req.params.sobject!, req.params.id!, qsParam(req.query, 'fields'))));
  app.patch('/sobjects/:sobject/:id', handle((req) => ops.update(opContext(req), req.params.sobject!, req.params.id!, req.body)));
  app.delete('/sobjects/:sobject/:id', handle((req) => ops.remove(opContext(req), req.params.sobject!, req.params.id!)));
  // POST with `?_HttpMethod=PATCH` stands for PATCH, for HTTP libraries that cannot send PATCH
  // (REST API Developer Guide, "Using POST with the _HttpMethod parameter"). `POST /sobjects/T/Id`
  // creates, as an upsert on Id with no value does.
  app.post('/sobjects/:sobject/:id', handle((req) => {
    if (httpMethodOverride(req) === 'PATCH') return ops.update(opContext(req), req.params.sobject!, req.params.id!, req.body);
    if (req.params.id!.toLowerCase() === 'id') {
      const r = ops.create(opContext(req), req.params.sobject!, req.body);
      return { ...r, body: { ...(r.body as object), created: true } };
    }
    throw methodNotAllowed('POST', ['GET', 'HEAD', 'PATCH', 'DELETE']);
  }));
  app.post('/sobjects/:sobject/:field/:value', handle((req) => {
    if (httpMethodOverride(req) === 'PATCH') {
      return ops.upsert(opContext(req), req.params.sobject!, req.params.field!, req.params.value!, req.body, qsParam(req.query, 'updateOnly') === 'true');
    }
    throw methodNotAllowed('POST', ['GET', 'HEAD', 'PATCH', 'DELETE']);
  }));
  app.get('/sobjects/:sobject/:field/:value', handle((req) => ops.getByExternalId(opContext(req), req.params.sobject!, req.params.field!, req.params.value!, qsParam(req.query, 'fields'))));
  app.patch('/sobjects/:sobject/:field/:value', handle((req) =>
    ops.upsert(opContext(req), req.params.sobject!, req.params.field!, req.params.value!, req.body, qsParam(req.query, 'updateOnly') === 'true'),
  ));
  app.delete('/sobjects/:sobject/:field/:value', handle((req) => ops.removeByExternalId(opContext(req), req.params.sobject!, req.params.field!, req.params.value!)));
}
