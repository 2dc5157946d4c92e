/**
 * Which fields can identify a record (describe's `idLookup`): the Id, name fields, autonumbers,
 * external Id fields, unique text fields and standard email fields (Contact.Email, User.Email are
 * idLookup in real describes). Upsert and GET by external Id accept an `externalId` field on custom
 * objects and an `idLookup` field on standard objects (SOAP API `upsert()` docs:
 * "externalIdFieldName ... the external ID field attribute for custom objects or the idLookup field
 * property for standard objects").
 */
import type { FieldDef, ObjectDef } from '../../schema/types.ts';

const TEXTUAL = new Set(['string', 'email', 'phone', 'url']);

export function isIdLookup(f: FieldDef): boolean {
  if (f.type === 'id' || f.externalId || f.autoNumber) return true;
  if (f.nameField && TEXTUAL.has(f.type)) return true;
  if (f.unique && TEXTUAL.has(f.type)) return true;
  return f.type === 'email' && !f.custom;
}

/** A field usable in `/sobjects/T/{field}/{value}` (upsert, GET by external Id). */
export function isUpsertKey(obj: ObjectDef, f: FieldDef): boolean {
  if (f.type === 'id' || f.externalId) return true;
  return !obj.custom && !f.custom && isIdLookup(f);
}
