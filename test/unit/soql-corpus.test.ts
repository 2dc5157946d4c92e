/**
 * Table-driven SOQL corpus over a small hand-made org (test/fixtures-soql/soql-org.ts): each case is a
 * query and its exact answer (records, counts) or Salesforce's exact errorCode and message.
 */
import { describe, expect, it } from 'vitest';
import { corpusCases } from '../fixtures-soql/corpus-cases.ts';
import { corpusCases2 } from '../fixtures-soql/corpus-cases-2.ts';
import { runCase } from '../fixtures-soql/corpus-helpers.ts';
import { buildSoqlOrg } from '../fixtures-soql/soql-org.ts';

const f = buildSoqlOrg();
const ALL = [...corpusCases(f), ...corpusCases2(f)];

describe('SOQL corpus', () => {
  it('has at least 300 cases', () => {
    expect(ALL.reduce((n, [, cs]) => n + cs.length, 0)).toBeGreaterThanOrEqual(300);
  });
  for (const [group, cases] of ALL) {
    describe(group, () => {
      for (const [soql, exp] of cases) it(soql || '(empty query)', () => runCase(f, soql, exp));
    });
  }
});
