/**
 * Introspection endpoints over app.inject: Salesforce-shaped errors for what a client can get wrong
 * (unknown sObject, list view, record type, named layout; bad explain text; bad paging) and the shapes
 * clients read without jsforce (root compactLayouts, list view by Id, composite listviews).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './test-org.ts';

let t: TestApp;
const V = '/services/data/v61.0';
const NOT_FOUND = [{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }];

beforeAll(async () => {
  t = await startTestApp({ accounts: 3 });
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url: V + url, headers: t.auth });

async function allAccountView(): Promise<string> {
  return ((await get('/sobjects/Account/listviews')).json() as { listviews: { id: string }[] }).listviews[0]!.id;
}

describe('introspection errors', () => {
  it.each([
    '/sobjects/Nope__c/describe/layouts',
    '/sobjects/Nope__c/describe/compactLayouts',
    '/sobjects/Nope__c/describe/namedLayouts/UserAlt',
    '/sobjects/Nope__c/listviews',
    '/sobjects/Nope__c/listviews/recent',
    '/sobjects/Nope__c/listviews/00BMfLSIBIV2uM6M5J/results',
    '/compactLayouts?q=Account,Nope__c',
  ])('unknown sObject: 404 NOT_FOUND array (%s)', async (url) => {
    const r = await get(url);
    expect(r.statusCode).toBe(404);
    expect(r.headers['content-type']).toBe('application/json;charset=UTF-8');
    expect(r.json()).toEqual(NOT_FOUND);
  });

  it('unknown list view, record type or named layout: NOT_FOUND', async () => {
    const id = await allAccountView();
    for (const url of [
      '/sobjects/Account/listviews/00B000000000000AAA/describe',
      `/sobjects/Contact/listviews/${id}/results`, // another object's view
      '/sobjects/Account/listviews/not-an-id',
      '/sobjects/Account/describe/layouts/012000000000001AAA',
      '/sobjects/Account/describe/namedLayouts/NoSuchLayout',
    ]) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(404);
      expect(r.json(), url).toEqual(NOT_FOUND);
    }
  });

  it('list view results: limit outside 1..2000 or a non-number offset is INVALID_PARAMETER_VALUE', async () => {
    const id = await allAccountView();
    for (const qs of ['limit=0', 'limit=2001', 'offset=x']) {
      const r = await get(`/sobjects/Account/listviews/${id}/results?${qs}`);
      expect(r.statusCode, qs).toBe(400);
      expect(r.json()[0].errorCode, qs).toBe('INVALID_PARAMETER_VALUE');
    }
  });

  it('explain: an invalid query is MALFORMED_QUERY / INVALID_TYPE, an unknown list view Id INVALID_ID', async () => {
    const bad = await get(`/query?explain=${encodeURIComponent('SELECT Id FROM Case BY')}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()[0].errorCode).toBe('MALFORMED_QUERY');
    const type = await get(`/query?explain=${encodeURIComponent('SELECT Id FROM Nope__c')}`);
    expect(type.json()[0].errorCode).toBe('INVALID_TYPE');
    const id = await get('/query?explain=00B000000000000AAA');
    expect(id.statusCode).toBe(400);
    expect(id.json()).toEqual([{ message: 'invalid report or list view id', errorCode: 'INVALID_ID' }]);
    const empty = await get('/query?explain=');
    expect(empty.json()[0].errorCode).toBe('MALFORMED_QUERY');
  });

  it('compactLayouts without q: MISSING_ARGUMENT', async () => {
    const r = await get('/compactLayouts');
    expect(r.statusCode).toBe(400);
    expect(r.json()[0].errorCode).toBe('MISSING_ARGUMENT');
  });

  it('needs a session like every REST resource', async () => {
    for (const url of ['/tabs', '/theme', '/sobjects/Account/describe/layouts', '/sobjects/Account/listviews']) {
      const r = await t.app.inject({ method: 'GET', url: V + url });
      expect(r.statusCode, url).toBe(401);
      expect(r.json()[0].errorCode).toBe('INVALID_SESSION_ID');
    }
  });

  it('wrong method: 405 naming GET', async () => {
    const r = await t.app.inject({ method: 'POST', url: `${V}/sobjects/Account/describe/layouts`, headers: t.auth });
    expect(r.statusCode).toBe(405);
    expect(r.json()[0].errorCode).toBe('METHOD_NOT_ALLOWED');
  });
});

describe('introspection shapes', () => {
  it('queryAll?explain= counts deleted rows as queryAll reads them', async () => {
    const made = await t.app.inject({ method: 'POST', url: `${V}/sobjects/Account`, headers: t.auth, payload: { LastName: 'Gone' } });
    await t.app.inject({ method: 'DELETE', url: `${V}/sobjects/Account/${made.json().id}`, headers: t.auth });
    const q = encodeURIComponent('SELECT Id FROM Account');
    expect((await get(`/query?explain=${q}`)).json().plans[0]).toMatchObject({ cardinality: 3, sobjectCardinality: 3 });
    expect((await get(`/queryAll?explain=${q}`)).json().plans[0]).toMatchObject({ cardinality: 4, sobjectCardinality: 4 });
  });

  it('root compactLayouts keys each object’s default compact layout by its API name', async () => {
    const r = await get('/compactLayouts?q=account,Contact');
    expect(r.statusCode).toBe(200);
    const body = r.json() as Record<string, { objectType: string; name: string }>;
    expect(Object.keys(body)).toEqual(['Account', 'Contact']);
    expect(body.Account).toMatchObject({ objectType: 'Account', name: 'SYSTEM' });
  });

  it('a list view by Id (15 or 18 chars) is its listing entry; results page with limit/offset', async () => {
    const id = await allAccountView();
    const one = await get(`/sobjects/Account/listviews/${id.slice(0, 15)}`);
    expect(one.json()).toMatchObject({ id, developerName: 'AllAccounts', soqlCompatible: true, resultsUrl: `${V}/sobjects/Account/listviews/${id}/results` });
    const page = (await get(`/sobjects/Account/listviews/${id}/results?limit=2&offset=2`)).json() as { size: number; done: boolean; records: unknown[] };
    expect(page).toMatchObject({ size: 1, done: true });
    expect((await get('/sobjects/Account/listviews/recent')).json()).toEqual((await get('/sobjects/Account/listviews')).json());
  });

  it('composite subrequests list the same views', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: `${V}/composite`,
      headers: t.auth,
      payload: { compositeRequest: [{ method: 'GET', url: `${V}/sobjects/Account/listviews`, referenceId: 'lv' }] },
    });
    const direct = (await get('/sobjects/Account/listviews')).json();
    expect(r.json().compositeResponse[0].body).toEqual(direct);
  });

  it('the recently viewed view answers nothing in an API-only org (no record was viewed)', async () => {
    const views = ((await get('/sobjects/Account/listviews')).json() as { listviews: { id: string; developerName: string }[] }).listviews;
    const recent = views.find((v) => v.developerName === 'RecentlyViewedAccounts')!;
    const r = (await get(`/sobjects/Account/listviews/${recent.id}/results`)).json() as { size: number; done: boolean };
    expect(r).toMatchObject({ size: 0, done: true });
  });
});
