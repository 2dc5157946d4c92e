/**
 * Writes against the seeded org (seed 42): every seeded record survives a round trip through the
 * API, i.e. re-sending a record's own writable values validates (the generator and the write
 * validation agree on lengths, picklists, emails and lookups), and typical agent writes work.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OBJECTS } from '../../schema/index.ts';
import { buildApp } from '../../server/app.ts';
import { OrgRegistry } from '../../server/org-registry.ts';
import type { Org } from '../../src/org/index.ts';
import { openSeededOrg } from '../support/seeded-org.ts';

let app: FastifyInstance;
let registry: OrgRegistry;
let org: Org;
let token: string;

beforeAll(async () => {
  const base = openSeededOrg();
  org = base.clone();
  base.close();
  registry = new OrgRegistry();
  registry.register('seeded', org);
  token = registry.issueSession('seeded', org.loginIdentity()!.userId).token;
  app = await buildApp({ registry });
});
afterAll(async () => {
  await app.close();
  registry.close();
});

const call = async (method: string, url: string, body?: unknown) => {
  const res = await app.inject({
    method: method as 'GET',
    url: `/services/data/v59.0${url}`,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  });
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined };
};

describe('seeded org through the sObject API', () => {
  it.each(OBJECTS.filter((o) => o.updateable).map((o) => o.name))('%s records round-trip: their own writable values validate', async (name) => {
    const obj = OBJECTS.find((o) => o.name === name)!;
    const ids = org.db.prepare(`SELECT "Id" FROM "${name}" ORDER BY "Id" LIMIT 15`).all() as { Id: string }[];
    for (const { Id } of ids) {
      const rec = (await call('GET', `/sobjects/${name}/${Id}`)).body;
      const body: Record<string, unknown> = {};
      for (const f of obj.fields) if (f.updateable && !(name === 'Account' && rec.IsPersonAccount === false && (f.name === 'FirstName' || f.name === 'LastName'))) body[f.name] = rec[f.name];
      const r = await call('PATCH', `/sobjects/${name}/${Id}`, body);
      expect(r.status, `${name} ${Id}: ${JSON.stringify(r.body)}`).toBe(204);
    }
  });

  it('closes a seeded case, logs an email on it, and deletes the email', async () => {
    const c = org.db.prepare(`SELECT "Id" FROM "Case" WHERE "Status" != 'Closed' LIMIT 1`).get() as { Id: string };
    expect((await call('PATCH', `/sobjects/Case/${c.Id}`, { Status: 'Closed' })).status).toBe(204);
    const got = (await call('GET', `/sobjects/Case/${c.Id}?fields=IsClosed,ClosedDate`)).body;
    expect(got.IsClosed).toBe(true);
    expect(got.ClosedDate).toBe(org.clock.nowIso().replace('Z', '+0000'));
    const e = await call('POST', '/sobjects/EmailMessage', { ParentId: c.Id, Subject: 'Resolved', TextBody: 'Done', Status: '3', Incoming: false });
    expect(e.status).toBe(201);
    const emails = (await call('GET', `/sobjects/Case/${c.Id}/EmailMessages?fields=Subject`)).body;
    expect(emails.records.map((r: { Subject: string }) => r.Subject)).toContain('Resolved');
    expect((await call('DELETE', `/sobjects/EmailMessage/${e.body.id}`)).status).toBe(204);
  });
});
