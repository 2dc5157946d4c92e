/**
 * Salesforce's own SOQL grammar (ANTLR, shipped in @salesforce/soql-common; DESIGN.md "SOQL": an
 * oracle of what Salesforce's parser accepts, used in tests only) checks that we accept nothing it
 * rejects: every query of both corpora we answer, and thousands of mangled queries we answer, must
 * parse there too (API 61, not Apex, single currency like this org). Semantic errors (unknown fields,
 * grouping rules...) are ours alone; the grammar cannot judge them.
 */
import { createRequire } from 'node:module';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { query } from '../../src/soql/index.ts';
import { corpusCases } from '../fixtures-soql/corpus-cases.ts';
import { corpusCases2 } from '../fixtures-soql/corpus-cases-2.ts';
import { fill } from '../fixtures-soql/corpus-helpers.ts';
import { mutate, SEEDS } from '../fixtures-soql/mutations.ts';
import { buildSoqlOrg } from '../fixtures-soql/soql-org.ts';

interface ParseResult {
  getSuccess(): boolean;
  getParserErrors(): { getMessage(): string }[];
}
const require = createRequire(import.meta.url);
const { SOQLParser } = require('@salesforce/soql-common/lib/soql-parser') as {
  SOQLParser: (c: { isApex: boolean; isMultiCurrencyEnabled: boolean; apiVersion: number }) => { parseQuery(q: string): ParseResult };
};
const grammar = SOQLParser({ isApex: false, isMultiCurrencyEnabled: false, apiVersion: 61 });

/** Why Salesforce's grammar rejects `soql` (lexer errors included), or undefined when it accepts it. */
function grammarError(soql: string): string | undefined {
  const lexer: string[] = [];
  const original = console.error;
  console.error = (...a: unknown[]) => void lexer.push(a.join(' '));
  try {
    const r = grammar.parseQuery(soql);
    if (lexer.length) return lexer[0];
    return r.getSuccess() ? undefined : r.getParserErrors()[0]?.getMessage() ?? 'rejected';
  } finally {
    console.error = original;
  }
}

const f = buildSoqlOrg();

function answered(soql: string): boolean {
  try {
    query(f.org, soql);
    return true;
  } catch {
    return false;
  }
}

describe("Salesforce's SOQL grammar as an oracle", () => {
  it('accepts every corpus query we answer', () => {
    const wrong: string[] = [];
    for (const [, cases] of [...corpusCases(f), ...corpusCases2(f)]) {
      for (const [soql, exp] of cases) {
        if ('err' in exp) continue;
        const text = fill(soql, f);
        const why = grammarError(text);
        if (why) wrong.push(`${text}\n  -> ${why}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('accepts every mangled query we answer (6000 mangled, a few hundred answered)', () => {
    const rnd = seedrandom('soql-grammar-oracle');
    const wrong: string[] = [];
    let answeredCount = 0;
    for (let i = 0; i < 6000; i++) {
      const q = mutate(SEEDS[i % SEEDS.length]!, rnd);
      if (!answered(q)) continue;
      answeredCount++;
      const why = grammarError(q);
      if (why) wrong.push(`${q}\n  -> ${why}`);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(answeredCount).toBeGreaterThan(300);
  }, 120_000);
});
