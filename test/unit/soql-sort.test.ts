/**
 * ORDER BY on text follows Salesforce's rule for English locales: "SOQL uses the UTF-8 values of the
 * uppercase character to create a sort order" (Ref p.47) — full Unicode upper-casing, so accented and
 * non-Latin letters sort by their capital's code point, and `_` sorts after Z.
 */
import { describe, expect, it } from 'vitest';
import { Org } from '../../src/org/index.ts';
import { query } from '../../src/soql/index.ts';

describe('SOQL text sort order', () => {
  const org = Org.create(':memory:', { now: '2024-06-01T12:00:00.000Z' });
  const names = ['Øyvind', 'élan', 'zeta', '_under', 'Apple', 'Émile', 'apricot', 'straße', 'Straw'];
  for (const n of names) org.store.insert('Issue__c', { Name: n });
  const sorted = (soql: string) => query(org, soql).records.map((r) => r.Name);

  it('sorts by upper-cased code points, case-insensitively', () => {
    expect(sorted('SELECT Name FROM Issue__c ORDER BY Name')).toEqual(['Apple', 'apricot', 'straße', 'Straw', 'zeta', '_under', 'élan', 'Émile', 'Øyvind']);
    expect(sorted('SELECT Name FROM Issue__c ORDER BY Name DESC')).toEqual(['Øyvind', 'Émile', 'élan', '_under', 'zeta', 'Straw', 'straße', 'apricot', 'Apple']);
  });

  it('uses the same order in aggregate queries', () => {
    expect(sorted('SELECT Name FROM Issue__c GROUP BY Name ORDER BY Name LIMIT 3')).toEqual(['Apple', 'apricot', 'straße']);
  });
});
