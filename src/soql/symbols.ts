/**
 * The binder's symbol table: schema/ objects plus the engine's virtual platform objects
 * (./virtual-objects.ts). Every name lookup of the SOQL engine goes through here.
 */
import { getChildRelationship, getField, getObject, getParentRelationship, OBJECTS, onSchemaChange } from '../../schema/index.ts';
import type { ChildRelationship, FieldDef, ObjectDef } from '../../schema/types.ts';
import { VIRTUAL_OBJECTS } from './virtual-objects.ts';
import { NAME_OBJECT } from './polymorphic.ts';

const schemaObjects = new Set<ObjectDef>(OBJECTS);
// User metadata (src/metadata/) adds objects after import.
onSchemaChange(() => OBJECTS.forEach((o) => schemaObjects.add(o)));
const virtualByName = new Map(VIRTUAL_OBJECTS.map((o) => [o.name.toLowerCase(), o]));
// The Name object is reachable only through a polymorphic lookup (never by name: `FROM Name` is INVALID_TYPE).
const virtualFields = new Map([...VIRTUAL_OBJECTS, NAME_OBJECT].map((o) => [o, new Map(o.fields.map((f) => [f.name.toLowerCase(), f]))]));
const nameRels = new Map(NAME_OBJECT.fields.filter((f) => f.relationshipName).map((f) => [f.relationshipName!.toLowerCase(), f]));

export function objectNamed(name: string): ObjectDef | undefined {
  return getObject(name) ?? virtualByName.get(name.toLowerCase());
}

export function fieldOf(obj: ObjectDef, name: string): FieldDef | undefined {
  return schemaObjects.has(obj) ? getField(obj, name) : virtualFields.get(obj)?.get(name.toLowerCase());
}

/** Virtual objects have no traversable relationships; the Name object has Profile, UserRole, RecordType. */
export function parentRelOf(obj: ObjectDef, rel: string): FieldDef | undefined {
  if (obj === NAME_OBJECT) return nameRels.get(rel.toLowerCase());
  return schemaObjects.has(obj) ? getParentRelationship(obj, rel) : undefined;
}

export function childRelOf(obj: ObjectDef, rel: string): ChildRelationship | undefined {
  return schemaObjects.has(obj) ? getChildRelationship(obj, rel) : undefined;
}
