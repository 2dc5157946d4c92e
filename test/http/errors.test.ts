import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { describeJsonError, parseJsonBody } from '../../server/json-body.ts';
import { OrgRegistry } from '../../server/org-registry.ts';
import { makeTestOrg, startTestApp, type TestApp } from './test-org.ts';

let t: TestApp;
let app: FastifyInstance;
let registry: OrgRegistry;
let auth: { authorization: string };

beforeAll(async () => {
  t = await startTestApp({ accounts: 1 });
  ({ app, registry, auth } = t);
});
afterAll(() => t.close());

const NOT_FOUND = [{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }];

describe('versions and resources', () => {
  it('GET /services/data lists versions without auth, with and without trailing slash', async () => {
    for (const url of ['/services/data', '/services/data/']) {
      const r = await app.inject({ url });
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toBe('application/json;charset=UTF-8');
      const list = r.json() as { label: string; url: string; version: string }[];
      expect(list).toContainEqual({ label: "Winter '24", url: '/services/data/v59.0', version: '59.0' });
      expect(list).toContainEqual({ label: "Spring '24", url: '/services/data/v60.0', version: '60.0' });
      expect(list).toContainEqual({ label: "Winter '25", url: '/services/data/v62.0', version: '62.0' });
      expect(list.at(-1)).toEqual({ label: "Winter '26", url: '/services/data/v65.0', version: '65.0' });
    }
  });

  it('GET /services/data/vNN.N is the resource map for that version', async () => {
    for (const v of ['50.0', '59.0', '62.0']) {
      const r = await app.inject({ url: `/services/data/v${v}`, headers: auth });
      expect(r.statusCode).toBe(200);
      const b = r.json();
      expect(b.query).toBe(`/services/data/v${v}/query`);
      expect(b.sobjects).toBe(`/services/data/v${v}/sobjects`);
      expect(b.search).toBe(`/services/data/v${v}/search`);
      expect(b.limits).toBe(`/services/data/v${v}/limits`);
    }
  });

  it('GET /recent is an empty list (no UI views are recorded); a bad limit is an error', async () => {
    const r = await app.inject({ url: '/services/data/v59.0/recent/?limit=5', headers: auth });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual([]);
    const bad = await app.inject({ url: '/services/data/v59.0/recent?limit=abc', headers: auth });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()[0].errorCode).toBe('INVALID_QUERY_PARAMETER_VALUE');
  });

  it('a malformed version segment is NOT_FOUND', async () => {
    for (const v of ['59', 'v59', 'v59.0.1', 'latest']) {
      const r = await app.inject({ url: `/services/data/${v}/query?q=SELECT+Id+FROM+Account`, headers: auth });
      expect(r.statusCode).toBe(404);
      expect(r.json()).toEqual(NOT_FOUND);
    }
  });
});

describe('headers', () => {
  it('every REST response carries Sforce-Limit-Info counting the org’s calls', async () => {
    const a = await app.inject({ url: '/services/data/v59.0/', headers: auth });
    const b = await app.inject({ url: '/services/data/v59.0/', headers: auth });
    const used = (h: unknown) => Number(/api-usage=(\d+)\/15000/.exec(String(h))![1]);
    expect(used(b.headers['sforce-limit-info'])).toBe(used(a.headers['sforce-limit-info']) + 1);
    const nf = await app.inject({ url: '/services/data/v59.0/nothing-here', headers: auth });
    expect(nf.headers['sforce-limit-info']).toMatch(/^api-usage=\d+\/15000$/);
  });

  it('X-PrettyPrint: 1 indents the JSON', async () => {
    const r = await app.inject({ url: '/services/data/v59.0/', headers: { ...auth, 'x-prettyprint': '1' } });
    expect(r.body).toContain('\n  "');
    expect(r.json().query).toBe('/services/data/v59.0/query');
  });
});

describe('unknown routes and methods', () => {
  it('unknown paths are NOT_FOUND arrays, with and without auth', async () => {
    for (const url of ['/nope', '/services/data/v59.0/bogus', '/services/data/v59.0/bogus/', '/services/apexrest/x']) {
      const r = await app.inject({ url, headers: auth });
      expect(r.statusCode).toBe(404);
      expect(r.headers['content-type']).toBe('application/json;charset=UTF-8');
      expect(r.json()).toEqual(NOT_FOUND);
    }
  });

  it('undecodable and over-long paths are NOT_FOUND arrays too', async () => {
    for (const url of ['/services/data/v59.0/sobjects/%zz', `/services/data/v59.0/query/${'x'.repeat(20000)}`]) {
      const r = await app.inject({ url, headers: auth });
      expect(r.statusCode).toBe(404);
      expect(r.headers['content-type']).toBe('application/json;charset=UTF-8');
      expect(r.headers['sforce-limit-info']).toMatch(/^api-usage=\d+\/15000$/);
      expect(r.json()).toEqual(NOT_FOUND);
    }
  });

  it('a known path with a wrong method is METHOD_NOT_ALLOWED', async () => {
    const r = await app.inject({ method: 'DELETE', url: '/services/data/v59.0/query/', headers: auth });
    expect(r.statusCode).toBe(405);
    expect(r.json()).toEqual([{ message: "HTTP Method 'DELETE' not allowed. Allowed are GET,HEAD", errorCode: 'METHOD_NOT_ALLOWED' }]);
    const p = await app.inject({ method: 'PUT', url: '/services/data', headers: auth });
    expect(p.statusCode).toBe(405);
  });
});

