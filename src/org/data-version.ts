/**
 * An org's data version: a number that changes whenever anything writes to the org's database, by any
 * path (REST, composite, collections, tree, Bulk 1/2, episodes, the seed, in-process store calls).
 * It is SQLite's total_changes() of the org's one connection, so no write path has to remember to bump
 * it: every INSERT/UPDATE/DELETE the connection runs counts, rolled-back ones included (which only
 * invalidates a cache more often than needed, never less).
 */
import type Database from 'better-sqlite3';
import type { Org } from './org.ts';

const stmts = new WeakMap<Database.Database, Database.Statement>();

export function dataVersion(org: Org): number {
  let stmt = stmts.get(org.db);
  if (!stmt) {
    stmt = org.db.prepare('SELECT total_changes() AS n').pluck();
    stmts.set(org.db, stmt);
  }
  return stmt.get() as number;
}
