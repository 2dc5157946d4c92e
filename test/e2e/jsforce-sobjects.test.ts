/**
 * jsforce 3 against a listening server: describe/describeGlobal, CRUD, upsert, arrays through
 * sObject Collections, composite via conn.request, error objects (err.errorCode), limits and the
 * updated/deleted feeds, each the way a jsforce user writes it.
 */
import jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestOrg, TEST_LOGIN } from '../http/test-org.ts';
import { startServer, type ListeningServer } from './listening-server.ts';
import { errorOf } from '../support/error-of.ts';

let server: ListeningServer;
let conn: jsforce.Connection;

beforeAll(async () => {
  server = await startServer(makeTestOrg({ accounts: 5 }));
  conn = new jsforce.Connection({ loginUrl: server.url, version: '59.0' });
  await conn.login(TEST_LOGIN.username, TEST_LOGIN.password + TEST_LOGIN.securityToken);
});
afterAll(async () => {
  await server?.close();
});


describe('jsforce describe', () => {
  it('describeGlobal lists the sObjects and gives jsforce its wrappers', async () => {
    const g = await conn.describeGlobal();
    expect(g.sobjects.map((s) => s.name)).toContain('Knowledge__kav');
    expect(g.sobjects.find((s) => s.name === 'Case')!.keyPrefix).toBe('500');
  });

  it('describe gives fields and child relationships that select("*") and include() use', async () => {
    const d = await conn.sobject('Account').describe();
    expect(d.name).toBe('Account');
    expect(d.fields.find((f) => f.name === 'OwnerId')!.referenceTo).toEqual(['User']);
    expect(d.childRelationships.map((r) => r.relationshipName)).toEqual(expect.arrayContaining(['Contacts', 'Cases', 'Orders']));
    const rows = await conn.sobject('Account').select('*').limit(2).execute();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveProperty('ShippingState');
  });
});

