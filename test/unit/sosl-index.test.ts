/**
 * The FTS5 indexes behind SOSL: built lazily on the first search, kept in sync with every write by
 * triggers (insert, update, soft delete, undelete, hard delete, INSERT OR REPLACE), carried by clones,
 * and available on read-only orgs.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Org } from '../../src/org/index.ts';
import { openAnyOrg } from '../../src/org/open.ts';
import { search } from '../../src/sosl/index.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const hits = (org: Org, sosl: string): string[] => search(org, sosl, {}).searchRecords.map((r) => r.Id as string);

describe('SOSL index lifecycle', () => {
  it('is created on the first search, over records written before it', () => {
    const org = Org.create(':memory:');
    const id = org.store.insert('Product2', { Name: 'Glacier Boots', Description: 'insulated' });
    const before = org.db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name LIKE '\\_sosl\\_%' ESCAPE '\\'`).get() as { n: number };
    expect(before.n).toBe(0);
    expect(hits(org, 'FIND {glacier} RETURNING Product2')).toEqual([id]);
    const after = org.db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name LIKE '\\_sosl\\_%' ESCAPE '\\'`).get() as { n: number };
    expect(after.n).toBeGreaterThan(0);
    expect(org.meta('sosl_index_version')).toBeDefined();
  });

  it('follows store writes: insert, update, soft delete, undelete, hard delete', () => {
    const org = Org.create(':memory:');
    expect(hits(org, 'FIND {glacier} RETURNING Product2')).toEqual([]);
    const id = org.store.insert('Product2', { Name: 'Glacier Boots', Description: 'insulated' });
    expect(hits(org, 'FIND {glacier} RETURNING Product2')).toEqual([id]);
    org.store.update('Product2', id, { Name: 'Tundra Boots' });
    expect(hits(org, 'FIND {glacier} RETURNING Product2')).toEqual([]);
    expect(hits(org, 'FIND {tundra} RETURNING Product2')).toEqual([id]);
    expect(hits(org, 'FIND {insulated} RETURNING Product2')).toEqual([id]);
    org.store.softDelete('Product2', id);
    expect(hits(org, 'FIND {tundra} RETURNING Product2')).toEqual([]);
    org.db.prepare(`UPDATE "Product2" SET "IsDeleted" = 0 WHERE "Id" = ?`).run(id); // undelete
    expect(hits(org, 'FIND {tundra} RETURNING Product2')).toEqual([id]);
    org.store.hardDelete('Product2', id);
    expect(hits(org, 'FIND {tundra} RETURNING Product2')).toEqual([]);
  });

  it('survives INSERT OR REPLACE (whose implicit delete fires no trigger)', () => {
    const org = Org.create(':memory:');
    const id = org.store.insert('Product2', { Name: 'Alpha Tent' });
    expect(hits(org, 'FIND {alpha} RETURNING Product2')).toEqual([id]);
    org.db.prepare(`INSERT OR REPLACE INTO "Product2" ("Id", "Name", "IsDeleted") VALUES (?, 'Beta Tent', 0)`).run(id);
    expect(hits(org, 'FIND {beta} RETURNING Product2')).toEqual([id]);
    expect(hits(org, 'FIND {alpha} RETURNING Product2')).toEqual([]);
    const id2 = org.store.insert('Product2', { Name: 'Gamma Tent' });
    expect(hits(org, 'FIND {tent} RETURNING Product2(Id ORDER BY Name)')).toEqual([id, id2]);
  });

  it('clones carry the index, and writes to a clone stay in the clone', () => {
    const org = Org.create(':memory:');
    const id = org.store.insert('Account', { FirstName: 'Ulla', LastName: 'Original' });
    expect(hits(org, 'FIND {ulla}')).toEqual([id]);
    const copy = org.clone();
    expect(hits(copy, 'FIND {ulla}')).toEqual([id]);
    const id2 = copy.store.insert('Account', { FirstName: 'Ulla', LastName: 'Copy' });
    expect(hits(copy, 'FIND {ulla} RETURNING Account(Id ORDER BY LastName)')).toEqual([id2, id]);
    expect(hits(org, 'FIND {ulla}')).toEqual([id]);
  });

  it('works on a file org reopened read-only (index in the temp schema) and on a writable reopen', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sosl-'));
    dirs.push(dir);
    const file = join(dir, 'org.db');
    const org = Org.create(file);
    const id = org.store.insert('Contact', { FirstName: 'Ines', LastName: 'Readonly', Email: 'ines@example.org' });
    org.close();
    const ro = Org.open(file, { readonly: true });
    expect(hits(ro, 'FIND {ines} RETURNING Contact')).toEqual([id]);
    ro.close();
    const rw = Org.open(file);
    expect(hits(rw, 'FIND {example.org} IN EMAIL FIELDS RETURNING Contact')).toEqual([id]);
    const id2 = rw.store.insert('Contact', { FirstName: 'Ines', LastName: 'Second' });
    rw.close();
    const again = Org.open(file);
    // Triggers live in the file: the write above was indexed though no search ran after it.
    expect(hits(again, 'FIND {ines} RETURNING Contact(Id ORDER BY LastName)')).toEqual([id, id2]);
    again.close();
  });

  it('rebuilds an index whose layout version is stale', () => {
    const org = Org.create(':memory:');
    const id = org.store.insert('Product2', { Name: 'Delta Stove' });
    expect(hits(org, 'FIND {delta} RETURNING Product2')).toEqual([id]);
    const copy = org.clone();
    copy.setMeta('sosl_index_version', 'old');
    copy.db.exec(`DELETE FROM "_sosl_Product2"`); // simulate an index that no longer matches
    // A new connection (no cached index state) sees the stale version and re-indexes.
    const reopened = Org.fromDatabase(new Database(copy.db.serialize()), ':memory:');
    expect(hits(reopened, 'FIND {delta} RETURNING Product2')).toEqual([id]);
  });

  it("searches CRMArena's official snapshot layout (fixtures/crmarena-snapshot)", () => {
    const org = openAnyOrg(join(import.meta.dirname, '..', '..', 'fixtures', 'crmarena-snapshot', 'crmarena_data.db'));
    const kav = search(org, "FIND {return policy} IN ALL FIELDS RETURNING Knowledge__kav(Id, Title, FAQ_Answer__c WHERE PublishStatus='Online' AND Language='en_US')", {}).searchRecords;
    expect(kav.map((r) => r.Title)).toContain('Return Policy for Purchased Items');
    const products = search(org, 'FIND {trail} IN ALL FIELDS RETURNING Product2(Id, Name, Description)', {}).searchRecords;
    expect(products.map((r) => r.Name)).toContain('Ridgeline Trail Runner');
    org.close();
  });
});

describe('SOSL index and transactions', () => {
  it('an index first built inside a rolled-back transaction is rebuilt by the next search', () => {
    const org = Org.create(':memory:');
    const id = org.store.insert('Product2', { Name: 'Epsilon Lantern' });
    expect(() =>
      org.store.transaction(() => {
        expect(hits(org, 'FIND {epsilon} RETURNING Product2')).toEqual([id]);
        throw new Error('roll back');
      }),
    ).toThrow('roll back');
    expect(hits(org, 'FIND {epsilon} RETURNING Product2')).toEqual([id]);
    org.store.update('Product2', id, { Name: 'Zeta Lantern' });
    expect(hits(org, 'FIND {zeta} RETURNING Product2')).toEqual([id]);
  });
});
