/**
 * sales_insight_mining (CRMArena-Pro, reference/crmarena.md §12.3, fuzzy match, no None): the
 * subtopics an opportunity's voice calls discussed, comma-separated in the order the policy lists
 * them ("Business problems and pain points, Pricing and competitive analysis, ...").
 */
import type { ProGeneratorContext, ProTaskGenerator } from '../context.ts';
import type { ProCandidate } from '../types.ts';
import { activityTruth } from './data.ts';
import { salesInsightRequired } from './policy-text.ts';

const TEMPLATES = [
  'What subtopics were discussed in the voice calls about opportunity {id}?',
  'Summarise the subtopics covered in the call transcripts of opportunity {id}.',
  'Which sales insight categories come up in the voice calls on opportunity {id}?',
  'List the subtopics the customer and agent talked about on the calls for opportunity {id}.',
];

export const salesInsight: ProTaskGenerator = {
  task: 'sales_insight_mining',
  reward: 'fuzzy_match',
  noneShare: 0,
  // One question per record, however it is worded.
  dedupeKey: (c) => /\b006[0-9A-Za-z]{15}\b/.exec(c.query)![0],
  draw(ctx: ProGeneratorContext): ProCandidate | undefined {
    const truth = activityTruth(ctx);
    if (truth.opportunityCalls.length === 0) return undefined;
    const o = ctx.rng.pick(truth.opportunityCalls);
    return { query: ctx.rng.pick(TEMPLATES).replace('{id}', o.opportunityId), answer: [o.subtopics.join(', ')], required: salesInsightRequired(ctx.kind) };
  },
};
