/**
 * Handle Time Understanding (HTU): the agent with the shortest/longest average handle time among agents
 * first assigned enough cases in a period. Seed queries 1-3 of CRMArena (paper Table 6), paraphrased
 * by template. Ground truth in ../truth/agent-metrics.ts.
 */
import type { Candidate, TaskGenerator } from '../collect.ts';
import type { GeneratorContext } from '../context.ts';
import { handleTimeRequired, SUFFIX } from '../domain-text.ts';
import { fill, phraseWhen } from '../period-phrases.ts';
import { agreedExtremeAgent, drawAgentExtremeInstance } from '../agent-extreme-truth.ts';
import type { Period, Window } from '../periods.ts';
import { meanHandleTimes, type HandleTimeReading } from '../truth/agent-metrics.ts';
import type { Truth } from '../truth/extremes.ts';
import { phraseMinCases } from './case-filter.ts';

const TEMPLATES = [
  '{When}, identify the agent who managed {filter} and had the {ext} handle time.',
  '{When}, which agent had the {ext} average handle time among agents who managed {filter}?',
  'Find the agent with the {ext} handle time who managed {filter} {when}.',
  'Who had the {ext} average handle time among agents who handled {filter} {when}?',
  '{When}, determine the agent with the {ext} handle time who managed {filter}.',
  'Among agents who handled {filter} {when}, which one had the {ext} average handle time?',
  'Which agent achieved the {ext} average handle time {when} while handling {filter}?',
];
export const EXTREME_WORDS = { min: ['shortest', 'lowest', 'quickest'], max: ['longest', 'highest', 'slowest'] };

/** Averages closer than a minute are a tie: an agent computing in minutes could not tell them apart. */
export const MARGIN_MS = 60_000;

/** The three readings of "average handle time" (see HandleTimeReading); all must agree. */
export const READINGS: HandleTimeReading[] = [{ transfersInWindowOnly: false }, { transfersInWindowOnly: true }, { transfersInWindowOnly: false, byClosedDate: true }];

export function handleTimeTruth(ctx: Pick<GeneratorContext, 'db'>, period: Period, minCases: number, extreme: 'min' | 'max'): Truth {
  const readings = READINGS.map((reading) => (w: Window, agents: readonly string[]) => meanHandleTimes(ctx.db, w, agents, reading));
  return agreedExtremeAgent(ctx.db, period, minCases, extreme, readings, MARGIN_MS);
}

export const handleTime: TaskGenerator = {
  task: 'handle_time',
  reward: 'exact_match',
  noneShare: 0.3,
  draw(ctx, wantNone): Candidate | undefined {
    const inst = drawAgentExtremeInstance(ctx, wantNone, (rng) => (rng.chance(0.5) ? 'min' : 'max'), handleTimeTruth);
    if (!inst) return undefined;
    const { rng } = ctx;
    const query = fill(rng.pick(TEMPLATES), {
      when: phraseWhen(inst.choice.period, rng),
      filter: phraseMinCases(inst.minCases, rng),
      ext: rng.pick(EXTREME_WORDS[inst.extreme]),
    });
    return { query: `${query} ${SUFFIX.agentId}`, answer: inst.answer, required: handleTimeRequired(inst.choice.today) };
  },
};
