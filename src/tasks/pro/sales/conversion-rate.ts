/**
 * Conversion Rate Comprehension (CRMArena-Pro, reference/crmarena.md §12.3): the agent with the
 * highest or lowest lead conversion rate (converted / leads created in the period). 20 of 100
 * non-answerable.
 */
import { capitalize, fill, phraseWhen } from '../../period-phrases.ts';
import type { ProGeneratorContext, ProTaskGenerator } from '../context.ts';
import type { ProCandidate } from '../types.ts';
import { drawSalesExtreme, phraseMin } from './agent-extreme.ts';
import { conversionRateRequired } from './policies.ts';
import { conversionScores } from './truth.ts';

const TEMPLATES = [
  '{When}, which agent {filter} had the {ext} lead conversion rate?',
  'Identify the agent with the {ext} conversion rate for leads created {when}{among}.',
  'Which agent converted leads at the {ext} rate {when}{among}?',
  '{When}, who had the {ext} conversion rate{among}?',
  'Find the agent with the {ext} lead conversion rate {when}{among}.',
];
const EXT = { min: ['lowest', 'worst'], max: ['highest', 'best', 'top'] };

/** Rates within half a percentage point are a tie (an agent may round to whole percents). */
const MARGIN_PCT = 0.5;

export const conversionRateComprehension: ProTaskGenerator = {
  task: 'conversion_rate_comprehension',
  reward: 'exact_match',
  noneShare: 0.2,
  draw(ctx: ProGeneratorContext, wantNone: boolean): ProCandidate | undefined {
    const inst = drawSalesExtreme(ctx, wantNone, (choice) => (w) => conversionScores(ctx.db, w, choice.today), MARGIN_PCT);
    if (!inst) return undefined;
    const { rng } = ctx;
    const filter = phraseMin(inst.min, 'lead', rng);
    const query = fill(rng.pick(TEMPLATES), {
      when: phraseWhen(inst.choice.period, rng),
      ext: rng.pick(EXT[inst.extreme]),
      filter: filter || 'with leads',
      among: filter ? ` among agents ${filter}` : '',
    });
    return { query: `${capitalize(query)} Return only the Id of the agent.`, answer: inst.answer === null ? null : [inst.answer], required: conversionRateRequired(inst.choice.today) };
  },
};
