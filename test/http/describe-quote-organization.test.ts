/**
 * Two #11 leftovers over HTTP: Quote's four compound addresses (Bill To, Ship To, Quote To, Additional
 * To; Field Reference, Quote) described and queried as Account's are, and writes to Organization
 * refused as a real org refuses a non-createable/updateable object (CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY
 * naming the label) instead of answering NOT_FOUND.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './test-org.ts';

let t: TestApp;
const V = '/services/data/v59.0';

beforeAll(async () => {
  t = await startTestApp({ accounts: 0 });
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, payload?: unknown) =>
  t.app.inject({ method, url: V + path, headers: t.auth, ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}) });
const query = async (soql: string) => (await call('GET', `/query?q=${encodeURIComponent(soql)}`)).json();

describe('Quote compound addresses', () => {
  const PREFIXES = ['Billing', 'Shipping', 'QuoteTo', 'Additional'];

  it('describes BillingAddress, ShippingAddress, QuoteToAddress and AdditionalAddress with their components', async () => {
    const d = (await call('GET', '/sobjects/Quote/describe')).json();
    const f = (n: string) => d.fields.find((x: { name: string }) => x.name === n);
    for (const p of PREFIXES) {
      expect(f(`${p}Address`), p).toMatchObject({ type: 'address', soapType: 'urn:address', createable: false, updateable: false, filterable: false, compoundFieldName: null });
      for (const c of ['Street', 'City', 'State', 'PostalCode', 'Country', 'Latitude', 'Longitude', 'GeocodeAccuracy']) {
        expect(f(`${p}${c}`)?.compoundFieldName, `${p}${c}`).toBe(`${p}Address`);
      }
      expect(f(`${p}Name`)).toMatchObject({ type: 'string', length: 255, compoundFieldName: null });
    }
    expect(f('QuoteToCity')).toMatchObject({ length: 40, createable: true, updateable: true });
    expect(f('AdditionalStreet')).toMatchObject({ type: 'textarea', length: 255 });
  });

  it('writes the components and reads each compound back structured, null when empty', async () => {
    const acc = (await call('POST', '/sobjects/Account', { Name: 'Quote Co' })).json().id;
    const opp = (await call('POST', '/sobjects/Opportunity', { Name: 'Q deal', StageName: 'Prospecting', CloseDate: '2024-08-01', AccountId: acc })).json().id;
    const r = await call('POST', '/sobjects/Quote', {
      Name: 'Q1', OpportunityId: opp, QuoteToName: 'Ann', QuoteToStreet: '1 Main St', QuoteToCity: 'Lyon', QuoteToCountry: 'France',
      AdditionalCity: 'Nice', BillingCity: 'Paris', BillingLatitude: 48.85,
    });
    expect(r.statusCode, r.body).toBe(201);
    const id = r.json().id;
    const [q] = (await query(`SELECT BillingAddress, ShippingAddress, QuoteToAddress, AdditionalAddress, QuoteToName FROM Quote WHERE Id = '${id}'`)).records;
    expect(q.QuoteToAddress).toEqual({ city: 'Lyon', country: 'France', geocodeAccuracy: null, latitude: null, longitude: null, postalCode: null, state: null, street: '1 Main St' });
    expect(q.BillingAddress).toMatchObject({ city: 'Paris', latitude: 48.85 });
    expect(q.AdditionalAddress).toMatchObject({ city: 'Nice', street: null });
    expect(q.ShippingAddress).toBeNull();
    expect(q.QuoteToName).toBe('Ann');
    expect((await call('GET', `/sobjects/Quote/${id}`)).json().QuoteToAddress.city).toBe('Lyon');
    // The compound itself is read-only and not filterable, as on Account.
    const bad = await call('PATCH', `/sobjects/Quote/${id}`, { QuoteToAddress: { city: 'Rome' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()[0].errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    const filter = await call('GET', `/query?q=${encodeURIComponent("SELECT Id FROM Quote WHERE AdditionalAddress = null")}`);
    expect(filter.json()[0].errorCode).toBe('INVALID_FIELD');
  });
});

describe('writes to Organization', () => {
  it('are refused with CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY (insert, update) and INVALID_TYPE_FOR_OPERATION (delete)', async () => {
    const orgId = (await query('SELECT Id FROM Organization')).records[0].Id as string;
    const ins = await call('POST', '/sobjects/Organization', { Name: 'Other' });
    expect([ins.statusCode, ins.json()]).toEqual([400, [{ message: 'entity type cannot be inserted: Organization', errorCode: 'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY', fields: [] }]]);
    const upd = await call('PATCH', `/sobjects/Organization/${orgId}`, { Name: 'Renamed' });
    expect([upd.statusCode, upd.json()]).toEqual([400, [{ message: 'entity type cannot be updated: Organization', errorCode: 'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY', fields: [] }]]);
    const del = await call('DELETE', `/sobjects/Organization/${orgId}`);
    expect([del.statusCode, del.json()[0].errorCode]).toEqual([400, 'INVALID_TYPE_FOR_OPERATION']);
    // Nothing changed; an unknown type is still NOT_FOUND.
    expect((await query('SELECT Name FROM Organization')).records[0].Name).not.toBe('Renamed');
    expect((await call('POST', '/sobjects/Bogus__c', { Name: 'x' })).statusCode).toBe(404);
  });
});
