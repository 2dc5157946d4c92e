/**
 * Aliases Salesforce's grammar refuses (src/soql/refused-aliases.ts): every SOQL keyword in each alias
 * position must be refused by us whenever @salesforce/soql-common's ANTLR grammar refuses it, and
 * the refusal is Salesforce's MALFORMED_QUERY at the offending token.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { query } from '../../src/soql/index.ts';
import { buildSoqlOrg } from '../fixtures-soql/soql-org.ts';

const require = createRequire(import.meta.url);
const { SOQLParser } = require('@salesforce/soql-common/lib/soql-parser') as {
  SOQLParser: (c: { isApex: boolean; isMultiCurrencyEnabled: boolean; apiVersion: number }) => { parseQuery(q: string): { getSuccess(): boolean } };
};
const grammar = SOQLParser({ isApex: false, isMultiCurrencyEnabled: false, apiVersion: 61 });
const f = buildSoqlOrg();

function grammarAccepts(soql: string): boolean {
  const original = console.error;
  console.error = () => {};
  try {
    return grammar.parseQuery(soql).getSuccess();
  } finally {
    console.error = original;
  }
}

function ours(soql: string): { ok: true } | { ok: false; errorCode: string; message: string } {
  try {
    query(f.org, soql);
    return { ok: true };
  } catch (e) {
    const err = e as { errorCode: string; message: string };
    return { ok: false, errorCode: err.errorCode, message: err.message };
  }
}

const KEYWORDS = (
  'and as asc at above above_or_below below by bind category cube data desc distance end excludes first for from ' +
  'geolocation group having in includes last like limit not null nulls offset or order reference rollup scope select ' +
  'then tolabel true false typeof update using view viewstat tracking when where with security_enforced user_mode ' +
  'system_mode all rows converttimezone count count_distinct sum min max avg format convertcurrency fields grouping ' +
  'calendar_year today yesterday flat hierarchal else'
).split(' ');

const POSITIONS = [
  'SELECT Id FROM Case W',
  "SELECT Id FROM Case W WHERE Subject = 'x'",
  'SELECT COUNT() W FROM Case',
  'SELECT COUNT(Id) W FROM Case',
  'SELECT Status, COUNT(Id) W FROM Case GROUP BY Status',
];

describe('aliases the grammar refuses', () => {
  it('no keyword in an alias position is accepted by us and refused by the grammar', () => {
    const wrong: string[] = [];
    let refusedByGrammar = 0;
    for (const tmpl of POSITIONS) {
      for (const w of KEYWORDS) {
        const q = tmpl.replace(' W', ` ${w.toUpperCase()}`);
        if (grammarAccepts(q)) continue;
        refusedByGrammar++;
        if (ours(q).ok) wrong.push(q);
      }
    }
    expect(wrong).toEqual([]);
    expect(refusedByGrammar).toBeGreaterThan(100);
  });

  it('FROM Case BY WHERE ... is a syntax error at BY, as Salesforce answers', () => {
    const q = "SELECT Id FROM Case BY WHERE Subject = 'x'";
    expect(grammarAccepts(q)).toBe(false);
    expect(ours(q)).toEqual({
      ok: false,
      errorCode: 'MALFORMED_QUERY',
      message: `\n${q}\n                    ^\nERROR at Row:1:Column:21\nunexpected token: 'BY'`,
    });
  });

  it('COUNT() takes no alias: a syntax error at the alias', () => {
    const r = ours('SELECT COUNT() c FROM Case');
    expect(r).toMatchObject({ ok: false, errorCode: 'MALFORMED_QUERY' });
    expect((r as { message: string }).message).toMatch(/ERROR at Row:1:Column:16\nunexpected token: 'c'$/);
  });

  it('keeps what the grammar accepts: object aliases, aggregate aliases, GROUP BY / ORDER BY, COUNT() FROM', () => {
    for (const q of [
      "SELECT c.Id FROM Case c WHERE c.Subject = 'x'",
      'SELECT COUNT() FROM Case',
      'SELECT Status, COUNT(Id) n FROM Case GROUP BY Status ORDER BY Status',
    ]) {
      expect(grammarAccepts(q)).toBe(true);
      expect(ours(q)).toEqual({ ok: true });
    }
  });
});
