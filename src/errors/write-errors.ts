/**
 * Record-level (DML) errors, worded as Salesforce words them. The wording comes from real API
 * responses quoted in reference/salesforce-api.md §6.2 and from Apex DmlException texts, which carry
 * the same `statusCode, message: [fields]` triple (`first error: INVALID_CROSS_REFERENCE_KEY, invalid
 * cross reference id: []`). DML errors always carry `fields`, possibly empty.
 */
import type { FieldDef } from '../../schema/types.ts';
import { SalesforceError } from './salesforce-error.ts';

/** `No such column 'Foo' on sobject of type Account`: an unknown key in a record body. */
export const noSuchColumn = (key: string, objectName: string): SalesforceError =>
  new SalesforceError('INVALID_FIELD', `No such column '${key}' on sobject of type ${objectName}`, 400);

export const notCreateableOrUpdateable = (fields: string[]): SalesforceError =>
  new SalesforceError(
    'INVALID_FIELD_FOR_INSERT_UPDATE',
    `Unable to create/update fields: ${fields.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
    400,
    fields,
  );

/** Apex: `INVALID_FIELD_FOR_INSERT_UPDATE, cannot specify Id in an insert call: [Id]`. */
export const idOnInsert = (): SalesforceError =>
  new SalesforceError('INVALID_FIELD_FOR_INSERT_UPDATE', 'cannot specify Id in an insert call', 400, ['Id']);

/** `Account ID: id value of incorrect type: abc` for a value that is not an Id at all. */
export const malformedLookup = (f: FieldDef, value: string): SalesforceError =>
  new SalesforceError('MALFORMED_ID', `${f.label}: id value of incorrect type: ${value}`, 400, [f.name]);

/** A well-formed Id of an object the lookup cannot point at. */
export const lookupWrongType = (f: FieldDef, value: string): SalesforceError =>
  new SalesforceError('FIELD_INTEGRITY_EXCEPTION', `${f.label}: id value of incorrect type: ${value}`, 400, [f.name]);

export const invalidCrossReference = (fields: string[] = []): SalesforceError =>
  new SalesforceError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', 400, fields);

export const entityIsDeleted = (status = 400): SalesforceError =>
  new SalesforceError('ENTITY_IS_DELETED', 'entity is deleted', status, []);

export const stringTooLong = (f: FieldDef, value: string): SalesforceError =>
  new SalesforceError('STRING_TOO_LONG', `${f.label}: data value too large: ${value} (max length=${f.length})`, 400, [f.name]);

export const badRestrictedPicklist = (f: FieldDef, value: string): SalesforceError =>
  new SalesforceError('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', `${f.label}: bad value for restricted picklist field: ${value}`, 400, [f.name]);

export const invalidEmail = (f: FieldDef, value: string): SalesforceError =>
  new SalesforceError('INVALID_EMAIL_ADDRESS', `${f.label}: invalid email address: ${value}`, 400, [f.name]);

export const numberOutOfRange = (f: FieldDef, value: string): SalesforceError =>
  new SalesforceError('NUMBER_OUTSIDE_VALID_RANGE', `${f.label}: value outside of valid range on numeric field: ${value}`, 400, [f.name]);

/** A scalar of the wrong kind for a field, as Salesforce's REST deserializer reports it. */
export const cannotDeserialize = (typeName: string, token: string, value: string, at?: { line: number; column: number }): SalesforceError =>
  new SalesforceError(
    'JSON_PARSER_ERROR',
    `Cannot deserialize instance of ${typeName} from ${token} value ${value} or request may be missing a required field${at ? ` at [line:${at.line}, column:${at.column}]` : ''}`,
    400,
  );

export const invalidTypeOnField = (f: FieldDef, value: string): SalesforceError =>
  new SalesforceError('INVALID_TYPE_ON_FIELD_IN_RECORD', `${f.label}: value not of required type: ${value}`, 400, [f.name]);

export const duplicateValue = (f: FieldDef, otherId: string): SalesforceError =>
  new SalesforceError('DUPLICATE_VALUE', `duplicate value found: ${f.name} duplicates value on record with id: ${otherId.slice(0, 15)}`, 400, []);

/** `Foreign key external ID: x not found for field External_ID__c in entity Product2`. */
export const foreignKeyNotFound = (value: string, fieldName: string, objectName: string): SalesforceError =>
  new SalesforceError('INVALID_FIELD', `Foreign key external ID: ${value} not found for field ${fieldName} in entity ${objectName}`, 400, []);

/**
 * A write to an object that is not createable/updateable (Organization, CaseHistory...): real orgs answer
 * 400 CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY naming the object's label, e.g. `{"message":"entity type
 * cannot be updated: VS Setting","errorCode":"CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY"}` and "entity type
 * cannot be inserted: Contact" (REST responses quoted in public repositories).
 */
export const entityTypeCannotBeWritten = (verb: 'inserted' | 'updated', label: string): SalesforceError =>
  new SalesforceError('CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY', `entity type cannot be ${verb}: ${label}`, 400, []);

export const entityTypeCannotBeDeleted = (): SalesforceError =>
  new SalesforceError('INVALID_TYPE_FOR_OPERATION', 'entity type cannot be deleted', 400, []);

export const externalIdFieldNotFound = (segment: string): SalesforceError =>
  new SalesforceError('NOT_FOUND', `Provided external ID field does not exist or is not accessible: ${segment}`, 404);
