/**
 * SQL functions the compiled queries call. SQLite's NOCASE and LIKE fold ASCII only
 * (reference/soql.md §4.3); Salesforce compares case-insensitively in Unicode, so non-ASCII literals go
 * through sf_fold() on both sides. Registered once per database connection.
 */
import type Database from 'better-sqlite3';
import { fold } from './literals.ts';

const registered = new WeakSet<Database.Database>();

export function ensureFunctions(db: Database.Database): void {
  if (registered.has(db)) return;
  db.function('sf_fold', { deterministic: true }, (x: unknown) => (typeof x === 'string' ? fold(x) : x) as string | number | null);
  registered.add(db);
}
