/**
 * Full-text indexes for SOSL: one FTS5 table per searchable object, built from the fields schema/ marks
 * searchable, bucketed by SOSL search group into four columns (name, email, phone, other) so
 * `IN NAME|EMAIL|PHONE FIELDS` is a column filter and bm25 can weight name hits higher
 * (reference/soql.md §3.3, §3.6). Tokenizer `porter unicode61 remove_diacritics 2`: case- and
 * accent-blind word tokens reduced to their English stems, as Salesforce's search index does it
 * ("we reformulate your search terms using ... tokenization, lemmatization", Salesforce search team,
 * answers.salesforce.com 2012-07): `shoe` finds `shoes`, `returned` finds `return`.
 *
 * Indexes are created lazily on the first search of an org (so seeded files, snapshots and clones need
 * nothing special) and kept in sync by SQLite triggers on every insert, update and delete, whoever
 * writes; a soft-deleted record (IsDeleted = 1) leaves the index. Triggers use only built-in SQL
 * functions, so any connection can write to the org. Index rows are keyed by the base table's rowid
 * (contentless FTS5 with contentless_delete): the index stores no second copy of the text.
 * A read-only org gets its indexes in the connection's temp schema, without triggers.
 */
import type Database from 'better-sqlite3';
import { OBJECTS } from '../../schema/index.ts';
import type { FieldDef, ObjectDef } from '../../schema/types.ts';
import { q } from '../org/ddl.ts';
import type { Org } from '../org/org.ts';

/** Bump when the index layout changes: orgs carrying an older layout are re-indexed on first search. */
export const INDEX_VERSION = '3';
const META_KEY = 'sosl_index_version';
export const TOKENIZER = 'porter unicode61 remove_diacritics 2';
/** U+E000, a private-use character: a token no search term produces (see columnExprs). */
const FIELD_BREAK_CODE = 0xe000;

export type IndexColumn = 'name' | 'email' | 'phone' | 'other';
export const INDEX_COLUMNS: readonly IndexColumn[] = ['name', 'email', 'phone', 'other'];
/** bm25 weights per column, in INDEX_COLUMNS order: a hit in a name field ranks first. */
export const COLUMN_WEIGHTS = [10, 4, 4, 1] as const;

export interface ObjectIndex {
  obj: ObjectDef;
  /** Schema-qualified, quoted FTS5 table name. */
  fts: string;
  /** The quoted FTS5 table name alone, as MATCH and bm25() want it. */
  ftsName: string;
  /** Schema-qualified, quoted fts5vocab table over `fts` (for mid-term wildcards). */
  vocab: string;
  hasIsDeleted: boolean;
}

export interface OrgIndexes {
  byObject: Map<string, ObjectIndex>;
}

const cache = new WeakMap<Database.Database, OrgIndexes>();

/** The SOSL column a field is indexed under: its most specific search group. */
function columnOf(f: FieldDef): IndexColumn {
  if (f.search.includes('name')) return 'name';
  if (f.search.includes('email')) return 'email';
  if (f.search.includes('phone')) return 'phone';
  return 'other';
}

/** The searchable objects (schema/ `searchable`), in schema order. */
export function searchableObjects(): ObjectDef[] {
  return OBJECTS.filter((o) => o.searchable && o.fields.some((f) => f.search.length > 0));
}

/** SQL expressions computing each index column from row alias `row` (`new`, or a table alias). */
function columnExprs(obj: ObjectDef, present: Set<string>, row: string): string[] {
  const byCol = new Map<IndexColumn, string[]>(INDEX_COLUMNS.map((c) => [c, []]));
  for (const f of obj.fields) {
    if (!f.search.length || !present.has(f.name)) continue;
    const ref = `${row}.${q(f.name)}`;
    byCol.get(columnOf(f))!.push(`coalesce(${ref}, '')`);
    if (f.type === 'phone') {
      // `(415) 555-1212` tokenizes as 415 / 555 / 1212; the digits-only copy lets `4155551212` match
      // (reference/soql.md §3.6). Built-in replace() only, so any connection can run the trigger.
      let digits = `coalesce(${ref}, '')`;
      for (const ch of ['(', ')', '-', ' ', '.', '+', '/']) digits = `replace(${digits}, '${ch}', '')`;
      byCol.get('phone')!.push(digits);
    }
  }
  return INDEX_COLUMNS.map((c) => {
    const parts = byCol.get(c)!;
    // Fields are joined with a private-use character, which unicode61 keeps as a token of its own:
    // a phrase can then never match across the boundary of two fields ("smith john" must not match
    // Name 'John Smith' followed by FirstName 'John').
    return parts.length ? parts.join(` || ' ' || char(${FIELD_BREAK_CODE}) || ' ' || `) : `''`;
  });
}

function tableColumns(db: Database.Database, table: string): Set<string> {
  const rows = db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[];
  return new Set(rows.map((r) => r.name));
}

function hasTable(db: Database.Database, schema: string, name: string): boolean {
  const master = schema === 'temp' ? 'sqlite_temp_master' : `${q(schema)}.sqlite_master`;
  return !!db.prepare(`SELECT 1 FROM ${master} WHERE name = ?`).get(name);
}

/**
 * The schema holding table `name`: main, or for an episode's connection (src/org/episode-connection.ts)
 * the attached snapshot of its base when the episode has not copied that table.
 */
