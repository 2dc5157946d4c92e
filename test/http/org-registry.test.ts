import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { OrgRegistry } from '../../server/org-registry.ts';
import { makeTestOrg, TEST_LOGIN } from './test-org.ts';

let app: FastifyInstance;
let registry: OrgRegistry;

beforeAll(async () => {
  registry = new OrgRegistry();
  registry.register('base', makeTestOrg({ accounts: 2 }));
  app = await buildApp({ registry });
});
afterAll(async () => {
  await app.close();
  registry.close();
});

const countAccounts = (key: string) =>
  (registry.get(key)!.org.db.prepare('SELECT COUNT(*) AS n FROM "Account" WHERE "IsDeleted" = 0').get() as { n: number }).n;

describe('OrgRegistry', () => {
  it('episodes get isolated clones; reset restores the base; drop revokes the sessions', async () => {
    const a = registry.cloneForEpisode('base');
    const b = registry.cloneForEpisode('base');
    expect(a.entry.key).not.toBe(b.entry.key);
    a.entry.org.store.insert('Account', { LastName: 'OnlyInA' });
    expect(countAccounts(a.entry.key)).toBe(3);
    expect(countAccounts(b.entry.key)).toBe(2);
    expect(countAccounts('base')).toBe(2);

    // Each token reaches its own org.
    const ra = await app.inject({ url: '/services/data/v59.0/', headers: { authorization: `Bearer ${a.token}` } });
    expect(ra.statusCode).toBe(200);
    expect(registry.session(a.token)!.orgKey).toBe(a.entry.key);

    registry.reset(a.entry.key);
    expect(countAccounts(a.entry.key)).toBe(2);
    expect(registry.session(a.token)).toBeDefined();

    registry.drop(a.entry.key);
    const gone = await app.inject({ url: '/services/data/v59.0/', headers: { authorization: `Bearer ${a.token}` } });
    expect(gone.statusCode).toBe(401);
    registry.drop(b.entry.key);
  });

  it('API usage is counted per org', async () => {
    const c = registry.cloneForEpisode('base', 'ep-usage');
    const h = { authorization: `Bearer ${c.token}` };
    await app.inject({ url: '/services/data/v59.0/', headers: h });
    const r = await app.inject({ url: '/services/data/v59.0/', headers: h });
    expect(r.headers['sforce-limit-info']).toBe('api-usage=2/15000');
    registry.drop('ep-usage');
  });

  it('logins land on loginable orgs only, never on episode clones', () => {
    registry.cloneForEpisode('base', 'ep-login');
    const auth = registry.authenticate(TEST_LOGIN.username, TEST_LOGIN.password);
    expect(auth?.entry.key).toBe('base');
    expect(registry.authenticate(TEST_LOGIN.username, 'wrong')).toBeUndefined();
    registry.drop('ep-login');
  });

  it('refuses duplicate keys and resetting an org that is not a clone', () => {
    expect(() => registry.register('base', makeTestOrg({ accounts: 0 }))).toThrow(/already registered/);
    expect(() => registry.reset('base')).toThrow(/cannot be reset/);
  });
});
