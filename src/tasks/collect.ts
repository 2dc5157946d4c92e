/**
 * Drawing a task's instances: each slot asks the generator for a candidate until one fits. The mix is
 * fixed up front (30% non-answerable slots in the five tasks that have them, CRMArena §2.3), no answer
 * may fill more than a third of a task (so guessing the most common answer cannot score well), and no
 * question is asked twice. Generators return undefined for a draw they reject (a tie, an answer that
 * depends on how a window's edges are read, no data...).
 */
import type { GeneratorContext } from './context.ts';
import type { TaskInstance, TaskName } from './types.ts';

export interface Candidate {
  query: string;
  answer: string | null;
  required: string;
}

export interface TaskGenerator {
  task: TaskName;
  reward: 'exact_match' | 'fuzzy_match';
  /** Share of non-answerable instances (0 for tasks without them). */
  noneShare: number;
  /** How often one answer may appear among n instances (default: a third). */
  answerCap?(n: number, ctx: GeneratorContext): number;
  /** What makes two instances the same question (default: query and metadata); PVI asks about a case once. */
  dedupeKey?(c: Candidate): string;
  /** One draw: aim for a non-answerable instance when `wantNone`. */
  draw(ctx: GeneratorContext, wantNone: boolean): Candidate | undefined;
}

export class GenerationError extends Error {}

export function collect(gen: TaskGenerator, ctx: GeneratorContext, n: number, maxDrawsPerSlot = 400): TaskInstance[] {
  const noneSlots = Math.round(gen.noneShare * n);
  const plan = ctx.rng.shuffle([...Array(n).keys()].map((i) => i < noneSlots));
  const cap = gen.answerCap ? gen.answerCap(n, ctx) : Math.max(1, Math.floor(n / 3));
  const answerCounts = new Map<string, number>();
  const seen = new Set<string>();
  const out: TaskInstance[] = [];
  for (const wantNone of plan) {
    let got: Candidate | undefined;
    for (let draw = 0; draw < maxDrawsPerSlot && !got; draw++) {
      const c = gen.draw(ctx, wantNone);
      if (!c) continue;
      if ((c.answer === null) !== wantNone) continue;
      if (seen.has(keyOf(gen, c))) continue;
      if (c.answer !== null && (answerCounts.get(c.answer) ?? 0) >= cap) continue;
      got = c;
    }
    if (!got) {
      throw new GenerationError(
        `${gen.task}: could not draw a${wantNone ? ' non-answerable' : 'n answerable'} instance after ${maxDrawsPerSlot} tries ` +
          `(${out.length} of ${n} done); the org may be too small for ${n} instances`,
      );
    }
    seen.add(keyOf(gen, got));
    if (got.answer !== null) answerCounts.set(got.answer, (answerCounts.get(got.answer) ?? 0) + 1);
    out.push({ task: gen.task, query: got.query, answer: got.answer, required: got.required, reward_metric: gen.reward });
  }
  return out;
}

function keyOf(gen: TaskGenerator, c: Candidate): string {
  return gen.dedupeKey ? gen.dedupeKey(c) : c.query + '\u0000' + c.required;
}
