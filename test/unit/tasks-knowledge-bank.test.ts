/**
 * The knowledge base behind knowledge_qa: enough distinct question/answer pairs for 130 instances
 * (CRMArena: 127 distinct answers of 130, reference/crmarena.md §3.1), each answer stated in its own
 * article and in no other, so the article a search finds is the one that decides the answer.
 */
import { describe, expect, it } from 'vitest';
import { ARTICLES } from '../../seed/text/knowledge-bank.ts';
import { generateTasks } from '../../src/tasks/generate.ts';
import { cloneSeededOrg, seededLatents } from '../support/seeded-org.ts';

const text = (a: (typeof ARTICLES)[number]) => `${a.title}. ${a.body} ${a.summary}`.toLowerCase();

describe('knowledge bank', () => {
  const pairs = ARTICLES.flatMap((a) => a.qa.map((x) => ({ key: a.key, ...x })));

  it('has at least 150 pairs with distinct questions and distinct answers over 45 articles', () => {
    expect(ARTICLES).toHaveLength(45);
    expect(pairs.length).toBeGreaterThanOrEqual(150);
    expect(new Set(pairs.map((p) => p.answer)).size).toBe(pairs.length);
    expect(new Set(pairs.map((p) => p.question)).size).toBe(pairs.length);
  });

  it('states every answer verbatim in exactly one article: its own', () => {
    for (const p of pairs) {
      const where = ARTICLES.filter((a) => text(a).includes(p.answer.toLowerCase())).map((a) => a.key);
      expect(where, `${p.key}: ${p.answer}`).toEqual([p.key]);
    }
  });

  it('states each policy value in its policy article', () => {
    for (const a of ARTICLES) for (const f of a.facts) expect(text(a), `${a.key} ${f.key}`).toContain(f.value.toLowerCase());
  });
});

describe('knowledge_qa generation', () => {
  it('still fills 130 instances when most articles were deleted, repeating answers only as needed', () => {
    const org = cloneSeededOrg();
    try {
      const latent = seededLatents();
      // Keep the 10 policy articles and a few more: far fewer live pairs than instances.
      const ids = [...new Set(latent.knowledgeQa.map((q) => q.articleId))];
      for (const id of ids.slice(14)) org.store.softDelete('Knowledge__kav', id);
      const live = new Set(ids.slice(0, 14));
      const tasks = generateTasks(org, { seed: 5, perTask: 130, latent, tasks: ['knowledge_qa'] });
      expect(tasks).toHaveLength(130);
      for (const t of tasks) expect(latent.knowledgeQa.some((q) => q.answer === t.answer && live.has(q.articleId))).toBe(true);
      const counts = new Map<string, number>();
      for (const t of tasks) counts.set(t.answer!, (counts.get(t.answer!) ?? 0) + 1);
      expect(Math.max(...counts.values())).toBeGreaterThan(1);
      expect(new Set(tasks.map((t) => t.query)).size).toBe(130);
    } finally {
      org.close();
    }
  }, 60_000);
});
