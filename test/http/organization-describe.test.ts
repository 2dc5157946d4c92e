/**
 * Organization over REST as a real org serves it: listed by describeGlobal (queryable, read-only, key
 * prefix 00D), described, its one record retrievable by the org's Id, and still the SOQL view the sf
 * CLI queries after login.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from './sobjects-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
});
afterAll(async () => h.close());

describe('Organization', () => {
  it('is in describeGlobal as a queryable, read-only object with key prefix 00D', async () => {
    const r = await h.call('GET', '/sobjects');
    const org = r.body.sobjects.find((s: any) => s.name === 'Organization');
    expect(org).toMatchObject({ keyPrefix: '00D', queryable: true, createable: false, updateable: false, deletable: false, custom: false });
  });

  it('describes and gives basic info', async () => {
    const d = await h.call('GET', '/sobjects/Organization/describe');
    expect(d.status).toBe(200);
    expect(d.body.name).toBe('Organization');
    expect(d.body.fields.map((f: any) => f.name)).toEqual(expect.arrayContaining(['Id', 'Name', 'InstanceName', 'IsSandbox', 'OrganizationType']));
    const b = await h.call('GET', '/sobjects/organization');
    expect(b.status).toBe(200);
    expect(b.body.objectDescribe).toMatchObject({ name: 'Organization', keyPrefix: '00D' });
  });

  it('retrieves the org row by its Id, the same row SOQL returns', async () => {
    const q = await h.call('GET', `/query?q=${encodeURIComponent('SELECT Id, Name, IsSandbox FROM Organization')}`);
    expect(q.status).toBe(200);
    const id = q.body.records[0].Id as string;
    expect(id.slice(0, 3)).toBe('00D');
    const r = await h.call('GET', `/sobjects/Organization/${id}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ attributes: { type: 'Organization' }, Id: id, Name: q.body.records[0].Name, IsSandbox: false, OrganizationType: 'Developer Edition' });
    const some = await h.call('GET', `/sobjects/Organization/${id}?fields=Name`);
    expect(Object.keys(some.body).sort()).toEqual(['Name', 'attributes']);
    expect((await h.call('GET', `/sobjects/Organization/00D000000000001`)).status).toBe(404);
    expect((await h.call('GET', `/sobjects/Organization/001000000000001AAA`)).body[0].errorCode).toBe('MALFORMED_ID');
  });
});
