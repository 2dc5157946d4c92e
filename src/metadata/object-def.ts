/**
 * A CustomObject element (`.object-meta.xml` root or `.object` root) -> ObjectDef with the standard
 * fields every custom object has (Object Reference, "Custom Objects": Id, OwnerId unless it is the
 * detail of a master-detail, IsDeleted, Name, CreatedDate, CreatedById, LastModifiedDate,
 * LastModifiedById, SystemModstamp). The name field is Text (80, required) or AutoNumber with its
 * `<displayFormat>` (e.g. `INV-{0000}`: prefix `INV-`, four digits).
 */
import { auditFields, autoNumber, idField, isDeleted, nameStr, owner } from '../../schema/field-builders.ts';
import type { FieldDef, ObjectDef } from '../../schema/types.ts';
import { MetadataError } from './metadata-error.ts';
import { child, childText, type XmlElement } from './xml.ts';

export function readObject(el: XmlElement, name: string, keyPrefix: string, file: string, hasMaster: boolean): ObjectDef {
  if (el.name !== 'CustomObject') throw new MetadataError(file, `expected a <CustomObject> root element, found <${el.name}>`);
  if (!/^[A-Za-z][A-Za-z0-9_]*__c$/.test(name)) throw new MetadataError(file, `custom object name '${name}' must be an API name ending in __c`);
  const label = childText(el, 'label') ?? name.slice(0, -3).replace(/_/g, ' ');
  const nf = child(el, 'nameField');
  if (!nf) throw new MetadataError(file, `custom object ${name} has no <nameField>`);
  const nameLabel = childText(nf, 'label') ?? `${label} Name`;
  const nameType = childText(nf, 'type');
  let nameDef: FieldDef;
  if (nameType === 'Text') nameDef = nameStr('Name', nameLabel, 80, { nillable: false, custom: false });
  else if (nameType === 'AutoNumber') {
    const fmt = childText(nf, 'displayFormat') ?? '';
    const m = /^([^{}]*)\{(0+)\}$/.exec(fmt);
    if (!m) throw new MetadataError(file, `AutoNumber name field of ${name} needs a <displayFormat> like 'A-{0000}' (got '${fmt}'; date tokens and suffixes are not supported)`);
    nameDef = autoNumber('Name', nameLabel, { nameField: true, custom: false, length: 80, autoNumberFormat: { prefix: m[1]!, width: m[2]!.length } });
  } else throw new MetadataError(file, `name field of ${name} has unsupported type '${nameType ?? '(none)'}' (Text or AutoNumber)`);
  const description = childText(el, 'description');
  return {
    name,
    label,
    labelPlural: childText(el, 'pluralLabel') ?? label,
    keyPrefix,
    custom: true,
    description: description ?? '',
    createable: true,
    updateable: true,
    deletable: true,
    queryable: true,
    searchable: true,
    // A detail record's owner is its master's: detail objects have no OwnerId.
    fields: [idField(), ...(hasMaster ? [] : [owner()]), isDeleted(), nameDef, ...auditFields()],
  };
}
