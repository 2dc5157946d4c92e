/**
 * The shape of schema/: the single source of truth for every sObject mockforce knows.
 * Field and type names are Salesforce's own (the `type` values describe() returns), so the describe
 * payload, the SOQL binder and the DDL read them without translation tables.
 */

/** Salesforce field types, as `describe().fields[].type` spells them. */
export type FieldType =
  | 'id'
  | 'reference'
  | 'string'
  | 'textarea'
  | 'picklist'
  | 'multipicklist'
  | 'email'
  | 'phone'
  | 'url'
  | 'boolean'
  | 'int'
  | 'double'
  | 'currency'
  | 'percent'
  | 'date'
  | 'datetime'
  /** Compound address (BillingAddress): no column, its value is built from `derivedFrom` (Object Reference, Compound Fields). */
  | 'address';

export interface PicklistValue {
  value: string;
  label: string;
  default?: boolean;
}

/** Which SOSL `IN ... FIELDS` groups a field is searched under (reference/soql.md §3.3). */
export type SearchGroup = 'name' | 'email' | 'phone' | 'text';

export interface FieldDef {
  name: string;
  label: string;
  type: FieldType;
  /** Characters for text types; 0 for non-text types (describe's convention). */
  length: number;
  precision?: number;
  scale?: number;
  custom: boolean;
  nillable: boolean;
  createable: boolean;
  updateable: boolean;
  filterable: boolean;
  groupable: boolean;
  sortable: boolean;
  /** Set by the org, never by a client: Id, audit fields, autonumbers, formulas. */
  calculated: boolean;
  autoNumber: boolean;
  /** Display format of an autonumber: `prefix` then the counter zero-padded to `width` digits. */
  autoNumberFormat?: { prefix: string; width: number };
  /** The name field of the object (describe's `nameField`). */
  nameField: boolean;
  externalId: boolean;
  unique: boolean;
  /** Which SOSL groups include this field; empty when not searchable. */
  search: SearchGroup[];
  referenceTo: string[];
  /** Name of the parent relationship (`Account`, `Owner`, `IssueId__r`); undefined when not traversable. */
  relationshipName?: string;
  /** Name the parent sees this field's children by (`Cases`, `Histories__r`); undefined when none. */
  childRelationshipName?: string;
  cascadeDelete?: boolean;
  picklistValues: PicklistValue[];
  restrictedPicklist: boolean;
  /**
   * The org fills the field when a create omits it (describe's `defaultedOnCreate`): OwnerId, booleans,
   * picklists with a default. A createable, non-nillable field that is not defaulted is required.
   */
  defaultedOnCreate: boolean;
  defaultValue?: string | number | boolean | null;
  /** Formula source of a formula field (describe's calculatedFormula); the field is `calculated`. */
  formula?: string;
  /**
   * The formula's value from the record's other fields (stored form) and the org clock's date; set on
   * every write by the record store. Absent for a formula outside the supported subset (reads null).
   */
  compute?: (value: (field: string) => unknown, today: string) => string | number | boolean | null;
  /**
   * Compound name: value derived from other fields of the same record (User/Contact Name); for an
   * `address` field, its components (describe's compoundFieldName points back here).
   */
  derivedFrom?: string[];
  inlineHelpText?: string;
  /** Short description of the field for agents (CRMArena's schema text, reference/crmarena.md §2.2). */
  description?: string;
}

/** Component suffixes of an address compound field, keyed by the Address JSON key (API Guide, Address Compound Fields). */
export const ADDRESS_PARTS: Readonly<Record<string, string>> = {
  city: 'City', country: 'Country', geocodeAccuracy: 'GeocodeAccuracy', latitude: 'Latitude',
  longitude: 'Longitude', postalCode: 'PostalCode', state: 'State', street: 'Street',
};

/** Fields stored in a column: every field but compound addresses (derived at read time). */
export function hasColumn(f: FieldDef): boolean {
  return f.type !== 'address';
}

export interface ObjectDef {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  custom: boolean;
  /** CRMArena's one-line description, shown to agents. */
  description: string;
  fields: FieldDef[];
  createable: boolean;
  updateable: boolean;
  deletable: boolean;
  queryable: boolean;
  searchable: boolean;
}

export interface ChildRelationship {
  childSObject: string;
  field: string;
  relationshipName: string;
  cascadeDelete: boolean;
}
