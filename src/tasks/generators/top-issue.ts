/**
 * Top Issue Identification (TII): the most reported Issue__c for a product in a period (CRMArena seed
 * queries 9-10); no case in the period → None. The product Id is given in the query, as CRMArena's
 * create_tasks.py appends it.
 */
import type { Candidate, TaskGenerator } from '../collect.ts';
import { SUFFIX, todayRequired } from '../domain-text.ts';
import { fill, phraseWhen } from '../period-phrases.ts';
import { drawPeriod } from '../period-sampling.ts';
import { windowVariants, type Period } from '../periods.ts';
import { agreeing, pickExtreme, type Truth } from '../truth/extremes.ts';
import { issueCounts } from '../truth/product-analytics.ts';
import type Database from 'better-sqlite3';
import { drawProduct } from './product-pick.ts';

const TEMPLATES = [
  'What is the most frequent problem with the {product} {when}?',
  '{When}, what was the most reported issue for the {product}?',
  'Which issue came up most often for the {product} {when}?',
  'What was the predominant issue with the {product} {when}?',
  'Identify the top issue reported for the {product} {when}.',
  'What did customers complain about most for the {product} {when}?',
];

export function topIssueTruth(db: Database.Database, productId: string, period: Period): Truth {
  const answers = windowVariants(period).map((w) => {
    const p = pickExtreme(issueCounts(db, productId, w), 'max');
    return p.kind === 'one' ? p.key : p.kind === 'empty' ? 'None' : undefined;
  });
  const a = agreeing(answers);
  return a === undefined ? undefined : a === 'None' ? null : a;
}

export const topIssue: TaskGenerator = {
  task: 'top_issue_identification',
  reward: 'exact_match',
  noneShare: 0.3,
  draw(ctx, wantNone): Candidate | undefined {
    const { rng } = ctx;
    const product = drawProduct(ctx, !wantNone);
    const choice = drawPeriod(ctx, { namedShare: 0.6 });
    if (!product || !choice) return undefined;
    const answer = topIssueTruth(ctx.db, product.id, choice.period);
    if (answer === undefined) return undefined;
    const query = fill(rng.pick(TEMPLATES), { product: product.name, when: phraseWhen(choice.period, rng) });
    return { query: `${query} ${SUFFIX.tii(product.id)}`, answer, required: todayRequired(choice.today) };
  },
};
