/**
 * The composite resources (reference/salesforce-api.md §5.6-5.9): `/composite` (sub-requests with
 * references, allOrNone), `/composite/batch`, `/composite/tree/{T}` and sObject Collections
 * `/composite/sobjects`. Sub-requests run through the same operations as the standalone routes.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { instanceUrl } from '../auth/urls.ts';
import { missingBodyError } from '../json-body.ts';
import { JSON_TYPE } from '../reply.ts';
import '../types.ts';
import { collectionCreate, collectionDelete, collectionRetrieve, collectionUpdate, collectionUpsert } from './composite-collections.ts';
import type { DispatchContext } from './composite-dispatch.ts';
import { compositeRequestOf, runComposite } from './composite-graph.ts';
import { runBatch } from './composite-batch.ts';
import { createTree } from './composite-tree.ts';
import { opContext, qsParam, sendOp } from './sobjects.ts';
import { captureRawBodies, locatorFor } from './sobjects-raw-body.ts';

type Req = FastifyRequest<{ Params: Record<string, string>; Querystring: Record<string, string | string[] | undefined> }>;

function requireBody(body: unknown): unknown {
  if (body === undefined) throw missingBodyError();
  return body;
}

function dispatchContext(req: FastifyRequest): DispatchContext {
  return { org: req.org, userId: req.session?.userId, instanceUrl: instanceUrl(req) };
}

function collectionContext(req: FastifyRequest) {
  return { ...opContext(req), locateItem: (i: number) => locatorFor(req, ['records', i]) };
}

export async function compositeRoutes(app: FastifyInstance): Promise<void> {
  captureRawBodies(app);

  app.post('/composite', async (req: Req, reply: FastifyReply) => {
    const { allOrNone, subrequests } = compositeRequestOf(requireBody(req.body));
    const compositeResponse = runComposite(dispatchContext(req), allOrNone, subrequests);
    return reply.type(JSON_TYPE).send(JSON.stringify({ compositeResponse }));
  });

  app.post('/composite/batch', async (req: Req, reply: FastifyReply) => {
    const out = await runBatch(app, req, dispatchContext(req), requireBody(req.body));
    return reply.type(JSON_TYPE).send(JSON.stringify(out));
  });

  app.post('/composite/tree/:sobject', async (req: Req, reply: FastifyReply) => sendOp(reply, createTree(opContext(req), req.params.sobject!, requireBody(req.body))));

  app.post('/composite/sobjects', async (req: Req, reply: FastifyReply) => sendOp(reply, collectionCreate(collectionContext(req), req.body)));
  app.patch('/composite/sobjects', async (req: Req, reply: FastifyReply) => sendOp(reply, collectionUpdate(collectionContext(req), req.body)));
  app.delete('/composite/sobjects', async (req: Req, reply: FastifyReply) =>
    sendOp(reply, collectionDelete(opContext(req), qsParam(req.query, 'ids'), qsParam(req.query, 'allOrNone'))),
  );
  app.get('/composite/sobjects/:sobject', async (req: Req, reply: FastifyReply) =>
    sendOp(reply, collectionRetrieve(opContext(req), req.params.sobject!, qsParam(req.query, 'ids'), qsParam(req.query, 'fields'))),
  );
  app.post('/composite/sobjects/:sobject', async (req: Req, reply: FastifyReply) => {
    const b = (requireBody(req.body) ?? {}) as { ids?: unknown; fields?: unknown };
    return sendOp(reply, collectionRetrieve(opContext(req), req.params.sobject!, b.ids, b.fields));
  });
  app.patch('/composite/sobjects/:sobject/:field', async (req: Req, reply: FastifyReply) =>
    sendOp(reply, collectionUpsert(collectionContext(req), req.params.sobject!, req.params.field!, req.body)),
  );
}
