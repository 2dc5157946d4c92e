import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { startTestApp, type TestApp } from './test-org.ts';

// Address compound fields (API Guide, "Address Compound Fields"; Object Reference, "Compound Field
// Considerations and Limitations"): described, queryable as one object, read-only, not filterable.
let t: TestApp;
let app: FastifyInstance;
let h: { authorization: string };
const V = '/services/data/v59.0';

beforeAll(async () => {
  t = await startTestApp({ accounts: 3 });
  ({ app } = t);
  h = t.auth;
});
afterAll(() => t.close());

const get = (url: string) => app.inject({ url, headers: h });
const query = (soql: string) => get(`${V}/query?q=${encodeURIComponent(soql)}`);
const post = (url: string, payload: unknown) => app.inject({ method: 'POST', url, headers: { ...h, 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
const patch = (url: string, payload: unknown) => app.inject({ method: 'PATCH', url, headers: { ...h, 'content-type': 'application/json' }, payload: JSON.stringify(payload) });

describe('address compound fields', () => {
  it('describe lists the compound and names it on each component', async () => {
    const d = (await get(`${V}/sobjects/Account/describe`)).json();
    const f = (n: string) => d.fields.find((x: { name: string }) => x.name === n);
    expect(f('BillingAddress')).toMatchObject({ type: 'address', soapType: 'urn:address', filterable: false, groupable: false, sortable: false, createable: false, updateable: false, nillable: true, compoundFieldName: null });
    for (const c of ['BillingStreet', 'BillingCity', 'BillingState', 'BillingPostalCode', 'BillingCountry', 'BillingLatitude', 'BillingLongitude', 'BillingGeocodeAccuracy']) {
      expect(f(c).compoundFieldName).toBe('BillingAddress');
    }
    expect(f('ShippingCity').compoundFieldName).toBe('ShippingAddress');
    const contact = (await get(`${V}/sobjects/Contact/describe`)).json();
    expect(contact.fields.filter((x: { type: string }) => x.type === 'address').map((x: { name: string }) => x.name).sort()).toEqual(['MailingAddress', 'OtherAddress']);
    const lead = (await get(`${V}/sobjects/Lead/describe`)).json();
    expect(lead.fields.find((x: { name: string }) => x.name === 'City').compoundFieldName).toBe('Address');
  });

  it('SELECT returns the structured value, or null when every component is null', async () => {
    const full = (await post(`${V}/sobjects/Account`, { Name: 'Compound Full', BillingStreet: '1 Main St', BillingCity: 'Springfield', BillingState: 'IL', BillingPostalCode: '62701', BillingCountry: 'USA', BillingLatitude: 39.78, BillingLongitude: -89.65 })).json();
    const empty = (await post(`${V}/sobjects/Account`, { Name: 'Compound Empty' })).json();
    const r = await query(`SELECT Id, BillingAddress, ShippingAddress FROM Account WHERE Id IN ('${full.id}', '${empty.id}') ORDER BY Name DESC`);
    expect(r.statusCode).toBe(200);
    const [a, b] = r.json().records;
    expect(a.BillingAddress).toEqual({ city: 'Springfield', country: 'USA', geocodeAccuracy: null, latitude: 39.78, longitude: -89.65, postalCode: '62701', state: 'IL', street: '1 Main St' });
    expect(Object.keys(a.BillingAddress)).toEqual(['city', 'country', 'geocodeAccuracy', 'latitude', 'longitude', 'postalCode', 'state', 'street']);
    expect(a.ShippingAddress).toBeNull();
    expect(b.BillingAddress).toBeNull();
    // Through a parent relationship, and in a record GET.
    const c = (await post(`${V}/sobjects/Contact`, { LastName: 'Compound', AccountId: full.id, MailingCity: 'Paris' })).json();
    const rc = (await query(`SELECT MailingAddress, Account.BillingAddress FROM Contact WHERE Id = '${c.id}'`)).json().records[0];
    expect(rc.MailingAddress.city).toBe('Paris');
    expect(rc.Account.BillingAddress.street).toBe('1 Main St');
    expect((await get(`${V}/sobjects/Account/${full.id}`)).json().BillingAddress.city).toBe('Springfield');
    // FIELDS(ALL) includes the compound.
    const all = (await query(`SELECT FIELDS(ALL) FROM Account WHERE Id = '${full.id}'`)).json().records[0];
    expect(all.BillingAddress.state).toBe('IL');
  });

  it('refuses WHERE, ORDER BY and GROUP BY on the compound', async () => {
    const w = await query(`SELECT Id FROM Account WHERE BillingAddress = null`);
    expect(w.statusCode).toBe(400);
    expect(w.json()[0].errorCode).toBe('INVALID_FIELD');
    expect(w.json()[0].message).toContain("field 'BillingAddress' can not be filtered in a query call");
    const o = await query(`SELECT Id FROM Account ORDER BY BillingAddress`);
    expect(o.statusCode).toBe(400);
    expect(o.json()[0].errorCode).toBe('INVALID_FIELD');
    const g = await query(`SELECT BillingAddress FROM Account GROUP BY BillingAddress`);
    expect(g.statusCode).toBe(400);
    expect(g.json()[0].errorCode).toBe('INVALID_FIELD');
  });

  it('refuses writes to the compound', async () => {
    const c = await post(`${V}/sobjects/Account`, { Name: 'X', BillingAddress: { city: 'Nope' } });
    expect(c.statusCode).toBe(400);
    expect(c.json()[0].errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    const id = (await post(`${V}/sobjects/Account`, { Name: 'Y' })).json().id;
    const u = await patch(`${V}/sobjects/Account/${id}`, { BillingAddress: null });
    expect(u.statusCode).toBe(400);
    expect(u.json()[0].errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
  });
});
