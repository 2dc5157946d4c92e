/**
 * Layout describes (REST API Developer Guide: "Describe Layouts", "Compact Layouts", "Named
 * Layouts"): `sobjects/T/describe/layouts[/{recordTypeId}]`, `sobjects/T/describe/compactLayouts`,
 * `sobjects/T/describe/namedLayouts/{name}` and the root `compactLayouts?q=A,B` (each object's default
 * compact layout keyed by object name). Payloads come from src/describe/layout-describe.ts. jsforce:
 * `sobject(T).layouts(name?)`, `.compactLayouts()`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SalesforceError } from '../../src/errors/salesforce-error.ts';
import { notFound } from '../../src/errors/codes.ts';
import { MASTER_RECORD_TYPE_ID } from '../../src/describe/index.ts';
import { compactLayout, describeCompactLayouts, describeLayout, describeLayouts } from '../../src/describe/layout-describe.ts';
import { normalizeId } from '../../src/org/ids.ts';
import { objectOf } from './sobjects-ops.ts';
import { qsParam } from './sobjects.ts';

type Req = FastifyRequest<{ Params: Record<string, string>; Querystring: Record<string, string | string[] | undefined> }>;

/** Named layouts a real org has: User's alternate layout (the guide's namedLayouts example is UserAlt). */
const NAMED_LAYOUTS: Record<string, string[]> = { User: ['UserAlt'] };

function masterRecordType(id: string): boolean {
  return normalizeId(id) === MASTER_RECORD_TYPE_ID;
}

export async function layoutRoutes(app: FastifyInstance): Promise<void> {
  app.get('/sobjects/:sobject/describe/layouts', async (req: Req) => describeLayouts(objectOf(req.params.sobject!), req.apiVersion));
  app.get('/sobjects/:sobject/describe/layouts/:recordTypeId', async (req: Req) => {
    const obj = objectOf(req.params.sobject!);
    if (!masterRecordType(req.params.recordTypeId!)) throw notFound();
    return describeLayout(obj);
  });
  app.get('/sobjects/:sobject/describe/namedLayouts/:name', async (req: Req) => {
    const obj = objectOf(req.params.sobject!);
    const name = NAMED_LAYOUTS[obj.name]?.find((n) => n.toLowerCase() === req.params.name!.toLowerCase());
    if (!name) throw notFound();
    return { layouts: [describeLayout(obj)], recordTypeMappings: [], recordTypeSelectorRequired: [false] };
  });
  app.get('/sobjects/:sobject/describe/compactLayouts', async (req: Req) => describeCompactLayouts(objectOf(req.params.sobject!), req.apiVersion));
  app.get('/sobjects/:sobject/describe/compactLayouts/:recordTypeId', async (req: Req) => {
    const obj = objectOf(req.params.sobject!);
    if (!masterRecordType(req.params.recordTypeId!)) throw notFound();
    return compactLayout(obj);
  });
  app.get('/compactLayouts', async (req: Req) => {
    const q = qsParam(req.query, 'q');
    if (q === undefined || q.trim() === '') throw new SalesforceError('MISSING_ARGUMENT', 'Missing required query parameter: q', 400);
    const out: Record<string, unknown> = {};
    for (const name of q.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
      const obj = objectOf(name);
      out[obj.name] = compactLayout(obj);
    }
    return out;
  });
}
