import { afterEach, describe, expect, it } from 'vitest';
import { Org } from '../../src/org/index.ts';

const orgs: Org[] = [];
const fresh = () => {
  const org = Org.create(':memory:', { now: '2024-06-01T12:00:00.000Z' });
  orgs.push(org);
  return org;
};
afterEach(() => orgs.splice(0).forEach((o) => o.close()));

describe('Org and RecordStore', () => {
  it('creates every schema table and mints sequential, checksum-valid Ids', () => {
    const org = fresh();
    const u = org.store.insert('User', { LastName: 'Admin', FirstName: 'Ada', Username: 'a@x', Alias: 'ada', Email: 'a@x', LanguageLocaleKey: 'en_US', EmailEncodingKey: 'UTF-8', TimeZoneSidKey: 'GMT', LocaleSidKey: 'en_US' });
    org.store.defaultUserId = u;
    const a1 = org.store.insert('Account', { LastName: 'One' });
    const a2 = org.store.insert('Account', { FirstName: 'Two', LastName: 'Two' });
    expect(a1).toMatch(/^001Mf0{9}1[A-Z0-5]{3}$/);
    expect(a2).toMatch(/^001Mf0{9}2[A-Z0-5]{3}$/);
    const row = org.store.get('Account', a2)!;
    expect(row.Name).toBe('Two Two');
    expect(row.CreatedDate).toBe('2024-06-01T12:00:00.000Z');
    expect(row.OwnerId).toBe(u);
    expect(row.IsDeleted).toBe(0);
    expect(org.store.get('User', u)!.Name).toBe('Ada Admin');
  });

  it('derives Case.IsClosed/ClosedDate, autonumbers and OrderItem.TotalPrice', () => {
    const org = fresh();
    const c = org.store.insert('Case', { Subject: 's', Status: 'New' });
    expect(org.store.get('Case', c)).toMatchObject({ CaseNumber: '00000001', IsClosed: 0, ClosedDate: null, Priority: 'Medium' });
    org.clock.advance(60_000);
    org.store.update('Case', c, { Status: 'Closed' });
    expect(org.store.get('Case', c)).toMatchObject({ IsClosed: 1, ClosedDate: '2024-06-01T12:01:00.000Z', LastModifiedDate: '2024-06-01T12:01:00.000Z' });
    const c2 = org.store.insert('Case', { Subject: 't' });
    expect(org.store.get('Case', c2)!.CaseNumber).toBe('00000002');
    const oi = org.store.insert('OrderItem', { Quantity: 3, UnitPrice: 19.99 });
    expect(org.store.get('OrderItem', oi)!.TotalPrice).toBe(59.97);
  });

  it('soft-deletes so the row survives for queryAll', () => {
    const org = fresh();
    const a = org.store.insert('Account', { LastName: 'Gone' });
    expect(org.store.softDelete('Account', a)).toBe(true);
    expect(org.store.get('Account', a)).toBeUndefined();
    expect(org.store.get('Account', a, true)!.IsDeleted).toBe(1);
    expect(org.store.softDelete('Account', a)).toBe(false);
  });

  it('clones into an independent in-memory org', () => {
    const org = fresh();
    const a = org.store.insert('Account', { LastName: 'Orig' });
    const copy = org.clone();
    orgs.push(copy);
    copy.store.update('Account', a, { LastName: 'Changed' });
    copy.store.insert('Account', { LastName: 'New' });
    expect(org.store.get('Account', a)!.LastName).toBe('Orig');
    expect(copy.store.get('Account', a)!.LastName).toBe('Changed');
    expect(copy.organizationId).toBe(org.organizationId);
  });

  it('rolls back a failed transaction, Ids included', () => {
    const org = fresh();
    expect(() =>
      org.store.transaction(() => {
        org.store.insert('Account', { LastName: 'A' });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    const id = org.store.insert('Account', { LastName: 'B' });
    expect(id.slice(0, 15)).toBe('001Mf0000000001');
  });
});
