import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { OrgRegistry } from '../../server/org-registry.ts';
import { startTestApp, type TestApp } from './test-org.ts';

let t: TestApp;
let app: FastifyInstance;
let registry: OrgRegistry;
let baseAuth: { authorization: string };

beforeAll(async () => {
  t = await startTestApp({ accounts: 2 });
  ({ app, registry } = t);
  baseAuth = t.auth;
});
afterAll(() => t.close());

const count = async (authorization: string) =>
  (await app.inject({ url: '/services/data/v59.0/query?q=SELECT+COUNT()+FROM+Account', headers: { authorization } })).json().totalSize as number;

describe('/mockforce/episodes', () => {
  it('clones, isolates, resets and drops an episode org over HTTP', async () => {
    const created = await app.inject({ method: 'POST', url: '/mockforce/episodes', headers: { ...baseAuth, host: 'localhost:8080' } });
    expect(created.statusCode).toBe(201);
    const ep = created.json();
    expect(ep).toMatchObject({ instanceUrl: 'http://localhost:8080', organizationId: registry.get('default')!.org.organizationId });
    const epAuth = `Bearer ${ep.accessToken}`;
    registry.get(ep.orgKey)!.org.store.insert('Account', { LastName: 'Episode only' });
    expect(await count(epAuth)).toBe(3);
    expect(await count(baseAuth.authorization)).toBe(2);

    const reset = await app.inject({ method: 'POST', url: `/mockforce/episodes/${ep.orgKey}/reset`, headers: { authorization: epAuth } });
    expect(reset.statusCode).toBe(204);
    expect(await count(epAuth)).toBe(2);

    const dropped = await app.inject({ method: 'DELETE', url: `/mockforce/episodes/${encodeURIComponent(ep.orgKey)}`, headers: baseAuth });
    expect(dropped.statusCode).toBe(204);
    const after = await app.inject({ url: '/services/data/v59.0/', headers: { authorization: epAuth } });
    expect(after.statusCode).toBe(401);
  });

  it('requires a session, and only the base org or the episode may control it', async () => {
    const none = await app.inject({ method: 'POST', url: '/mockforce/episodes' });
    expect(none.statusCode).toBe(401);
    expect(none.json()[0].errorCode).toBe('INVALID_SESSION_ID');
    const a = (await app.inject({ method: 'POST', url: '/mockforce/episodes', headers: baseAuth })).json();
    const b = (await app.inject({ method: 'POST', url: '/mockforce/episodes', headers: baseAuth })).json();
    const cross = await app.inject({ method: 'DELETE', url: `/mockforce/episodes/${encodeURIComponent(a.orgKey)}`, headers: { authorization: `Bearer ${b.accessToken}` } });
    expect(cross.statusCode).toBe(404);
    const baseReset = await app.inject({ method: 'POST', url: '/mockforce/episodes/default/reset', headers: baseAuth });
    expect(baseReset.statusCode).toBe(404);
    for (const e of [a, b]) registry.drop(e.orgKey);
  });
});
