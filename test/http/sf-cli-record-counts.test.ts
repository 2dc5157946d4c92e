/**
 * Pins `sf org list sobject record-counts -s Account -s Case` (@salesforce/cli 2.x), which sends
 * `GET /services/data/v65.0/limits/recordCount?sObjects=Account,Case` and prints each
 * `{name, count}`; mockforce answered 404 NOT_FOUND before (REST API guide "Record Count").
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeHarness, type Harness } from './sobjects-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness({ accounts: 4, version: '65.0' });
});
afterAll(async () => h.close());

it('counts the named objects, API spelling, sorted, zero counts included, unknown names skipped', async () => {
  const r = await h.call('GET', '/limits/recordCount?sObjects=case,Account,Bogus__c');
  expect(r.status).toBe(200);
  expect(r.headers['content-type']).toBe('application/json;charset=UTF-8');
  expect(r.body).toEqual({ sObjects: [{ count: 4, name: 'Account' }, { count: 0, name: 'Case' }] });
});

it('leaves recycle-bin records out', async () => {
  const id = (await h.call('POST', '/sobjects/Account', { Name: 'Doomed' })).body.id;
  expect((await h.call('GET', '/limits/recordCount?sObjects=Account')).body.sObjects).toEqual([{ count: 5, name: 'Account' }]);
  expect((await h.call('DELETE', `/sobjects/Account/${id}`)).status).toBe(204);
  expect((await h.call('GET', '/limits/recordCount?sObjects=Account')).body.sObjects).toEqual([{ count: 4, name: 'Account' }]);
});

it('without sObjects lists every object holding records', async () => {
  const r = await h.call('GET', '/limits/recordCount');
  expect(r.status).toBe(200);
  expect(r.body.sObjects).toEqual([{ count: 4, name: 'Account' }, { count: 1, name: 'User' }]);
});

it('does not exist before API v40.0', async () => {
  const r = await h.call('GET', '/services/data/v39.0/limits/recordCount');
  expect(r.status).toBe(404);
  expect(r.body).toEqual([{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
});
