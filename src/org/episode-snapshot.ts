/**
 * The frozen image of a base org that writing episodes attach (src/org/episode-connection.ts): one
 * temporary file per base org and data version, shared by every episode that wrote while the base was
 * at that version. It has to be a file: better-sqlite3 is built without shared cache and without URI
 * filenames (`PRAGMA compile_options`: OMIT_SHARED_CACHE; `file:x?mode=memory` opens a file of that
 * name), so a file is the only database two connections of one process can both open. The operating
 * system's page cache then holds its pages once for all of them.
 *
 * The image carries the base's SOSL indexes (built into the snapshot when the base has none yet), so a
 * written episode searches objects it did not copy without indexing them itself.
 */
import Database from 'better-sqlite3';
import { readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureIndexes } from '../sosl/fts-index.ts';
import { dataVersion } from './data-version.ts';
import { q } from './ddl.ts';
import { Org } from './org.ts';

export interface Snapshot {
  readonly file: string;
  readonly version: string;
  /** Root page -> table name (indexes map to their table), to tell which tables a statement writes. */
  readonly rootTables: Map<number, string>;
  /** Bytes each table takes with its indexes: what an episode's copy of it will cost. */
  readonly tableBytes: Map<string, number>;
  /** Table name -> its DDL and that of its indexes, and its column list, for an episode's copy. */
  readonly tables: Map<string, { ddl: string[]; columns: string[]; rowid: boolean }>;
  refs: number;
}

const current = new WeakMap<Org, Snapshot>();
const live = new Set<Snapshot>();
let counter = 0;
const PREFIX = 'mockforce-episode-base-';

/** The snapshot of `base` at its current data version (made now if the base changed since the last). */
export function acquireSnapshot(base: Org): Snapshot {
  const version = dataVersion(base);
  const hit = current.get(base);
  if (hit && hit.version === version) {
    hit.refs += 1;
    return hit;
  }
  if (hit && hit.refs === 0) discard(hit);
  const snap = makeSnapshot(base);
  current.set(base, snap);
  live.add(snap);
  snap.refs = 1;
  return snap;
}

/** An episode no longer uses `snap`; an outdated one with no users left is deleted. */
export function releaseSnapshot(base: Org, snap: Snapshot): void {
  snap.refs -= 1;
  if (snap.refs <= 0 && current.get(base) !== snap) discard(snap);
}

/** Forget `base`'s current snapshot (the base is being dropped); its file goes once unused. */
export function dropSnapshots(base: Org): void {
  const snap = current.get(base);
  current.delete(base);
  if (snap && snap.refs <= 0) discard(snap);
}

function discard(snap: Snapshot): void {
  live.delete(snap);
  try {
    unlinkSync(snap.file);
  } catch {
    // already gone
  }
}

process.on('exit', () => {
  for (const s of live) discard(s);
});

function makeSnapshot(base: Org): Snapshot {
  if (counter === 0) removeStale();
  const file = join(tmpdir(), `${PREFIX}${process.pid}-${++counter}.db`);
  const image = base.db.serialize();
  // A WAL-mode file serializes with WAL version bytes (18-19 = 2) in its header: mark the image
  // rollback-journal (1), as Org.clone does, so it opens in memory and attaches without -wal/-shm.
  if (image[18] === 2 && image[19] === 2) {
    image[18] = 1;
    image[19] = 1;
  }
  // Prepared in memory (no journal, no fsync, nothing half-written on disk), then written once.
  const db = new Database(image);
  try {
    // SOSL indexes the base has not built yet are built here once, not in every episode that searches.
    ensureIndexes(Org.fromDatabase(db, ':memory:', base.clock.nowIso()));
    // Nothing writes the snapshot, so its triggers (SOSL index maintenance) would only cost every
    // connection that attaches it their parse: ~1 MB each at 30 searchable objects.
    for (const name of db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger'`).pluck().all() as string[]) db.exec(`DROP TRIGGER ${q(name)}`);
    const rootTables = new Map<number, string>();
    const tables = new Map<string, { ddl: string[]; columns: string[]; rowid: boolean }>();
    const rows = db.prepare(`SELECT type, name, tbl_name, rootpage, sql FROM sqlite_master ORDER BY type DESC, rowid`).all() as { type: string; name: string; tbl_name: string; rootpage: number; sql: string | null }[];
    for (const r of rows) {
      if (r.rootpage) rootTables.set(r.rootpage, r.tbl_name);
      if (r.type === 'table' && r.sql && !/^CREATE\s+VIRTUAL/i.test(r.sql) && !r.name.startsWith('sqlite_')) {
        const columns = db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(r.name) as string[];
        tables.set(r.name, { ddl: [qualify(r.sql)], columns, rowid: !/WITHOUT\s+ROWID\s*$/i.test(r.sql) });
      } else if (r.type === 'index' && r.sql) tables.get(r.tbl_name)?.ddl.push(qualify(r.sql));
    }
    const tableBytes = new Map<string, number>();
    for (const r of db.prepare(`SELECT m.tbl_name AS t, SUM(s.pgsize) AS b FROM dbstat s JOIN sqlite_master m ON m.name = s.name GROUP BY m.tbl_name`).all() as { t: string; b: number }[]) {
      tableBytes.set(r.t, r.b);
    }
    writeFileSync(file, db.serialize());
    return { file, version: dataVersion(base), rootTables, tableBytes, tables, refs: 0 };
  } finally {
    db.close();
  }
}

/**
 * Snapshot files of processes that are gone (killed, or test workers ended without an 'exit' event):
 * deleted when this process makes its first, so they cannot pile up in the temp directory.
 */
function removeStale(): void {
  let names: string[];
  try {
    names = readdirSync(tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const m = /^mockforce-episode-base-(\d+)-\d+\.db(?:-wal|-shm|-journal)?$/.exec(name);
    if (!m || Number(m[1]) === process.pid || alive(Number(m[1]))) continue;
    try {
      unlinkSync(join(tmpdir(), name));
    } catch {
      // another process got there first
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** `CREATE TABLE "X" ...` / `CREATE INDEX "i" ON "X" ...` as DDL creating it in an episode's main. */
function qualify(sql: string): string {
  return sql.replace(/^CREATE\s+(UNIQUE\s+)?(TABLE|INDEX)\s+(IF\s+NOT\s+EXISTS\s+)?/i, (_m, u: string | undefined, kind: string) => `CREATE ${u ? 'UNIQUE ' : ''}${kind.toUpperCase()} main.`);
}
