/**
 * Episodes copy-on-write per table (issue 13 leftovers): a write copies only the tables it touches;
 * reads and SOSL of other tables still come from the base snapshot; GET-like POSTs (composite/batch of
 * GETs, parameterizedSearch, collections retrieve) make no copy; a rolled-back first write leaves the
 * episode and its base as they were; a query cursor survives the episode's first write; the diff stays
 * exact across tables; 200 writing episodes of a small org stay within a per-table memory bound.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { OrgRegistry } from '../../server/org-registry.ts';
import { CONNECTION_BYTES } from '../../src/org/episode.ts';
import { makeTestOrg, startTestApp, type TestApp } from './test-org.ts';

let t: TestApp;
let app: FastifyInstance;

beforeAll(async () => {
  t = await startTestApp({ accounts: 450 });
  app = t.app;
});
afterAll(() => t.close());

type Ep = { orgKey: string; accessToken: string };

async function call(token: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}) {
  const r = await app.inject({
    method,
    url: url.startsWith('/mockforce') || url.startsWith('/services') ? url : `/services/data/v59.0${url}`,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  });
  return { status: r.statusCode, body: r.body ? r.json() : undefined };
}

const newEpisode = async (): Promise<Ep> => (await call(t.token, 'POST', '/mockforce/episodes')).body as Ep;
const episodeOf = (e: Ep) => t.registry.get(e.orgKey)!.episode!;
const soql = (s: string) => '/query?q=' + encodeURIComponent(s);

describe('copy-on-write per table', () => {
  it('a write copies only the table it writes; other tables are still read from the base', async () => {
    const e = await newEpisode();
    const contact = (await call(t.token, 'POST', '/sobjects/Contact', { LastName: 'BaseContact' })).body.id;
    const acc = await call(e.accessToken, 'POST', '/sobjects/Account', { LastName: 'EpisodeAcc' });
    expect(acc.status).toBe(201);
    expect(episodeOf(e).copiedTables()).toEqual(['Account']);
    // Reads of a table the episode did not copy: the snapshot (taken at the first write) has the contact.
    expect((await call(e.accessToken, 'GET', `/sobjects/Contact/${contact}`)).body.LastName).toBe('BaseContact');
    // Writing a second table copies that one too, and the first copy keeps the episode's row.
    expect((await call(e.accessToken, 'PATCH', `/sobjects/Contact/${contact}`, { LastName: 'EpisodeEdit' })).status).toBe(204);
    expect(episodeOf(e).copiedTables().sort()).toEqual(['Account', 'Contact']);
    expect((await call(e.accessToken, 'GET', soql("SELECT COUNT() FROM Account WHERE LastName = 'EpisodeAcc'"))).body.totalSize).toBe(1);
    expect((await call(t.token, 'GET', `/sobjects/Contact/${contact}`)).body.LastName).toBe('BaseContact');
    // The episode holds its connection and two small tables, not a copy of the org.
    expect(episodeOf(e).bytes).toBeLessThan(CONNECTION_BYTES + 2 * 1024 * 1024);

    const diff = t.registry.episodeDiff(e.orgKey);
    expect(Object.keys(diff).sort()).toEqual(['Account', 'Contact']);
    expect(diff.Account!.created).toEqual([acc.body.id]);
    // LastName and the Name derived from it; nothing else of the contact.
    expect(diff.Contact!.updated).toEqual({ [contact]: { LastName: { before: 'BaseContact', after: 'EpisodeEdit' }, Name: { before: 'BaseContact', after: 'EpisodeEdit' } } });
    t.registry.dropEpisode(e.orgKey);
    await call(t.token, 'DELETE', `/sobjects/Contact/${contact}`);
  });

  it('SOSL in a written episode finds its own writes and the base records of tables it did not copy', async () => {
    const contact = (await call(t.token, 'POST', '/sobjects/Contact', { LastName: 'Quuxbase' })).body.id;
    const e = await newEpisode();
    await call(e.accessToken, 'POST', '/sobjects/Account', { LastName: 'Quuxepisode' });
    const found = await call(e.accessToken, 'GET', '/search?q=' + encodeURIComponent('FIND {Quux*} IN NAME FIELDS RETURNING Account(LastName), Contact(LastName)'));
    expect(found.status).toBe(200);
    const names = (found.body.searchRecords as { LastName: string }[]).map((r) => r.LastName).sort();
    expect(names).toEqual(['Quuxbase', 'Quuxepisode']);
    expect(episodeOf(e).copiedTables()).toEqual(['Account']);
    // An update after the search is indexed too (the copy's index has triggers).
    const id = (await call(e.accessToken, 'GET', soql("SELECT Id FROM Account WHERE LastName = 'Quuxepisode'"))).body.records[0].Id;
    await call(e.accessToken, 'PATCH', `/sobjects/Account/${id}`, { LastName: 'Zorbepisode' });
    const again = await call(e.accessToken, 'GET', '/search?q=' + encodeURIComponent('FIND {Zorbepisode} RETURNING Account(Id)'));
    expect(again.body.searchRecords).toHaveLength(1);
    expect((await call(t.token, 'GET', '/search?q=' + encodeURIComponent('FIND {Quuxepisode} RETURNING Account(Id)'))).body.searchRecords).toHaveLength(0);
    t.registry.dropEpisode(e.orgKey);
    await call(t.token, 'DELETE', `/sobjects/Contact/${contact}`);
  });

  it('a first write rolled back (allOrNone) leaves the episode reading the base, and base rows untouched', async () => {
    const e = await newEpisode();
    const [first] = (await call(t.token, 'GET', soql('SELECT Id, LastName FROM Account ORDER BY LastName LIMIT 1'))).body.records as { Id: string; LastName: string }[];
    const failing = await call(e.accessToken, 'PATCH', '/composite/sobjects', {
      allOrNone: true,
      records: [
        { attributes: { type: 'Account' }, id: first!.Id, LastName: 'RolledBack' },
        { attributes: { type: 'Account' }, id: '001000000000000AAA', LastName: 'NoSuchRecord' },
      ],
    });
    expect(failing.status).toBe(200);
    expect(failing.body.every((r: { success: boolean }) => !r.success)).toBe(true);
    expect(episodeOf(e).copiedTables()).toEqual([]);
    expect((await call(e.accessToken, 'GET', `/sobjects/Account/${first!.Id}`)).body.LastName).toBe(first!.LastName);
    // The cached UPDATE statement is checked again when it runs: the copy is made again, not the base written.
    expect((await call(e.accessToken, 'PATCH', `/sobjects/Account/${first!.Id}`, { LastName: 'Kept' })).status).toBe(204);
    expect((await call(e.accessToken, 'GET', `/sobjects/Account/${first!.Id}`)).body.LastName).toBe('Kept');
    expect((await call(t.token, 'GET', `/sobjects/Account/${first!.Id}`)).body.LastName).toBe(first!.LastName);
    // A sibling that writes later attaches the same snapshot: it must not see the first episode's write.
    const sib = await newEpisode();
    await call(sib.accessToken, 'POST', '/sobjects/Contact', { LastName: 'Sib' });
    expect((await call(sib.accessToken, 'GET', `/sobjects/Account/${first!.Id}`)).body.LastName).toBe(first!.LastName);
    for (const x of [e, sib]) t.registry.dropEpisode(x.orgKey);
  });
});

describe('GET-like POSTs do not count as writes', () => {
  it('composite and batch of GETs, parameterizedSearch and collections retrieve leave the episode unmaterialized', async () => {
    const e = await newEpisode();
    const [acc] = (await call(e.accessToken, 'GET', soql('SELECT Id FROM Account LIMIT 1'))).body.records as { Id: string }[];
    const composite = await call(e.accessToken, 'POST', '/composite', {
      compositeRequest: [
        { method: 'GET', url: `/services/data/v59.0/sobjects/Account/${acc!.Id}`, referenceId: 'a' },
        { method: 'GET', url: '/services/data/v59.0/query?q=SELECT+Id+FROM+Account+LIMIT+2', referenceId: 'q' },
        { method: 'GET', url: '/services/data/v59.0/sobjects/Account/describe', referenceId: 'd' },
      ],
    });
    expect(composite.status).toBe(200);
    expect(composite.body.compositeResponse.map((r: { httpStatusCode: number }) => r.httpStatusCode)).toEqual([200, 200, 200]);
    const batch = await call(e.accessToken, 'POST', '/composite/batch', { batchRequests: [{ method: 'GET', url: `v59.0/sobjects/Account/${acc!.Id}` }, { method: 'GET', url: 'v59.0/sobjects/Account/describe' }] });
    expect(batch.body.hasErrors).toBe(false);
    expect((await call(e.accessToken, 'POST', '/parameterizedSearch', { q: 'Last0001', sobjects: [{ name: 'Account' }] })).status).toBe(200);
    const retrieved = await call(e.accessToken, 'POST', '/composite/sobjects/Account', { ids: [acc!.Id], fields: ['Id', 'LastName'] });
    expect(retrieved.status).toBe(200);
    expect(retrieved.body[0].Id).toBe(acc!.Id);
    expect(episodeOf(e).materialized).toBe(false);

    // A composite with one write is a write.
    const w = await call(e.accessToken, 'POST', '/composite', {
      compositeRequest: [
        { method: 'GET', url: `/services/data/v59.0/sobjects/Account/${acc!.Id}`, referenceId: 'a' },
        { method: 'PATCH', url: `/services/data/v59.0/sobjects/Account/${acc!.Id}`, referenceId: 'p', body: { ShippingState: 'NV' } },
      ],
    });
    expect(w.body.compositeResponse[1].httpStatusCode).toBe(204);
    expect(episodeOf(e).copiedTables()).toEqual(['Account']);
    expect((await call(t.token, 'GET', `/sobjects/Account/${acc!.Id}`)).body.ShippingState).not.toBe('NV');
    t.registry.dropEpisode(e.orgKey);
  });
});

describe('query cursors across the first write', () => {
  it('a nextRecordsUrl opened before the first write pages the rows as they were, after it', async () => {
    const e = await newEpisode();
    const q = soql('SELECT Id, LastName FROM Account ORDER BY LastName');
    const page1 = await call(e.accessToken, 'GET', q, undefined, { 'sforce-query-options': 'batchSize=200' });
    expect(page1.body.done).toBe(false);
    expect(page1.body.records).toHaveLength(200);
    // A sibling's cursor and the base's: the episode must never page those.
    const sibling = await newEpisode();
    const sibPage = await call(sibling.accessToken, 'GET', q, undefined, { 'sforce-query-options': 'batchSize=200' });

    expect((await call(e.accessToken, 'POST', '/sobjects/Account', { LastName: 'AAA first after write' })).status).toBe(201);
    expect(episodeOf(e).materialized).toBe(true);
    const page2 = await call(e.accessToken, 'GET', page1.body.nextRecordsUrl, undefined, { 'sforce-query-options': 'batchSize=200' });
    expect(page2.status).toBe(200);
    expect(page2.body.records).toHaveLength(200);
    const page3 = await call(e.accessToken, 'GET', page2.body.nextRecordsUrl);
    expect(page3.body.done).toBe(true);
    const all = [...page1.body.records, ...page2.body.records, ...page3.body.records].map((r: { LastName: string }) => r.LastName);
    expect(all).toHaveLength(450);
    expect(all).not.toContain('AAA first after write');
    // The sibling's cursor is not the episode's: after its write, the episode cannot page it.
    const foreign = await call(e.accessToken, 'GET', sibPage.body.nextRecordsUrl);
    expect(foreign.status).toBe(400);
    expect(foreign.body[0].errorCode).toBe('INVALID_QUERY_LOCATOR');
    // A new query in the episode sees its write.
    expect((await call(e.accessToken, 'GET', soql('SELECT COUNT() FROM Account'))).body.totalSize).toBe(451);
    for (const x of [e, sibling]) t.registry.dropEpisode(x.orgKey);
  });
});

describe('memory of writing episodes', () => {
  it('the cap is charged per table copy: a write whose table does not fit answers 403, reads keep working', async () => {
    const registry = new OrgRegistry({ maxMemoryBytes: CONNECTION_BYTES + 64 * 1024 });
    const org = makeTestOrg({ accounts: 400 });
    registry.register('b', org);
    const token = registry.issueSession('b', org.loginIdentity()!.userId).token;
    const { buildApp } = await import('../../server/app.ts');
    const a = await buildApp({ registry });
    try {
      const ep = (await a.inject({ method: 'POST', url: '/mockforce/episodes', headers: { authorization: `Bearer ${token}` } })).json();
      const post = (obj: string, body: unknown) =>
        a.inject({ method: 'POST', url: `/services/data/v59.0/sobjects/${obj}`, headers: { authorization: `Bearer ${ep.accessToken}`, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
      // Account (400 rows and their indexes) is bigger than what is left after the connection.
      const big = await post('Account', { LastName: 'TooBig' });
      expect(big.statusCode).toBe(403);
      expect(big.json()[0]).toMatchObject({ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: expect.stringMatching(/^EpisodeMemory Limit exceeded\./) });
      const episode = registry.get(ep.orgKey)!.episode!;
      expect(episode.copiedTables()).toEqual([]);
      // A small table still fits.
      expect((await post('Task', { Subject: 'Fits' })).statusCode).toBe(201);
      expect(episode.copiedTables()).toEqual(['Task']);
      const count = await a.inject({ url: '/services/data/v59.0/query?q=SELECT+COUNT()+FROM+Account', headers: { authorization: `Bearer ${ep.accessToken}` } });
      expect(count.json().totalSize).toBe(400);
      expect(registry.episodeStats().bytes).toBeLessThanOrEqual(CONNECTION_BYTES + 64 * 1024);
    } finally {
      await a.close();
      registry.close();
    }
  });

  it('200 episodes that each wrote two small tables cost their connection plus those tables, not the org', () => {
    const registry = new OrgRegistry({ maxEpisodes: 1000 });
    // Accounts make the org big; the episodes write the two small tables (Contact, Task).
    const org = makeTestOrg({ accounts: 4000 });
    registry.register('b', org);
    const fullImage = org.db.serialize().length;
    const userId = org.loginIdentity()!.userId;
    // Warm the snapshot (one per base data version) before measuring.
    const warm = registry.createEpisode('b');
    warm.entry.org.store.insert('Contact', { LastName: 'warm' });
    registry.dropEpisode(warm.entry.key);
    global.gc?.();
    const before = process.memoryUsage().rss;
    const keys: string[] = [];
    for (let i = 0; i < 200; i++) {
      const { entry } = registry.createEpisode('b');
      const id = entry.org.store.insert('Contact', { LastName: `Writer ${i}` });
      entry.org.store.insert('Task', { Subject: `Call ${i}`, WhoId: id, OwnerId: userId });
      keys.push(entry.key);
    }
    global.gc?.();
    const grown = process.memoryUsage().rss - before;
    const stats = registry.episodeStats();
    expect(stats).toMatchObject({ live: 200, materialized: 200 });
    for (const k of keys) expect(registry.get(k)!.episode!.copiedTables().sort()).toEqual(['Contact', 'Task']);
    // Per episode: the accounted bytes are the connection plus two small tables, far under a copy of
    // the org (which the full-copy design paid for each), and the process grew accordingly.
    expect(fullImage).toBeGreaterThan(4 * 1024 * 1024);
    expect(stats.bytes / 200).toBeLessThan(CONNECTION_BYTES + 256 * 1024);
    expect(grown / 200).toBeLessThan(fullImage / 2);
    registry.close();
    // A scale-1 org's figures (1,000 writing episodes) come from `npm run bench -- episodes`.
  }, 120_000);
});
