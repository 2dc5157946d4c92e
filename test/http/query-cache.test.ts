/**
 * The query result cache (server/query-cache.ts): a repeated query is answered from the cache, and a
 * write by any path — REST create/update/delete, composite, collections, tree, Bulk 1.0, Bulk 2.0,
 * an in-process store write, a write inside an episode — makes the next query see it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedQuery } from '../../server/query-cache.ts';
import { startTestApp, type TestApp } from './test-org.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ accounts: 2 });
});
afterAll(() => t.close());

async function call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT', url: string, body?: unknown, contentType = 'application/json', token = t.token) {
  const r = await t.app.inject({
    method,
    url: `/services/data/v59.0${url}`,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': contentType } : {}) },
    ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  return { status: r.statusCode, body: r.body && String(r.headers['content-type']).includes('json') ? r.json() : r.body };
}

const Q = '/query?q=' + encodeURIComponent('SELECT LastName FROM Account ORDER BY LastName');
const names = async (token = t.token) => ((await call('GET', Q, undefined, undefined, token)).body.records as { LastName: string }[]).map((r) => r.LastName);

async function bulk1(method: 'GET' | 'POST', path: string, payload: string) {
  const r = await t.app.inject({ method, url: `/services/async/59.0/${path}`, headers: { 'x-sfdc-session': t.token, 'content-type': 'application/json' }, payload });
  return r.json();
}

describe('query result cache', () => {
  it('answers a repeated query from the cache while the org is unchanged', () => {
    let runs = 0;
    const run = () => (runs++, { done: true, totalSize: 0, records: [] });
    cachedQuery(t.org, 'k', run);
    cachedQuery(t.org, 'k', run);
    expect(runs).toBe(1);
    t.org.store.insert('Account', { LastName: 'InProcess' });
    cachedQuery(t.org, 'k', run);
    expect(runs).toBe(2);
    // Results with a cursor (done: false) are never kept.
    const partial = () => (runs++, { done: false });
    cachedQuery(t.org, 'p', partial);
    cachedQuery(t.org, 'p', partial);
    expect(runs).toBe(4);
  });

  it('every write path invalidates it', async () => {
    const seen = async (name: string) => {
      expect(await names()).toContain(name);
    };
    const gone = async (name: string) => {
      expect(await names()).not.toContain(name);
    };
    await seen('InProcess');
    const id = (await call('POST', '/sobjects/Account', { LastName: 'Rest' })).body.id;
    await seen('Rest');
    await call('PATCH', `/sobjects/Account/${id}`, { LastName: 'RestPatched' });
    await seen('RestPatched');
    await call('DELETE', `/sobjects/Account/${id}`);
    await gone('RestPatched');

    await call('POST', '/composite', { compositeRequest: [{ method: 'POST', url: '/services/data/v59.0/sobjects/Account', referenceId: 'a', body: { LastName: 'Composite' } }] });
    await seen('Composite');
    await call('POST', '/composite/sobjects', { records: [{ attributes: { type: 'Account' }, LastName: 'Collection' }] });
    await seen('Collection');
    expect((await call('POST', '/composite/tree/Account', { records: [{ attributes: { type: 'Account', referenceId: 'r1' }, LastName: 'Tree' }] })).status).toBe(201);
    await seen('Tree');

    const job = await bulk1('POST', 'job', JSON.stringify({ operation: 'insert', object: 'Account', contentType: 'JSON' }));
    await bulk1('POST', `job/${job.id}/batch`, JSON.stringify([{ LastName: 'BulkOne' }]));
    await seen('BulkOne');

    const j2 = (await call('POST', '/jobs/ingest', { object: 'Account', operation: 'insert', contentType: 'CSV', lineEnding: 'LF' })).body;
    await call('PUT', `/jobs/ingest/${j2.id}/batches`, 'LastName\nBulkTwo\n', 'text/csv');
    await call('PATCH', `/jobs/ingest/${j2.id}`, { state: 'UploadComplete' });
    await seen('BulkTwo');

    const ep = t.registry.createEpisode('default');
    const before = await names(ep.token);
    await call('POST', '/sobjects/Account', { LastName: 'InEpisode' }, undefined, ep.token);
    expect(await names(ep.token)).toEqual([...before, 'InEpisode'].sort());
    await gone('InEpisode');
    t.registry.resetEpisode(ep.entry.key);
    expect(await names(ep.token)).toEqual(before);
    t.registry.dropEpisode(ep.entry.key);
  });
});

describe('query cache and schema changes', () => {
  it('a DDL change (no row written) also starts a fresh cache', () => {
    let runs = 0;
    const run = () => (runs++, { done: true });
    cachedQuery(t.org, 'ddl', run);
    t.org.db.exec('CREATE TABLE "_cache_probe" (x)');
    cachedQuery(t.org, 'ddl', run);
    expect(runs).toBe(2);
  });
});