function homeOf(db: Database.Database, name: string): string {
  const schemas = db.prepare(`SELECT schema FROM pragma_table_list WHERE name = ? AND type = 'table' AND schema != 'temp'`).pluck().all(name) as string[];
  return schemas.length === 0 || schemas.includes('main') ? 'main' : schemas[0]!;
}

/** The indexes of `org`, creating (or upgrading) them on first use. */
export function ensureIndexes(org: Org): OrgIndexes {
  const db = org.db;
  const cached = cache.get(db);
  if (cached) return cached;
  const schema: 'main' | 'temp' = db.readonly ? 'temp' : 'main';
  const current = schema === 'main' && org.meta(META_KEY) === INDEX_VERSION;
  const byObject = new Map<string, ObjectIndex>();
  const build = (): void => {
    for (const obj of searchableObjects()) {
      const present = tableColumns(db, obj.name);
      if (!present.has('Id')) continue; // a snapshot without this object's table
      const name = `_sosl_${obj.name}`;
      const fts = `${schema}.${q(name)}`;
      const vocab = `${schema}.${q(`${name}_vocab`)}`;
      const hasIsDeleted = present.has('IsDeleted');
      const home = schema === 'main' ? homeOf(db, obj.name) : 'main';
      if (home !== 'main' && current && hasTable(db, home, name)) {
        // An episode's table it never wrote: search the snapshot's own index of it.
        byObject.set(obj.name.toLowerCase(), { obj, fts: `${q(home)}.${q(name)}`, ftsName: q(name), vocab: `${q(home)}.${q(`${name}_vocab`)}`, hasIsDeleted });
        continue;
      }
      byObject.set(obj.name.toLowerCase(), { obj, fts, ftsName: q(name), vocab, hasIsDeleted });
      if (current && hasTable(db, schema, name)) continue;
      dropObjectIndex(db, schema, obj);
      const cols = INDEX_COLUMNS.join(', ');
      db.exec(
        `CREATE VIRTUAL TABLE ${fts} USING fts5(${cols}, tokenize = '${TOKENIZER}', prefix = '2 3', content = '', contentless_delete = 1)`,
      );
      db.exec(`CREATE VIRTUAL TABLE ${vocab} USING fts5vocab(${q(name)}, 'row')`);
      const live = (row: string): string => (hasIsDeleted ? `coalesce(${row}."IsDeleted", 0) = 0` : '1');
      db.exec(
        `INSERT INTO ${fts} (rowid, ${cols}) SELECT b.rowid, ${columnExprs(obj, present, 'b').join(', ')} FROM ${q(home)}.${q(obj.name)} b WHERE ${live('b')}`,
      );
      // Read-only, or an episode's uncopied table: nothing writes it, no triggers needed (the episode
      // drops this index when it copies the table).
      if (schema === 'temp' || home !== 'main') continue;
      const values = columnExprs(obj, present, 'new').join(', ');
      // Trigger bodies may not qualify table names: they resolve in the trigger's own (main) schema.
      const table = q(obj.name);
      const ftsLocal = q(name);
      // The DELETE before each INSERT also clears a stale entry left by INSERT OR REPLACE (whose
      // implicit delete fires no trigger), so an index rowid is never inserted twice.
      db.exec(`CREATE TRIGGER ${q(`${name}_ai`)} AFTER INSERT ON ${table} BEGIN
        DELETE FROM ${ftsLocal} WHERE rowid = new.rowid;
        INSERT INTO ${ftsLocal} (rowid, ${cols}) SELECT new.rowid, ${values} WHERE ${live('new')};
      END`);
      db.exec(`CREATE TRIGGER ${q(`${name}_au`)} AFTER UPDATE ON ${table} BEGIN
        DELETE FROM ${ftsLocal} WHERE rowid = old.rowid;
        DELETE FROM ${ftsLocal} WHERE rowid = new.rowid;
        INSERT INTO ${ftsLocal} (rowid, ${cols}) SELECT new.rowid, ${values} WHERE ${live('new')};
      END`);
      db.exec(`CREATE TRIGGER ${q(`${name}_ad`)} AFTER DELETE ON ${table} BEGIN
        DELETE FROM ${ftsLocal} WHERE rowid = old.rowid;
      END`);
    }
    if (schema === 'main' && !current) org.setMeta(META_KEY, INDEX_VERSION);
  };
  const outer = db.inTransaction;
  db.transaction(build)();
  const state = { byObject };
  // Built inside a caller's transaction, the index may still be rolled back with it: check again next time.
  if (!outer) cache.set(db, state);
  return state;
}

function dropObjectIndex(db: Database.Database, schema: 'main' | 'temp', obj: ObjectDef): void {
  const name = `_sosl_${obj.name}`;
  for (const t of ['_ai', '_au', '_ad']) db.exec(`DROP TRIGGER IF EXISTS ${schema}.${q(name + t)}`);
  db.exec(`DROP TABLE IF EXISTS ${schema}.${q(`${name}_vocab`)}`);
  db.exec(`DROP TABLE IF EXISTS ${schema}.${q(name)}`);
}

/** Forget the cached index state of `org` (after its file was replaced under it). */
export function forgetIndexes(org: Org): void {
  cache.delete(org.db);
}
