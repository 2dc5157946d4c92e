/**
 * Mutation corpus: thousands of mangled versions of valid queries (tokens dropped, duplicated, swapped,
 * replaced, truncated, random characters). Each must compile and run, or fail with a SalesforceError;
 * never any other exception. The compiler is called directly too, so the engine's last-resort wrapper
 * cannot hide a crash. Seeded, so a failure reproduces.
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { SalesforceError } from '../../src/errors/salesforce-error.ts';
import { compile } from '../../src/soql/compile.ts';
import { query } from '../../src/soql/index.ts';
import { ensureFunctions } from '../../src/soql/udf.ts';
import { mutate, SEEDS } from '../fixtures-soql/mutations.ts';
import { buildSoqlOrg } from '../fixtures-soql/soql-org.ts';

const f = buildSoqlOrg();
ensureFunctions(f.org.db);

describe('SOQL mutation corpus', () => {
  it('every seed query is valid', () => {
    for (const q of SEEDS) expect(() => query(f.org, q)).not.toThrow();
  });

  it('3000 mangled queries produce results or SalesforceErrors only', () => {
    const rnd = seedrandom('soql-mutations-1');
    const bad: string[] = [];
    let errors = 0;
    for (let i = 0; i < 3000; i++) {
      const q = mutate(SEEDS[i % SEEDS.length]!, rnd);
      for (const run of [() => compile(f.org.db, q, { includeDeleted: i % 5 === 0, idFilter: false }), () => query(f.org, q, { includeDeleted: i % 7 === 0 })]) {
        try {
          run();
        } catch (e) {
          if (e instanceof SalesforceError) {
            errors++;
            expect(e.status).toBe(400);
            expect(e.message.length).toBeGreaterThan(0);
          } else bad.push(`${q}\n  -> ${(e as Error).stack?.split('\n').slice(0, 3).join(' | ')}`);
        }
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
    expect(errors).toBeGreaterThan(1000);
  }, 180_000);
});
