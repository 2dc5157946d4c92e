/**
 * Error positions in multi-line queries, as agents and apps format them: Salesforce's header names the
 * row and column of the offending token and quotes that line (reference/soql.md §2.15 message layout).
 */
import { describe, expect, it } from 'vitest';
import { SalesforceError } from '../../src/errors/salesforce-error.ts';
import { query } from '../../src/soql/index.ts';
import { buildSoqlOrg } from '../fixtures-soql/soql-org.ts';

const f = buildSoqlOrg();

function errorOf(soql: string): SalesforceError {
  try {
    query(f.org, soql);
  } catch (e) {
    if (e instanceof SalesforceError) return e;
    throw e;
  }
  throw new Error(`no error for ${soql}`);
}

describe('SOQL error positions across lines', () => {
  it('points at an unknown field on its own line', () => {
    const e = errorOf('SELECT Id,\n       Subjectx\nFROM Case');
    expect(e.errorCode).toBe('INVALID_FIELD');
    expect(e.message.startsWith('\n       Subjectx\n       ^\nERROR at Row:2:Column:8\nNo such column \'Subjectx\' on entity \'Case\'.')).toBe(true);
  });

  it('points at the OR that mixes with AND on line 4', () => {
    const e = errorOf("SELECT Id\nFROM Case\nWHERE Status = 'New'\n  AND Priority = 'High' OR Origin = 'Web'");
    expect(e.message).toBe("\n  AND Priority = 'High' OR Origin = 'Web'\n                        ^\nERROR at Row:4:Column:25\nunexpected token: 'OR'");
  });

  it('points at an unknown object on line 2, CRLF line ends included', () => {
    expect(errorOf('SELECT Id\r\nFROM Casez').message.split('\n').slice(0, 4)).toEqual(['', 'FROM Casez', '     ^', 'ERROR at Row:2:Column:6']);
  });

  it('points at the LIMIT of a semi-join on its line', () => {
    const e = errorOf('SELECT Id FROM Account\nWHERE Id IN (SELECT AccountId FROM Case\n             LIMIT 5)');
    expect(e.message).toBe("\n             LIMIT 5)\n             ^\nERROR at Row:3:Column:14\nunexpected token: 'LIMIT'");
  });
});
