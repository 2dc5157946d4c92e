/**
 * SOQL errors as Salesforce words them. Most compile errors carry a header pointing at the offending
 * token: `\n<excerpt>\n<spaces>^\nERROR at Row:r:Column:c\n<detail>` (reference/soql.md §2.15,
 * reference/salesforce-api.md §6.2). Row and column are 1-based; long lines are cut to a window around
 * the error, as Salesforce does.
 */
import { SalesforceError } from '../errors/salesforce-error.ts';

const UNKNOWN_FIELD_TAIL =
  'If you are attempting to use a custom field, be sure to append the \'__c\' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.';
const UNKNOWN_REL_TAIL =
  "If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.";

/** The `\n<excerpt>\n   ^\nERROR at Row:r:Column:c\n` header for `offset` in `query`. */
export function errorHeader(query: string, offset: number): string {
  const clamped = Math.max(0, Math.min(offset, query.length));
  const before = query.slice(0, clamped);
  const row = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  let lineEnd = query.indexOf('\n', clamped);
  if (lineEnd < 0) lineEnd = query.length;
  const line = query.slice(lineStart, lineEnd).replace(/\r$/, '');
  const col = clamped - lineStart;
  // Window of about 36 characters either side of the caret, widened to whole words: fits every real
  // excerpt in reference/salesforce-api.md §6.2 (carets at 30-36, cuts at word boundaries).
  let from = Math.max(0, col - 36);
  while (from > 0 && from < col && !/\s/.test(line[from - 1]!)) from++;
  let to = Math.min(line.length, col + 36);
  while (to < line.length && !/\s/.test(line[to]!)) to++;
  const excerpt = line.slice(from, to);
  return `\n${excerpt}\n${' '.repeat(col - from)}^\nERROR at Row:${row}:Column:${col + 1}\n`;
}

/** A SalesforceError whose message starts with the position header when `offset` is known. */
export function at(code: string, query: string, offset: number | undefined, detail: string, status = 400): SalesforceError {
  return new SalesforceError(code, offset === undefined ? detail : errorHeader(query, offset) + detail, status);
}

export const msg = {
  noSuchColumn: (field: string, entity: string) => `No such column '${field}' on entity '${entity}'. ${UNKNOWN_FIELD_TAIL}`,
  badRelationship: (rel: string) => `Didn't understand relationship '${rel}' in field path. ${UNKNOWN_REL_TAIL}`,
  badChildRelationship: (rel: string) => `Didn't understand relationship '${rel}' in FROM part of query call. ${UNKNOWN_REL_TAIL}`,
  unsupportedType: (name: string) =>
    `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
  unexpected: (token: string) => `unexpected token: '${token}'`,
  notFilterable: (field: string) => `field '${field}' can not be filtered in a query call`,
  notGroupable: (field: string) => `field '${field}' can not be grouped in a query call`,
  notSortable: (field: string) => `field '${field}' can not be sorted in a query call`,
  mustBeGrouped: (field: string) => `Field must be grouped or aggregated: ${field}`,
  orderMustBeGrouped: (field: string) => `Ordered field must be grouped or aggregated: ${field}`,
  typeMismatch: (field: string, type: string, quoted: boolean) =>
    `value of filter criterion for field '${field}' must be of type ${type} and ${quoted ? 'should be enclosed in quotes' : 'should not be enclosed in quotes'}`,
  invalidId: (value: string) => `invalid ID field: ${value}`,
  duplicateField: (field: string) => `duplicate field selected: ${field}`,
  aliasInNonAggregate: () => 'only aggregate expressions use field aliasing',
};
