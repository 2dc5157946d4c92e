/**
 * jsforce 3's bulk clients against a listening mockforce server: Bulk API 2.0 `conn.bulk2.query`
 * (creates the job, polls it, follows Sforce-Locator pages, parses the CSV) and Bulk API 1.0
 * `conn.bulk.query` / `conn.bulk.load` (XML job info, CSV batches and results).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import jsforce from 'jsforce';
import { makeTestOrg } from '../http/test-org.ts';
import { startServer, type ListeningServer } from './listening-server.ts';

let server: ListeningServer;

beforeAll(async () => {
  server = await startServer(makeTestOrg({ accounts: 300 }));
});
afterAll(async () => {
  await server?.close();
});

it('conn.bulk2.query returns every row, parent fields by path, Bulk datetimes', async () => {
  const conn = new jsforce.Connection({ instanceUrl: server.url, accessToken: server.token, version: '59.0' });
  const res = await conn.bulk2.query('SELECT Id, Name, CreatedDate, Owner.Name FROM Account', { pollInterval: 10, pollTimeout: 10_000 });
  const records = (typeof (res as { toArray?: unknown }).toArray === 'function' ? await (res as unknown as { toArray(): Promise<unknown[]> }).toArray() : res) as Record<string, string>[];
  expect(records).toHaveLength(300);
  expect(new Set(records.map((r) => r.Id)).size).toBe(300);
  expect(records.find((r) => r.Name === 'First7 Last0007')).toEqual({
    Id: expect.stringMatching(/^001/),
    Name: 'First7 Last0007',
    CreatedDate: '2024-06-01T12:00:00.000Z',
    'Owner.Name': 'Test Admin',
  });
});

it('conn.bulk.query and conn.bulk.load (Bulk API 1.0) read and write through CSV batches', async () => {
  const conn = new jsforce.Connection({ instanceUrl: server.url, accessToken: server.token, version: '59.0' });
  conn.bulk.pollInterval = 10;
  const stream = await conn.bulk.query("SELECT Id, Name, Owner.Name FROM Account WHERE Name = 'First7 Last0007'");
  const rows = await new Promise<Record<string, string>[]>((resolve, reject) => {
    const out: Record<string, string>[] = [];
    stream.on('record', (r: Record<string, string>) => out.push(r));
    stream.on('end', () => resolve(out));
    stream.on('error', reject);
  });
  expect(rows).toEqual([{ Id: expect.stringMatching(/^001/), Name: 'First7 Last0007', 'Owner.Name': 'Test Admin' }]);

  const ins = await conn.bulk.load('Account', 'insert', [{ Name: 'Bulk One' }, { Name: 'Bulk Two' }]);
  expect(ins.map((r) => r.success)).toEqual([true, true]);
  const ids = ins.map((r) => r.id as string);
  const del = await conn.bulk.load('Account', 'delete', ids.map((Id) => ({ Id })));
  expect(del.map((r) => [r.id, r.success])).toEqual(ids.map((id) => [id, true]));
  expect(await conn.sobject('Account').count({ Name: { $like: 'Bulk %' } })).toBe(0);
});

it('conn.bulk2.loadAndWaitForResults (Bulk API 2.0 ingest) inserts and reports per record', async () => {
  const conn = new jsforce.Connection({ instanceUrl: server.url, accessToken: server.token, version: '59.0' });
  const res = await conn.bulk2.loadAndWaitForResults({
    object: 'Account',
    operation: 'insert',
    input: [{ Name: 'Ingest One', Phone: '1' }, { Name: '', Phone: '2' }],
    pollInterval: 10,
    pollTimeout: 10_000,
  });
  expect(res.successfulResults).toEqual([{ sf__Id: expect.stringMatching(/^001/), sf__Created: 'true', Name: 'Ingest One', Phone: '1' }]);
  expect(res.failedResults).toEqual([{ sf__Id: '', sf__Error: expect.stringMatching(/^REQUIRED_FIELD_MISSING:/), Name: '', Phone: '2' }]);
  expect(res.unprocessedRecords).toEqual([]);
});
