/**
 * Per-table episodes driven the way an RL harness would: jsforce against a real listening server, one
 * episode per rollout created over HTTP. Writes through sobject CRUD, a composite of GETs and a
 * paged query (queryMore across the episode's first write), then the end-state diff over HTTP.
 */
import jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ListeningServer } from '../e2e/listening-server.ts';
import { makeTestOrg } from './test-org.ts';

let s: ListeningServer;

beforeAll(async () => {
  s = await startServer(makeTestOrg({ accounts: 300 }));
});
afterAll(() => s.close());

async function episode(): Promise<{ orgKey: string; conn: jsforce.Connection }> {
  const r = await fetch(`${s.url}/mockforce/episodes`, { method: 'POST', headers: { authorization: `Bearer ${s.token}` } });
  expect(r.status).toBe(201);
  const ep = (await r.json()) as { orgKey: string; accessToken: string; instanceUrl: string };
  return { orgKey: ep.orgKey, conn: new jsforce.Connection({ instanceUrl: ep.instanceUrl, accessToken: ep.accessToken, version: '59.0' }) };
}

describe('episodes with jsforce', () => {
  it('pages a query across the first write, writes one table, and reports the diff', async () => {
    const { orgKey, conn } = await episode();
    const first = await conn.query<{ Id: string; LastName: string }>('SELECT Id, LastName FROM Account ORDER BY LastName', { headers: { 'Sforce-Query-Options': 'batchSize=200' } } as never);
    expect(first.records).toHaveLength(200);
    expect(first.done).toBe(false);
    // Reading (and a composite of GETs) made no connection for the episode.
    const composite = await conn.requestPost('/services/data/v59.0/composite', {
      compositeRequest: [{ method: 'GET', url: `/services/data/v59.0/sobjects/Account/${first.records[0]!.Id}`, referenceId: 'a' }],
    });
    expect((composite as { compositeResponse: { httpStatusCode: number }[] }).compositeResponse[0]!.httpStatusCode).toBe(200);
    expect(s.registry.get(orgKey)!.episode!.materialized).toBe(false);

    const created = await conn.sobject('Task').create({ Subject: 'Call the customer' });
    expect(created.success).toBe(true);
    await conn.sobject('Account').update({ Id: first.records[0]!.Id, LastName: 'Renamed in episode' });
    expect(s.registry.get(orgKey)!.episode!.copiedTables().sort()).toEqual(['Account', 'Task']);

    // The cursor opened before the write still pages the rows as they were.
    const rest = await conn.queryMore<{ LastName: string }>(first.nextRecordsUrl!);
    expect(rest.done).toBe(true);
    expect(rest.records).toHaveLength(100);
    expect(rest.records.map((r) => r.LastName)).not.toContain('Renamed in episode');

    const diff = (await (await fetch(`${s.url}/mockforce/episodes/${encodeURIComponent(orgKey)}/diff`, { headers: { authorization: `Bearer ${s.token}` } })).json()) as {
      changes: Record<string, { created: string[]; updated: Record<string, Record<string, { before: unknown; after: unknown }>>; deleted: string[] }>;
    };
    expect(Object.keys(diff.changes).sort()).toEqual(['Account', 'Task']);
    expect(diff.changes.Task!.created).toEqual([created.id]);
    expect(diff.changes.Account!.updated[first.records[0]!.Id]!.LastName).toEqual({ before: first.records[0]!.LastName, after: 'Renamed in episode' });
    expect(diff.changes.Account!.deleted).toEqual([]);

    // The base never saw it.
    const base = new jsforce.Connection({ instanceUrl: s.url, accessToken: s.token, version: '59.0' });
    expect((await base.query(`SELECT COUNT() FROM Task WHERE Subject = 'Call the customer'`)).totalSize).toBe(0);
    expect((await fetch(`${s.url}/mockforce/episodes/${encodeURIComponent(orgKey)}`, { method: 'DELETE', headers: { authorization: `Bearer ${s.token}` } })).status).toBe(204);
  });
});
