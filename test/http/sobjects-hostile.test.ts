/**
 * Hostile and malformed input to the sObject and composite resources: every answer is a Salesforce
 * error array (or a per-item error), never a 500, and nothing is half-written.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeHarness, type Harness } from './sobjects-harness.ts';

let h: Harness;
let acc: string;
beforeAll(async () => {
  h = await makeHarness({ accounts: 2 });
  acc = (h.org.db.prepare('SELECT "Id" FROM "Account" LIMIT 1').get() as { Id: string }).Id;
});
afterAll(async () => h.close());

const weirdValues: unknown[] = [null, true, false, 0, -1, 1.5, 1e308, -1e308, '', ' ', 'x'.repeat(100_000), '\u0000', '😀'.repeat(50), "'; DROP TABLE \"Account\"; --", [], [1, 2], {}, { a: { b: { c: 1 } } }, '2024-02-30', '9999-99-99T99:99:99Z', 'NaN', '1e999', '001', '001Mf0000000001'];

const requests: [string, string, unknown][] = [
  ['POST', '/sobjects/Account', 'null'],
  ['POST', '/sobjects/Account', '[]'],
  ['POST', '/sobjects/Account', '"string"'],
  ['POST', '/sobjects/Account', '42'],
  ['POST', '/sobjects/Account', '{"LastName":"x"'],
  ['POST', '/sobjects/Account', '{"__proto__":{"LastName":"x"}}'],
  ['POST', '/sobjects/Account', '{"constructor":1,"LastName":"x"}'],
  ['POST', '/sobjects/Account', { LastName: 'x', attributes: 'not an object' }],
  ['POST', '/sobjects/%00', { LastName: 'x' }],
  ['POST', '/sobjects/Account%20OR%201=1', { LastName: 'x' }],
  ['GET', '/sobjects/Account/%27%20OR%201=1', undefined],
  ['GET', `/sobjects/Account/ACC?fields=${encodeURIComponent("Id,(SELECT Id FROM Contacts)")}`, undefined],
  ['GET', `/sobjects/Account/ACC?fields=${'Name,'.repeat(5000)}`, undefined],
  ['PATCH', '/sobjects/Account/ACC', '[{"LastName":"x"}]'],
  ['PATCH', '/sobjects/Account/ACC', { Id: 'somethingelse', LastName: 'y' }],
  ['PATCH', '/sobjects/Product2/External_ID__c/%E2%80%8B', '"x"'],
  ['PATCH', `/sobjects/Product2/External_ID__c/${'v'.repeat(3000)}`, { Name: 'long key' }],
  ['PATCH', '/sobjects/Product2/Id/notanid', { Name: 'x' }],
  ['DELETE', '/sobjects/Account/000000000000000', undefined],
  ['GET', '/sobjects/Account/updated/?start=yesterday&end=today', undefined],
  ['GET', '/sobjects/Account/deleted/?start=2024-06-01T13:00:00Z&end=2024-06-01T11:00:00Z', undefined],
  ['POST', '/composite', '[]'],
  ['POST', '/composite', { compositeRequest: 'x' }],
  ['POST', '/composite', { compositeRequest: [null] }],
  ['POST', '/composite', { compositeRequest: [{ method: 'GET', url: 'http://evil.example/x', referenceId: 'a' }] }],
  ['POST', '/composite', { compositeRequest: [{ method: 'TRACE', url: '/services/data/v59.0/sobjects', referenceId: 'a' }] }],
  ['POST', '/composite', { compositeRequest: [{ method: 'POST', url: '/services/data/v59.0/sobjects/Account', referenceId: 'a', body: { LastName: '@{missing.id}' } }] }],
  ['POST', '/composite', { compositeRequest: [{ method: 'POST', url: '/services/data/v59.0/composite', referenceId: 'a', body: {} }] }],
  ['POST', '/composite/batch', { batchRequests: [{ method: 'POST', url: '/services/oauth2/revoke', richInput: { token: 'x' } }] }],
  ['POST', '/composite/batch', { batchRequests: [{ method: 'POST', url: 'v59.0/composite/batch', richInput: { batchRequests: [] } }] }],
  ['POST', '/composite/batch', { batchRequests: 'nope' }],
  ['POST', '/composite', `{"compositeRequest":[{"method":"POST","url":"/services/data/v59.0/sobjects/Account","referenceId":"a","body":${'{"x":'.repeat(5000)}1${'}'.repeat(5000)}}]}`],
  ['POST', '/sobjects/Account', `{"LastName":${'['.repeat(5000)}${']'.repeat(5000)}}`],
  ['POST', '/composite/tree/Account', { records: [{ attributes: { type: 'Contact', referenceId: 'x' }, LastName: 'y' }] }],
  ['POST', '/composite/tree/Account', { records: [{ LastName: 'y' }] }],
  ['POST', '/composite/tree/Account', { records: 'x' }],
  ['POST', '/composite/sobjects', { records: [null, 1, 'x', [], { attributes: { type: 'Nope' } }, { LastName: 'no type' }] }],
  ['PATCH', '/composite/sobjects', { records: [{ attributes: { type: 'Account' }, id: ['a'] }] }],
  ['DELETE', '/composite/sobjects?ids=', undefined],
  ['DELETE', '/composite/sobjects?ids=x,y,z', undefined],
  ['GET', '/composite/sobjects/Account?ids=ACC', undefined],
  ['POST', '/composite/sobjects/Account', { ids: 'ACC', fields: 5 }],
  ['PATCH', '/composite/sobjects/Product2/Name', { records: [{ attributes: { type: 'Product2' } }] }],
];

it.each(requests.map((r, i) => [i, ...r] as const))('#%i %s %s answers a Salesforce error, not a 500', async (_i, method, path, body) => {
  const r = await h.call(method, path.replaceAll('ACC', acc), body);
  expect(r.status).toBeLessThan(500);
  if (r.status >= 400) {
    const errors = Array.isArray(r.body) ? r.body : r.body?.results?.flatMap((x: any) => x.errors ?? []);
    expect(errors?.length, r.text).toBeGreaterThan(0);
    for (const e of errors) expect(typeof (e.errorCode ?? e.statusCode)).toBe('string');
  }
  const flat = JSON.stringify(r.body ?? '');
  expect(flat).not.toMatch(/UNKNOWN_EXCEPTION|FST_ERR/);
});

it('weird values in every field of a create never 500 and never half-write', async () => {
  const objects = ['Account', 'Case', 'Order', 'Product2', 'EmailMessage', 'Knowledge__kav', 'User'];
  const before = (h.org.db.prepare(`SELECT COUNT(*) AS n FROM "Account"`).get() as { n: number }).n;
  let created = 0;
  for (const type of objects) {
    const d = (await h.call('GET', `/sobjects/${type}/describe`)).body;
    for (const f of d.fields) {
      for (const v of weirdValues) {
        const r = await h.call('POST', `/sobjects/${type}`, { [f.name]: v });
        expect(r.status, `${type}.${f.name} = ${JSON.stringify(v)?.slice(0, 40)}: ${r.text.slice(0, 200)}`).toBeLessThan(500);
        if (type === 'Account' && r.status === 201) created++;
      }
    }
  }
  const stray = h.org.db.prepare(`SELECT COUNT(*) AS n FROM "Account"`).get() as { n: number };
  expect(stray.n).toBe(before + created);
}, 120_000);
