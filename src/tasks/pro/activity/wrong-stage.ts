/**
 * wrong_stage_rectification (CRMArena-Pro, reference/crmarena.md §12.3, exact match, 20 of 100 None):
 * the stage an opportunity should be at, which its latest voice call evidences
 * (seed/pro/activity/opportunity-calls.ts); None when the stored StageName already is that stage.
 */
import type { ProGeneratorContext, ProTaskGenerator } from '../context.ts';
import type { ProCandidate } from '../types.ts';
import { activityTruth } from './data.ts';
import { stagePolicyRequired } from './policy-text.ts';

const TEMPLATES = [
  'What should the correct stage of opportunity {id} be?',
  'The stage of opportunity {id} may be out of date. Which stage should it be in?',
  'Check opportunity {id}: is its stage right? If not, what is the correct stage?',
  'Based on its latest call, which stage should opportunity {id} be moved to?',
  'Identify the correct stage for the opportunity with Id {id}.',
];

export const wrongStage: ProTaskGenerator = {
  task: 'wrong_stage_rectification',
  reward: 'exact_match',
  noneShare: 0.2,
  // One question per record, however it is worded.
  dedupeKey: (c) => /\b006[0-9A-Za-z]{15}\b/.exec(c.query)![0],
  draw(ctx: ProGeneratorContext, wantNone): ProCandidate | undefined {
    const truth = activityTruth(ctx);
    const pool = truth.opportunityCalls.filter((o) => (o.stored === o.trueStage) === wantNone);
    if (pool.length === 0) return undefined;
    const o = ctx.rng.pick(pool);
    return {
      query: ctx.rng.pick(TEMPLATES).replace('{id}', o.opportunityId),
      answer: o.stored === o.trueStage ? null : [o.trueStage],
      required: stagePolicyRequired(ctx.kind),
    };
  },
};
