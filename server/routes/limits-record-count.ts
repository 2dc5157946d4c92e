/**
 * `GET /limits/recordCount[?sObjects=Account,Case]` (the sf CLI's `sf org list sobject record-counts`;
 * Salesforce REST API guide "Record Count", v40.0+): `{"sObjects":[{"count":n,"name":"Account"},...]}`.
 * Salesforce reports a cached storage snapshot without recycle-bin records; an offline org has no
 * lag, so the counts are exact counts of undeleted rows. Without `sObjects` every object that holds
 * records is listed (as the Storage Usage page does); named objects are listed even when empty, and
 * names that are not objects of this org are skipped. Names come back in their API spelling, sorted.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { getObject, OBJECTS } from '../../schema/index.ts';
import type { ObjectDef } from '../../schema/types.ts';
import { notFound } from '../../src/errors/codes.ts';
import { q } from '../../src/org/ddl.ts';
import { JSON_TYPE } from '../reply.ts';
import '../types.ts';

export async function recordCountRoutes(app: FastifyInstance): Promise<void> {
  app.get('/limits/recordCount', async (req: FastifyRequest<{ Querystring: { sObjects?: string | string[] } }>, reply) => {
    // The resource exists from API v40.0 on.
    if (Number(req.apiVersion) < 40) throw notFound();
    const raw = req.query?.sObjects;
    const names = (Array.isArray(raw) ? raw.join(',') : raw ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const chosen = new Map<string, ObjectDef>();
    if (raw === undefined || names.length === 0) {
      for (const obj of OBJECTS) chosen.set(obj.name, obj);
    } else {
      for (const n of names) {
        const obj = getObject(n);
        if (obj) chosen.set(obj.name, obj);
      }
    }
    const listAll = raw === undefined || names.length === 0;
    const sObjects: { count: number; name: string }[] = [];
    for (const obj of [...chosen.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const del = obj.fields.some((f) => f.name === 'IsDeleted') ? ' WHERE "IsDeleted" = 0' : '';
      const row = req.org.store.prepare(`SELECT COUNT(*) AS n FROM ${q(obj.name)}${del}`).get() as { n: number };
      if (listAll && row.n === 0) continue;
      sObjects.push({ count: row.n, name: obj.name });
    }
    return reply.type(JSON_TYPE).send(JSON.stringify({ sObjects }));
  });
}
