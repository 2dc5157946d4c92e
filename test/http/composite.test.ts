import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from './sobjects-harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness({ accounts: 3 });
});
afterEach(async () => h.close());

const count = (type: string) => (h.org.db.prepare(`SELECT COUNT(*) AS n FROM "${type}" WHERE "IsDeleted" = 0`).get() as { n: number }).n;

describe('POST /composite', () => {
  it('runs sub-requests in order with @{ref.id} and @{ref.records[0].Id} references', async () => {
    const r = await h.call('POST', '/composite', {
      allOrNone: true,
      compositeRequest: [
        { method: 'PATCH', url: '/services/data/v59.0/sobjects/Product2/External_ID__c/P-1', referenceId: 'prod', body: { Name: 'Shoe' } },
        { method: 'POST', url: '/services/data/v59.0/sobjects/Account', referenceId: 'acc', body: { LastName: 'Ref' } },
        { method: 'POST', url: '/services/data/v59.0/sobjects/Contact', referenceId: 'con', body: { LastName: 'Harrison', AccountId: '@{acc.id}' } },
        { method: 'GET', url: "/services/data/v59.0/query/?q=SELECT+Id,Name+FROM+Account+WHERE+LastName='Ref'", referenceId: 'q' },
        { method: 'GET', url: '/services/data/v59.0/sobjects/Account/@{q.records[0].Id}?fields=LastName', referenceId: 'get' },
        { method: 'PATCH', url: '/services/data/v59.0/sobjects/Contact/@{con.id}', referenceId: 'upd', body: { FirstName: 'Tom' } },
      ],
    });
    expect(r.status).toBe(200);
    const [prod, acc, con, q, get, upd] = r.body.compositeResponse;
    expect(prod).toEqual({
      body: { id: expect.any(String), success: true, errors: [], created: true },
      httpHeaders: { Location: `/services/data/v59.0/sobjects/Product2/${prod.body.id}` },
      httpStatusCode: 201,
      referenceId: 'prod',
    });
    expect(acc.httpStatusCode).toBe(201);
    expect(con.httpStatusCode).toBe(201);
    expect(h.org.store.get('Contact', con.body.id)!.AccountId).toBe(acc.body.id);
    expect(q.httpStatusCode).toBe(200);
    expect(q.body.totalSize).toBe(1);
    expect(get.body).toMatchObject({ LastName: 'Ref', attributes: { type: 'Account' } });
    expect(upd).toEqual({ body: null, httpHeaders: {}, httpStatusCode: 204, referenceId: 'upd' });
  });

  it('allOrNone rolls everything back: the failure keeps its error, the rest PROCESSING_HALTED', async () => {
    const before = count('Account');
    const r = await h.call('POST', '/composite', {
      allOrNone: true,
      compositeRequest: [
        { method: 'POST', url: '/services/data/v59.0/sobjects/Account', referenceId: 'a1', body: { LastName: 'One' } },
        { method: 'POST', url: '/services/data/v59.0/sobjects/Contact', referenceId: 'c1', body: { LastName: 'C', Email: 'bad' } },
        { method: 'POST', url: '/services/data/v59.0/sobjects/Account', referenceId: 'a2', body: { LastName: 'Two' } },
      ],
    });
    expect(r.status).toBe(200);
    const halted = [{ errorCode: 'PROCESSING_HALTED', message: 'The transaction was rolled back since another operation in the same transaction failed.' }];
    expect(r.body.compositeResponse).toEqual([
      { body: halted, httpHeaders: {}, httpStatusCode: 400, referenceId: 'a1' },
      { body: [{ message: 'Email: invalid email address: bad', errorCode: 'INVALID_EMAIL_ADDRESS', fields: ['Email'] }], httpHeaders: {}, httpStatusCode: 400, referenceId: 'c1' },
      { body: halted, httpHeaders: {}, httpStatusCode: 400, referenceId: 'a2' },
    ]);
    expect(count('Account')).toBe(before);
  });

  it('without allOrNone, commits what succeeds and halts only dependents of a failure', async () => {
    const before = count('Account');
    const r = await h.call('POST', '/composite', {
      compositeRequest: [
        { method: 'POST', url: '/services/data/v59.0/sobjects/Account', referenceId: 'bad', body: { Bogus: 1 } },
        { method: 'POST', url: '/services/data/v59.0/sobjects/Contact', referenceId: 'dep', body: { LastName: 'x', AccountId: '@{bad.id}' } },
        { method: 'POST', url: '/services/data/v59.0/sobjects/Account', referenceId: 'ok', body: { LastName: 'Fine' } },
        { method: 'GET', url: '/services/data/v59.0/sobjects/Nope/001', referenceId: 'nf' },
      ],
    });
    const [bad, dep, ok, nf] = r.body.compositeResponse;
    expect(bad.httpStatusCode).toBe(400);
    expect(bad.body[0].errorCode).toBe('INVALID_FIELD');
    expect(dep.httpStatusCode).toBe(400);
    expect(dep.body[0].errorCode).toBe('PROCESSING_HALTED');
    expect(dep.body[0].message).toMatch(/^Invalid reference specified\. No value for bad\.id found in bad\./);
    expect(ok.httpStatusCode).toBe(201);
    expect(nf.httpStatusCode).toBe(404);
    expect(count('Account')).toBe(before + 1);
  });

  it('rejects malformed composite bodies as a whole', async () => {
    expect((await h.call('POST', '/composite', {})).status).toBe(400);
    const dup = await h.call('POST', '/composite', {
      compositeRequest: [
        { method: 'GET', url: '/services/data/v59.0/sobjects', referenceId: 'x' },
        { method: 'GET', url: '/services/data/v59.0/sobjects', referenceId: 'x' },
      ],
    });
    expect(dup.status).toBe(400);
    expect(dup.body[0].message).toBe('Duplicate ReferenceId provided in the request: x');
    const many = Array.from({ length: 26 }, (_, i) => ({ method: 'GET', url: '/services/data/v59.0/limits', referenceId: `r${i}` }));
    expect((await h.call('POST', '/composite', { compositeRequest: many })).status).toBe(400);
  });
});

