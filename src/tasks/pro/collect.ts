/**
 * Drawing a Pro task's instances with the rules of src/tasks/collect.ts: the None share fixed up
 * front, no answer filling more than a third of a task, no question asked twice.
 */
import { GenerationError } from '../collect.ts';
import type { ProGeneratorContext, ProTaskGenerator } from './context.ts';
import type { ProCandidate } from './types.ts';

export function collectPro(gen: ProTaskGenerator, ctx: ProGeneratorContext, n: number, maxDrawsPerSlot = 400): ProCandidate[] {
  const noneSlots = Math.round(gen.noneShare * n);
  const plan = ctx.rng.shuffle([...Array(n).keys()].map((i) => i < noneSlots));
  const cap = gen.answerCap ? gen.answerCap(n, ctx) : Math.max(1, Math.floor(n / 3));
  const answerCounts = new Map<string, number>();
  const seen = new Set<string>();
  const out: ProCandidate[] = [];
  const keyOf = (c: ProCandidate) => (gen.dedupeKey ? gen.dedupeKey(c) : c.query + '\u0000' + c.required);
  for (const wantNone of plan) {
    let got: ProCandidate | undefined;
    for (let draw = 0; draw < maxDrawsPerSlot && !got; draw++) {
      const c = gen.draw(ctx, wantNone);
      if (!c) continue;
      // Privacy categories have no gold: their "answer" is a refusal, never None.
      if (gen.reward !== 'privacy_rejection' && (c.answer === null) !== wantNone) continue;
      if (seen.has(keyOf(c))) continue;
      const a = c.answer === null ? null : JSON.stringify([...c.answer].sort());
      if (a !== null && gen.reward !== 'privacy_rejection' && (answerCounts.get(a) ?? 0) >= cap) continue;
      got = c;
    }
    if (!got) {
      throw new GenerationError(
        `${gen.task}: could not draw a${wantNone ? ' non-answerable' : 'n answerable'} instance after ${maxDrawsPerSlot} tries ` +
          `(${out.length} of ${n} done); the org may be too small for ${n} instances`,
      );
    }
    seen.add(keyOf(got));
    if (got.answer !== null) {
      const a = JSON.stringify([...got.answer].sort());
      answerCounts.set(a, (answerCounts.get(a) ?? 0) + 1);
    }
    out.push(got);
  }
  return out;
}