describe('jsforce CRUD', () => {
  it('create, retrieve, update, destroy one record', async () => {
    const created = await conn.sobject('Contact').create({ FirstName: 'Jane', LastName: 'Doe', Email: 'jane@example.com' });
    expect(created).toMatchObject({ success: true, errors: [] });
    const id = (created as { id: string }).id;
    const rec = await conn.sobject('Contact').retrieve(id);
    expect(rec).toMatchObject({ Id: id, Name: 'Jane Doe', Email: 'jane@example.com' });
    const upd = await conn.sobject('Contact').update({ Id: id, Title: 'CTO' });
    expect(upd).toMatchObject({ id, success: true });
    expect((await conn.sobject('Contact').retrieve(id, { fields: ['Title'] })).Title).toBe('CTO');
    const del = await conn.sobject('Contact').destroy(id);
    expect(del).toMatchObject({ id, success: true });
    const gone = await errorOf(conn.sobject('Contact').retrieve(id));
    expect(gone.errorCode).toBe('NOT_FOUND');
    const all = await conn.query(`SELECT Id, IsDeleted FROM Contact WHERE Id = '${id}'`).scanAll(true);
    expect(all.records[0]).toMatchObject({ Id: id, IsDeleted: true });
  });

  it('creates a business account by Name, as most client code does', async () => {
    const res = await conn.sobject('Account').create({ Name: 'Acme Corp', Phone: '555' });
    expect(res).toMatchObject({ success: true });
    const rec = await conn.sobject('Account').retrieve((res as { id: string }).id, { fields: ['Name', 'IsPersonAccount'] });
    expect(rec).toMatchObject({ Name: 'Acme Corp', IsPersonAccount: false });
  });

  it('arrays go through sObject Collections, with per-record results', async () => {
    const res = await conn.sobject('Account').create([{ LastName: 'Arr1' }, { LastName: 'Arr2' }, { FirstName: 'NoLast' }], { allOrNone: false });
    expect(res).toHaveLength(3);
    expect(res[0]).toMatchObject({ success: true });
    expect(res[2]).toMatchObject({ success: false });
    expect((res[2] as any).errors[0]).toMatchObject({ statusCode: 'REQUIRED_FIELD_MISSING', fields: ['LastName'] });
    const ids = res.filter((r) => r.success).map((r) => (r as { id: string }).id);
    const got = await conn.sobject('Account').retrieve(ids, { fields: ['LastName'] });
    expect(got.map((r) => r.LastName)).toEqual(['Arr1', 'Arr2']);
    const upd = await conn.sobject('Account').update(ids.map((Id) => ({ Id, Phone: '42' })));
    expect(upd.every((r) => r.success)).toBe(true);
    const del = await conn.sobject('Account').destroy(ids);
    expect(del.every((r) => r.success)).toBe(true);
  });

  it('upsert creates then updates by external Id, also in bulk through collections', async () => {
    const c = await conn.sobject('Product2').upsert({ External_ID__c: 'JSF-1', Name: 'Runner' }, 'External_ID__c');
    expect(c).toMatchObject({ success: true, created: true });
    const u = await conn.sobject('Product2').upsert({ External_ID__c: 'JSF-1', Name: 'Runner 2' }, 'External_ID__c');
    expect(u).toMatchObject({ success: true, created: false, id: (c as { id: string }).id });
    const many = await conn.sobject('Product2').upsert(
      [
        { External_ID__c: 'JSF-1', Name: 'Runner 3' },
        { External_ID__c: 'JSF-2', Name: 'Walker' },
      ],
      'External_ID__c',
    );
    expect(many.map((r) => (r as { created?: boolean }).created)).toEqual([false, true]);
    const row = await conn.sobject('Product2').findOne({ External_ID__c: 'JSF-1' }, ['Name']);
    expect(row!.Name).toBe('Runner 3');
  });

  it('find().update() and find().destroy() work through query plus collections', async () => {
    await conn.sobject('Account').create([{ LastName: 'Bulk' }, { LastName: 'Bulk' }, { LastName: 'Bulk' }]);
    const upd = await conn.sobject('Account').find({ LastName: 'Bulk' }).update({ Phone: '000' });
    expect(upd).toHaveLength(3);
    expect(upd.every((r: { success: boolean }) => r.success)).toBe(true);
    const rows = await conn.sobject('Account').find({ LastName: 'Bulk' }, ['Phone']).execute();
    expect(rows.map((r) => r.Phone)).toEqual(['000', '000', '000']);
    const del = await conn.sobject('Account').find({ LastName: 'Bulk' }).destroy();
    expect(del).toHaveLength(3);
    expect(await conn.sobject('Account').count({ LastName: 'Bulk' })).toBe(0);
    expect(await conn.sobject('Account').recent()).toEqual([]);
  });

  it('errors surface as err.errorCode with Salesforce messages', async () => {
    const unknown = await errorOf(conn.sobject('Account').create({ LastName: 'x', Bogus__c: 1 }));
    expect(unknown.errorCode).toBe('INVALID_FIELD');
    expect(unknown.message).toBe("No such column 'Bogus__c' on sobject of type Account");
    const required = await errorOf(conn.sobject('Order').create({ Status: 'Draft' }));
    expect(required.errorCode).toBe('REQUIRED_FIELD_MISSING');
    expect(required.data.fields).toEqual(['AccountId', 'EffectiveDate']);
    const picklist = await errorOf(conn.sobject('User').update({ Id: conn.userInfo!.id, TimeZoneSidKey: 'Mars/Olympus' }));
    expect(picklist.errorCode).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
    const badType = await errorOf(conn.sobject('Nope__c').retrieve('001000000000000AAA'));
    expect(badType.errorCode).toBe('NOT_FOUND');
  });
});

describe('jsforce composite, limits and feeds', () => {
  it('composite with references through conn.request', async () => {
    const res: any = await conn.request({
      method: 'POST',
      url: '/services/data/v59.0/composite',
      body: JSON.stringify({
        allOrNone: true,
        compositeRequest: [
          { method: 'POST', url: '/services/data/v59.0/sobjects/Account', referenceId: 'acc', body: { LastName: 'Composite' } },
          { method: 'POST', url: '/services/data/v59.0/sobjects/Case', referenceId: 'case', body: { Subject: 'Help', AccountId: '@{acc.id}' } },
        ],
      }),
      headers: { 'Content-Type': 'application/json' },
    });
    const [acc, cs] = res.compositeResponse;
    expect(acc.httpStatusCode).toBe(201);
    expect(cs.httpStatusCode).toBe(201);
    const row = (await conn.sobject('Case').retrieve(cs.body.id as string, { fields: ['AccountId'] })) as unknown as { AccountId: string };
    expect(row.AccountId).toBe(acc.body.id);
  });

  it('limits() and limitInfo', async () => {
    const limits: any = await conn.limits();
    expect(limits.DailyApiRequests.Max).toBe(15000);
    expect(conn.limitInfo?.apiUsage?.limit).toBe(15000);
  });

  it('updated() and deleted() feeds', async () => {
    const start = new Date('2024-06-01T11:00:00Z');
    const end = new Date('2024-06-01T13:00:00Z');
    const up = await conn.sobject('Account').updated(start, end);
    expect(up.ids.length).toBeGreaterThan(0);
    const del = await conn.sobject('Account').deleted(start, end);
    expect(Array.isArray(del.deletedRecords)).toBe(true);
  });
});
