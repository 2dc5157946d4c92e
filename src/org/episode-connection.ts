/**
 * The database of an episode that writes: its own small in-memory SQLite database with the base's
 * snapshot (src/org/episode-snapshot.ts) attached as `base`. SQLite resolves an unqualified table name
 * in main before attached databases, so compiled SQL needs no change: a table the episode never wrote
 * is read from the snapshot; on the first statement that writes a table, that table alone (schema,
 * indexes, rows with their rowids) is copied into main, and from then on every statement sees the copy
 * (SQLite re-prepares statements when main's schema changes). A write costs the size of the tables it
 * touches, not the org.
 *
 * Which tables a statement writes is read from its bytecode (`EXPLAIN`: the OpenWrite opcodes name a
 * b-tree root page and database), so no write path has to announce itself; a statement that would
 * still write the snapshot after that is refused, so no episode can ever change what others read.
 * The copy is made when a writing statement runs, and checked on every run, because a copy made
 * inside a transaction that rolls back is gone again.
 *
 * Change capture: each copied table gets TEMP triggers logging the Ids written, so the diff
 * (src/org/episode-diff.ts) compares only those rows with the snapshot.
 */
import Database from 'better-sqlite3';
import { forgetIndexes } from '../sosl/fts-index.ts';
import { q } from './ddl.ts';
import { CHANGE_LOG, logChanges } from './episode-diff.ts';
import type { Snapshot } from './episode-snapshot.ts';
import { Org } from './org.ts';

/** The attached snapshot's schema name. */
export const BASE_SCHEMA = 'base';

/** Pages of the snapshot one episode's connection caches (4 KiB each): reads come from the OS cache. */
const BASE_CACHE_PAGES = 64;
const EXPIRE_FN = '_mf_expire_statements';

/** Statements that never write a table (queries, transaction control, pragmas): no bytecode check. */
const NO_TABLE_WRITE = /^\s*(?:BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE|PRAGMA|EXPLAIN|SELECT|VALUES)\b/i;
/** DDL naming an existing table it changes: that table is copied first (metadata deploys, SOSL). */
const DDL_TARGET = /^\s*(?:ALTER\s+TABLE|CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:(?:"main"|main)\.)?(?:"(?:[^"]|"")+"|[\w$]+)\s+ON|CREATE\s+TABLE\s+IF\s+NOT\s+EXISTS|CREATE\s+TRIGGER\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:"(?:[^"]|"")+"|[\w$]+)\s+(?:BEFORE|AFTER|INSTEAD\s+OF)\s+(?:INSERT|UPDATE(?:\s+OF\s+[^]*?)?|DELETE)\s+ON)\s+(?:(?:"main"|main)\.)?("(?:[^"]|"")+"|[\w$]+)/i;
const DROP_TABLE = /^\s*DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?("(?:[^"]|"")+"|[\w$]+)\s*$/i;
const DML = /^\s*(?:INSERT|UPDATE|DELETE|REPLACE|WITH)\b/i;
/** Marks a statement that would change the snapshot's own schema. */
const BASE_SCHEMA_WRITE = '\u0000base schema';

/**
 * Null values for every parameter of `sql` (EXPLAIN needs them bound): anonymous `?`/`?NNN` as an
 * array, named `:x`/`@x`/`$x` as an object. String literals and quoted identifiers are skipped.
 */
function nullParams(sql: string): unknown[] {
  let anonymous = 0;
  const named: Record<string, null> = {};
  const re = /'(?:[^']|'')*'|"(?:[^"]|"")*"|`[^`]*`|\[[^\]]*\]|--[^\n]*|\/\*[\s\S]*?\*\/|\?(\d*)|[:@$]([A-Za-z_][\w]*)/g;
  for (let m = re.exec(sql); m; m = re.exec(sql)) {
    if (m[0].startsWith('?')) anonymous = m[1] ? Math.max(anonymous, Number(m[1])) : anonymous + 1;
    else if (m[2] !== undefined) named[m[2]] = null;
  }
  const args: unknown[] = anonymous ? [new Array(anonymous).fill(null)] : [];
  if (Object.keys(named).length) args.push(named);
  return args;
}

