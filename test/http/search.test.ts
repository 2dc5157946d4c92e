/**
 * SOSL over HTTP: `GET /search?q=`, parameterized search (GET and POST), Salesforce's error array, and
 * the index following writes made through the REST API.
 */
import type { FastifyInstance } from 'fastify';
import seedrandom from 'seedrandom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { OrgRegistry } from '../../server/org-registry.ts';
import { makeSoslOrg, type SoslTestOrg } from '../unit/sosl-org.ts';

let app: FastifyInstance;
let registry: OrgRegistry;
let t: SoslTestOrg;
let token: string;

beforeAll(async () => {
  t = makeSoslOrg();
  registry = new OrgRegistry();
  registry.register('default', t.org);
  token = registry.issueSession('default', t.ids.U1!).token;
  app = await buildApp({ registry });
});
afterAll(async () => {
  await app.close();
  registry.close();
});

async function call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) {
  const res = await app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  });
  return { status: res.statusCode, type: res.headers['content-type'], body: res.body ? JSON.parse(res.body) : undefined };
}
const get = (url: string) => call('GET', url);
const q = (sosl: string) => encodeURIComponent(sosl);
const idsOf = (body: { searchRecords: { Id: string }[] }) => body.searchRecords.map((r) => t.label(r.Id));

describe('GET /search', () => {
  it('answers searchRecords with attributes, with and without a trailing slash (jsforce / simple-salesforce)', async () => {
    for (const path of ['/services/data/v59.0/search?q=', '/services/data/v59.0/search/?q=']) {
      const r = await get(path + q('FIND {yoga} IN ALL FIELDS RETURNING Account(Id, Name)'));
      expect(r.status).toBe(200);
      expect(r.type).toBe('application/json;charset=UTF-8');
      expect(r.body).toEqual({
        searchRecords: [{ attributes: { type: 'Account', url: `/services/data/v59.0/sobjects/Account/${t.ids.A2}` }, Id: t.ids.A2, Name: 'Joan Smith' }],
      });
    }
  });

  it('echoes the requested API version in attributes.url', async () => {
    const r = await get(`/services/data/v62.0/search?q=${q('FIND {yoga} RETURNING Account')}`);
    expect(r.body.searchRecords[0].attributes.url).toBe(`/services/data/v62.0/sobjects/Account/${t.ids.A2}`);
  });

  it('answers the bare list before API 37.0, when the searchRecords wrapper arrived', async () => {
    const old = await get(`/services/data/v36.0/search/?q=${q('FIND {yoga} RETURNING Account')}`);
    expect(old.body).toEqual([{ attributes: { type: 'Account', url: `/services/data/v36.0/sobjects/Account/${t.ids.A2}` }, Id: t.ids.A2 }]);
    const current = await get(`/services/data/v37.0/search/?q=${q('FIND {yoga} RETURNING Account')}`);
    expect(current.body).toHaveProperty('searchRecords');
  });

  it('answers {"searchRecords": []} on no hits (simple-salesforce needs the object form)', async () => {
    const r = await get(`/services/data/v59.0/search/?q=${q('FIND {qwertyuiop}')}`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ searchRecords: [] });
  });

  it('renders errors as Salesforce arrays with 400', async () => {
    const r = await get(`/services/data/v59.0/search?q=${q('FIND {John|jane_gray@uoa.edu} RETURNING Contact')}`);
    expect(r.status).toBe(400);
    expect(r.body).toEqual([
      { message: "\nFIND {John|jane_gray@uoa.edu} RETURNING Contact\n         ^\nERROR at Row:1:Column:10\nline 1:10 mismatched character '|' expecting '}'", errorCode: 'MALFORMED_SEARCH' },
    ]);
    const bad = await get(`/services/data/v59.0/search?q=${q('FIND {smith} RETURNING Nope')}`);
    expect([bad.status, bad.body[0].errorCode]).toEqual([400, 'INVALID_TYPE']);
    const missing = await get('/services/data/v59.0/search');
    expect(missing.status).toBe(400);
    expect(missing.body[0].errorCode).toBe('MISSING_ARGUMENT');
  });

  it('runs the CRMArena knowledge search as its tool sends it', async () => {
    const sosl = "FIND {return policy} IN ALL FIELDS RETURNING Knowledge__kav(Id, Title, FAQ_Answer__c WHERE PublishStatus='Online' AND Language='en_US')";
    const r = await get(`/services/data/v59.0/search/?q=${q(sosl)}`);
    expect(r.body.searchRecords).toEqual([
      {
        attributes: { type: 'Knowledge__kav', url: `/services/data/v59.0/sobjects/Knowledge__kav/${t.ids.K1}` },
        Id: t.ids.K1,
        Title: 'Return Policy',
        FAQ_Answer__c: 'Items can be returned within 30 days of delivery for a full refund.',
      },
    ]);
  });
});

