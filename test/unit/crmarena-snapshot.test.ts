import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openAnyOrg, type Org } from '../../src/org/index.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/crmarena-snapshot/crmarena_data.db', import.meta.url));

describe('CRMArena official snapshot format', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mf-snap-'));
  const file = join(dir, 'crmarena_data.db');
  copyFileSync(FIXTURE, file);
  const before = createHash('sha256').update(readFileSync(file)).digest('hex');
  const org: Org = openAnyOrg(file);
  afterAll(() => org.close());

  it('imports every table, keeping the official Ids', () => {
    const count = (t: string) => (org.db.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n;
    // +1 User: the API user logins authenticate as.
    expect(count('User')).toBe(3);
    expect(count('Case')).toBe(2);
    expect(count('CaseHistory__c')).toBe(4);
    expect(count('OrderItem')).toBe(2);
    expect(org.store.get('Case', '500Ws00000Ef56GIAR')).toBeDefined();
  });

  it('gives the snapshot a DE org\'s profiles and every user a profile; new standard columns are null', () => {
    const rows = org.db.prepare('SELECT u."Username", p."Name" AS profile FROM "User" u LEFT JOIN "Profile" p ON p."Id" = u."ProfileId"').all() as { Username: string; profile: string | null }[];
    expect(rows.every((r) => r.profile !== null)).toBe(true);
    expect(rows.filter((r) => r.profile === 'System Administrator')).toHaveLength(1);
    const c = org.db.prepare('SELECT "Industry", "BillingCity" FROM "Account" LIMIT 1').get() as Record<string, unknown> | undefined;
    if (c) expect(c).toEqual({ Industry: null, BillingCity: null });
    expect((org.db.prepare('SELECT COUNT(*) AS n FROM "Opportunity"').get() as { n: number }).n).toBe(0);
  });

  it('converts the snapshot quirks to Salesforce values', () => {
    const item = org.store.get('OrderItem', '802Ws00000Cd34FIAR')!;
    expect(item.PricebookEntryId).toBe('01uWs00000A1b2DIAR'); // from the `PriceBookEntryId` column
    expect(item.Quantity).toBe(2); // TEXT '2.0' -> number
    expect(item.UnitPrice).toBe(89.5);
    expect(item.TotalPrice).toBe(179);
    expect(org.store.get('User', '005Ws000001xaq5IAA')!.Phone).toBe('5035550101'); // REAL -> text
    const c = org.store.get('Case', '500Ws00000Ef56GIAR')!;
    expect(c.CreatedDate).toBe('2023-03-20T15:04:05.000Z'); // '+0000' -> stored UTC form
    expect(c.ClosedDate).toBe('2023-03-22T09:30:00.000Z');
    expect(c.IsClosed).toBe(1);
    expect(c.CaseNumber).toMatch(/^\d{8}$/);
    const open = org.store.get('Case', '500Ws00000Ef56HIAR')!;
    expect(open.IsClosed).toBe(0);
    expect(open.ClosedDate).toBeNull();
    const kav = org.store.get('Knowledge__kav', 'ka0Ws000000QsA1IAK')!;
    expect(kav).toMatchObject({ PublishStatus: 'Online', Language: 'en_US', IsLatestVersion: 1 });
    expect(org.store.get('Account', '001Ws00003Gh7kLIAR')!.Name).toBe('Priya Raman');
    expect(org.store.get('Order', '801Ws00000Ab12CIAR')!.CreatedDate).toBe('2023-03-14T00:00:00.000Z');
  });

  it('has a login identity and accepts writes without touching the snapshot file', () => {
    const id = org.loginIdentity()!;
    expect(id.username).toBeTruthy();
    const acc = org.store.insert('Account', { LastName: 'New' });
    expect(org.store.get('Account', acc)!.OwnerId).toBe(id.userId);
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before);
  });

  it('refuses files that are neither an org nor a snapshot', () => {
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'not sqlite at all, just text');
    expect(() => openAnyOrg(junk)).toThrow(/not a SQLite database|neither/);
    expect(() => openAnyOrg(join(dir, 'missing.db'))).toThrow(/no org file/);
  });
});
