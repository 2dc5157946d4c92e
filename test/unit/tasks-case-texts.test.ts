/**
 * Case Routing texts name one issue: every subject/description of every issue bank, filled with every
 * product name of the seeded org, is classified back to its issue by the oracle's reading (which
 * knows nothing of the banks), and names its product unambiguously.
 */
import { describe, expect, it } from 'vitest';
import { classifyIssue, findProduct } from '../../src/oracle/solvers/case-routing.ts';
import { without } from '../../src/oracle/read-query.ts';
import { fill } from '../../src/tasks/period-phrases.ts';
import { NEW_CASE_TEXTS } from '../../src/tasks/text/new-case-texts.ts';
import { openSeededOrg } from '../support/seeded-org.ts';

describe('new-case texts', () => {
  const org = openSeededOrg();
  const issues = (org.db.prepare(`SELECT "Id" AS id, "Name" AS name FROM "Issue__c"`).all() as { id: string; name: string }[]);
  const products = (org.db.prepare(`SELECT "Id" AS id, "Name" AS name FROM "Product2"`).all() as { id: string; name: string }[]);
  const unique = products.filter((p) => products.filter((q) => q.name.toLowerCase() === p.name.toLowerCase()).length === 1);

  it('cover all ten CRMArena issues', () => {
    expect(new Set(issues.map((i) => i.name))).toEqual(new Set(Object.keys(NEW_CASE_TEXTS)));
  });

  it('are read back as their own issue and product, for every product name', () => {
    const wrong: string[] = [];
    for (const issue of issues) {
      const bank = NEW_CASE_TEXTS[issue.name]!;
      for (const p of unique) {
        for (let i = 0; i < bank.subjects.length; i++) {
          const text = `${fill(bank.subjects[i]!, { product: p.name })} ${fill(bank.descriptions[(i + p.name.length) % bank.descriptions.length]!, { product: p.name })}`;
          const found = findProduct(text, products);
          if (found.id !== p.id) wrong.push(`product: ${text}`);
          let got = '';
          try {
            got = classifyIssue(without(text, p.name), issues);
          } catch (e) {
            got = (e as Error).message;
          }
          if (got !== issue.id) wrong.push(`${issue.name}: ${text}`);
        }
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});
