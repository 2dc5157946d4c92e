/**
 * jsforce 3's Bulk API 2.0 query (`conn.bulk2.query`): creates the job, polls it, follows
 * Sforce-Locator pages and parses the CSV, against a listening mockforce server.
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
