/**
 * The `Name` object: what a polymorphic relationship (Task.Who, Task.What, Case.Owner...) resolves to
 * when the query does not say which type it expects. Object Reference, Name: "Non-queryable object
 * that provides information about foreign key traversals when the foreign key has more than one
 * parent ... This object can't be directly accessed." Its fields, lengths and types are the Field
 * Reference's table for Name (Alias string 8, Email, FirstName 40, Id, IsActive, LastName 80,
 * LastReferencedDate, LastViewedDate, Name 255, NameOrAlias 80, Phone, ProfileId, RecordTypeId,
 * Title 80, Type picklist 40, UserRoleId, Username 80). Not in OBJECTS: `FROM Name` stays INVALID_TYPE,
 * describeGlobal does not list it; the SOQL engine reaches it only through a polymorphic lookup.
 */
import { base, bool, datetime, email, idField, phone, ref, str } from '../field-builders.ts';
import type { FieldDef, ObjectDef } from '../types.ts';

const readOnly = { createable: false, updateable: false } as const;

const NAME_FIELDS: FieldDef[] = [
  str('Alias', 'Alias', 8, readOnly),
  email('Email', 'Email', readOnly),
  str('FirstName', 'First Name', 40, readOnly),
  idField(),
  bool('IsActive', 'Active', false, readOnly),
  str('LastName', 'Last Name', 80, readOnly),
  datetime('LastReferencedDate', 'Last Referenced Date', readOnly),
  datetime('LastViewedDate', 'Last Viewed Date', readOnly),
  str('Name', 'Name', 255, { ...readOnly, nameField: true }),
  str('NameOrAlias', 'Name or Alias', 80, readOnly),
  phone('Phone', 'Phone', readOnly),
  ref('ProfileId', 'Profile ID', 'Profile', { ...readOnly, relationshipName: 'Profile' }),
  ref('RecordTypeId', 'Record Type ID', 'RecordType', { ...readOnly, relationshipName: 'RecordType' }),
  str('Title', 'Title', 80, readOnly),
  // Type: the API name of the record's object ("Type: picklist ... The type of the related record").
  base('Type', 'picklist', 'Type', { ...readOnly, length: 40 }),
  ref('UserRoleId', 'Role ID', 'UserRole', { ...readOnly, relationshipName: 'UserRole' }),
  str('Username', 'Username', 80, readOnly),
];

export const NAME_OBJECT: ObjectDef = {
  name: 'Name',
  label: 'Name',
  labelPlural: 'Names',
  keyPrefix: '',
  custom: false,
  description: 'The parent of a polymorphic lookup (Who, What, Owner), whatever its type.',
  fields: NAME_FIELDS,
  createable: false,
  updateable: false,
  deletable: false,
  queryable: false,
  searchable: false,
};
