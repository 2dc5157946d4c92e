/**
 * The knowledge base behind knowledge_qa: enough distinct question/answer pairs for 130 instances
 * (CRMArena: 127 distinct answers of 130, reference/crmarena.md §3.1), each answer stated in its own
 * article and in no other, so the article a search finds is the one that decides the answer.
 */
import { describe, expect, it } from 'vitest';
import { ARTICLES } from '../../seed/text/knowledge-bank.ts';

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
