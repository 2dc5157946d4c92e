import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from './sobjects-harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(async () => h.close());

const createAccount = async (body: Record<string, unknown> = { LastName: 'Smith', FirstName: 'Ann' }) => {
  const r = await h.call('POST', '/sobjects/Account', body);
  expect(r.status).toBe(201);
  return r.body.id as string;
};

describe('record CRUD', () => {
  it('creates with 201, the Salesforce body and a Location header; the org sets system fields', async () => {
    const r = await h.call('POST', '/sobjects/Account/', { attributes: { type: 'Account' }, lastname: 'Smith', FirstName: 'Ann', Type: 'Customer' });
    expect(r.status).toBe(201);
    expect(r.headers['content-type']).toBe('application/json;charset=UTF-8');
    expect(r.body).toEqual({ id: expect.stringMatching(/^001[A-Za-z0-9]{15}$/), success: true, errors: [] });
    expect(r.headers.location).toBe(`/services/data/v59.0/sobjects/Account/${r.body.id}`);
    const g = await h.call('GET', `/sobjects/Account/${r.body.id}`);
    expect(g.status).toBe(200);
    expect(Object.keys(g.body)[0]).toBe('attributes');
    expect(g.body).toMatchObject({
      attributes: { type: 'Account', url: `/services/data/v59.0/sobjects/Account/${r.body.id}` },
      Id: r.body.id,
      Name: 'Ann Smith',
      LastName: 'Smith',
      Type: 'Customer',
      IsDeleted: false,
      Phone: null,
      OwnerId: h.userId,
      CreatedById: h.userId,
      CreatedDate: '2024-06-01T12:00:00.000+0000',
      LastModifiedDate: '2024-06-01T12:00:00.000+0000',
    });
  });

  it('retrieves with ?fields= (only those plus attributes), by 15-char Id, and rejects unknown fields', async () => {
    const id = await createAccount();
    const g = await h.call('GET', `/sobjects/account/${id.slice(0, 15)}?fields=name,Phone`);
    expect(g.status).toBe(200);
    expect(g.body).toEqual({ attributes: { type: 'Account', url: `/services/data/v59.0/sobjects/Account/${id}` }, Name: 'Ann Smith', Phone: null });
    const bad = await h.call('GET', `/sobjects/Account/${id}?fields=Name,Bogus__c`);
    expect(bad.status).toBe(400);
    expect(bad.body[0].errorCode).toBe('INVALID_FIELD');
    expect(bad.body[0].message).toMatch(/^No such column 'Bogus__c' on entity 'Account'/);
  });

  it('answers 404s as Salesforce does for unknown types, bad Ids and missing records', async () => {
    const id = await createAccount();
    expect((await h.call('GET', '/sobjects/Bogus__c')).body).toEqual([{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }]);
    const notId = await h.call('GET', '/sobjects/Account/notanid');
    expect(notId.status).toBe(404);
    expect(notId.body).toEqual([{ message: 'Provided external ID field does not exist or is not accessible: notanid', errorCode: 'NOT_FOUND' }]);
    const missing = await h.call('GET', `/sobjects/Account/${id.slice(0, 14)}Z`);
    expect(missing.status).toBe(404);
    expect(missing.body[0].errorCode).toBe('NOT_FOUND');
    const wrongType = await h.call('PATCH', `/sobjects/Contact/${id}`, { LastName: 'x' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body).toEqual([{ message: `Record ID: id value of incorrect type: ${id}`, errorCode: 'MALFORMED_ID', fields: ['Id'] }]);
  });

  it('updates with 204 and no body, moving LastModifiedDate with the org clock', async () => {
    const id = await createAccount();
    h.org.clock.advance(60_000);
    const r = await h.call('PATCH', `/sobjects/Account/${id}`, { Phone: '555-0100', FirstName: 'Anna' });
    expect(r.status).toBe(204);
    expect(r.text).toBe('');
    expect(r.headers['sforce-limit-info']).toMatch(/^api-usage=\d+\/15000$/);
    const g = await h.call('GET', `/sobjects/Account/${id}`);
    expect(g.body).toMatchObject({ Phone: '555-0100', Name: 'Anna Smith', LastModifiedDate: '2024-06-01T12:01:00.000+0000', CreatedDate: '2024-06-01T12:00:00.000+0000' });
  });

  it('deletes softly (204), then reports the record as deleted', async () => {
    const id = await createAccount();
    expect((await h.call('DELETE', `/sobjects/Account/${id}`)).status).toBe(204);
    expect(h.org.store.get('Account', id, true)!.IsDeleted).toBe(1);
    expect((await h.call('GET', `/sobjects/Account/${id}`)).status).toBe(404);
    const again = await h.call('DELETE', `/sobjects/Account/${id}`);
    expect(again.status).toBe(404);
    expect(again.body).toEqual([{ message: 'entity is deleted', errorCode: 'ENTITY_IS_DELETED', fields: [] }]);
    const patch = await h.call('PATCH', `/sobjects/Account/${id}`, { Phone: '1' });
    expect(patch.body[0].errorCode).toBe('ENTITY_IS_DELETED');
  });

  it('cascades deletes to master-detail children (Order -> OrderItem)', async () => {
    const acc = await createAccount();
    const pb = (await h.call('POST', '/sobjects/Pricebook2', { Name: 'Std' })).body.id;
    const prod = (await h.call('POST', '/sobjects/Product2', { Name: 'Shoe' })).body.id;
    const pbe = (await h.call('POST', '/sobjects/PricebookEntry', { Pricebook2Id: pb, Product2Id: prod, UnitPrice: 10 })).body.id;
    const order = (await h.call('POST', '/sobjects/Order', { AccountId: acc, EffectiveDate: '2024-05-01', Pricebook2Id: pb })).body.id;
    const item = await h.call('POST', '/sobjects/OrderItem', { OrderId: order, PricebookEntryId: pbe, Quantity: 2, UnitPrice: 9.999 });
    expect(item.status).toBe(201);
    expect(h.org.store.get('OrderItem', item.body.id)).toMatchObject({ UnitPrice: 10, TotalPrice: 20, ListPrice: 10, Product2Id: prod });
    expect(h.org.store.get('Order', order)!.TotalAmount).toBe(20);
    await h.call('PATCH', `/sobjects/OrderItem/${item.body.id}`, { Quantity: 3 });
    expect(h.org.store.get('Order', order)!.TotalAmount).toBe(30);
    const other = (await h.call('POST', '/sobjects/Order', { AccountId: acc, EffectiveDate: '2024-05-01' })).body.id;
    const mismatch = await h.call('POST', '/sobjects/OrderItem', { OrderId: other, PricebookEntryId: pbe, Quantity: 1, UnitPrice: 1 });
    expect(mismatch.body[0]).toMatchObject({ errorCode: 'FIELD_INTEGRITY_EXCEPTION', fields: ['PricebookEntryId'] });
    expect((await h.call('DELETE', `/sobjects/Order/${order}`)).status).toBe(204);
    expect(h.org.store.get('OrderItem', item.body.id, true)!.IsDeleted).toBe(1);
  });

  it('takes POST ?_HttpMethod=PATCH as PATCH, creates on POST /sobjects/T/Id, else 405', async () => {
    const id = await createAccount();
    expect((await h.call('POST', `/sobjects/Account/${id}?_HttpMethod=PATCH`, { Phone: '7' })).status).toBe(204);
    expect(h.org.store.get('Account', id)!.Phone).toBe('7');
    const up = await h.call('POST', '/sobjects/Product2/External_ID__c/OV-1?_HttpMethod=PATCH', { Name: 'x' });
    expect(up.status).toBe(201);
    const c = await h.call('POST', '/sobjects/Account/Id', { LastName: 'ById' });
    expect(c.status).toBe(201);
    expect(c.body).toMatchObject({ success: true, created: true });
    const bad = await h.call('POST', `/sobjects/Account/${id}`, { Phone: '8' });
    expect(bad.status).toBe(405);
    expect(bad.body).toEqual([{ message: "HTTP Method 'POST' not allowed. Allowed are GET,HEAD,PATCH,DELETE", errorCode: 'METHOD_NOT_ALLOWED' }]);
  });

  it('refuses to delete Users', async () => {
    const r = await h.call('DELETE', `/sobjects/User/${h.userId}`);
    expect(r.status).toBe(400);
    expect(r.body[0].errorCode).toBe('INVALID_TYPE_FOR_OPERATION');
  });
});

describe('write validation', () => {
  const post = (type: string, body: unknown) => h.call('POST', `/sobjects/${type}`, body);

  it('INVALID_FIELD for unknown keys', async () => {
    const r = await post('Account', { LastName: 'x', Foo__c: 1 });
    expect(r.status).toBe(400);
    expect(r.body).toEqual([{ message: "No such column 'Foo__c' on sobject of type Account", errorCode: 'INVALID_FIELD' }]);
  });

  it('INVALID_FIELD_FOR_INSERT_UPDATE names every read-only field', async () => {
    const r = await post('Account', { LastName: 'x', Name: 'n', CreatedDate: '2020-01-01T00:00:00Z' });
    expect(r.body).toEqual([
      {
        message: 'Unable to create/update fields: Name, CreatedDate. Please check the security settings of this field and verify that it is read/write for your profile or permission set.',
        errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
        fields: ['Name', 'CreatedDate'],
      },
    ]);
    const pb = (await post('Pricebook2', { Name: 'P' })).body.id;
    const id = (await post('Order', { AccountId: (await post('Account', { LastName: 'a' })).body.id, EffectiveDate: '2024-01-01', Pricebook2Id: pb })).body.id;
    const prod = (await post('Product2', { Name: 'S' })).body.id;
    const pbe = (await post('PricebookEntry', { Pricebook2Id: pb, Product2Id: prod, UnitPrice: 1 })).body.id;
    const oi = (await post('OrderItem', { OrderId: id, PricebookEntryId: pbe, Quantity: 1, UnitPrice: 1 })).body.id;
    const u = await h.call('PATCH', `/sobjects/OrderItem/${oi}`, { OrderId: id });
    expect(u.body[0]).toMatchObject({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', fields: ['OrderId'] });
  });

  it('refuses an Id on insert', async () => {
    const r = await post('Account', { Id: '001Mf0000000001IAA', LastName: 'x' });
    expect(r.body).toEqual([{ message: 'cannot specify Id in an insert call', errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', fields: ['Id'] }]);
  });

  it('REQUIRED_FIELD_MISSING on create and when nulling a required field', async () => {
    const r = await post('Order', { Status: 'Draft' });
    expect(r.body).toEqual([{ message: 'Required fields are missing: [AccountId, EffectiveDate]', errorCode: 'REQUIRED_FIELD_MISSING', fields: ['AccountId', 'EffectiveDate'] }]);
    const id = (await post('Account', { LastName: 'x' })).body.id;
    const u = await h.call('PATCH', `/sobjects/Account/${id}`, { LastName: null });
    expect(u.body).toEqual([{ message: 'Required fields are missing: [LastName]', errorCode: 'REQUIRED_FIELD_MISSING', fields: ['LastName'] }]);
    const empty = await h.call('PATCH', `/sobjects/Account/${id}`, { LastName: '' });
    expect(empty.body[0].errorCode).toBe('REQUIRED_FIELD_MISSING');
  });

  it('MALFORMED_ID, FIELD_INTEGRITY_EXCEPTION, INVALID_CROSS_REFERENCE_KEY and ENTITY_IS_DELETED on lookups', async () => {
    const acc = (await post('Account', { LastName: 'x' })).body.id as string;
    const bad = await post('Contact', { LastName: 'c', AccountId: 'abc' });
    expect(bad.body).toEqual([{ message: 'Account ID: id value of incorrect type: abc', errorCode: 'MALFORMED_ID', fields: ['AccountId'] }]);
    const wrong = await post('Contact', { LastName: 'c', AccountId: h.userId });
    expect(wrong.body).toEqual([{ message: `Account ID: id value of incorrect type: ${h.userId}`, errorCode: 'FIELD_INTEGRITY_EXCEPTION', fields: ['AccountId'] }]);
    const missing = await post('Contact', { LastName: 'c', AccountId: '001Mf00000000ZZ' });
    expect(missing.body).toEqual([{ message: 'invalid cross reference id', errorCode: 'INVALID_CROSS_REFERENCE_KEY', fields: [] }]);
    const ok = await post('Contact', { LastName: 'c', AccountId: acc.slice(0, 15) });
    expect(ok.status).toBe(201);
    expect(h.org.store.get('Contact', ok.body.id)!.AccountId).toBe(acc);
    await h.call('DELETE', `/sobjects/Account/${acc}`);
    const del = await post('Contact', { LastName: 'c', AccountId: acc });
    expect(del.body[0].errorCode).toBe('ENTITY_IS_DELETED');
  });

  it('STRING_TOO_LONG, restricted picklists, emails and numeric range', async () => {
    const long = await post('Account', { LastName: 'x'.repeat(81) });
    expect(long.body).toEqual([{ message: `Last Name: data value too large: ${'x'.repeat(81)} (max length=80)`, errorCode: 'STRING_TOO_LONG', fields: ['LastName'] }]);
    const acc = (await post('Account', { LastName: 'x' })).body.id;
    const pick = await post('Order', { AccountId: acc, EffectiveDate: '2024-01-01', Status: 'Shipped' });
    expect(pick.body).toEqual([{ message: 'Status: bad value for restricted picklist field: Shipped', errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', fields: ['Status'] }]);
    // Unrestricted picklists take any value, as in Salesforce.
    expect((await post('Case', { Subject: 's', Origin: 'Carrier pigeon' })).status).toBe(201);
    const email = await post('Contact', { LastName: 'c', Email: 'not-an-email' });
    expect(email.body).toEqual([{ message: 'Email: invalid email address: not-an-email', errorCode: 'INVALID_EMAIL_ADDRESS', fields: ['Email'] }]);
    const big = await post('Pricebook2', { Name: 'p' });
    const prod = await post('Product2', { Name: 'q' });
    const range = await post('PricebookEntry', { Pricebook2Id: big.body.id, Product2Id: prod.body.id, UnitPrice: 1e17 });
    expect(range.body[0]).toMatchObject({ errorCode: 'NUMBER_OUTSIDE_VALID_RANGE', fields: ['UnitPrice'] });
  });

  it('JSON_PARSER_ERROR with the position for values of the wrong kind; strings coerce', async () => {
    const acc = (await post('Account', { LastName: 'x' })).body.id;
    const raw = `{"AccountId":"${acc}","EffectiveDate":"someday"}`;
    const r = await post('Order', raw);
    expect(r.status).toBe(400);
    expect(r.body).toEqual([
      { message: `Cannot deserialize instance of date from VALUE_STRING value someday or request may be missing a required field at [line:1, column:${raw.length}]`, errorCode: 'JSON_PARSER_ERROR' },
    ]);
    const bool = await post('Case', { Subject: 's', IsEscalated: 'maybe' });
    expect(bool.body[0].message).toMatch(/^Cannot deserialize instance of boolean from VALUE_STRING value maybe/);
    const obj = await post('Case', '{"Subject": {"a": 1}}');
    expect(obj.body[0].message).toBe('Cannot deserialize instance of string from START_OBJECT value { or request may be missing a required field at [line:1, column:14]');
    const nullBool = await post('Case', { Subject: 's', IsEscalated: null });
    expect(nullBool.body).toEqual([{ message: 'Escalated: value not of required type: ', errorCode: 'INVALID_TYPE_ON_FIELD_IN_RECORD', fields: ['IsEscalated'] }]);
    const coerced = await post('Case', { Subject: 42, IsEscalated: 'true' });
    expect(coerced.status).toBe(201);
    expect(h.org.store.get('Case', coerced.body.id)).toMatchObject({ Subject: '42', IsEscalated: 1 });
    const arr = await post('Account', [{ LastName: 'x' }]);
    expect(arr.body[0].errorCode).toBe('JSON_PARSER_ERROR');
    const malformed = await post('Account', '{"LastName": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body[0].errorCode).toBe('JSON_PARSER_ERROR');
    const none = await h.call('POST', '/sobjects/Account', undefined);
    expect(none.body[0].errorCode).toBe('JSON_PARSER_ERROR');
  });

  it('DUPLICATE_VALUE on unique fields', async () => {
    const a = await post('Product2', { Name: 'A', External_ID__c: 'EXT-1' });
    const b = await post('Product2', { Name: 'B', External_ID__c: 'ext-1' });
    expect(b.body).toEqual([{ message: `duplicate value found: External_ID__c duplicates value on record with id: ${a.body.id.slice(0, 15)}`, errorCode: 'DUPLICATE_VALUE', fields: [] }]);
  });

  it('derives Case.IsClosed/ClosedDate and datetimes in any offset', async () => {
    const c = await post('Case', { Subject: 's', Status: 'Closed' });
    const g = await h.call('GET', `/sobjects/Case/${c.body.id}?fields=IsClosed,ClosedDate,CaseNumber`);
    expect(g.body).toMatchObject({ IsClosed: true, ClosedDate: '2024-06-01T12:00:00.000+0000', CaseNumber: '00000001' });
    const e = await post('EmailMessage', { ParentId: c.body.id, Subject: 'hi', MessageDate: '2024-05-01T10:00:00-07:00', Status: '3' });
    expect(e.status).toBe(201);
    expect(h.org.store.get('EmailMessage', e.body.id)!.MessageDate).toBe('2024-05-01T17:00:00.000Z');
  });

  it('resolves a parent by external Id in the body', async () => {
    const pb = (await post('Pricebook2', { Name: 'P' })).body.id;
    const prod = (await post('Product2', { Name: 'S', External_ID__c: 'SKU-9' })).body.id;
    const r = await post('PricebookEntry', { Pricebook2Id: pb, Product2: { External_ID__c: 'SKU-9' }, UnitPrice: 5 });
    expect(r.status).toBe(201);
    expect(h.org.store.get('PricebookEntry', r.body.id)!.Product2Id).toBe(prod);
    const miss = await post('PricebookEntry', { Pricebook2Id: pb, Product2: { External_ID__c: 'nope' }, UnitPrice: 5 });
    expect(miss.body[0]).toMatchObject({ errorCode: 'INVALID_FIELD', message: 'Foreign key external ID: nope not found for field External_ID__c in entity Product2' });
  });
});

describe('upsert and external Ids', () => {
  it('creates (201, created:true), updates (200, created:false) and reports 300 for several matches', async () => {
    const c = await h.call('PATCH', '/sobjects/Product2/External_ID__c/SKU-1', { Name: 'Shoe' });
    expect(c.status).toBe(201);
    expect(c.body).toEqual({ id: expect.any(String), success: true, errors: [], created: true });
    expect(c.headers.location).toBe(`/services/data/v59.0/sobjects/Product2/${c.body.id}`);
    expect(h.org.store.get('Product2', c.body.id)!.External_ID__c).toBe('SKU-1');
    const u = await h.call('PATCH', '/sobjects/Product2/External_ID__c/SKU-1', { Name: 'Boot' });
    expect(u.status).toBe(200);
    expect(u.body).toEqual({ id: c.body.id, success: true, errors: [], created: false });
    const g = await h.call('GET', '/sobjects/Product2/External_ID__c/SKU-1?fields=Name');
    expect(g.body).toEqual({ attributes: { type: 'Product2', url: `/services/data/v59.0/sobjects/Product2/${c.body.id}` }, Name: 'Boot' });
    // Name is an idLookup field on a standard object: usable, and ambiguous here.
    await h.call('POST', '/sobjects/Product2', { Name: 'Boot' });
    const multi = await h.call('PATCH', '/sobjects/Product2/Name/Boot', { Family: 'Footwear' });
    expect(multi.status).toBe(300);
    expect(multi.body).toHaveLength(2);
    expect(multi.body[0]).toMatch(/^\/services\/data\/v59\.0\/sobjects\/Product2\/01t/);
    const getMulti = await h.call('GET', '/sobjects/Product2/Name/Boot');
    expect(getMulti.status).toBe(300);
  });

  it('answers 204 for an update before API 46.0, and upserts by Id', async () => {
    const c = await h.call('PATCH', '/sobjects/Product2/External_ID__c/X1', { Name: 'A' });
    const old = await h.call('PATCH', '/services/data/v45.0/sobjects/Product2/External_ID__c/X1', { Name: 'B' });
    expect(old.status).toBe(204);
    const oldCreate = await h.call('PATCH', '/services/data/v45.0/sobjects/Product2/External_ID__c/X2', { Name: 'B' });
    expect(oldCreate.body).toEqual({ id: expect.any(String), success: true, errors: [] });
    const byId = await h.call('PATCH', `/sobjects/Product2/Id/${c.body.id}`, { Name: 'C' });
    expect(byId.status).toBe(200);
    expect(h.org.store.get('Product2', c.body.id)!.Name).toBe('C');
  });

  it('?updateOnly=true updates but never creates', async () => {
    const none = await h.call('PATCH', '/sobjects/Product2/External_ID__c/UO-1?updateOnly=true', { Name: 'A' });
    expect(none.status).toBe(404);
    expect(none.body[0].errorCode).toBe('NOT_FOUND');
    await h.call('PATCH', '/sobjects/Product2/External_ID__c/UO-1', { Name: 'A' });
    const upd = await h.call('PATCH', '/sobjects/Product2/External_ID__c/UO-1?updateOnly=true', { Name: 'B' });
    expect(upd.body).toMatchObject({ success: true, created: false });
  });

  it('404 for a field that is not an external Id, and deletes by external Id', async () => {
    const r = await h.call('PATCH', '/sobjects/Product2/Description/x', { Name: 'A' });
    expect(r.status).toBe(404);
    expect(r.body).toEqual([{ message: 'Provided external ID field does not exist or is not accessible: Description', errorCode: 'NOT_FOUND' }]);
    const c = await h.call('PATCH', '/sobjects/Product2/External_ID__c/DEL-1', { Name: 'A' });
    expect((await h.call('DELETE', '/sobjects/Product2/External_ID__c/DEL-1')).status).toBe(204);
    expect(h.org.store.get('Product2', c.body.id, true)!.IsDeleted).toBe(1);
    expect((await h.call('GET', '/sobjects/Product2/External_ID__c/DEL-1')).status).toBe(404);
  });
});

describe('relationships and list views', () => {
  it('GET /sobjects/T/{id}/{relationship} gives children as a query result and the parent as a record', async () => {
    const acc = await createAccount();
    const con = (await h.call('POST', '/sobjects/Contact', { LastName: 'Kid', AccountId: acc })).body.id;
    const kids = await h.call('GET', `/sobjects/Account/${acc}/Contacts?fields=LastName`);
    expect(kids.status).toBe(200);
    expect(kids.body).toEqual({ totalSize: 1, done: true, records: [{ attributes: { type: 'Contact', url: `/services/data/v59.0/sobjects/Contact/${con}` }, LastName: 'Kid' }] });
    const parent = await h.call('GET', `/sobjects/Contact/${con}/Account`);
    expect(parent.body).toMatchObject({ attributes: { type: 'Account' }, Id: acc, Name: 'Ann Smith' });
    expect((await h.call('GET', `/sobjects/Account/${acc}/Nope`)).status).toBe(404);
    expect((await h.call('GET', '/sobjects/Account/quickActions')).body).toEqual([]);
    expect((await h.call('GET', '/sobjects/Case/describe/approvalLayouts')).body).toEqual({ approvalLayouts: [] });
    const lv = await h.call('GET', '/sobjects/Account/listviews');
    expect(lv.body).toMatchObject({ done: true, nextRecordsUrl: null, size: 2, sobjectType: 'Account' });
    expect(lv.body.listviews.map((v: { developerName: string }) => v.developerName)).toEqual(['AllAccounts', 'RecentlyViewedAccounts']);
  });
});

describe('updated and deleted feeds', () => {
  it('lists changed and deleted Ids in the window, with Salesforce date forms', async () => {
    const a = (await h.call('POST', '/sobjects/Account', { LastName: 'a' })).body.id;
    h.org.clock.advance(120_000);
    const b = (await h.call('POST', '/sobjects/Account', { LastName: 'b' })).body.id;
    await h.call('DELETE', `/sobjects/Account/${a}`);
    h.org.clock.advance(120_000);
    const start = encodeURIComponent('2024-06-01T11:00:00+00:00');
    const end = encodeURIComponent('2024-06-01T13:00:00+00:00');
    const up = await h.call('GET', `/sobjects/Account/updated/?start=${start}&end=${end}`);
    expect(up.status).toBe(200);
    expect(up.body).toEqual({ ids: [b], latestDateCovered: '2024-06-01T12:04:00.000+0000' });
    const del = await h.call('GET', `/sobjects/Account/deleted/?start=${start}&end=${end}`);
    expect(del.body).toEqual({
      deletedRecords: [{ id: a, deletedDate: '2024-06-01T12:02:00.000+0000' }],
      earliestDateAvailable: '2024-06-01T12:02:00.000+0000',
      latestDateCovered: '2024-06-01T12:04:00.000+0000',
    });
    const old = await h.call('GET', `/sobjects/Account/updated/?start=2024-01-01T00:00:00Z&end=2024-06-01T00:00:00Z`);
    expect(old.body[0]).toMatchObject({ errorCode: 'INVALID_REPLICATION_DATE' });
    const missing = await h.call('GET', `/sobjects/Account/updated/`);
    expect(missing.status).toBe(400);
  });
});

describe('business accounts next to person accounts', () => {
  it('a create with Name and no person name makes a business account whose Name stays writable', async () => {
    const r = await h.call('POST', '/sobjects/Account', { Name: 'Acme Corp', Phone: '1' });
    expect(r.status).toBe(201);
    const g = await h.call('GET', `/sobjects/Account/${r.body.id}?fields=Name,LastName,IsPersonAccount`);
    expect(g.body).toMatchObject({ Name: 'Acme Corp', LastName: null, IsPersonAccount: false });
    expect((await h.call('PATCH', `/sobjects/Account/${r.body.id}`, { Name: 'Acme Inc' })).status).toBe(204);
    expect(h.org.store.get('Account', r.body.id)!.Name).toBe('Acme Inc');
    const personName = await h.call('PATCH', `/sobjects/Account/${r.body.id}`, { LastName: 'Smith' });
    expect(personName.body[0]).toMatchObject({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', fields: ['LastName'] });
    const nulled = await h.call('PATCH', `/sobjects/Account/${r.body.id}`, { Name: null });
    expect(nulled.body[0]).toMatchObject({ errorCode: 'REQUIRED_FIELD_MISSING', fields: ['Name'] });
    const person = await h.call('POST', '/sobjects/Account', { LastName: 'Person' });
    const rename = await h.call('PATCH', `/sobjects/Account/${person.body.id}`, { Name: 'x' });
    expect(rename.body[0].errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
  });
});
