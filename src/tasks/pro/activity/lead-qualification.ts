/**
 * lead_qualification (CRMArena-Pro, reference/crmarena.md §12.3, exact match, 20 of 100 None): which
 * BANT factors a lead's voice calls leave unmet. The answer is the latent gaps the calls were written
 * with (seed/pro/activity/lead-calls.ts), for leads whose calls are all still in the org; None when
 * all four are met.
 */
import type { ProGeneratorContext, ProTaskGenerator } from '../context.ts';
import type { ProCandidate } from '../types.ts';
import { activityTruth } from './data.ts';
import { leadQualificationRequired } from './policy-text.ts';

const TEMPLATES = [
  'Based on the voice call transcripts, which BANT factors does the lead with Id {id} fail to meet? Return only the unmet factors.',
  'Is lead {id} qualified under our BANT criteria? List the factors that are not met.',
  'Review the call transcripts of lead {id} and tell me which BANT factors are unmet.',
  'Which of Budget, Authority, Need and Timeline are not satisfied for lead {id}, according to its voice calls?',
  'Check whether lead {id} meets the BANT qualification criteria. Which factors are missing?',
];

export const leadQualification: ProTaskGenerator = {
  task: 'lead_qualification',
  reward: 'exact_match',
  noneShare: 0.2,
  // One question per record, however it is worded.
  dedupeKey: (c) => /\b00Q[0-9A-Za-z]{15}\b/.exec(c.query)![0],
  draw(ctx: ProGeneratorContext, wantNone): ProCandidate | undefined {
    const truth = activityTruth(ctx);
    const pool = truth.leads.filter((l) => (l.unmet.length === 0) === wantNone);
    if (pool.length === 0) return undefined;
    const l = ctx.rng.pick(pool);
    return {
      query: ctx.rng.pick(TEMPLATES).replace('{id}', l.leadId),
      answer: l.unmet.length === 0 ? null : l.unmet,
      required: leadQualificationRequired(ctx.latent.activity.timelineMonths),
    };
  },
};
