/**
 * DDL derived from schema/: one table per sObject named by its API name, one column per field named
 * by its API name (also the layout of CRMArena's official snapshot, reference/crmarena.md §11).
 * Identifiers come only from schema/, always double-quoted (Case, Order and User are SQL keywords).
 */
import { OBJECTS } from '../../schema/index.ts';
import { hasColumn, type ObjectDef } from '../../schema/types.ts';
import { sqlType } from './values.ts';

export const META_TABLE = '_mockforce_meta';

/** Fields worth an index beyond references: the filters and sorts CRMArena's tools use. */
const INDEXED_FIELDS = new Set(['Status', 'CreatedDate', 'ClosedDate', 'Name', 'EffectiveDate', 'MessageDate', 'Field__c', 'PublishStatus', 'IsDeleted', 'LastModifiedDate', 'SystemModstamp']);

export const q = (ident: string): string => `"${ident.replace(/"/g, '""')}"`;

export function tableDdl(obj: ObjectDef): string[] {
  const cols = obj.fields.filter(hasColumn).map((f) => `${q(f.name)} ${sqlType(f.type)}${f.name === 'Id' ? ' PRIMARY KEY NOT NULL' : ''}`);
  const stmts = [`CREATE TABLE IF NOT EXISTS ${q(obj.name)} (\n  ${cols.join(',\n  ')}\n)`];
  for (const f of obj.fields) {
    if (f.name === 'Id') continue;
    if (f.type === 'reference' || INDEXED_FIELDS.has(f.name) || f.externalId) {
      stmts.push(`CREATE INDEX IF NOT EXISTS ${q(`${obj.name}_${f.name}_idx`)} ON ${q(obj.name)} (${q(f.name)})`);
    }
  }
  return stmts;
}

export function schemaDdl(): string {
  const stmts = [`CREATE TABLE IF NOT EXISTS ${META_TABLE} (key TEXT PRIMARY KEY NOT NULL, value TEXT)`];
  for (const obj of OBJECTS) stmts.push(...tableDdl(obj));
  return stmts.join(';\n') + ';\n';
}
