/**
 * activity_priority (CRMArena-Pro, reference/crmarena.md §12.3, exact list of Task Ids, 20 of 100
 * None): "Choose 'Not Started' tasks that do not match the opportunity's stage". The answer is the
 * opportunity's 'Not Started' tasks now in the org that were written as another stage's activity
 * (latent, seed/pro/activity/opportunity-tasks.ts): 1 to 7 Ids, or None when every one fits.
 */
import type { ProGeneratorContext, ProTaskGenerator } from '../context.ts';
import type { ProCandidate } from '../types.ts';
import { activityTruth } from './data.ts';
import { activityGuideRequired } from './policy-text.ts';

const TEMPLATES = [
  "Which 'Not Started' tasks of opportunity {id} do not match its current stage?",
  "Opportunity {id} has open tasks. Which of its 'Not Started' tasks should be deprioritised because they do not fit the stage?",
  "Identify the 'Not Started' tasks on opportunity {id} that are out of line with the opportunity's stage.",
  "List the Ids of the 'Not Started' tasks for opportunity {id} that do not belong to its stage.",
];

/** Pro's answers hold 1 to 7 Task Ids. */
const MAX_IDS = 7;

export const activityPriority: ProTaskGenerator = {
  task: 'activity_priority',
  reward: 'exact_match',
  noneShare: 0.2,
  // One question per record, however it is worded.
  dedupeKey: (c) => /\b006[0-9A-Za-z]{15}\b/.exec(c.query)![0],
  draw(ctx: ProGeneratorContext, wantNone): ProCandidate | undefined {
    const truth = activityTruth(ctx);
    const pool = truth.tasks.filter((t) => t.notStarted > 0 && t.misfits.length <= MAX_IDS && (t.misfits.length === 0) === wantNone);
    if (pool.length === 0) return undefined;
    const t = ctx.rng.pick(pool);
    return {
      query: ctx.rng.pick(TEMPLATES).replace('{id}', t.opportunityId),
      answer: t.misfits.length === 0 ? null : t.misfits,
      required: activityGuideRequired(ctx.kind),
    };
  },
};
