/**
 * One factory per Salesforce errorCode, worded as Salesforce words it
 * (reference/salesforce-api.md §6.2, reference/soql.md §2.15).
 */
import { SalesforceError } from './salesforce-error.ts';

export const notFound = (message = 'The requested resource does not exist'): SalesforceError =>
  new SalesforceError('NOT_FOUND', message, 404);

export const invalidSession = (): SalesforceError =>
  new SalesforceError('INVALID_SESSION_ID', 'Session expired or invalid', 401);

/** `sObject type 'X' is not supported. ...` (query) / `The requested resource does not exist` (REST). */
export const invalidType = (message: string): SalesforceError => new SalesforceError('INVALID_TYPE', message, 400);

export const invalidField = (message: string): SalesforceError => new SalesforceError('INVALID_FIELD', message, 400);

export const malformedQuery = (message: string): SalesforceError => new SalesforceError('MALFORMED_QUERY', message, 400);

export const malformedId = (message: string, fields?: string[]): SalesforceError =>
  new SalesforceError('MALFORMED_ID', message, 400, fields);

export const jsonParserError = (message: string): SalesforceError => new SalesforceError('JSON_PARSER_ERROR', message, 400);

export const methodNotAllowed = (method: string, allowed: readonly string[] = ['GET', 'HEAD']): SalesforceError =>
  new SalesforceError('METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are ${allowed.join(',')}`, 405);

export const requiredFieldMissing = (fields: string[]): SalesforceError =>
  new SalesforceError('REQUIRED_FIELD_MISSING', `Required fields are missing: [${fields.join(', ')}]`, 400, fields);

export const unknownException = (message = 'An unexpected error occurred. Please include this ErrorId if you contact support: 0000000000-00000 (0000000000)'): SalesforceError =>
  new SalesforceError('UNKNOWN_EXCEPTION', message, 500);
