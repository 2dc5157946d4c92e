/**
 * SQL functions the compiled queries call. SQLite's NOCASE and LIKE fold ASCII only
 * (reference/soql.md §4.3); Salesforce compares case-insensitively in Unicode, so non-ASCII literals go
 * through sf_fold() on both sides. Registered once per database connection.
 */
import type Database from 'better-sqlite3';
import { OBJECTS, onSchemaChange } from '../../schema/index.ts';
import { fold } from './literals.ts';
import { sobjectTypeOf } from './polymorphic.ts';

/** `Object.Field` -> picklist value -> position in the picklist's defined order. */
const PICKLIST_ORDER = new Map<string, Map<string, number>>();
/** `Object.Field` -> picklist value -> label, for picklists whose labels differ from their values. */
const PICKLIST_LABELS = new Map<string, Map<string, string>>();
/** Built at import and again when user metadata (src/metadata/) adds picklists. */
function indexPicklists(): void {
  for (const o of OBJECTS) {
    for (const f of o.fields) {
      if (f.type === 'picklist' && f.picklistValues.length) PICKLIST_ORDER.set(`${o.name}.${f.name}`, new Map(f.picklistValues.map((p, i) => [p.value, i])));
    }
  }
  for (const o of OBJECTS) {
    for (const f of o.fields) {
      const differing = f.picklistValues.filter((p) => p.label !== p.value);
      if (differing.length) PICKLIST_LABELS.set(`${o.name}.${f.name}`, new Map(differing.map((p) => [p.value, p.label])));
    }
  }
}
indexPicklists();
onSchemaChange(indexPicklists);

/** True when some value of `Object.Field` has a label other than itself (toLabel() changes it). */
export function hasDistinctLabels(key: string): boolean {
  return PICKLIST_LABELS.has(key);
}

/** Width of the order prefix of sf_pick_key(); values outside the picklist sort after, by text. */
export const PICK_KEY_WIDTH = 5;

/**
 * A sortable key for a picklist value: its position in the picklist, zero-padded, then the value.
 * MIN/MAX over it follow the picklist's order (Ref p.55); strip the prefix to get the value back.
 */
export function pickKey(value: unknown, key: string): string | null {
  if (typeof value !== 'string') return null;
  const pos = PICKLIST_ORDER.get(key)?.get(value) ?? 99_999;
  return String(pos).padStart(PICK_KEY_WIDTH, '0') + value;
}

const registered = new WeakSet<Database.Database>();

export function ensureFunctions(db: Database.Database): void {
  if (registered.has(db)) return;
  db.function('sf_fold', { deterministic: true }, (x: unknown) => (typeof x === 'string' ? fold(x) : x) as string | number | null);
  // ORDER BY key for text: "For English locales, SOQL uses the UTF-8 values of the uppercase character
  // to create a sort order" (Ref p.47). JS upper-casing is full Unicode ('é' -> 'É', 'ß' -> 'SS');
  // SQLite's NOCASE folds ASCII only, and to lower case, which misplaces `_`, `[`, `^` against letters.
  db.function('sf_sort_key', { deterministic: true }, (x: unknown) => (typeof x === 'string' ? x.toUpperCase() : x) as string | number | null);
  db.function('sf_label', { deterministic: true }, (x: unknown, key: unknown) => (typeof x === 'string' ? PICKLIST_LABELS.get(String(key))?.get(x) ?? x : x) as string | number | null);
  db.function('sf_pick_key', { deterministic: true }, (x: unknown, key: unknown) => pickKey(x, String(key)));
  // A polymorphic parent's `Type` (What.Type): the object its Id's key prefix names (./polymorphic.ts).
  db.function('sf_sobject_type', { deterministic: true }, (x: unknown) => sobjectTypeOf(x));
  registered.add(db);
}
