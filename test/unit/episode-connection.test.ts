/**
 * The writing episode's connection (src/org/episode-connection.ts) at the SQL level: whatever path a
 * write takes (a statement prepared before the copy existed, exec, DDL such as a metadata deploy's
 * ALTER TABLE), it lands in the episode's copy of that table and never in the shared snapshot; a DROP
 * of a table the episode never copied is refused.
 */
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { EpisodeConnection } from '../../src/org/episode-connection.ts';
import { acquireSnapshot, dropSnapshots, releaseSnapshot } from '../../src/org/episode-snapshot.ts';
import { makeTestOrg } from '../http/test-org.ts';

const base = makeTestOrg({ accounts: 5 });
const snap = acquireSnapshot(base);
afterAll(() => {
  releaseSnapshot(base, snap);
  dropSnapshots(base);
  base.close();
});

/** The snapshot file as another connection reads it. */
function snapshotRows(sql: string): unknown[] {
  const db = new Database(snap.file, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

describe('episode connection', () => {
  it('statements prepared before a table was copied read and write the copy afterwards', () => {
    const c = new EpisodeConnection(snap, { now: base.clock.nowIso() });
    const read = c.db.prepare(`SELECT "LastName" FROM "Account" WHERE "LastName" = ?`).pluck();
    const write = c.db.prepare(`UPDATE "Account" SET "LastName" = ? WHERE "LastName" = ?`);
    expect(read.get('Last0001')).toBe('Last0001');
    // Preparing a write copies nothing yet; running it does.
    expect(c.copiedTables()).toEqual([]);
    write.run('Changed', 'Last0001');
    expect(c.copiedTables()).toEqual(['Account']);
    expect(read.get('Changed')).toBe('Changed');
    expect(read.get('Last0001')).toBeUndefined();
    // exec of DML copies first too.
    c.db.exec(`UPDATE "Contact" SET "LastName" = 'x' WHERE 0`);
    expect(c.copiedTables().sort()).toEqual(['Account', 'Contact']);
    expect(snapshotRows(`SELECT "LastName" FROM "Account" WHERE "LastName" IN ('Changed', 'Last0001')`)).toEqual([{ LastName: 'Last0001' }]);
    c.close();
  });

  it('DDL copies the table it alters; dropping an uncopied table is refused', () => {
    const c = new EpisodeConnection(snap, { now: base.clock.nowIso() });
    c.db.exec(`ALTER TABLE "Account" ADD COLUMN "Extra__c" TEXT`);
    expect(c.copiedTables()).toEqual(['Account']);
    expect(c.db.prepare(`SELECT COUNT(*) FROM "Account"`).pluck().get()).toBe(5);
    expect(() => c.db.exec(`DROP TABLE "Lead"`)).toThrow(/cannot change the schema of its base/);
    expect(() => c.db.prepare(`DROP TABLE "Lead"`).run()).toThrow(/cannot change the schema of its base/);
    expect(snapshotRows(`SELECT name FROM pragma_table_info('Account') WHERE name = 'Extra__c'`)).toEqual([]);
    expect(snapshotRows(`SELECT name FROM sqlite_master WHERE name = 'Lead'`)).toHaveLength(1);
    c.close();
  });

  it('charges each table copy to the budget before making it', () => {
    const charged: number[] = [];
    const c = new EpisodeConnection(snap, {
      now: base.clock.nowIso(),
      budget: (bytes) => {
        charged.push(bytes);
        if (charged.length > 1) throw new Error('over budget');
      },
    });
    c.org.store.insert('Account', { LastName: 'Within' });
    expect(charged[0]).toBe(snap.tableBytes.get('Account'));
    expect(() => c.org.store.insert('Contact', { LastName: 'Beyond' })).toThrow(/over budget/);
    expect(c.copiedTables()).toEqual(['Account']);
    c.close();
  });
});
