/**
 * Sales Cycle Understanding (CRMArena-Pro, reference/crmarena.md §12.3): the agent with the quickest
 * or slowest average sales cycle (days from opportunity creation to the contract's signature) over
 * the deals closed in a period. 20 of 100 non-answerable.
 */
import { capitalize, fill, phraseWhen } from '../../period-phrases.ts';
import type { ProGeneratorContext, ProTaskGenerator } from '../context.ts';
import type { ProCandidate } from '../types.ts';
import { drawSalesExtreme, phraseMin } from './agent-extreme.ts';
import { salesCycleRequired } from './policies.ts';
import { closedDealScores } from './truth.ts';

const TEMPLATES = [
  '{When}, which agent {filter} had the {ext} sales cycle?',
  'Identify the agent with the {ext} average sales cycle {when}{among}.',
  'Who closed deals the {adv} {when}{among}, measured by the average sales cycle?',
  '{When}, determine the agent with the {ext} sales cycle{among}.',
  'Which agent had the {ext} sales cycle for deals closed {when}{among}?',
];
const EXT = { min: ['quickest', 'shortest', 'fastest'], max: ['slowest', 'longest'] };
const ADV = { min: ['fastest', 'quickest'], max: ['slowest'] };

/** Average cycles within half a day are a tie: an agent counting whole days could not tell them apart. */
const MARGIN_DAYS = 0.5;

export const salesCycleUnderstanding: ProTaskGenerator = {
  task: 'sales_cycle_understanding',
  reward: 'exact_match',
  noneShare: 0.2,
  draw(ctx: ProGeneratorContext, wantNone: boolean): ProCandidate | undefined {
    const inst = drawSalesExtreme(ctx, wantNone, () => (w) => closedDealScores(ctx.db, ctx.kind, w, 'cycle'), MARGIN_DAYS);
    if (!inst) return undefined;
    const { rng } = ctx;
    const filter = phraseMin(inst.min, 'deal', rng);
    const query = fill(rng.pick(TEMPLATES), {
      when: phraseWhen(inst.choice.period, rng),
      ext: rng.pick(EXT[inst.extreme]),
      adv: rng.pick(ADV[inst.extreme]),
      filter: filter || 'with closed deals',
      among: filter ? ` among agents ${filter}` : '',
    });
    return { query: `${capitalize(query)} Return only the Id of the agent.`, answer: inst.answer === null ? null : [inst.answer], required: salesCycleRequired(ctx.kind, inst.choice.today) };
  },
};
