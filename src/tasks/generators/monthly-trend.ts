/**
 * Monthly Trend Analysis (MTA): the month in a period with more cases for a product than every other
 * month (the "significantly more" note of the domain details). Windows stay within twelve calendar
 * months and instances are kept only when counting by month name (CRMArena's '%B') and by calendar
 * month give the same unique month; at least two cases make the peak.
 */
import type Database from 'better-sqlite3';
import type { Candidate, TaskGenerator } from '../collect.ts';
import { SUFFIX, todayRequired } from '../domain-text.ts';
import { fill, phraseWhen } from '../period-phrases.ts';
import { drawPeriod } from '../period-sampling.ts';
import { MONTH_NAMES, windowVariants, type Period } from '../periods.ts';
import { agreeing, pickExtreme, type Truth } from '../truth/extremes.ts';
import { monthCounts } from '../truth/product-analytics.ts';
import { drawProduct } from './product-pick.ts';

const TEMPLATES = [
  'Is there a specific month {when} when the {product} cases we received were significantly higher than in other months?',
  '{When}, is there a particular month where we received significantly more cases for the {product} compared to other months?',
  'Are there any months {when} where the number of cases received for the {product} is significantly higher than in other months?',
  '{When}, was there a significant spike in the number of cases for the {product} in any particular month?',
  'Which month {when} stands out with significantly more cases for the {product} than the other months?',
];

export function monthlyTrendTruth(db: Database.Database, productId: string, period: Period): Truth {
  const answers: (string | undefined)[] = [];
  for (const w of windowVariants(period)) {
    const byName = monthCounts(db, productId, w, true);
    const p = pickExtreme(byName, 'max');
    if (p.kind !== 'one' || byName.get(p.key)! < 2) return undefined;
    const byCal = pickExtreme(monthCounts(db, productId, w, false), 'max');
    if (byCal.kind !== 'one' || MONTH_NAMES[Number(byCal.key.slice(5, 7)) - 1] !== p.key) return undefined;
    answers.push(p.key);
  }
  return agreeing(answers);
}

export const monthlyTrend: TaskGenerator = {
  task: 'monthly_trend_analysis',
  reward: 'exact_match',
  noneShare: 0,
  draw(ctx): Candidate | undefined {
    const { rng } = ctx;
    const product = drawProduct(ctx);
    const choice = drawPeriod(ctx, { namedShare: 0.35, maxMonths: 12 });
    if (!product || !choice || choice.period.kind === 'month') return undefined;
    const answer = monthlyTrendTruth(ctx.db, product.id, choice.period);
    if (answer === undefined) return undefined;
    const query = fill(rng.pick(TEMPLATES), { product: product.name, when: phraseWhen(choice.period, rng) });
    return { query: `${query} ${SUFFIX.mta(product.id)}`, answer, required: todayRequired(choice.today) };
  },
};