describe('/composite/sobjects (collections)', () => {
  it('creates in order with per-item results, statusCode in item errors', async () => {
    const r = await h.call('POST', '/composite/sobjects', {
      allOrNone: false,
      records: [
        { attributes: { type: 'Account' }, LastName: 'A' },
        { attributes: { type: 'Contact' }, FirstName: 'no last name' },
        { attributes: { type: 'Account' }, LastName: 'B' },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual([
      { id: expect.stringMatching(/^001/), success: true, errors: [] },
      { success: false, errors: [{ statusCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [LastName]', fields: ['LastName'] }] },
      { id: expect.stringMatching(/^001/), success: true, errors: [] },
    ]);
  });

  it('allOrNone rolls back every item and marks the others ALL_OR_NONE_OPERATION_ROLLED_BACK', async () => {
    const before = count('Account');
    const r = await h.call('POST', '/composite/sobjects', {
      allOrNone: true,
      records: [
        { attributes: { type: 'Account' }, LastName: 'A' },
        { attributes: { type: 'Account' }, LastName: 'x'.repeat(100) },
      ],
    });
    expect(r.body[0]).toEqual({
      success: false,
      errors: [{ statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK', message: 'Record rolled back because not all records were valid and the request was using AllOrNone header', fields: [] }],
    });
    expect(r.body[1].errors[0].statusCode).toBe('STRING_TOO_LONG');
    expect(count('Account')).toBe(before);
  });

  it('updates (lowercase id), upserts by external Id, retrieves and deletes', async () => {
    const ids = (await h.call('POST', '/composite/sobjects', { records: [{ attributes: { type: 'Account' }, LastName: 'A' }, { attributes: { type: 'Account' }, LastName: 'B' }] })).body.map((x: any) => x.id);
    const up = await h.call('PATCH', '/composite/sobjects', {
      records: [
        { attributes: { type: 'Account' }, id: ids[0], Phone: '1' },
        { attributes: { type: 'Account' }, Phone: '2' },
        { attributes: { type: 'Account' }, id: 'garbage', Phone: '3' },
      ],
    });
    expect(up.body).toEqual([
      { id: ids[0], success: true, errors: [] },
      { success: false, errors: [{ statusCode: 'MISSING_ARGUMENT', message: 'Id not specified in an update call', fields: [] }] },
      { id: 'garbage', success: false, errors: [{ statusCode: 'MALFORMED_ID', message: 'malformed id garbage', fields: [] }] },
    ]);
    const ups = await h.call('PATCH', '/composite/sobjects/Product2/External_ID__c', {
      records: [
        { attributes: { type: 'Product2' }, External_ID__c: 'E1', Name: 'One' },
        { attributes: { type: 'Product2' }, External_ID__c: 'E1', Name: 'One again' },
      ],
    });
    expect(ups.body).toEqual([
      { id: expect.stringMatching(/^01t/), success: true, errors: [], created: true },
      { id: ups.body[0].id, success: true, errors: [], created: false },
    ]);
    const get = await h.call('GET', `/composite/sobjects/Account?ids=${ids[0]},${ids[1]},001Mf00000000ZZAAA&fields=LastName,Phone`);
    expect(get.body).toEqual([
      { attributes: { type: 'Account', url: `/services/data/v59.0/sobjects/Account/${ids[0]}` }, LastName: 'A', Phone: '1' },
      { attributes: { type: 'Account', url: `/services/data/v59.0/sobjects/Account/${ids[1]}` }, LastName: 'B', Phone: null },
      null,
    ]);
    const post = await h.call('POST', '/composite/sobjects/Account', { ids: [ids[1]], fields: ['LastName'] });
    expect(post.body[0].LastName).toBe('B');
    const del = await h.call('DELETE', `/composite/sobjects?ids=${ids[0]},${ids[0]}`);
    expect(del.body).toEqual([
      { id: ids[0], success: true, errors: [] },
      { id: ids[0], success: false, errors: [{ statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] }] },
    ]);
  });

  it('does not exist before API 42.0 (upsert before 46.0)', async () => {
    const r = await h.call('POST', '/services/data/v41.0/composite/sobjects', { records: [{ attributes: { type: 'Account' }, LastName: 'x' }] });
    expect(r.status).toBe(404);
    const u = await h.call('PATCH', '/services/data/v45.0/composite/sobjects/Product2/External_ID__c', { records: [] });
    expect(u.status).toBe(404);
  });

  it('refuses more than 200 records', async () => {
    const records = Array.from({ length: 201 }, () => ({ attributes: { type: 'Account' }, LastName: 'x' }));
    const r = await h.call('POST', '/composite/sobjects', { records });
    expect(r.status).toBe(400);
    expect(r.body[0].errorCode).toBe('EXCEEDED_ID_LIMIT');
  });
});

describe('/composite/tree', () => {
  it('creates parents and nested children, answering referenceIds with Ids (201)', async () => {
    const r = await h.call('POST', '/composite/tree/Account', {
      records: [
        {
          attributes: { type: 'Account', referenceId: 'ref1' },
          LastName: 'Tree',
          Contacts: { records: [{ attributes: { type: 'Contact', referenceId: 'ref2' }, LastName: 'Leaf' }] },
        },
        { attributes: { type: 'Account', referenceId: 'ref3' }, LastName: 'Other' },
      ],
    });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({
      hasErrors: false,
      results: [
        { referenceId: 'ref1', id: expect.stringMatching(/^001/) },
        { referenceId: 'ref2', id: expect.stringMatching(/^003/) },
        { referenceId: 'ref3', id: expect.stringMatching(/^001/) },
      ],
    });
    expect(h.org.store.get('Contact', r.body.results[1].id)!.AccountId).toBe(r.body.results[0].id);
  });

  it('rolls back the whole tree on an error and reports only the failing records (400)', async () => {
    const before = count('Account');
    const r = await h.call('POST', '/composite/tree/Account', {
      records: [
        { attributes: { type: 'Account', referenceId: 'ok' }, LastName: 'Fine', Contacts: { records: [{ attributes: { type: 'Contact', referenceId: 'bad' }, LastName: 'L', Email: '123' }] } },
      ],
    });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ hasErrors: true, results: [{ referenceId: 'bad', errors: [{ statusCode: 'INVALID_EMAIL_ADDRESS', message: 'Email: invalid email address: 123', fields: ['Email'] }] }] });
    expect(count('Account')).toBe(before);
  });
});

describe('/composite/batch', () => {
  it('runs independent requests, with results and hasErrors; haltOnError answers 412 after a failure', async () => {
    const acc = (await h.call('POST', '/sobjects/Account', { LastName: 'Batch' })).body.id;
    const r = await h.call('POST', '/composite/batch', {
      batchRequests: [
        { method: 'GET', url: `v59.0/sobjects/Account/${acc}?fields=LastName` },
        { method: 'PATCH', url: `v59.0/sobjects/Account/${acc}`, richInput: { Phone: '9' } },
        { method: 'GET', url: 'v59.0/limits' },
        { method: 'GET', url: 'v59.0/sobjects/Account/001Mf00000000ZZAAA' },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.body.hasErrors).toBe(true);
    expect(r.body.results[0]).toEqual({ statusCode: 200, result: { attributes: { type: 'Account', url: `/services/data/v59.0/sobjects/Account/${acc}` }, LastName: 'Batch' } });
    expect(r.body.results[1]).toEqual({ statusCode: 204, result: null });
    expect(r.body.results[2].statusCode).toBe(200);
    expect(r.body.results[2].result.DailyApiRequests.Max).toBe(15000);
    expect(r.body.results[3]).toEqual({ statusCode: 404, result: [{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }] });
    const halt = await h.call('POST', '/composite/batch', {
      haltOnError: true,
      batchRequests: [
        { method: 'POST', url: 'v59.0/sobjects/Account', richInput: { Nope: 1 } },
        { method: 'POST', url: 'v59.0/sobjects/Account', richInput: { LastName: 'never' } },
      ],
    });
    expect(halt.body.results[1]).toEqual({ statusCode: 412, result: [{ errorCode: 'BATCH_PROCESSING_HALTED', message: 'Batch processing halted per request' }] });
  });
});

describe('composite sub-requests to the introspection resources', () => {
  it('answer describe/layouts, compactLayouts, tabs, theme and query?explain= as the standalone GETs do', async () => {
    const soql = 'SELECT Id FROM Account WHERE Name = \'x\'';
    const urls = [
      '/services/data/v59.0/sobjects/Account/describe/layouts',
      '/services/data/v59.0/sobjects/Account/describe/compactLayouts',
      '/services/data/v59.0/tabs',
      '/services/data/v59.0/theme',
      `/services/data/v59.0/query?explain=${encodeURIComponent(soql)}`,
    ];
    const r = await h.call('POST', '/composite', { compositeRequest: urls.map((url, i) => ({ method: 'GET', url, referenceId: `r${i}` })) });
    expect(r.status).toBe(200);
    for (const [i, url] of urls.entries()) {
      const sub = r.body.compositeResponse[i];
      expect(sub.httpStatusCode, url).toBe(200);
      const alone = await h.call('GET', url.replace('/services/data/v59.0', ''));
      expect(alone.status, url).toBe(200);
      expect(sub.body, url).toEqual(alone.body);
    }
    expect(r.body.compositeResponse[4].body.plans.length).toBeGreaterThan(0);
    // A write method on a read-only resource is refused as the standalone resource refuses it.
    const bad = await h.call('POST', '/composite', { compositeRequest: [{ method: 'DELETE', url: '/services/data/v59.0/tabs', referenceId: 't' }] });
    expect(bad.body.compositeResponse[0].httpStatusCode).toBe(405);
  });
});
