/**
 * X-PrettyPrint (simple-salesforce sends `X-PrettyPrint: 1` on every call): every JSON body — objects
 * the routes return, strings they send pre-serialised, error arrays — comes back as exactly the
 * compact body indented by two spaces, with the same status and headers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { OrgRegistry } from '../../server/org-registry.ts';
import { startTestApp, type TestApp } from './test-org.ts';

let t: TestApp;
let app: FastifyInstance;
let registry: OrgRegistry;
let auth: { authorization: string };

beforeAll(async () => {
  t = await startTestApp({ accounts: 3 });
  ({ app, registry, auth } = t);
});
afterAll(() => t.close());

async function both(method: 'GET' | 'POST', url: string, payload?: unknown, withAuth = true) {
  const headers = withAuth ? auth : {};
  const compact = await app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const pretty = await app.inject({ method, url, headers: { ...headers, 'x-prettyprint': '1' }, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { compact, pretty };
}

describe('X-PrettyPrint', () => {
  const cases: [string, 'GET' | 'POST', string, unknown?, boolean?][] = [
    ['a query result (object payload)', 'GET', `/services/data/v59.0/query?q=${encodeURIComponent('SELECT Id, Name, (SELECT Id FROM Contacts) FROM Account ORDER BY Name')}`],
    ['the resource map', 'GET', '/services/data/v59.0/'],
    ['the versions list (sent as a string)', 'GET', '/services/data', undefined, false],
    ['a malformed query (error array)', 'GET', `/services/data/v59.0/query?q=${encodeURIComponent('SELECT FROM')}`],
    ['an unknown resource (404 array)', 'GET', '/services/data/v59.0/nothing'],
    ['an unauthenticated call (401 array)', 'GET', '/services/data/v59.0/limits', undefined, false],
    ['a create (201)', 'POST', '/services/data/v59.0/sobjects/Account', { Name: 'Pretty "quoted" \u00e9 \ud83d\ude00' }],
  ];
  for (const [name, method, url, payload, withAuth] of cases) {
    it(`indents ${name} exactly as JSON.stringify(body, null, 2)`, async () => {
      const { compact, pretty } = await both(method, url, payload, withAuth ?? true);
      expect(pretty.statusCode).toBe(compact.statusCode);
      expect(pretty.headers['content-type']).toBe('application/json;charset=UTF-8');
      expect(compact.headers['content-type']).toBe('application/json;charset=UTF-8');
      expect(pretty.headers['sforce-limit-info']).toMatch(/^api-usage=\d+\/15000$/);
      expect(compact.body).not.toContain('\n');
      if (method === 'GET') expect(pretty.body).toBe(JSON.stringify(JSON.parse(compact.body), null, 2));
      else expect(Object.keys(pretty.json())).toEqual(Object.keys(compact.json()));
      expect(pretty.body).toContain('\n  ');
    });
  }

  it('`X-PrettyPrint: 0` and an empty value leave the body compact', async () => {
    for (const v of ['0', '', 'false']) {
      const r = await app.inject({ url: '/services/data/v59.0/', headers: { ...auth, 'x-prettyprint': v } });
      expect(r.body).not.toContain('\n');
    }
  });
});
