/**
 * Pro's handle_time: the original task (src/tasks/generators/handle-time.ts) with Pro's case-count
 * filter, which also counts cases an agent received by transfer (./agent-metrics.ts), Pro's policy
 * text (./domain-text.ts) and Pro's None share (20 of 100, [B2BT]). The average is over the same three
 * readings as the original; question wording follows Pro's records.
 */
import { drawAgentExtremeInstance } from '../../agent-extreme-truth.ts';
import type { GeneratorContext } from '../../context.ts';
import { SUFFIX } from '../../domain-text.ts';
import { phraseMinCases } from '../../generators/case-filter.ts';
import { fill, phraseWhen } from '../../period-phrases.ts';
import type { Period, Window } from '../../periods.ts';
import { EXTREME_WORDS, MARGIN_MS, READINGS } from '../../generators/handle-time.ts';
import { meanHandleTimes } from '../../truth/agent-metrics.ts';
import type { Truth } from '../../truth/extremes.ts';
import type { ProTaskGenerator } from '../context.ts';
import type { ProCandidate } from '../types.ts';
import { agreedExtremeAgentBoth } from './agent-metrics.ts';
import { PRO_DOMAIN_DETAILS, proHandleTimeRequired } from './domain-text.ts';

const TEMPLATES = [
  '{When}, which agent had the {ext} average handle time for those handling {filter}?',
  'Who had the {ext} average handle time among agents managing {filter} {when}?',
  'Identify the agent with the {ext} handle time {when} among those who have handled {filter}.',
  'Find the agent with the {ext} case handle time {when} who managed {filter}.',
  '{When}, find the agent with the {ext} handle time who managed {filter}.',
  'Among agents who handled {filter}, which had the {ext} average handle time {when}?',
  'Identify the agent with the {ext} handle time from those who handled {filter} {when}.',
];
// The original's extreme words, one-minute tie margin and three readings of "average handle time".

export function proHandleTimeTruth(ctx: Pick<GeneratorContext, 'db'>, period: Period, minCases: number, extreme: 'min' | 'max'): Truth {
  const readings = READINGS.map((reading) => (w: Window, agents: readonly string[]) => meanHandleTimes(ctx.db, w, agents, reading));
  return agreedExtremeAgentBoth(ctx.db, period, minCases, extreme, readings, MARGIN_MS);
}

export const proHandleTime: ProTaskGenerator = {
  task: 'handle_time',
  reward: 'exact_match',
  noneShare: 0.2,
  draw(ctx, wantNone): ProCandidate | undefined {
    const inst = drawAgentExtremeInstance(ctx, wantNone, (rng) => (rng.chance(0.5) ? 'min' : 'max'), proHandleTimeTruth);
    if (!inst) return undefined;
    const { rng } = ctx;
    const query = fill(rng.pick(TEMPLATES), {
      when: phraseWhen(inst.choice.period, rng),
      filter: phraseMinCases(inst.minCases, rng),
      ext: rng.pick(EXTREME_WORDS[inst.extreme]),
    });
    return {
      query: `${query} ${SUFFIX.agentId}`,
      answer: inst.answer === null ? null : [inst.answer],
      required: proHandleTimeRequired(inst.choice.today),
      optional: PRO_DOMAIN_DETAILS,
    };
  },
};
