/**
 * Behaviour that depends on the API version of the request: nested parent-to-child subqueries need
 * API 58.0+ (Ref p.66, reference/soql.md §2.10); WITH SECURITY_ENFORCED is Apex-only from 61.0 on.
 */
import { describe, expect, it } from 'vitest';
import { SalesforceError } from '../../src/errors/salesforce-error.ts';
import { query } from '../../src/soql/index.ts';
import { buildSoqlOrg } from '../fixtures-soql/soql-org.ts';

const f = buildSoqlOrg();
const NESTED = 'SELECT Id, (SELECT Id, (SELECT Id FROM EmailMessages) FROM Cases) FROM Account ORDER BY Name';

function errorAt(soql: string, apiVersion: string): SalesforceError | undefined {
  try {
    query(f.org, soql, { apiVersion });
  } catch (e) {
    if (e instanceof SalesforceError) return e;
    throw e;
  }
  return undefined;
}

describe('SOQL by API version', () => {
  it('refuses nested child subqueries before 58.0', () => {
    for (const v of ['50.0', '57.0', 'v52.0']) {
      const e = errorAt(NESTED, v);
      expect(e?.errorCode).toBe('MALFORMED_QUERY');
      expect(e?.message.endsWith('\nSOQL statements cannot query aggregate relationships more than 1 level away from the root entity object.')).toBe(true);
    }
    // One level of children is fine in every version.
    expect(errorAt('SELECT Id, (SELECT Id FROM Cases) FROM Account', '50.0')).toBeUndefined();
  });

  it('answers nested child subqueries from 58.0 on', () => {
    const r = query(f.org, NESTED, { apiVersion: '58.0' });
    const cases = r.records[0]!.Cases as { records: { Id: string; EmailMessages: { totalSize: number } | null }[] };
    expect(cases.records.map((c) => c.EmailMessages?.totalSize ?? 0)).toEqual([1, 1]);
  });

  it('words lexer errors the Summer \'24 way from 61.0 on', () => {
    expect(errorAt('SELECT Id FROM $case', '59.0')?.message.split('\n').pop()).toBe("line 1:15 no viable alternative at character '$'");
    expect(errorAt('SELECT Id FROM $case', '61.0')?.message).toBe("\nSELECT Id FROM $case\n               ^\nERROR at Row:1:Column:16\nline 1:15 unexpected token: '$'");
    expect(errorAt('SELECT Id FROM Case WHERE Status = "New"', '62.0')?.message.split('\n').pop()).toBe("line 1:35 unexpected token: '\"'");
    expect(errorAt('SELECT Id FROM Case;', '61.0')?.message.split('\n').pop()).toBe("line 1:19 unexpected token: ';'");
    expect(errorAt('SELECT Id FROM Case;', '60.0')?.message.split('\n').pop()).toBe("line 1:19 no viable alternative at character ';'");
  });

  it('accepts WITH SECURITY_ENFORCED before 61.0 only', () => {
    expect(errorAt('SELECT Id FROM Case WITH SECURITY_ENFORCED', '60.0')).toBeUndefined();
    expect(errorAt('SELECT Id FROM Case WITH SECURITY_ENFORCED', '61.0')?.errorCode).toBe('MALFORMED_QUERY');
  });
});
