/**
 * Many clients at once against one listening server: concurrent queries, concurrent paging through
 * the same result, concurrent logins. Every answer is a success; pages hold exactly the rows the
 * query holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestOrg, TEST_LOGIN } from '../http/test-org.ts';
import { startServer, type ListeningServer } from './listening-server.ts';

let server: ListeningServer;
let auth: Record<string, string>;
beforeAll(async () => {
  server = await startServer(makeTestOrg({ accounts: 1200 }));
  auth = { authorization: `Bearer ${server.token}` };
});
afterAll(async () => {
  await server?.close();
});

const getJson = async (path: string, headers: Record<string, string> = {}) => {
  const r = await fetch(server.url + path, { headers: { ...auth, ...headers } });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
};

describe('concurrent clients', () => {
  it('300 queries from 30 parallel clients all succeed with the right counts', async () => {
    const soqls = [
      "SELECT Id, Name FROM Account WHERE ShippingState = 'CA' LIMIT 50",
      'SELECT COUNT() FROM Account',
      'SELECT ShippingState, COUNT(Id) FROM Account GROUP BY ShippingState',
    ];
    const results = await Promise.all(
      Array.from({ length: 30 }, async (_, c) => {
        const out = [];
        for (let i = 0; i < 10; i++) out.push(await getJson(`/services/data/v59.0/query?q=${encodeURIComponent(soqls[(c + i) % 3]!)}`));
        return out;
      }),
    );
    const flat = results.flat();
    expect(flat.every((r) => r.status === 200)).toBe(true);
    expect(flat.filter((r) => (r.body.records as unknown[]).length === 0).every((r) => r.body.totalSize === 1200)).toBe(true);
  });

  it('ten clients page through the same query at the same time and each sees every row once', async () => {
    const walk = async () => {
      const ids: string[] = [];
      let res = await getJson(`/services/data/v59.0/query?q=${encodeURIComponent('SELECT Id FROM Account ORDER BY Id')}`, { 'sforce-query-options': 'batchSize=200' });
      for (;;) {
        expect(res.status).toBe(200);
        ids.push(...(res.body.records as { Id: string }[]).map((r) => r.Id));
        if (res.body.done) break;
        res = await getJson(res.body.nextRecordsUrl as string, { 'sforce-query-options': 'batchSize=200' });
      }
      return ids;
    };
    const walks = await Promise.all(Array.from({ length: 10 }, walk));
    for (const ids of walks) {
      expect(ids).toHaveLength(1200);
      expect(new Set(ids).size).toBe(1200);
    }
  });

  it('50 simultaneous OAuth logins each get a distinct working token', async () => {
    const tokens = await Promise.all(
      Array.from({ length: 50 }, async () => {
        const r = await fetch(`${server.url}/services/oauth2/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ grant_type: 'password', username: TEST_LOGIN.username, password: TEST_LOGIN.password }),
        });
        expect(r.status).toBe(200);
        return ((await r.json()) as { access_token: string }).access_token;
      }),
    );
    expect(new Set(tokens).size).toBe(50);
    const checks = await Promise.all(tokens.map((t) => fetch(`${server.url}/services/data/v59.0/`, { headers: { authorization: `Bearer ${t}` } })));
    expect(checks.every((r) => r.status === 200)).toBe(true);
  });
});
