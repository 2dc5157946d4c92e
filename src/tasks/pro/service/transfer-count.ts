/**
 * Pro's transfer_count: the original task (src/tasks/generators/transfer-count.ts) with Pro's case-count
 * filter, which also counts cases an agent received by transfer (./agent-metrics.ts), Pro's policy text
 * and None share (20 of 100, [B2BT]). A qualified agent without a transfer counts 0, as in the original.
 */
import { drawAgentExtremeInstance } from '../../agent-extreme-truth.ts';
import type { GeneratorContext } from '../../context.ts';
import { SUFFIX } from '../../domain-text.ts';
import { phraseMinCases } from '../../generators/case-filter.ts';
import { fill, phraseWhen } from '../../period-phrases.ts';
import type { Period, Window } from '../../periods.ts';
import { transferCounts } from '../../truth/agent-metrics.ts';
import type { Truth } from '../../truth/extremes.ts';
import type { ProTaskGenerator } from '../context.ts';
import type { ProCandidate } from '../types.ts';
import { agreedExtremeAgentBoth } from './agent-metrics.ts';
import { PRO_DOMAIN_DETAILS, proTransferCountRequired } from './domain-text.ts';

const TEMPLATES: { text: string; words: { max: string[]; min: string[] } }[] = [
  { text: 'Who was the agent with the {ext} transfer counts {when} among those managing {filter}?', words: { max: ['highest'], min: ['lowest'] } },
  { text: 'Identify the agent with the {ext} number of transfers {when}, considering only those who have managed {filter}.', words: { max: ['highest', 'largest'], min: ['lowest', 'smallest'] } },
  { text: 'Which agent had the {ext} transfer counts {when} among those handling {filter}?', words: { max: ['highest'], min: ['lowest'] } },
  { text: 'Find the agent who handled {filter} and had the {ext} transfers {when}.', words: { max: ['most'], min: ['fewest'] } },
  { text: 'Identify the agent with the {ext} transfers {when} among those who have handled {filter}.', words: { max: ['most'], min: ['fewest'] } },
  { text: '{When}, which agent had the {ext} transfers among agents who managed {filter}?', words: { max: ['most'], min: ['fewest'] } },
];

export function proTransferCountTruth(ctx: Pick<GeneratorContext, 'db'>, period: Period, minCases: number, extreme: 'min' | 'max'): Truth {
  const readings = [false, true].map((byCaseCreatedDate) => (w: Window, agents: readonly string[]) => transferCounts(ctx.db, w, agents, { byCaseCreatedDate }));
  return agreedExtremeAgentBoth(ctx.db, period, minCases, extreme, readings);
}

export const proTransferCount: ProTaskGenerator = {
  task: 'transfer_count',
  reward: 'exact_match',
  noneShare: 0.2,
  draw(ctx, wantNone): ProCandidate | undefined {
    const inst = drawAgentExtremeInstance(ctx, wantNone, (rng) => (rng.chance(0.65) ? 'max' : 'min'), proTransferCountTruth);
    if (!inst) return undefined;
    const { rng } = ctx;
    const t = rng.pick(TEMPLATES);
    const query = fill(t.text, { when: phraseWhen(inst.choice.period, rng), filter: phraseMinCases(inst.minCases, rng), ext: rng.pick(t.words[inst.extreme]) });
    return {
      query: `${query} ${SUFFIX.agentId}`,
      answer: inst.answer === null ? null : [inst.answer],
      required: proTransferCountRequired(inst.choice.today),
      optional: PRO_DOMAIN_DETAILS,
    };
  },
};
