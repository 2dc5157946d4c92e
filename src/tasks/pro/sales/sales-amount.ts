/**
 * Sales Amount Understanding (CRMArena-Pro, reference/crmarena.md §12.3): the agent with the top or
 * lowest sales amount in a period, sales = order amounts (Quantity × UnitPrice) of the agent's deals
 * whose contract was signed in the period. 20 of 100 non-answerable.
 */
import { capitalize, fill, phraseWhen } from '../../period-phrases.ts';
import type { ProGeneratorContext, ProTaskGenerator } from '../context.ts';
import type { ProCandidate } from '../types.ts';
import { drawSalesExtreme, phraseMin } from './agent-extreme.ts';
import { salesAmountRequired } from './policies.ts';
import { closedDealScores } from './truth.ts';

const TEMPLATES = [
  '{When}, which agent {filter} had the {ext} sales amount?',
  'Identify the agent with the {ext} total sales {when}{among}.',
  'Which agent generated the {ext} sales {when}{among}?',
  '{When}, who is the agent with the {ext} sales amount{among}?',
  'Find the agent whose sales were the {ext} {when}{among}.',
];
const EXT = { min: ['lowest', 'smallest', 'least'], max: ['highest', 'top', 'largest'] };

/** Sales within a cent are a tie. */
const MARGIN = 0.01;

export const salesAmountUnderstanding: ProTaskGenerator = {
  task: 'sales_amount_understanding',
  reward: 'exact_match',
  noneShare: 0.2,
  draw(ctx: ProGeneratorContext, wantNone: boolean): ProCandidate | undefined {
    const inst = drawSalesExtreme(ctx, wantNone, () => (w) => closedDealScores(ctx.db, ctx.kind, w, 'amount'), MARGIN);
    if (!inst) return undefined;
    const { rng } = ctx;
    const filter = phraseMin(inst.min, 'deal', rng);
    const query = fill(rng.pick(TEMPLATES), {
      when: phraseWhen(inst.choice.period, rng),
      ext: rng.pick(EXT[inst.extreme]),
      filter: filter || 'with closed deals',
      among: filter ? ` among agents ${filter}` : '',
    });
    return { query: `${capitalize(query)} Return only the Id of the agent.`, answer: inst.answer === null ? null : [inst.answer], required: salesAmountRequired(ctx.kind, inst.choice.today) };
  },
};
