/**
 * The shared truth of the Service Manager "agent with the most/least X" tasks (handle_time,
 * transfer_count): the one agent that is extreme under every window variant of the period and every
 * reading of the metric, among agents first assigned at least `minCases` cases. A variant with no
 * qualified agent reads as "None"; the instance is kept only when all variants and readings agree,
 * so an agent following any defensible reading of the query gets the same answer. Both tasks also
 * draw their instance (period, case filter, extreme) the same way: `drawAgentExtremeInstance`.
 */
import type Database from 'better-sqlite3';
import type { GeneratorContext } from './context.ts';
import { drawMinCases } from './generators/case-filter.ts';
import { drawPeriod, type PeriodChoice } from './period-sampling.ts';
import { windowVariants, type Period, type Window } from './periods.ts';
import type { Rng } from './rng.ts';
import { qualifiedAgents } from './truth/agent-metrics.ts';
import { agreeing, pickExtreme, type Truth } from './truth/extremes.ts';

/** One reading of the metric: a score per qualified agent in the window. */
export type AgentMetricReading = (w: Window, agents: readonly string[]) => ReadonlyMap<string, number>;

/**
 * The agreed agent Id, null when no agent qualifies under any variant (non-answerable), undefined
 * when variants or readings disagree or any reading ties (within `margin`) — the caller rejects it.
 */
export function agreedExtremeAgent(
  db: Database.Database,
  period: Period,
  minCases: number,
  extreme: 'min' | 'max',
  readings: readonly AgentMetricReading[],
  margin = 0,
): Truth {
  const answers: Truth[] = [];
  for (const w of windowVariants(period)) {
    const agents = qualifiedAgents(db, w, minCases);
    if (agents.length === 0) {
      answers.push(null);
      continue;
    }
    for (const reading of readings) {
      const p = pickExtreme(reading(w, agents), extreme, margin);
      answers.push(p.kind === 'one' ? p.key : undefined);
    }
  }
  return agreeing(answers.map((a) => (a === null ? 'None' : a))) === undefined ? undefined : answers[0];
}

/** A drawn instance whose truth is usable: an agent Id, or null for a non-answerable one. */
export interface AgentExtremeInstance {
  choice: PeriodChoice;
  minCases: number;
  extreme: 'min' | 'max';
  answer: string | null;
}

/**
 * Draws period, case filter and extreme (in that RNG order) and computes the truth; undefined when
 * no period fits or the truth is rejected. Non-answerable instances (`wantNone`) come from filters
 * no agent passes in the period. `drawExtreme` is the task's own min/max split.
 */
export function drawAgentExtremeInstance(
  ctx: GeneratorContext,
  wantNone: boolean,
  drawExtreme: (rng: Rng) => 'min' | 'max',
  truth: (ctx: GeneratorContext, period: Period, minCases: number, extreme: 'min' | 'max') => Truth,
): AgentExtremeInstance | undefined {
  const { rng } = ctx;
  const choice = drawPeriod(ctx, { namedShare: 0.6 });
  if (!choice) return undefined;
  const minCases = wantNone ? rng.int(2, 8) : drawMinCases(rng);
  const extreme = drawExtreme(rng);
  const answer = truth(ctx, choice.period, minCases, extreme);
  if (answer === undefined) return undefined;
  return { choice, minCases, extreme, answer };
}
