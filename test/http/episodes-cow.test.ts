/**
 * Copy-on-write episodes over HTTP (issue 13): isolation from the base and from siblings, the
 * base-write rule, reset, the diff after creates/updates/deletes, SOSL and Bulk inside an episode,
 * the limits' REQUEST_LIMIT_EXCEEDED over HTTP, idle expiry, and 1,000 live episodes in bounded memory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { OrgRegistry } from '../../server/org-registry.ts';
import { makeTestOrg, startTestApp, type TestApp } from './test-org.ts';

let t: TestApp;
let app: FastifyInstance;

beforeAll(async () => {
  t = await startTestApp({ accounts: 3 });
  app = t.app;
});
afterAll(() => t.close());

type Ep = { orgKey: string; accessToken: string };

async function call(token: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT', url: string, body?: unknown, contentType = 'application/json') {
  const r = await app.inject({
    method,
    url: url.startsWith('/mockforce') ? url : `/services/data/v59.0${url}`,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': contentType } : {}) },
    ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  return { status: r.statusCode, body: r.body ? (String(r.headers['content-type']).includes('json') ? r.json() : r.body) : undefined };
}

const newEpisode = async (token = t.token): Promise<Ep> => {
  const r = await call(token, 'POST', '/mockforce/episodes');
  expect(r.status).toBe(201);
  return r.body as Ep;
};
const names = async (token: string) =>
  ((await call(token, 'GET', '/query?q=' + encodeURIComponent('SELECT LastName FROM Account ORDER BY LastName'))).body.records as { LastName: string }[]).map((r) => r.LastName);

describe('copy-on-write episodes', () => {
  it('writes in an episode are invisible to the base and to a sibling; the base-write rule holds', async () => {
    const a = await newEpisode();
    const b = await newEpisode();
    expect(t.registry.get(a.orgKey)!.episode!.materialized).toBe(false);
    expect(await names(a.accessToken)).toEqual(['Last0001', 'Last0002', 'Last0003']);
    // Reading did not make a copy: a read-only episode shares its base.
    expect(t.registry.get(a.orgKey)!.episode!.materialized).toBe(false);

    expect((await call(a.accessToken, 'POST', '/sobjects/Account', { LastName: 'OnlyInA' })).status).toBe(201);
    expect(t.registry.get(a.orgKey)!.episode!.materialized).toBe(true);
    expect(await names(a.accessToken)).toContain('OnlyInA');
    expect(await names(t.token)).not.toContain('OnlyInA');
    expect(await names(b.accessToken)).not.toContain('OnlyInA');

    // Base writes show through to an episode that has not written (b) and not to one that has (a).
    const baseId = (await call(t.token, 'POST', '/sobjects/Account', { LastName: 'BaseLater' })).body.id;
    expect(await names(b.accessToken)).toContain('BaseLater');
    expect(await names(a.accessToken)).not.toContain('BaseLater');
    await call(t.token, 'DELETE', `/sobjects/Account/${baseId}`);
    for (const e of [a, b]) await call(t.token, 'DELETE', `/mockforce/episodes/${encodeURIComponent(e.orgKey)}`);
  });

  it('reset throws the episode copy away; the diff lists created, updated (before -> after) and deleted records', async () => {
    const e = await newEpisode();
    const base = await call(t.token, 'GET', '/query?q=' + encodeURIComponent("SELECT Id, LastName FROM Account WHERE LastName IN ('Last0001','Last0002') ORDER BY LastName"));
    const [first, second] = base.body.records as { Id: string }[];
    const created = (await call(e.accessToken, 'POST', '/sobjects/Account', { LastName: 'New One' })).body.id;
    expect((await call(e.accessToken, 'PATCH', `/sobjects/Account/${first!.Id}`, { ShippingState: 'TX' })).status).toBe(204);
    expect((await call(e.accessToken, 'DELETE', `/sobjects/Account/${second!.Id}`)).status).toBe(204);
    // A record created and deleted inside the episode leaves no trace in the diff.
    const temp = (await call(e.accessToken, 'POST', '/sobjects/Account', { LastName: 'Gone' })).body.id;
    await call(e.accessToken, 'DELETE', `/sobjects/Account/${temp}`);

    const diff = await call(e.accessToken, 'GET', `/mockforce/episodes/${encodeURIComponent(e.orgKey)}/diff`);
    expect(diff.status).toBe(200);
    expect(diff.body.orgKey).toBe(e.orgKey);
    expect(Object.keys(diff.body.changes)).toEqual(['Account']);
    const acc = diff.body.changes.Account;
    expect(acc.created).toEqual([created]);
    expect(acc.deleted).toEqual([second!.Id]);
    expect(acc.updated).toEqual({ [first!.Id]: { ShippingState: { before: 'CA', after: 'TX' } } });
    expect(t.registry.episodeDiff(e.orgKey)).toEqual(diff.body.changes);

    expect((await call(e.accessToken, 'POST', `/mockforce/episodes/${encodeURIComponent(e.orgKey)}/reset`)).status).toBe(204);
    expect(t.registry.get(e.orgKey)!.episode!.materialized).toBe(false);
    expect(await names(e.accessToken)).toEqual(await names(t.token));
    expect((await call(e.accessToken, 'GET', `/mockforce/episodes/${encodeURIComponent(e.orgKey)}/diff`)).body.changes).toEqual({});
    t.registry.dropEpisode(e.orgKey);
  });

  it('SOSL and Bulk 2.0 inside an episode see only that episode', async () => {
    const e = await newEpisode();
    const other = await newEpisode();
    const find = (token: string) => call(token, 'GET', '/search?q=' + encodeURIComponent('FIND {Zyxwvut} IN NAME FIELDS RETURNING Account(Id)'));
    const job = await call(e.accessToken, 'POST', '/jobs/ingest', { object: 'Account', operation: 'insert', contentType: 'CSV', lineEnding: 'LF' });
    expect(job.status).toBe(200);
    expect((await call(e.accessToken, 'PUT', `/jobs/ingest/${job.body.id}/batches`, 'LastName\nZyxwvut\n', 'text/csv')).status).toBe(201);
    await call(e.accessToken, 'PATCH', `/jobs/ingest/${job.body.id}`, { state: 'UploadComplete' });
    expect((await call(e.accessToken, 'GET', `/jobs/ingest/${job.body.id}`)).body.state).toBe('JobComplete');
    // The sibling and the base know neither the job nor the record.
    expect((await call(other.accessToken, 'GET', `/jobs/ingest/${job.body.id}`)).status).toBe(404);
    expect((await find(e.accessToken)).body.searchRecords).toHaveLength(1);
    expect((await find(other.accessToken)).body.searchRecords).toHaveLength(0);
    expect((await find(t.token)).body.searchRecords).toHaveLength(0);
    expect(Object.keys(t.registry.episodeDiff(e.orgKey))).toEqual(['Account']);
    for (const x of [e, other]) t.registry.dropEpisode(x.orgKey);
  });
});

describe('episode limits', () => {
  async function limited(limits: ConstructorParameters<typeof OrgRegistry>[0]) {
    const registry = new OrgRegistry(limits);
    const org = makeTestOrg({ accounts: 1 });
    registry.register('default', org);
    const token = registry.issueSession('default', org.loginIdentity()!.userId).token;
    const a = await buildApp({ registry });
    const post = (tok: string, url: string, body?: unknown) =>
      a.inject({ method: 'POST', url, headers: { authorization: `Bearer ${tok}`, 'content-type': 'application/json' }, payload: body === undefined ? '' : JSON.stringify(body) });
    return { registry, token, post, close: async () => (await a.close(), registry.close()) };
  }

  it('past --max-episodes: 403 REQUEST_LIMIT_EXCEEDED, and room again after a drop', async () => {
    const l = await limited({ maxEpisodes: 2 });
    const ok = [await l.post(l.token, '/mockforce/episodes'), await l.post(l.token, '/mockforce/episodes')];
    expect(ok.map((r) => r.statusCode)).toEqual([201, 201]);
    const over = await l.post(l.token, '/mockforce/episodes');
    expect(over.statusCode).toBe(403);
    expect(over.json()).toEqual([{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: expect.stringMatching(/^LiveEpisodes Limit exceeded\./) }]);
    l.registry.dropEpisode(ok[0]!.json().orgKey);
    expect((await l.post(l.token, '/mockforce/episodes')).statusCode).toBe(201);
    await l.close();
  });

  it('past the memory cap an episode cannot make its copy: the write answers 403, reads still work', async () => {
    const l = await limited({ maxMemoryBytes: 1024 });
    const ep = (await l.post(l.token, '/mockforce/episodes')).json();
    const w = await l.post(ep.accessToken, '/services/data/v59.0/sobjects/Account', { LastName: 'X' });
    expect(w.statusCode).toBe(403);
    expect(w.json()[0]).toMatchObject({ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: expect.stringMatching(/^EpisodeMemory Limit exceeded\./) });
    expect(l.registry.get(ep.orgKey)!.episode!.materialized).toBe(false);
    await l.close();
  });

  it('idle episodes expire on the monotonic timer; used ones stay', async () => {
    let now = 0;
    const l = await limited({ idleMs: 1000, now: () => now });
    const idle = (await l.post(l.token, '/mockforce/episodes')).json();
    const used = (await l.post(l.token, '/mockforce/episodes')).json();
    now = 900;
    await l.post(used.accessToken, '/services/data/v59.0/sobjects/Account', { LastName: 'Keep' });
    now = 1500;
    expect(l.registry.expireIdle()).toBe(1);
    expect(l.registry.get(idle.orgKey)).toBeUndefined();
    expect(l.registry.get(used.orgKey)).toBeDefined();
    expect((await l.post(idle.accessToken, '/services/data/v59.0/sobjects/Account', { LastName: 'Late' })).statusCode).toBe(401);
    await l.close();
  });

  it('holds 1,000 live episodes, each queried, in bounded memory', async () => {
    const l = await limited({});
    global.gc?.();
    const before = process.memoryUsage().rss;
    const started = performance.now();
    const eps = [];
    for (let i = 0; i < 1000; i++) eps.push(l.registry.createEpisode('default'));
    const perCreateMs = (performance.now() - started) / 1000;
    for (const { entry } of eps.slice(0, 100)) expect(l.registry.orgForRequest(entry.key, false).store.get('User', l.registry.get('default')!.org.loginIdentity()!.userId)).toBeDefined();
    const grown = process.memoryUsage().rss - before;
    expect(l.registry.episodeStats()).toMatchObject({ live: 1000, materialized: 0, bytes: 0 });
    // Shared reads: 1,000 episodes cost less than one copy of even this small org each would.
    expect(grown).toBeLessThan(64 * 1024 * 1024);
    expect(perCreateMs).toBeLessThan(1);
    await l.close();
  });
});

describe('dropping a base', () => {
  it('drops its episodes too, whose tokens then answer 401', async () => {
    const registry = new OrgRegistry();
    registry.register('b', makeTestOrg({ accounts: 1 }));
    const { entry, token } = registry.createEpisode('b');
    registry.drop('b');
    expect(registry.get(entry.key)).toBeUndefined();
    expect(registry.session(token)).toBeUndefined();
    expect(registry.episodeStats().live).toBe(0);
    registry.close();
  });
});

describe('identity of an episode', () => {
  it('answers /services/oauth2/userinfo and the identity URL without giving the episode a copy', async () => {
    const e = await newEpisode();
    const info = await app.inject({ url: '/services/oauth2/userinfo', headers: { authorization: `Bearer ${e.accessToken}` } });
    expect(info.statusCode).toBe(200);
    const id = await app.inject({ url: `/id/${t.org.organizationId}/${info.json().user_id}`, headers: { authorization: `Bearer ${e.accessToken}` } });
    expect(id.statusCode).toBe(200);
    expect(t.registry.get(e.orgKey)!.episode!.materialized).toBe(false);
    t.registry.dropEpisode(e.orgKey);
  });
});

describe('expiry at the cap', () => {
  it('a create past --max-episodes first expires idle episodes to make room', () => {
    let now = 0;
    const registry = new OrgRegistry({ maxEpisodes: 1, idleMs: 1000, now: () => now });
    registry.register('b', makeTestOrg({ accounts: 1 }));
    const old = registry.createEpisode('b');
    expect(() => registry.createEpisode('b')).toThrow(/LiveEpisodes Limit exceeded/);
    now = 2000;
    const fresh = registry.createEpisode('b');
    expect(registry.get(old.entry.key)).toBeUndefined();
    expect(registry.get(fresh.entry.key)).toBeDefined();
    registry.close();
  });
});
