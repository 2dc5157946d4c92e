/**
 * Bring an org file's tables in line with the merged schema after user metadata was applied. The org
 * records what it was built with (meta `metadata_hash`, `metadata_fields`): the same hash means
 * nothing to do (a restart with the same directories costs one meta read). Otherwise, in one
 * transaction: CREATE TABLE for new objects, ALTER TABLE ADD COLUMN for new fields (existing rows
 * keep every value; new checkboxes get their default, as Salesforce backfills a new checkbox),
 * formula columns recomputed for every row (TODAY() formulas also when the org clock's day changed), and the SOSL indexes marked stale so the first search
 * rebuilds them with the new searchable fields. Columns of fields no longer in the metadata stay.
 */
import { OBJECTS } from '../../schema/index.ts';
import { hasColumn, type FieldDef, type ObjectDef } from '../../schema/types.ts';
import { q, tableDdl } from '../org/ddl.ts';
import type { Org } from '../org/org.ts';
import { sqlType } from '../org/values.ts';
import type { LoadedMetadata } from './load.ts';

export interface SyncResult {
  changed: boolean;
  createdTables: string[];
  addedColumns: string[];
}

export function syncOrgSchema(org: Org, m: LoadedMetadata): SyncResult {
  const result: SyncResult = { changed: false, createdTables: [], addedColumns: [] };
  const today = org.clock.nowIso().slice(0, 10);
  if (org.meta('metadata_hash') === m.hash) {
    // Formula values are stored when a record is written; a TODAY() formula is recomputed when the
    // org starts on another day of its clock (--now), so it reads as of the org's today.
    if (org.meta('metadata_today') !== today) {
      org.db.transaction(() => {
        for (const obj of OBJECTS) recomputeFormulas(org, obj, (f) => /\bTODAY\s*\(/i.test(f.formula ?? ''));
        org.setMeta('metadata_today', today);
      })();
    }
    return result;
  }
  const db = org.db;
  db.transaction(() => {
    for (const obj of OBJECTS) {
      const cols = new Set((db.prepare(`SELECT name FROM pragma_table_info(?)`).all(obj.name) as { name: string }[]).map((r) => r.name));
      if (!cols.size) {
        for (const s of tableDdl(obj)) db.exec(s);
        result.createdTables.push(obj.name);
        continue;
      }
      for (const f of obj.fields) {
        if (cols.has(f.name) || !hasColumn(f)) continue;
        db.exec(`ALTER TABLE ${q(obj.name)} ADD COLUMN ${q(f.name)} ${sqlType(f.type)}`);
        if (f.type === 'boolean' && typeof f.defaultValue === 'boolean') db.prepare(`UPDATE ${q(obj.name)} SET ${q(f.name)} = ?`).run(f.defaultValue ? 1 : 0);
        if (f.type === 'reference' || f.externalId) db.exec(`CREATE INDEX IF NOT EXISTS ${q(`${obj.name}_${f.name}_idx`)} ON ${q(obj.name)} (${q(f.name)})`);
        result.addedColumns.push(`${obj.name}.${f.name}`);
      }
      recomputeFormulas(org, obj);
    }
    org.setMeta('metadata_hash', m.hash);
    org.setMeta('metadata_fields', JSON.stringify(m.fieldList));
    org.setMeta('metadata_today', today);
    // fts-index.ts rebuilds an org's indexes when this differs from its INDEX_VERSION.
    org.setMeta('sosl_index_version', 'stale-after-metadata');
  })();
  result.changed = true;
  return result;
}

function recomputeFormulas(org: Org, obj: ObjectDef, which: (f: FieldDef) => boolean = () => true): void {
  const formulas = obj.fields.filter((f) => f.compute && which(f));
  if (!formulas.length) return;
  const today = org.clock.nowIso().slice(0, 10);
  const rows = org.db.prepare(`SELECT * FROM ${q(obj.name)}`).all() as Record<string, unknown>[];
  const set = org.db.prepare(`UPDATE ${q(obj.name)} SET ${formulas.map((f) => `${q(f.name)} = ?`).join(', ')} WHERE "Id" = ?`);
  for (const row of rows) {
    const values = formulas.map((f) => {
      const v = f.compute!((k) => row[k] ?? null, today);
      const stored = typeof v === 'boolean' ? (v ? 1 : 0) : v;
      row[f.name] = stored;
      return stored;
    });
    set.run(...values, row.Id);
  }
}
