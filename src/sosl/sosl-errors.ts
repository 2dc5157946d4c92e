/**
 * SOSL errors as Salesforce words them. Syntax errors are MALFORMED_SEARCH with the same header layout
 * as SOQL: `\n<excerpt>\n<spaces>^\nERROR at Row:r:Column:c\n<detail>` (reference/salesforce-api.md §4,
 * restforce/restforce#688). SOSL's parser reports ANTLR positions: the Column is the 0-based index of the
 * offending character and the caret sits one column to its left, e.g.
 * `FIND {John|jane_gray@uoa.edu} RETURNING Contact` → caret under `n`, `Column:10`,
 * `line 1:10 mismatched character '|' expecting '}'`; `FIND {name} IN ALL TYPE ...` → `Column:19`,
 * `Malformed search token: TYPE`.
 */
import { SalesforceError } from '../errors/salesforce-error.ts';

/** Row (1-based) and ANTLR column (0-based) of `offset` in `text`. */
export function position(text: string, offset: number): { row: number; col: number; lineStart: number } {
  const clamped = Math.max(0, Math.min(offset, text.length));
  const before = text.slice(0, clamped);
  const row = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  return { row, col: clamped - lineStart, lineStart };
}

/** The position header for `offset` in `sosl`. Long lines are cut to a window around the error. */
export function searchErrorHeader(sosl: string, offset: number): string {
  const { row, col, lineStart } = position(sosl, offset);
  let lineEnd = sosl.indexOf('\n', lineStart);
  if (lineEnd < 0) lineEnd = sosl.length;
  const line = sosl.slice(lineStart, lineEnd).replace(/\r$/, '');
  let from = 0;
  let to = line.length;
  if (col > 35) {
    from = col - 30;
    while (from > 0 && !/[\s,]/.test(line[from - 1]!)) from--;
  }
  if (to - col > 40) {
    to = col + 36;
    while (to < line.length && !/\s/.test(line[to]!)) to++;
  }
  const caret = Math.max(0, col - 1 - from);
  return `\n${line.slice(from, to)}\n${' '.repeat(caret)}^\nERROR at Row:${row}:Column:${col}\n`;
}

/** MALFORMED_SEARCH at `offset` of `sosl` (no header when the offset is unknown). */
export function malformedSearch(sosl: string, offset: number | undefined, detail: string): SalesforceError {
  return new SalesforceError('MALFORMED_SEARCH', offset === undefined ? detail : searchErrorHeader(sosl, offset) + detail, 400);
}

/** Any error code positioned like a SOSL parse error (INVALID_TYPE, INVALID_FIELD inside RETURNING). */
export function searchErrorAt(code: string, sosl: string, offset: number, detail: string): SalesforceError {
  return new SalesforceError(code, searchErrorHeader(sosl, offset) + detail, 400);
}

/** The ANTLR lexer's wording for a character it cannot take at `offset`. */
export function mismatchedCharacter(sosl: string, offset: number, expecting: string): SalesforceError {
  const { row, col } = position(sosl, offset);
  const ch = offset >= sosl.length ? '<EOF>' : sosl[offset]!;
  return malformedSearch(sosl, offset, `line ${row}:${col} mismatched character '${ch}' expecting '${expecting}'`);
}

export const searchMsg = {
  unexpected: (token: string) => `unexpected token: '${token}'`,
  malformedToken: (token: string) => `Malformed search token: ${token}`,
  unsupportedType: (name: string) =>
    `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
  tooShort: (term: string) => `search term must be longer than one character: ${term}`,
  knowledgeRestriction: (obj: string) =>
    `Implementation restriction: When querying or searching the ${obj} object, you must filter using the following syntax: Id = [single ID], Id IN [list of ID's] or PublishStatus = [status]. In addition PublishStatus is only permitted in a top-level AND condition.`,
};

/** `INVALID_SEARCH` for a search term Salesforce refuses to run (shorter than two characters). */
export function invalidSearch(detail: string): SalesforceError {
  return new SalesforceError('INVALID_SEARCH', detail, 400);
}
