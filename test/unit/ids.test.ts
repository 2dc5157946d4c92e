import { describe, expect, it } from 'vitest';
import { base62, fromBase62, makeId, normalizeId, to18 } from '../../src/org/ids.ts';

describe('Salesforce Ids', () => {
  // Real Ids quoted in reference/salesforce-api.md §7.
  const REAL: [string, string][] = [
    ['001D000000IqhSL', 'IAZ'],
    ['005600000045vWe', 'AAI'],
    ['00Di0000000icUB', 'EAY'],
    ['012000000000000', 'AAA'],
    ['0ZGHo000000hpPd', 'OAI'],
    ['5706D000000E1Ll', 'QAK'],
    ['02sHu00001efErP', 'IAU'],
    ['ka0J00000005YlF', 'IAU'],
    ['01gD0000002HU6K', 'IAW'],
  ];

  it.each(REAL)('computes the checksum of %s', (id15, suffix) => {
    expect(to18(id15)).toBe(id15 + suffix);
  });

  it('normalizes 15- and 18-character forms to the same canonical Id', () => {
    for (const [id15, suffix] of REAL) {
      expect(normalizeId(id15)).toBe(id15 + suffix);
      expect(normalizeId(id15 + suffix)).toBe(id15 + suffix);
      // 18-character Ids are case-insensitive.
      expect(normalizeId((id15 + suffix).toLowerCase())).toBe(id15 + suffix);
      expect(normalizeId((id15 + suffix).toUpperCase())).toBe(id15 + suffix);
    }
  });

  it('rejects strings that are not Ids', () => {
    for (const bad of ['', '001', '001D000000IqhS', '001D000000IqhSL!', '001D000000IqhSLIA', "001D000000IqhSL' OR 1=1", '001D000000IqhSL999']) {
      expect(normalizeId(bad), bad).toBeUndefined();
    }
  });

  it('mints checksum-valid Ids with the key prefix', () => {
    const id = makeId('500', 12345);
    expect(id).toHaveLength(18);
    expect(id.startsWith('500Mf')).toBe(true);
    expect(to18(id.slice(0, 15))).toBe(id);
    expect(fromBase62(base62(987654321, 10))).toBe(987654321);
  });
});