describe('parameterizedSearch', () => {
  it('GET with sobject, <sobject>.fields and <sobject>.limit', async () => {
    const r = await get('/services/data/v59.0/parameterizedSearch/?q=smith&sobject=Account&Account.fields=Id,Name&Account.limit=10');
    expect(r.status).toBe(200);
    expect(r.body.searchRecords.map((x: { Name: string }) => x.Name).sort()).toEqual(['Joan Smith', 'John Smith']);
    expect(Object.keys(r.body.searchRecords[0])).toEqual(['attributes', 'Id', 'Name']);
  });

  it('GET with several sobjects, a global field list and in=', async () => {
    const r = await get('/services/data/v59.0/parameterizedSearch?q=acme&sobject=Account&sobject=Contact&fields=Id&in=EMAIL');
    expect(idsOf(r.body)).toEqual(['A1', 'C1']);
  });

  it('GET without sobject returns Ids of every searchable object', async () => {
    const r = await get('/services/data/v59.0/parameterizedSearch?q=zipper');
    expect(idsOf(r.body)).toEqual(['I1', 'CS1', 'E1']);
  });

  it('q is plain text: reserved characters need no escaping', async () => {
    const r = await get(`/services/data/v59.0/parameterizedSearch?q=${q('415-555-1212')}&sobject=Account&in=PHONE`);
    expect(idsOf(r.body)).toEqual(['A1']);
  });

  it('POST with the JSON body: fields, where, orderBy, limit per object, overallLimit', async () => {
    const r = await call('POST', '/services/data/v59.0/parameterizedSearch', {
      q: 'rope OR bottle',
      fields: ['Id', 'Name'],
      sobjects: [{ name: 'Product2', where: 'IsActive = true', orderBy: 'Name DESC', limit: 5 }],
      in: 'ALL',
      overallLimit: 100,
    });
    expect(r.status).toBe(200);
    expect(r.body.searchRecords.map((x: { Name: string }) => x.Name)).toEqual(['Water Bottle', 'Climbing Rope']);
  });

  it('POST errors are Salesforce arrays without a SOSL position', async () => {
    const none = await call('POST', '/services/data/v59.0/parameterizedSearch', { sobjects: [{ name: 'Account' }] });
    expect(none.status).toBe(400);
    expect(none.body[0].errorCode).toBe('MISSING_ARGUMENT');
    const badType = await call('POST', '/services/data/v59.0/parameterizedSearch', { q: 'smith', sobjects: [{ name: 'Nope' }] });
    expect(badType.status).toBe(400);
    expect(badType.body[0]).toEqual({
      errorCode: 'INVALID_TYPE',
      message:
        "sObject type 'Nope' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.",
    });
    const badField = await call('POST', '/services/data/v59.0/parameterizedSearch', { q: 'smith', sobjects: [{ name: 'Account', fields: ['Nope__c'] }] });
    expect([badField.status, badField.body[0].errorCode]).toEqual([400, 'INVALID_FIELD']);
    const notJson = await call('POST', '/services/data/v59.0/parameterizedSearch', [1, 2]);
    expect(notJson.status).toBe(400);
    const injected = await call('POST', '/services/data/v59.0/parameterizedSearch', { q: 'smith', fields: ['Id) , Contact(Id'], sobjects: [{ name: 'Account' }] });
    expect([injected.status, injected.body[0].errorCode]).toEqual([400, 'INVALID_FIELD']);
  });
});

