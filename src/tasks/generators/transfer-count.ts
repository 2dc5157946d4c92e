/**
 * Transfer Count Understanding (TCU): the agent with the most/fewest transfers away among agents first
 * assigned enough cases in a period (CRMArena seed queries 4-6). A qualified agent without a transfer
 * counts 0, as the policy's definition says. Ground truth in ../truth/agent-metrics.ts.
 */
import type { Candidate, TaskGenerator } from '../collect.ts';
import type { GeneratorContext } from '../context.ts';
import { SUFFIX, transferCountRequired } from '../domain-text.ts';
import { fill, phraseWhen } from '../period-phrases.ts';
import { agreedExtremeAgent, drawAgentExtremeInstance } from '../agent-extreme-truth.ts';
import type { Period, Window } from '../periods.ts';
import { transferCounts } from '../truth/agent-metrics.ts';
import type { Truth } from '../truth/extremes.ts';
import { phraseMinCases } from './case-filter.ts';

const TEMPLATES: { text: string; words: { max: string[]; min: string[] } }[] = [
  { text: '{When}, which agent had the {ext} transfers among agents who managed {filter}?', words: { max: ['most'], min: ['fewest'] } },
  { text: 'Identify the agent with the {ext} number of transfers {when} among those who handled {filter}.', words: { max: ['highest', 'largest'], min: ['lowest', 'smallest'] } },
  { text: 'Determine the agent with the {ext} transfer count {when} who managed {filter}.', words: { max: ['highest'], min: ['lowest'] } },
  { text: 'Among agents who handled {filter} {when}, who had the {ext} case transfers?', words: { max: ['most'], min: ['fewest'] } },
  { text: '{When}, who transferred the {ext} cases to other agents, considering only agents who managed {filter}?', words: { max: ['most'], min: ['fewest'] } },
  { text: 'Which agent had the {ext} transfer count {when} among agents handling {filter}?', words: { max: ['highest'], min: ['lowest'] } },
];

export function transferCountTruth(ctx: Pick<GeneratorContext, 'db'>, period: Period, minCases: number, extreme: 'min' | 'max'): Truth {
  // Transfers counted by the history row's date and by the case's CreatedDate must agree.
  const readings = [false, true].map((byCaseCreatedDate) => (w: Window, agents: readonly string[]) => transferCounts(ctx.db, w, agents, { byCaseCreatedDate }));
  return agreedExtremeAgent(ctx.db, period, minCases, extreme, readings);
}

export const transferCount: TaskGenerator = {
  task: 'transfer_count',
  reward: 'exact_match',
  noneShare: 0.3,
  draw(ctx, wantNone): Candidate | undefined {
    const inst = drawAgentExtremeInstance(ctx, wantNone, (rng) => (rng.chance(0.65) ? 'max' : 'min'), transferCountTruth);
    if (!inst) return undefined;
    const { rng } = ctx;
    const t = rng.pick(TEMPLATES);
    const query = fill(t.text, { when: phraseWhen(inst.choice.period, rng), filter: phraseMinCases(inst.minCases, rng), ext: rng.pick(t.words[inst.extreme]) });
    return { query: `${query} ${SUFFIX.agentId}`, answer: inst.answer, required: transferCountRequired(inst.choice.today) };
  },
};
