import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { batchSizeOf } from '../../server/routes/query.ts';
import { OrgRegistry } from '../../server/org-registry.ts';
import { startTestApp, type TestApp } from './test-org.ts';

let t: TestApp;
let app: FastifyInstance;
let registry: OrgRegistry;
let h: { authorization: string };
let accountIds: string[];

beforeAll(async () => {
  t = await startTestApp({ accounts: 450 });
  ({ app, registry } = t);
  h = t.auth;
  accountIds = (t.org.db.prepare('SELECT "Id" FROM "Account" ORDER BY "Id"').all() as { Id: string }[]).map((r) => r.Id);
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers: { ...h, ...headers } });

describe('GET /query', () => {
  it('answers with and without trailing slash, `+` or %20 for spaces, canonical casing', async () => {
    for (const url of [
      "/services/data/v59.0/query?q=select+id,+name+from+account+where+ShippingState+=+'CA'+order+by+name+limit+2",
      `/services/data/v59.0/query/?q=${encodeURIComponent("SELECT Id, Name FROM Account WHERE ShippingState = 'CA' ORDER BY Name LIMIT 2")}`,
    ]) {
      const r = await get(url);
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toBe('application/json;charset=UTF-8');
      const b = r.json();
      expect(b.totalSize).toBe(2);
      expect(b.done).toBe(true);
      expect(b.nextRecordsUrl).toBeUndefined();
      expect(Object.keys(b.records[0])).toEqual(['attributes', 'Id', 'Name']);
      expect(b.records[0].attributes).toEqual({ type: 'Account', url: `/services/data/v59.0/sobjects/Account/${b.records[0].Id}` });
      expect(b.records[0].Name).toBe('First1 Last0001');
    }
  });

  it('echoes the requested API version in attributes.url', async () => {
    const r = await get('/services/data/v50.0/query?q=SELECT+Id+FROM+Account+LIMIT+1');
    expect(r.json().records[0].attributes.url).toMatch(/^\/services\/data\/v50\.0\/sobjects\/Account\//);
  });

  it('pages with Sforce-Query-Options batchSize and follows locators under /query and /queryAll', async () => {
    const first = await get('/services/data/v59.0/query?q=SELECT+Id+FROM+Account+ORDER+BY+Id', { 'sforce-query-options': 'batchSize=200' });
    const b = first.json();
    expect(b).toMatchObject({ totalSize: 450, done: false });
    expect(b.records).toHaveLength(200);
    expect(b.nextRecordsUrl).toMatch(/^\/services\/data\/v59\.0\/query\/01g\w{15}-200$/);
    const seen = b.records.map((r: { Id: string }) => r.Id);
    let next: string | undefined = b.nextRecordsUrl;
    while (next) {
      const page = await get(next, { 'sforce-query-options': 'batchSize=200' });
      expect(page.statusCode).toBe(200);
      const pb = page.json();
      expect(pb.totalSize).toBe(450);
      seen.push(...pb.records.map((r: { Id: string }) => r.Id));
      next = pb.nextRecordsUrl;
    }
    expect(seen).toEqual(accountIds);

    // The same locator is valid under /queryAll/ (reference §3.1).
    const again = await get('/services/data/v59.0/query?q=SELECT+Id+FROM+Account+ORDER+BY+Id', { 'sforce-query-options': 'batchSize=200' });
    const loc = again.json().nextRecordsUrl.split('/').pop();
    const viaAll = await get(`/services/data/v59.0/queryAll/${loc}/`);
    expect(viaAll.statusCode).toBe(200);
    expect(viaAll.json().records[0].Id).toBe(accountIds[200]);
  });

  it('queryAll includes soft-deleted rows, query does not', async () => {
    const org = registry.get('default')!.org;
    const victim = accountIds[0]!;
    org.store.softDelete('Account', victim);
    const q = await get(`/services/data/v59.0/query?q=${encodeURIComponent(`SELECT Id, IsDeleted FROM Account WHERE Id = '${victim}'`)}`);
    expect(q.json().totalSize).toBe(0);
    const qa = await get(`/services/data/v59.0/queryAll/?q=${encodeURIComponent(`SELECT Id, IsDeleted FROM Account WHERE Id = '${victim}'`)}`);
    expect(qa.json().totalSize).toBe(1);
    expect(qa.json().records[0].IsDeleted).toBe(true);
  });

  it('SOQL errors are 400 arrays with Salesforce’s codes', async () => {
    const r = await get('/services/data/v59.0/query?q=SELECT+Bogus__x+FROM+Account');
    expect(r.statusCode).toBe(400);
    expect(r.json()).toHaveLength(1);
    expect(r.json()[0].errorCode).toBe('INVALID_FIELD');
    expect(r.json()[0].message).toContain("No such column 'Bogus__x' on entity 'Account'");
    const t = await get('/services/data/v59.0/query?q=SELECT+Id+FROM+Nope__c');
    expect(t.statusCode).toBe(400);
    expect(t.json()[0].errorCode).toBe('INVALID_TYPE');
  });

  it('a missing q is MALFORMED_QUERY; explain answers a query plan', async () => {
    for (const url of ['/services/data/v59.0/query', '/services/data/v59.0/query?q=', '/services/data/v59.0/queryAll/?q=%20']) {
      const r = await get(url);
      expect(r.statusCode).toBe(400);
      expect(r.json()).toEqual([{ message: 'A query string has to be specified', errorCode: 'MALFORMED_QUERY' }]);
    }
    const e = await get('/services/data/v59.0/query/?explain=SELECT+Id+FROM+Account');
    expect(e.statusCode).toBe(200);
    expect(e.json().plans[0]).toMatchObject({ leadingOperationType: 'TableScan', sobjectType: 'Account' });
  });

  it('an unknown locator is INVALID_QUERY_LOCATOR', async () => {
    for (const loc of ['01gMf0000000999AAA-2000', 'garbage']) {
      const r = await get(`/services/data/v59.0/query/${loc}`);
      expect(r.statusCode).toBe(400);
      expect(r.json()).toEqual([{ message: 'invalid query locator', errorCode: 'INVALID_QUERY_LOCATOR' }]);
    }
  });

  it('a repeated q parameter uses the first', async () => {
    const r = await get('/services/data/v59.0/query?q=SELECT+Id+FROM+Account+LIMIT+1&q=garbage');
    expect(r.statusCode).toBe(200);
  });
});

describe('GET /query?columns=true (sf data query)', () => {
  const cols = async (soql: string) => {
    const r = await get(`/services/data/v59.0/query?q=${encodeURIComponent(soql)}&columns=true`);
    expect(r.statusCode).toBe(200);
    return r.json();
  };

  it('describes plain, parent-path and child-subquery columns', async () => {
    const b = await cols('SELECT Id, Name, (SELECT Id, Status FROM Orders) FROM Account LIMIT 1');
    expect(b).toMatchObject({ entityName: 'Account', groupBy: false, idSelected: true, keyPrefix: '001' });
    const [id, name, orders] = b.columnMetadata;
    expect(id).toEqual({
      aggregate: false, apexType: 'Id', booleanType: false, columnName: 'Id', custom: false, displayName: 'Id', foreignKeyName: null,
      insertable: false, joinColumns: [], numberType: false, textType: false, updatable: false,
    });
    expect(name).toMatchObject({ columnName: 'Name', apexType: 'String', textType: true, aggregate: false });
    expect(orders).toMatchObject({ columnName: 'Orders', aggregate: true, foreignKeyName: null });
    expect(orders.joinColumns.map((c: { columnName: string }) => c.columnName)).toEqual(['Id', 'Status']);

    const c = await cols('SELECT Id, Subject, Account.Name, Account.ShippingState FROM Case');
    const account = c.columnMetadata.find((x: { columnName: string }) => x.columnName === 'Account');
    expect(account).toMatchObject({ aggregate: false, foreignKeyName: 'AccountId', apexType: null });
    expect(account.joinColumns.map((x: { columnName: string }) => x.columnName)).toEqual(['Name', 'ShippingState']);
  });

  it('names function columns exprN (or the alias) with the function text as displayName', async () => {
    const b = await cols('SELECT ShippingState, COUNT(Id), MAX(Name) top FROM Account GROUP BY ShippingState');
    expect(b.groupBy).toBe(true);
    expect(b.columnMetadata.map((c: { columnName: string; aggregate: boolean }) => [c.columnName, c.aggregate])).toEqual([
      ['ShippingState', false],
      ['expr0', true],
      ['top', true],
    ]);
    expect(b.columnMetadata[1]).toMatchObject({ displayName: 'COUNT(Id)', numberType: true });
  });

  it('bad queries get the same error as /query', async () => {
    const r = await get(`/services/data/v59.0/query?q=${encodeURIComponent('SELECT Nope FROM Account')}&columns=true`);
    expect(r.statusCode).toBe(400);
    expect(r.json()[0].errorCode).toBe('INVALID_FIELD');
  });
});

describe('batchSizeOf', () => {
  const req = (v?: string) => ({ headers: v === undefined ? {} : { 'sforce-query-options': v } }) as never;
  it('reads and clamps batchSize to 200..2000', () => {
    expect(batchSizeOf(req())).toBeUndefined();
    expect(batchSizeOf(req('batchSize=500'))).toBe(500);
    expect(batchSizeOf(req('batchSize=5'))).toBe(200);
    expect(batchSizeOf(req('batchsize=99999'))).toBe(2000);
    expect(batchSizeOf(req('foo=1, batchSize=300'))).toBe(300);
    expect(batchSizeOf(req('batchSize=abc'))).toBeUndefined();
  });
});
