/**
 * Knowledge Question Answering (KQA): a customer's question a knowledge article answers, graded by
 * token F1 (reward_metric fuzzy_match). CRMArena asked an LLM for Q/A pairs per article; mockforce's
 * seed writes them with the articles (latent `knowledgeQa`, every answer verbatim in its article).
 * A pair used again is asked in other words, so no question repeats.
 */
import type { Candidate, TaskGenerator } from '../collect.ts';
import type { GeneratorContext } from '../context.ts';
import { KNOWLEDGE_QA_REQUIRED } from '../domain-text.ts';

const REASKS = [
  '{q}',
  'Quick question: {q}',
  'Could you tell me this? {q}',
  'I have a question about your policies. {q}',
  'Hi, {q}',
  'Can you help? {q}',
];

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

export const knowledgeQa: TaskGenerator = {
  task: 'knowledge_qa',
  reward: 'fuzzy_match',
  noneShare: 0,
  // Spread the questions over the knowledge base as CRMArena does (127 distinct answers of 130,
  // reference/crmarena.md §3.1): each answer once when the live articles hold comfortably more pairs
  // than instances (the margin keeps the last slots drawable), else no answer more than about twice
  // its fair share (a small or pruned org).
  answerCap(n, ctx) {
    const live = ctx.db.prepare(`SELECT 1 FROM "Knowledge__kav" WHERE "Id" = ? AND +"IsDeleted" = 0`);
    const distinct = new Set(ctx.latent?.knowledgeQa.filter((q) => live.get(q.articleId)).map((q) => q.answer)).size || 1;
    if (distinct >= Math.ceil(1.1 * n)) return 1;
    return Math.max(2, Math.ceil((2 * n) / distinct));
  },
  draw(ctx: GeneratorContext): Candidate | undefined {
    if (!ctx.latent || ctx.latent.knowledgeQa.length === 0) return undefined;
    const live = ctx.db.prepare(`SELECT 1 FROM "Knowledge__kav" WHERE "Id" = ? AND +"IsDeleted" = 0`);
    const qa = ctx.rng.pick(ctx.latent.knowledgeQa);
    if (!live.get(qa.articleId)) return undefined;
    const wrap = ctx.rng.chance(0.6) ? '{q}' : ctx.rng.pick(REASKS);
    const q = wrap === 'Hi, {q}' ? wrap.replace('{q}', lowerFirst(qa.question)) : wrap.replace('{q}', qa.question);
    return { query: q, answer: qa.answer, required: KNOWLEDGE_QA_REQUIRED };
  },
};
