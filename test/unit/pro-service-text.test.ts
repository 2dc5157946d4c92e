/**
 * The text banks of CRMArena-Pro's service half (seed/pro/text/): per theme, ten issues with a policy
 * article each, knowledge-QA answers stated in exactly one article, and policy facts the policy-
 * violation oracle can decide — the stated value is read as compliant, every wrong value as a
 * contradiction of that article — while nothing else an agent says carries a quantity.
 */
import { describe, expect, it } from 'vitest';
import { B2B_THEME } from '../../seed/pro/text/b2b.ts';
import { B2C_THEME } from '../../seed/pro/text/b2c.ts';
import { fill } from '../../seed/generators/cases.ts';
import { ORIGINAL_THEME } from '../../seed/text/original-theme.ts';
import type { ServiceTheme } from '../../seed/text/theme.ts';
import type { OracleApi } from '../../src/oracle/api.ts';
import { contradictedArticle, knowledgeBase, quantities } from '../../src/oracle/solvers/policy-violation.ts';

const THEMES: ServiceTheme[] = [B2B_THEME, B2C_THEME];

/** The knowledge base as the oracle reads it over the API (Id = article key). */
function fakeApi(theme: ServiceTheme): OracleApi {
  const records = theme.articles.map((a) => ({ Id: a.key, Title: a.title, Summary: a.summary, FAQ_Answer__c: a.body }));
  return { queryAll: async () => ({ records, totalSize: records.length, done: true }) } as unknown as OracleApi;
}

describe.each(THEMES.map((t) => [t.key, t] as const))('%s theme', (_key, theme) => {
  const text = (a: (typeof theme.articles)[number]) => `${a.title}. ${a.body} ${a.summary}`.toLowerCase();
  const pairs = theme.articles.flatMap((a) => a.qa.map((x) => ({ key: a.key, ...x })));

  it('has its own company and ten distinct issues, each governed by one policy article with facts', () => {
    expect(theme.company.name).not.toBe(ORIGINAL_THEME.company.name);
    expect(theme.issues).toHaveLength(10);
    expect(new Set(theme.issues.map((i) => i.name)).size).toBe(10);
    for (const issue of theme.issues) {
      const governing = theme.articles.filter((a) => a.issue === issue.name);
      expect(governing, issue.name).toHaveLength(1);
      expect(governing[0]!.facts.length, issue.name).toBeGreaterThan(0);
    }
  });

  it('has at least 80 QA pairs, distinct, each answer verbatim in exactly its own article', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(80);
    expect(new Set(pairs.map((p) => p.answer)).size).toBe(pairs.length);
    expect(new Set(pairs.map((p) => p.question)).size).toBe(pairs.length);
    expect(new Set(theme.articles.map((a) => a.key)).size).toBe(theme.articles.length);
    for (const p of pairs) {
      const where = theme.articles.filter((a) => text(a).includes(p.answer.toLowerCase())).map((a) => a.key);
      expect(where, `${p.key}: ${p.answer}`).toEqual([p.key]);
    }
  });

  it('lets the policy-violation oracle read every stated fact as compliant and every wrong value as a contradiction', async () => {
    const kb = await knowledgeBase(fakeApi(theme));
    let checked = 0;
    for (const a of theme.articles) {
      for (const f of a.facts) {
        expect(text(a), `${a.key} ${f.key}`).toContain(f.value.toLowerCase());
        expect(contradictedArticle(fill(f.statement, { value: f.value }), kb), `${f.key} stated correctly`).toBeUndefined();
        for (const wrong of f.wrongValues) {
          expect(contradictedArticle(fill(f.statement, { value: wrong }), kb), `${f.key} claimed ${wrong}`).toBe(a.key);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('keeps quantities out of everything else an agent writes, and digits out of product names', () => {
    const c = theme.conversation;
    const agentLines = [
      ...c.greetings, ...c.transfers, ...c.introNewAgent, ...c.nextSteps, ...c.openLines, ...c.closings, ...c.chatOpeners, ...c.chatPending,
      ...theme.issues.flatMap((i) => i.cases.resolutions),
    ];
    for (const line of agentLines) expect(quantities(line), line).toEqual([]);
    const words = [...theme.catalog.productLines, ...theme.catalog.categories.flatMap((cat) => [...cat.kinds, ...cat.attributes]), ...theme.catalog.colors];
    for (const w of words) expect(w, w).not.toMatch(/\d/);
    for (const w of theme.catalog.productLines) expect(w, w).toMatch(/^[A-Z][a-z]+$/);
  });
});
