/**
 * Polymorphic relationships (Task.Who/What, Case.Owner...): a lookup whose describe lists several
 * `referenceTo` targets. Without TYPEOF the parent is the `Name` object (schema/standard/name-object.ts):
 * "only the fields of the Name object" are selectable (SOQL and SOSL Reference, Understanding
 * Relationship Fields and Polymorphic Fields), the nested record's `attributes.type` is "Name"
 * (reference/salesforce-api.md §3.3). The SQL is one LEFT JOIN per modelled target on the same lookup
 * column (Ids are unique across tables: the key prefix names the object), and each Name field reads
 * the column of whichever target matched.
 */
import { objectForKeyPrefix } from '../../schema/index.ts';
import { NAME_OBJECT } from '../../schema/standard/name-object.ts';
import type { FieldDef, ObjectDef } from '../../schema/types.ts';
import { ident } from './sql-fragment.ts';

export { NAME_OBJECT };

export interface PolyTarget {
  obj: ObjectDef;
  alias: string;
}

/** A lookup that resolves to the Name object: several targets and a relationship name. */
export function isPolymorphic(f: FieldDef): boolean {
  return f.type === 'reference' && f.referenceTo.length > 1 && f.relationshipName !== undefined;
}

/** The API name of the object an Id belongs to, from its key prefix (null when unknown). */
export function sobjectTypeOf(id: unknown): string | null {
  return typeof id === 'string' && id.length >= 3 ? objectForKeyPrefix(id.slice(0, 3))?.name ?? null : null;
}

/** `COALESCE(t1."Id", t2."Id", ...)`: the matched parent's Id, NULL when none matched. */
export function polyIdSql(targets: readonly PolyTarget[]): string {
  if (targets.length === 0) return 'NULL';
  if (targets.length === 1) return `${targets[0]!.alias}."Id"`;
  return `COALESCE(${targets.map((t) => `${t.alias}."Id"`).join(', ')})`;
}

/**
 * The Name field `f` over the joined targets. Each target fills a Name field from its own field of
 * the same name (FirstName, Email, Phone, Title, IsActive, Alias, Username, ProfileId...); `Name` and
 * `NameOrAlias` from its name field (a Case's CaseNumber); `Type` is the target's API name, computed
 * from the Id's key prefix by sf_sobject_type() (no object name enters the SQL text as a literal).
 */
export function nameFieldSql(f: FieldDef, targets: readonly PolyTarget[], fieldOf: (o: ObjectDef, n: string) => FieldDef | undefined): string {
  const id = polyIdSql(targets);
  if (f.name === 'Id') return id;
  if (f.name === 'Type') return `sf_sobject_type(${id})`;
  const arms: string[] = [];
  for (const t of targets) {
    const col = f.name === 'Name' || f.name === 'NameOrAlias' ? t.obj.fields.find((x) => x.nameField) : fieldOf(t.obj, f.name);
    if (!col || col.type === 'address') continue;
    arms.push(`WHEN ${t.alias}."Id" IS NOT NULL THEN ${t.alias}.${ident(col.name)}`);
  }
  return arms.length ? `CASE ${arms.join(' ')} END` : 'NULL';
}

export function isNameObject(obj: ObjectDef): boolean {
  return obj === NAME_OBJECT;
}
