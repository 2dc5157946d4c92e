/**
 * An org's data version: a number that changes whenever anything writes to the org's database, by any
 * path (REST, composite, collections, tree, Bulk 1/2, episodes, the seed, in-process store calls).
 * It is SQLite's total_changes() of the org's one connection, so no write path has to remember to bump
 * it: every INSERT/UPDATE/DELETE the connection runs counts, rolled-back ones included (which only
 * invalidates a cache more often than needed, never less). DDL (metadata adding an object or a column)
 * is no row change, so the schema cookie is part of the version too.
 */
import type Database from 'better-sqlite3';
import type { Org } from './org.ts';

const stmts = new WeakMap<Database.Database, Database.Statement>();

/** `<row changes>:<schema cookie>`: equal strings mean nothing was written or altered in between. */
export type DataVersion = string;

export function dataVersion(org: Org): DataVersion {
  let stmt = stmts.get(org.db);
  if (!stmt) {
    stmt = org.db.prepare(`SELECT total_changes() || ':' || (SELECT schema_version FROM pragma_schema_version)`).pluck();
    stmts.set(org.db, stmt);
  }
  return stmt.get() as DataVersion;
}
