/**
 * Hostile and malformed input never reaches the 500 path: every answer under /services/data is a
 * Salesforce error array (or a success), SOAP answers faults, OAuth answers OAuth errors. A seeded
 * generator combines path segments, methods, query strings, content types and bodies.
 */
import seedrandom from 'seedrandom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { OrgRegistry } from '../../server/org-registry.ts';
import { startTestApp, type TestApp } from './test-org.ts';

let t: TestApp;
let app: FastifyInstance;
let registry: OrgRegistry;
let token: string;
let ids: string[];

beforeAll(async () => {
  t = await startTestApp({ accounts: 30 });
  ({ app, registry, token } = t);
  ids = (t.org.db.prepare('SELECT "Id" FROM "Account" LIMIT 3').all() as { Id: string }[]).map((r) => r.Id);
});
afterAll(() => t.close());

describe('hostile input', () => {
  it('REST: random paths, methods, bodies and content types never give a 5xx or a non-array error', async () => {
    const rng = seedrandom('mockforce-hostile-rest');
    const pick = <T>(a: readonly T[]): T => a[Math.floor(rng() * a.length)]!;
    const segs = ['sobjects', 'Account', 'Case', 'describe', 'query', 'queryAll', 'search', 'composite', 'tree', 'batch', 'limits', 'updated', 'deleted',
      ids[0]!, ids[0]!.slice(0, 15), 'Id', 'Name', '%00', '..', '', 'x'.repeat(300), "'", '"', '%2F', 'parameterizedSearch', 'User', 'Knowledge__kav', '01gMf0000000001IAA-200'];
    const bodies = ['', '{}', '[]', 'null', '1', '"x"', '{"Name":', '{"LastName":"A"}', '{"records":[{}]}',
      '{"compositeRequest":[{"method":"GET","url":"/x","referenceId":"r"}]}', '{"allOrNone":true,"records":null}', '{"batchRequests":[{}]}',
      JSON.stringify({ LastName: 'x'.repeat(100000) }), '{"LastName":{"a":1}}', '{"ids":[1,2],"fields":["Id"]}', '\u0000', '{"__proto__":{"a":1}}'];
    const qs = ['', '?q=SELECT+Id+FROM+Account', '?q=', '?q=FIND+{x}', '?fields=Id,Nope', '?fields=', '?start=x&end=y', `?ids=${ids.join(',')}`,
      '?q=SELECT+Id+FROM+Account+WHERE+Name+%3D+%27%00%27', '?explain=x', '?columns=true&q=SELECT+COUNT()+FROM+Account', '?q=%E0%A4%A', '?q=SELECT&q=FROM'];
    const methods = ['GET', 'POST', 'PATCH', 'DELETE', 'PUT', 'HEAD'] as const;
    const types = ['application/json', 'text/plain', 'application/xml', 'application/x-www-form-urlencoded'];
    const bad: string[] = [];
    for (let i = 0; i < 1500; i++) {
      const n = 1 + Math.floor(rng() * 4);
      const url = '/services/data/v59.0/' + Array.from({ length: n }, () => pick(segs)).join('/') + (rng() < 0.3 ? '/' : '') + pick(qs);
      const method = pick(methods);
      const body = method === 'GET' || method === 'HEAD' ? undefined : pick(bodies);
      const r = await app.inject({ method, url, headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': pick(types) } : {}) }, payload: body });
      const ct = String(r.headers['content-type'] ?? '');
      const arrayError = ct === 'application/json;charset=UTF-8' && r.body.startsWith('[');
      if (r.statusCode >= 500 || (r.statusCode >= 400 && method !== 'HEAD' && !arrayError)) bad.push(`${method} ${url.slice(0, 120)} -> ${r.statusCode} ${r.body.slice(0, 120)}`);
    }
    expect(bad).toEqual([]);
  });

  it('SOAP: garbage envelopes are faults, never crashes', async () => {
    const bodies = ['', 'not xml', '<login>', '<login><username>a', '<a:login><a:username><![CDATA[x]]></a:username><a:password>&bogus;</a:password></a:login>',
      `<login><username>${'a'.repeat(100000)}</username><password>x</password></login>`, '\u0000\u0001', '<login><username>&#xFFFFFFF;</username><password>&#0;</password></login>'];
    for (const payload of bodies) {
      for (const type of ['text/xml', 'application/json', 'application/soap+xml']) {
        const r = await app.inject({ method: 'POST', url: '/services/Soap/u/59.0', headers: { 'content-type': type }, payload });
        expect(r.statusCode).toBe(500);
        expect(r.headers['content-type']).toBe('text/xml;charset=UTF-8');
        expect(r.body).toContain('<soapenv:Fault>');
      }
    }
  });

  it('SOAP: crafted envelopes are parsed in linear time; oversized ones are refused', async () => {
    const crafted = [
      `<login>${'<username '.repeat(90_000)}</login>`,
      `<login><username>${'username>'.repeat(90_000)}</login>`,
      `<login><password>${'</'.repeat(200_000)}</login>`,
    ];
    for (const payload of crafted) {
      const t0 = performance.now();
      const r = await app.inject({ method: 'POST', url: '/services/Soap/u/59.0', headers: { 'content-type': 'text/xml' }, payload });
      expect(r.statusCode).toBe(500);
      expect(r.body).toContain('INVALID_LOGIN');
      expect(performance.now() - t0).toBeLessThan(3000);
    }
    const big = await app.inject({ method: 'POST', url: '/services/Soap/u/59.0', headers: { 'content-type': 'text/xml' }, payload: 'x'.repeat(2 * 1024 * 1024) });
    expect(big.statusCode).toBe(413);
  });

  it('OAuth: odd forms and bodies are OAuth errors', async () => {
    for (const [type, payload] of [
      ['application/x-www-form-urlencoded', 'grant_type=password&username=&password='],
      ['application/x-www-form-urlencoded', 'grant_type=password&grant_type=refresh_token'],
      ['application/x-www-form-urlencoded', '%%%'],
      ['application/json', '{"grant_type":["password"]}'],
      ['application/json', '{bad'],
      ['text/plain', 'grant_type=password'],
    ] as const) {
      const r = await app.inject({ method: 'POST', url: '/services/oauth2/token', headers: { 'content-type': type }, payload });
      expect(r.statusCode, payload).toBe(400);
      expect(r.headers['content-type']).toBe('application/json;charset=UTF-8');
      expect(Object.keys(r.json()).sort()).toEqual(['error', 'error_description']);
    }
  });
});
