/**
 * Terse constructors for FieldDef with Salesforce's defaults per type, so each object file reads like
 * its Setup page. Defaults follow what describe() reports for standard fields of each type
 * (reference/salesforce-api.md §5.3): text is filterable/groupable/sortable, long text areas are not,
 * numbers are not groupable, system fields are neither createable nor updateable.
 */
import type { FieldDef, FieldType, PicklistValue, SearchGroup } from './types.ts';

export type FieldOptions = Partial<Omit<FieldDef, 'name' | 'type'>>;

export function base(name: string, type: FieldType, label: string, opts: FieldOptions): FieldDef {
  const custom = name.endsWith('__c');
  const textual = ['string', 'textarea', 'picklist', 'multipicklist', 'email', 'phone', 'url'].includes(type);
  return {
    name,
    label,
    type,
    length: 0,
    custom,
    nillable: true,
    createable: true,
    updateable: true,
    filterable: true,
    groupable: !['double', 'currency', 'percent', 'datetime', 'textarea', 'multipicklist'].includes(type),
    sortable: type !== 'multipicklist',
    calculated: false,
    autoNumber: false,
    nameField: false,
    defaultedOnCreate: opts.defaultValue !== undefined,
    externalId: false,
    unique: false,
    search: textual && type !== 'picklist' && type !== 'multipicklist' ? ['text'] : [],
    referenceTo: [],
    picklistValues: [],
    restrictedPicklist: false,
    ...opts,
  };
}

export const idField = (): FieldDef =>
  base('Id', 'id', 'Record ID', { length: 18, nillable: false, createable: false, updateable: false, search: [] });

export const str = (name: string, label: string, length: number, opts: FieldOptions = {}): FieldDef =>
  base(name, 'string', label, { length, ...opts });

/** A name field: searched under NAME FIELDS and ALL FIELDS. */
export const nameStr = (name: string, label: string, length: number, opts: FieldOptions = {}): FieldDef =>
  str(name, label, length, { nameField: true, search: ['name', 'text'], ...opts });

/**
 * Long text: `textarea` longer than 255 characters cannot be filtered, grouped or sorted in SOQL
 * (Salesforce's "field 'Description' can not be filtered in a query call").
 */
export const textarea = (name: string, label: string, length: number, opts: FieldOptions = {}): FieldDef => {
  const long = length > 255;
  return base(name, 'textarea', label, { length, filterable: !long, groupable: false, sortable: !long, ...opts });
};

export const email = (name: string, label: string, opts: FieldOptions = {}): FieldDef =>
  base(name, 'email', label, { length: 80, search: ['email', 'text'], ...opts });

export const phone = (name: string, label: string, opts: FieldOptions = {}): FieldDef =>
  base(name, 'phone', label, { length: 40, search: ['phone', 'text'], ...opts });

export const url = (name: string, label: string, opts: FieldOptions = {}): FieldDef =>
  base(name, 'url', label, { length: 255, ...opts });

export const bool = (name: string, label: string, defaultValue: boolean, opts: FieldOptions = {}): FieldDef =>
  base(name, 'boolean', label, { nillable: false, defaultValue, ...opts });

export const int = (name: string, label: string, opts: FieldOptions = {}): FieldDef =>
  base(name, 'int', label, { precision: 9, scale: 0, ...opts });

export const double = (name: string, label: string, opts: FieldOptions = {}): FieldDef =>
  base(name, 'double', label, { precision: 18, scale: 2, ...opts });

export const currency = (name: string, label: string, opts: FieldOptions = {}): FieldDef =>
  base(name, 'currency', label, { precision: 18, scale: 2, ...opts });

export const date = (name: string, label: string, opts: FieldOptions = {}): FieldDef => base(name, 'date', label, opts);

export const datetime = (name: string, label: string, opts: FieldOptions = {}): FieldDef =>
  base(name, 'datetime', label, opts);

const values = (vals: readonly string[], defaultValue?: string): PicklistValue[] =>
  vals.map((v) => ({ value: v, label: v, ...(v === defaultValue ? { default: true } : {}) }));

export const picklist = (
  name: string,
  label: string,
  vals: readonly string[],
  opts: FieldOptions & { default?: string } = {},
): FieldDef => {
  const { default: def, ...rest } = opts;
  return base(name, 'picklist', label, {
    length: 255,
    picklistValues: values(vals, def),
    ...(def !== undefined ? { defaultValue: def } : {}),
    ...rest,
  });
};

/** A picklist whose stored values differ from their labels (EmailMessage.Status: '3' = Sent). */
export const codedPicklist = (
  name: string,
  label: string,
  vals: readonly (readonly [string, string])[],
  opts: FieldOptions = {},
): FieldDef =>
  base(name, 'picklist', label, {
    length: 40,
    picklistValues: vals.map(([value, l]) => ({ value, label: l })),
    ...opts,
  });

/** A lookup. `relationshipName` defaults to Salesforce's rule: drop `Id` for standard, `__c`→`__r` for custom. */
export const ref = (
  name: string,
  label: string,
  referenceTo: string | string[],
  opts: FieldOptions = {},
): FieldDef => {
  const relationshipName = name.endsWith('__c') ? name.slice(0, -3) + '__r' : name.endsWith('Id') ? name.slice(0, -2) : undefined;
  return base(name, 'reference', label, {
    length: 18,
    referenceTo: Array.isArray(referenceTo) ? referenceTo : [referenceTo],
    relationshipName,
    search: [],
    ...opts,
  });
};

/** Audit fields every object has (CreatedDate, CreatedById, LastModified*, SystemModstamp). */
export const auditFields = (): FieldDef[] => {
  const sys = { nillable: false, createable: false, updateable: false, search: [] as SearchGroup[] };
  return [
    datetime('CreatedDate', 'Created Date', sys),
    ref('CreatedById', 'Created By ID', 'User', sys),
    datetime('LastModifiedDate', 'Last Modified Date', sys),
    ref('LastModifiedById', 'Last Modified By ID', 'User', sys),
    datetime('SystemModstamp', 'System Modstamp', sys),
  ];
};

export const isDeleted = (): FieldDef =>
  bool('IsDeleted', 'Deleted', false, { createable: false, updateable: false });

/** An autonumber name such as CaseNumber: string, set by the org, unique. */
export const autoNumber = (name: string, label: string, opts: FieldOptions = {}): FieldDef =>
  str(name, label, 30, {
    autoNumber: true,
    calculated: false,
    nillable: false,
    createable: false,
    updateable: false,
    unique: false,
    search: ['name', 'text'],
    autoNumberFormat: { prefix: '', width: 8 },
    ...opts,
  });

/** The polymorphic-in-real-orgs owner lookup; here always a User. */
export const owner = (childRelationshipName?: string): FieldDef =>
  ref('OwnerId', 'Owner ID', 'User', { nillable: false, defaultedOnCreate: true, relationshipName: 'Owner', childRelationshipName });