describe('the index follows REST writes', () => {
  it('finds a record created through the API, its new words after an update, and not after delete', async () => {
    const created = await call('POST', '/services/data/v59.0/sobjects/Account', { FirstName: 'Zebulon', LastName: 'Quixote', Description: 'collects marmalade' });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const find = async (term: string) =>
      (await get(`/services/data/v59.0/search?q=${q(`FIND {${term}} RETURNING Account(Id, Name)`)}`)).body.searchRecords as { Id: string; Name: string }[];
    expect(await find('zebulon')).toEqual([expect.objectContaining({ Id: id, Name: 'Zebulon Quixote' })]);
    expect(await find('marmalade')).toHaveLength(1);

    const upd = await call('PATCH', `/services/data/v59.0/sobjects/Account/${id}`, { Description: 'collects stamps', LastName: 'Quincy' });
    expect(upd.status).toBe(204);
    expect(await find('marmalade')).toEqual([]);
    expect(await find('stamps')).toEqual([expect.objectContaining({ Id: id, Name: 'Zebulon Quincy' })]);
    expect(await find('quixote')).toEqual([]);

    const del = await call('DELETE', `/services/data/v59.0/sobjects/Account/${id}`);
    expect(del.status).toBe(204);
    expect(await find('zebulon')).toEqual([]);
    expect(await find('stamps')).toEqual([]);
  });
});

describe('hostile parameterized search input', () => {
  it('never answers 5xx: every odd body or query string is a 200 or a Salesforce error array', async () => {
    const rnd = seedrandom('param-search');
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const values: unknown[] = [null, true, 0, -1, 1.5, 1e12, '', 'smith', 'ro*', '"unbalanced', '(x', 'a', '{x}', "'; DROP TABLE Account; --", [], ['Id'], ['Id', 'Bogus__c'], { a: 1 }, 'ALL', 'name', 'x'.repeat(5000)];
    const keys = ['q', 'fields', 'sobjects', 'in', 'overallLimit', 'defaultLimit', 'offset', 'pricebookId', 'spellCorrection', 'division', 'metadata', 'snippet', 'highlight'];
    for (let i = 0; i < 150; i++) {
      const body: Record<string, unknown> = { q: pick(['smith', 'rope OR yoga', pick(values)]) };
      for (let k = 0; k < 3; k++) body[pick(keys)] = pick(values);
      if (rnd() < 0.6) body.sobjects = [{ name: pick(['Account', 'Product2', 'Nope', 'Knowledge__kav', 3]), fields: pick(values), where: pick([undefined, "Name != null", 'Bogus = 1', pick(values)]), orderBy: pick([undefined, 'Name', 'Nope DESC', 7]), limit: pick([undefined, 5, -2, 'x', 3000]) }];
      const r = await call('POST', '/services/data/v59.0/parameterizedSearch', body);
      expect(r.status, JSON.stringify(body)).toBeLessThan(500);
      if (r.status !== 200) expect(r.body[0], JSON.stringify(body)).toMatchObject({ errorCode: expect.any(String), message: expect.any(String) });
      else expect(Array.isArray(r.body.searchRecords)).toBe(true);
      const qs = Object.entries(body)
        .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
        .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
        .join('&');
      const g = await get(`/services/data/v59.0/parameterizedSearch?${qs}&sobject=${pick(['Account', 'Nope', 'Product2,Contact', '%27'])}`);
      expect(g.status, qs).toBeLessThan(500);
    }
  });
});