const unquote = (ident: string): string => (ident.startsWith('"') ? ident.slice(1, -1).replace(/""/g, '"') : ident);

/** Which tables each SQL text writes, wherever they live; the same for every episode. */
const writtenBy = new Map<string, string[]>();
const WRITTEN_BY_LIMIT = 4000;

export interface EpisodeConnectionOptions {
  /** Called with the bytes a table copy will take, before it is made; throws to refuse it. */
  budget?: (bytes: number) => void;
  now: string;
}

export class EpisodeConnection {
  readonly db: Database.Database;
  readonly org: Org;
  /** Tables copied into main (checked against main's schema, which a rollback can change). */
  private copied = new Set<string>();
  private copiedAt = -1;
  private readonly schemaVersion: Database.Statement;
  private readonly budget: ((bytes: number) => void) | undefined;

  constructor(
    readonly snapshot: Snapshot,
    opts: EpisodeConnectionOptions,
  ) {
    const db = new Database(':memory:');
    this.db = db;
    this.budget = opts.budget;
    db.prepare(`ATTACH DATABASE ? AS ${BASE_SCHEMA}`).run(snapshot.file);
    db.pragma(`${BASE_SCHEMA}.cache_size = ${BASE_CACHE_PAGES}`);
    db.exec(`CREATE TEMP TABLE ${CHANGE_LOG} (obj TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (obj, id)) WITHOUT ROWID`);
    this.schemaVersion = db.prepare(`PRAGMA main.schema_version`).pluck();
    const prepare = db.prepare.bind(db) as (...args: unknown[]) => Database.Statement;
    const exec = db.exec.bind(db);
    const self = this;
    // Every statement of the episode goes through here: the org's code, SOQL, SOSL, Bulk, metadata.
    (db as { prepare: unknown }).prepare = function (...args: unknown[]): Database.Statement {
      const sql = args[0] as string;
      if (NO_TABLE_WRITE.test(sql)) return prepare(...args);
      const stmt = prepare(...args);
      return stmt.reader ? stmt : self.guarded(stmt, self.writes(sql));
    };
    (db as { exec: unknown }).exec = function (sql: string): Database.Database {
      // exec runs DDL (metadata, SOSL) one statement at a time in this code base; check each anyway.
      for (const part of sql.split(/;\s*(?:\n|$)/)) if (part.trim()) self.ensure(self.writes(part));
      return exec(sql);
    };
    // Redefining a function expires every prepared statement of the connection (SQLite's
    // sqlite3CreateFunc), so statements compiled against a snapshot table re-resolve to its new copy.
    db.function(EXPIRE_FN, () => 0);
    this.org = Org.fromDatabase(db, ':memory:', opts.now);
  }

  /** Tables of the base the episode has its own copy of (not the SOSL indexes it built over them). */
  copiedTables(): string[] {
    this.refresh();
    return [...this.copied].filter((t) => this.snapshot.tables.has(t) && !t.startsWith('_sosl_'));
  }