describe('JSON bodies', () => {
  it('parses valid JSON and treats an empty body as absent', () => {
    expect(parseJsonBody('{"a":[1,true,null]}')).toEqual({ a: [1, true, null] });
    expect(parseJsonBody('  ')).toBeUndefined();
  });

  it('words malformed JSON as Jackson does, with line and column', () => {
    const msg = (s: string) => describeJsonError(s).toJSON()[0]!;
    expect(msg('{bad}')).toEqual({ errorCode: 'JSON_PARSER_ERROR', message: "Unexpected character ('b' (code 98)): was expecting double-quote to start field name at [line:1, column:3]" });
    expect(msg('{"Name" "x"}').message).toBe("Unexpected character ('\"' (code 34)): was expecting a colon to separate field name and value at [line:1, column:10]");
    expect(msg('{"a":1 "b":2}').message).toBe("Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries at [line:1, column:9]");
    expect(msg('[1 2]').message).toBe("Unexpected character ('2' (code 50)): was expecting comma to separate Array entries at [line:1, column:5]");
    expect(msg('{"a": tru}').message).toBe("Unrecognized token 'tru': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false') at [line:1, column:10]");
    expect(msg('{\n "a": 1,\n "b": }').message).toBe("Unexpected character ('}' (code 125)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false') at [line:3, column:8]");
    expect(msg('{"a":1').message).toMatch(/^Unexpected end-of-input/);
    expect(msg('{"a":"x').message).toMatch(/^Unexpected end-of-input: was expecting closing quote/);
  });

  it('refuses nesting deeper than 1000 like Jackson, and stays fast on huge malformed bodies', () => {
    const deep = () => parseJsonBody('['.repeat(1001) + ']'.repeat(1001));
    expect(deep).toThrow(/^Document nesting depth \(1001\) exceeds the maximum allowed \(1000/);
    expect(parseJsonBody('['.repeat(1000) + ']'.repeat(1000))).toBeInstanceOf(Array);
    expect(describeJsonError('['.repeat(50_000)).toJSON()[0]!.message).toMatch(/^Document nesting depth/);
    const t0 = performance.now();
    expect(describeJsonError('[' + 'true,'.repeat(400_000) + 'x').toJSON()[0]!.message).toMatch(/^Unrecognized token 'x'/);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('a malformed body on a REST route is a 400 JSON_PARSER_ERROR array, not Fastify’s error', async () => {
    const r = await app.inject({ method: 'POST', url: '/services/data/v59.0/query', headers: { ...auth, 'content-type': 'application/json' }, payload: '{"x": }' });
    expect(r.statusCode).toBe(400);
    expect(r.json()[0].errorCode).toBe('JSON_PARSER_ERROR');
  });

  it('gzip and deflate request bodies are inflated; bad or unknown encodings are errors', async () => {
    const { gzipSync, deflateSync } = await import('node:zlib');
    const post = (enc: string, payload: Buffer) =>
      app.inject({ method: 'POST', url: '/services/data/v59.0/query', headers: { ...auth, 'content-type': 'application/json', 'content-encoding': enc }, payload });
    // Inflated then parsed: a malformed document inside the gzip is reported by the JSON parser.
    const g = await post('gzip', gzipSync('{"x": '));
    expect(g.statusCode).toBe(400);
    expect(g.json()[0]).toEqual({ errorCode: 'JSON_PARSER_ERROR', message: 'Unexpected end-of-input within/between OBJECT entries at [line:1, column:7]' });
    const d = await post('deflate', deflateSync('{bad'));
    expect(d.json()[0].message).toMatch(/^Unexpected character \('b'/);
    const notGzip = await post('gzip', Buffer.from('plain text'));
    expect(notGzip.statusCode).toBe(400);
    expect(notGzip.json()[0].message).toMatch(/^The request body could not be decompressed/);
    const br = await post('br', Buffer.from('x'));
    expect(br.statusCode).toBe(415);
    expect(br.json()[0].errorCode).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('bodies with other or no content types are still read as JSON', async () => {
    const r = await app.inject({ method: 'POST', url: '/services/data/v59.0/query', headers: { ...auth, 'content-type': 'text/plain' }, payload: '{nope' });
    expect(r.statusCode).toBe(400);
    expect(r.json()[0].errorCode).toBe('JSON_PARSER_ERROR');
  });
});

describe('unexpected exceptions', () => {
  it('become a 500 UNKNOWN_EXCEPTION array', async () => {
    const reg = new OrgRegistry();
    reg.register('default', makeTestOrg({ accounts: 0 }));
    const a = await buildApp({ registry: reg });
    a.get('/boom', async () => {
      throw new TypeError('kaboom');
    });
    const r = await a.inject({ url: '/boom' });
    expect(r.statusCode).toBe(500);
    expect(r.json()[0].errorCode).toBe('UNKNOWN_EXCEPTION');
    expect(r.body).not.toContain('kaboom');
    await a.close();
    reg.close();
  });
});
