/**
 * The schema registry: the standard catalogue with the CRMArena org over it, and the lookups every
 * other part uses.
 * Names resolve case-insensitively, as Salesforce resolves them; what comes back is canonical.
 */
import { overlayOnCatalogue } from './standard/merge.ts';
import { buildCatalogue } from './standard/catalogue.ts';
import { CRMARENA_OBJECTS } from './orgs/crmarena.ts';
import type { ChildRelationship, FieldDef, ObjectDef } from './types.ts';

export type * from './types.ts';

/**
 * The merged schema: the CRMArena org (schema/orgs/crmarena.ts, its objects in dependency order:
 * every object after the objects it looks up) over the standard catalogue (schema/standard/), then the
 * catalogue objects CRMArena does not populate. Nothing downstream knows which layer a field came from.
 */
export const OBJECTS: readonly ObjectDef[] = overlayOnCatalogue(CRMARENA_OBJECTS, buildCatalogue());
export { CRMARENA_OBJECTS };

/**
 * Platform objects our lookups point at but mockforce does not model (ProductCatalog...).
 * Their Id fields exist and filter, but have no traversable relationship.
 */
export const UNMODELLED_OBJECTS: readonly string[] = [
  ...new Set([
    'Knowledge__ka', 'ProductCatalog', 'LiveChatVisitor',
    // Parents of standard lookups outside the catalogue (Individual, OperatingHours, BusinessHours...).
    ...OBJECTS.flatMap((o) => o.fields.flatMap((f) => f.referenceTo)).filter((t) => !OBJECTS.some((o) => o.name === t)),
  ]),
];

const byLowerName = new Map<string, ObjectDef>();
const byPrefix = new Map<string, ObjectDef>();
const fieldIndex = new Map<ObjectDef, Map<string, FieldDef>>();
const parentRelIndex = new Map<ObjectDef, Map<string, FieldDef>>();
const childRels = new Map<ObjectDef, ChildRelationship[]>();
const childRelIndex = new Map<ObjectDef, Map<string, ChildRelationship>>();
const schemaListeners: (() => void)[] = [];

/** (Re)build every lookup from OBJECTS: at import, and after applyMetadata. */
function reindex(): void {
  for (const m of [byLowerName, byPrefix, fieldIndex, parentRelIndex, childRels, childRelIndex]) m.clear();
  for (const o of OBJECTS) {
    byLowerName.set(o.name.toLowerCase(), o);
    byPrefix.set(o.keyPrefix, o);
    fieldIndex.set(o, new Map(o.fields.map((f) => [f.name.toLowerCase(), f])));
    parentRelIndex.set(o, new Map(o.fields.filter((f) => f.relationshipName).map((f) => [f.relationshipName!.toLowerCase(), f])));
    childRels.set(o, []);
  }
  for (const child of OBJECTS) {
    for (const f of child.fields) {
      if (f.type !== 'reference') continue;
      for (const target of f.referenceTo) {
        const parent = byLowerName.get(target.toLowerCase());
        if (!parent || !f.childRelationshipName) continue;
        childRels.get(parent)!.push({
          childSObject: child.name,
          field: f.name,
          relationshipName: f.childRelationshipName,
          cascadeDelete: f.cascadeDelete ?? false,
        });
      }
    }
  }
  for (const o of OBJECTS) childRelIndex.set(o, new Map(childRels.get(o)!.map((r) => [r.relationshipName.toLowerCase(), r])));
}
reindex();

/**
 * Runtime registration of the user's metadata (src/metadata/, `serve --metadata`): append new custom
 * objects and custom fields of existing objects into this one model, then rebuild the lookups and tell
 * the modules that cache over OBJECTS (onSchemaChange). Call before any org is opened.
 */
export function applyMetadata(objects: readonly ObjectDef[], fieldsByObject: ReadonlyMap<string, readonly FieldDef[]>): void {
  (OBJECTS as ObjectDef[]).push(...objects);
  reindex();
  for (const [name, fields] of fieldsByObject) byLowerName.get(name.toLowerCase())!.fields.push(...fields);
  reindex();
  for (const fn of schemaListeners) fn();
}

/** Run `fn` after every applyMetadata (for caches built over OBJECTS at import). */
export function onSchemaChange(fn: () => void): void {
  schemaListeners.push(fn);
}

/** The object named `name` (any case), or undefined. */
export function getObject(name: string): ObjectDef | undefined {
  return byLowerName.get(name.toLowerCase());
}

/** The object whose Ids start with `prefix` (the first 3 characters of an Id). */
export function objectForKeyPrefix(prefix: string): ObjectDef | undefined {
  return byPrefix.get(prefix);
}

/** The field named `name` (any case) on `obj`, or undefined. */
export function getField(obj: ObjectDef, name: string): FieldDef | undefined {
  return fieldIndex.get(obj)!.get(name.toLowerCase());
}

/** The lookup field whose relationship is `relName` (any case): `Account` → Case.AccountId. */
export function getParentRelationship(obj: ObjectDef, relName: string): FieldDef | undefined {
  return parentRelIndex.get(obj)!.get(relName.toLowerCase());
}

/** The child relationship named `relName` (any case) on `obj`: `Cases` on Account. */
export function getChildRelationship(obj: ObjectDef, relName: string): ChildRelationship | undefined {
  return childRelIndex.get(obj)!.get(relName.toLowerCase());
}

/** Every child relationship of `obj`, in schema order. */
export function childRelationships(obj: ObjectDef): readonly ChildRelationship[] {
  return childRels.get(obj)!;
}

/** A field the org requires on create: createable, not nillable, not defaulted, not boolean. */
export function isRequiredOnCreate(f: FieldDef): boolean {
  return f.createable && !f.nillable && !f.defaultedOnCreate && f.type !== 'boolean';
}
