/**
 * A Pro task from an original CRMArena generator, by composition: the same draws and ground truth,
 * the answer as a one-element list (Pro's records carry lists, [B2BT]), Pro's None share and Pro's
 * Domain Details. `view` narrows what the original generator sees (e.g. knowledge_qa without the
 * confidential articles).
 */
import type { TaskGenerator } from '../../collect.ts';
import type { ProGeneratorContext, ProTaskGenerator } from '../context.ts';
import type { ProCandidate, ProTaskName } from '../types.ts';
import { PRO_DOMAIN_DETAILS } from './domain-text.ts';

export function fromOriginal(
  task: ProTaskName,
  original: TaskGenerator,
  noneShare: number,
  view: (ctx: ProGeneratorContext) => ProGeneratorContext = (ctx) => ctx,
): ProTaskGenerator {
  const dedupeKey = original.dedupeKey;
  return {
    task,
    reward: original.reward,
    noneShare,
    ...(original.answerCap ? { answerCap: (n: number, ctx: ProGeneratorContext) => original.answerCap!(n, view(ctx)) } : {}),
    ...(dedupeKey ? { dedupeKey: (c: ProCandidate) => dedupeKey({ query: c.query, required: c.required, answer: c.answer?.[0] ?? null }) } : {}),
    draw(ctx, wantNone): ProCandidate | undefined {
      const c = original.draw(view(ctx), wantNone);
      if (!c) return undefined;
      return { query: c.query, answer: c.answer === null ? null : [c.answer], required: c.required, optional: PRO_DOMAIN_DETAILS };
    },
  };
}
