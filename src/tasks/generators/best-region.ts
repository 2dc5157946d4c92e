/**
 * Best Region Identification (BRI): the state (Account.ShippingState) whose closed cases of a period
 * closed fastest on average (CRMArena seed queries 11-12). Means closer than a minute are a tie.
 */
import type Database from 'better-sqlite3';
import type { Candidate, TaskGenerator } from '../collect.ts';
import { SUFFIX, todayRequired } from '../domain-text.ts';
import { fill, phraseWhen } from '../period-phrases.ts';
import { drawPeriod } from '../period-sampling.ts';
import { windowVariants, type Period } from '../periods.ts';
import { agreeing, pickExtreme, type Truth } from '../truth/extremes.ts';
import { meanClosureByState } from '../truth/region.ts';

const TEMPLATES = [
  'Which state had the quickest case closures {when}?',
  '{When}, in which state did we close cases the fastest?',
  'In which state do we close cases the fastest {when}?',
  'Which state had the shortest average case closure time {when}?',
  'Identify the state with the fastest average time to close cases {when}.',
  '{When}, which region (state) resolved its cases the quickest on average?',
];

const MARGIN_MS = 60_000;

export function bestRegionTruth(db: Database.Database, period: Period): Truth {
  return agreeing(
    windowVariants(period).flatMap((w) => (['CreatedDate', 'ClosedDate'] as const).map((by) => [w, by] as const)).map(([w, by]) => {
      const byState = meanClosureByState(db, w, by);
      // A question about regions needs several regions with cases.
      if (byState.size < 3) return undefined;
      const p = pickExtreme(new Map([...byState].map(([k, v]) => [k, v.mean])), 'min', MARGIN_MS);
      return p.kind === 'one' ? p.key : undefined;
    }),
  );
}

export const bestRegion: TaskGenerator = {
  task: 'best_region_identification',
  reward: 'exact_match',
  noneShare: 0,
  draw(ctx): Candidate | undefined {
    const { rng } = ctx;
    const choice = drawPeriod(ctx, { namedShare: 0.6 });
    if (!choice) return undefined;
    const answer = bestRegionTruth(ctx.db, choice.period);
    if (!answer) return undefined;
    const query = fill(rng.pick(TEMPLATES), { when: phraseWhen(choice.period, rng) });
    return { query: `${query} ${SUFFIX.bri}`, answer, required: todayRequired(choice.today) };
  },
};