  /** Bytes of the episode's own pages (its copies; the snapshot is shared). */
  ownBytes(): number {
    const pages = (this.db.pragma('main.page_count', { simple: true }) as number) + (this.db.pragma('temp.page_count', { simple: true }) as number);
    return pages * (this.db.pragma('main.page_size', { simple: true }) as number);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private refresh(): void {
    const v = this.schemaVersion.get() as number;
    if (v === this.copiedAt) return;
    this.copied = new Set(this.db.prepare(`SELECT name FROM main.sqlite_master WHERE type = 'table'`).pluck().all() as string[]);
    this.copiedAt = v;
  }

  /** The tables `sql` writes (DDL: the table it changes; DML: from its bytecode). */
  private writes(sql: string): string[] {
    const ddl = DDL_TARGET.exec(sql);
    if (ddl) return [unquote(ddl[1]!)];
    const drop = DROP_TABLE.exec(sql);
    // An unqualified DROP of a table the episode never copied would drop it from the snapshot.
    if (drop) return this.inMain(unquote(drop[1]!)) || !this.snapshot.tables.has(unquote(drop[1]!)) ? [] : [BASE_SCHEMA_WRITE];
    if (!DML.test(sql)) return [];
    let names = writtenBy.get(sql);
    if (names) return names;
    let ops: { opcode: string; p2: number; p3: number }[];
    try {
      ops = this.db.prepare(`EXPLAIN ${sql}`).all(...nullParams(sql)) as typeof ops;
    } catch {
      return []; // not a statement SQLite accepts: preparing it reports the error
    }
    const mainRoots = this.mainRoots();
    const set = new Set<string>();
    for (const op of ops) {
      if (op.opcode !== 'OpenWrite') continue;
      const name = op.p3 === 0 ? mainRoots.get(op.p2) : op.p3 >= 2 ? this.snapshot.rootTables.get(op.p2) : undefined;
      if (name && name !== 'sqlite_master') set.add(name);
      else if (op.p3 >= 2 && op.p2 === 1) set.add(BASE_SCHEMA_WRITE);
    }
    names = [...set];
    if (writtenBy.size >= WRITTEN_BY_LIMIT) writtenBy.delete(writtenBy.keys().next().value!);
    writtenBy.set(sql, names);
    return names;
  }

  private inMain(table: string): boolean {
    this.refresh();
    return this.copied.has(table);
  }

  private mainRoots(): Map<number, string> {
    const rows = this.db.prepare(`SELECT rootpage, tbl_name FROM main.sqlite_master WHERE rootpage > 0`).all() as { rootpage: number; tbl_name: string }[];
    return new Map(rows.map((r) => [r.rootpage, r.tbl_name]));
  }

  /** Make sure each of `tables` that lives in the snapshot has its copy in main. */
  private ensure(tables: readonly string[]): void {
    if (!tables.length) return;
    if (tables.includes(BASE_SCHEMA_WRITE)) throw new Error('an episode cannot change the schema of its base org');
    this.refresh();
    let copied = false;
    for (const t of tables) {
      if (!this.copied.has(t) && this.snapshot.tables.has(t)) {
        this.copy(t);
        copied = true;
      }
    }
    if (copied) this.db.function(EXPIRE_FN, () => 0);
  }

  private copy(table: string): void {
    const def = this.snapshot.tables.get(table)!;
    this.budget?.(this.snapshot.tableBytes.get(table) ?? 0);
    const cols = def.columns.map(q).join(', ');
    const rowid = def.rowid ? 'rowid, ' : '';
    const run = (): void => {
      for (const ddl of def.ddl) this.db.prepare(ddl).run();
      this.db.prepare(`INSERT INTO main.${q(table)} (${rowid}${cols}) SELECT ${rowid}${cols} FROM ${BASE_SCHEMA}.${q(table)}`).run();
      if (def.columns.includes('Id')) logChanges(this.db, table);
      // A SOSL index this connection built over the snapshot's rows has no triggers: drop it, so the
      // next search indexes the copy with triggers (src/sosl/fts-index.ts).
      for (const suffix of ['_vocab', '']) this.db.prepare(`DROP TABLE IF EXISTS main.${q(`_sosl_${table}${suffix}`)}`).run();
    };
    if (this.db.inTransaction) run();
    else this.db.transaction(run)();
    forgetIndexes(this.org);
    this.refresh();
  }

  /**
   * A writing statement: the tables it writes are copied when it first runs (not when it is prepared),
   * and checked again on every run, because a copy made inside a transaction that rolled back is gone.
   */
  private guarded(stmt: Database.Statement, targets: string[]): Database.Statement {
    if (!targets.length) return stmt;
    const self = this;
    for (const method of ['run', 'get', 'all', 'iterate'] as const) {
      const original = stmt[method] as (...a: unknown[]) => unknown;
      (stmt as unknown as Record<string, unknown>)[method] = function (...a: unknown[]): unknown {
        self.ensure(targets);
        return original.apply(stmt, a);
      };
    }
    return stmt;
  }
}
