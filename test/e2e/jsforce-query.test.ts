import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import jsforce from 'jsforce';
import { makeTestOrg, TEST_LOGIN } from '../http/test-org.ts';
import { startServer, type ListeningServer } from './listening-server.ts';

let server: ListeningServer;
let conn: jsforce.Connection;

beforeAll(async () => {
  // 4500 accounts: three pages at Salesforce's default 2000-row batch.
  server = await startServer(makeTestOrg({ accounts: 4500 }));
  conn = new jsforce.Connection({ loginUrl: server.url, version: '59.0' });
  await conn.login(TEST_LOGIN.username, TEST_LOGIN.password + TEST_LOGIN.securityToken);
});
afterAll(async () => {
  await server?.close();
});

describe('jsforce queries', () => {
  it('query() returns the first page with a nextRecordsUrl jsforce can follow', async () => {
    const res = await conn.query('SELECT Id, Name FROM Account ORDER BY Name');
    expect(res.totalSize).toBe(4500);
    expect(res.done).toBe(false);
    expect(res.records).toHaveLength(2000);
    const more = await conn.queryMore(res.nextRecordsUrl!);
    expect(more.records).toHaveLength(2000);
    expect(more.records[0]!.Name).not.toBe(res.records[0]!.Name);
  });

  it('autoFetch walks every page', async () => {
    const res = await conn.query('SELECT Id, Name, ShippingState FROM Account').run({ autoFetch: true, maxFetch: 10000 });
    // jsforce 3 resolves run() with the accumulated result object.
    const records = (Array.isArray(res) ? res : (res as { records: { Id?: string }[] }).records) as { Id?: string }[];
    expect(records).toHaveLength(4500);
    expect(new Set(records.map((r: { Id?: string }) => r.Id)).size).toBe(4500);
  });

  it('find() with conditions builds SOQL the server accepts', async () => {
    const rows = await conn.sobject('Account').find({ ShippingState: 'CA' }, ['Id', 'Name']).limit(5).execute();
    expect(rows).toHaveLength(5);
  });

  it('queryAll (scanAll) sees a soft-deleted record; query does not', async () => {
    const org = server.registry.get('default')!.org;
    const id = (org.db.prepare('SELECT "Id" FROM "Account" LIMIT 1').get() as { Id: string }).Id;
    org.store.softDelete('Account', id);
    const soql = `SELECT Id, IsDeleted FROM Account WHERE Id = '${id}'`;
    expect((await conn.query(soql)).totalSize).toBe(0);
    const all = await conn.query(soql, { scanAll: true });
    expect(all.totalSize).toBe(1);
    expect(all.records[0]!.IsDeleted).toBe(true);
  });

  it('a bad query rejects with err.errorCode', async () => {
    await expect(conn.query('SELECT Bogus__x FROM Account')).rejects.toMatchObject({ errorCode: 'INVALID_FIELD', name: 'INVALID_FIELD' });
  });

  it('explain() answers a query plan (more in jsforce-introspection.test.ts)', async () => {
    const r = await conn.query('SELECT Id FROM Account').explain();
    expect(r.plans[0]).toMatchObject({ leadingOperationType: 'TableScan', sobjectType: 'Account' });
  });

  it('limitInfo follows the calls', async () => {
    await conn.query('SELECT Id FROM Account LIMIT 1');
    const used = (conn.limitInfo as { apiUsage: { used: number; limit: number } }).apiUsage;
    expect(used.limit).toBe(15000);
    expect(used.used).toBeGreaterThan(3);
  });
});
