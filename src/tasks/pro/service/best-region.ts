/**
 * Pro's best_region_identification: the original task (src/tasks/generators/best-region.ts, same truth)
 * with Pro's None instances, 20 of 100 ([B2BT]): a period in which no case closed, so no state can be
 * named ("Which states had the quickest case closures in May 2021?" → None in Pro's b2b split). The
 * None periods are named periods over before the first case, or periods of the history with no closed
 * case under any window reading. Wording follows Pro's records ("Which states ...").
 */
import type Database from 'better-sqlite3';
import { randomDay } from '../../context.ts';
import { SUFFIX, todayRequired } from '../../domain-text.ts';
import { bestRegionTruth } from '../../generators/best-region.ts';
import { fill, phraseWhen } from '../../period-phrases.ts';
import { drawPeriod, type PeriodChoice } from '../../period-sampling.ts';
import { addMonths, periodWindow, windowVariants, type Period } from '../../periods.ts';
import type { Rng } from '../../rng.ts';
import { meanClosureByState } from '../../truth/region.ts';
import type { ProGeneratorContext, ProTaskGenerator } from '../context.ts';
import type { ProCandidate } from '../types.ts';
import { PRO_DOMAIN_DETAILS } from './domain-text.ts';

const TEMPLATES = [
  'Which states had the quickest case closures {when}?',
  'Which states have the quickest case closure time {when}?',
  '{When}, which states have the quickest case closures?',
  'Which states resolved cases the quickest {when}?',
  '{When}, in which states did we resolve cases most quickly?',
  'Which states have the quickest case closure times {when}?',
];

/** True when no closed case with a state falls in any window variant, by created or closed date. */
export function noClosedCases(db: Database.Database, period: Period): boolean {
  return windowVariants(period).every((w) => meanClosureByState(db, w, 'CreatedDate').size === 0 && meanClosureByState(db, w, 'ClosedDate').size === 0);
}

/** A named period (month, quarter, season) that ends on or before the first case. */
function periodBeforeData(ctx: ProGeneratorContext, rng: Rng): PeriodChoice | undefined {
  const year = Number(ctx.dataStart.slice(0, 4)) - rng.int(0, 1);
  const kind = rng.pick(['month', 'month', 'quarter', 'season'] as const);
  const period: Period =
    kind === 'month'
      ? { kind: 'month', year, month: rng.int(1, 12) }
      : kind === 'quarter'
        ? { kind: 'quarter', year, quarter: rng.int(1, 4) }
        : { kind: 'season', year, season: rng.pick(['Spring', 'Summer', 'Fall', 'Winter'] as const) };
  const endDay = periodWindow(period).end.slice(0, 10);
  if (endDay > ctx.dataStart) return undefined;
  const latest = addMonths(endDay, 18) < ctx.orgToday ? addMonths(endDay, 18) : ctx.orgToday;
  return { period, today: randomDay(rng, endDay, latest) };
}

export const proBestRegion: ProTaskGenerator = {
  task: 'best_region_identification',
  reward: 'exact_match',
  noneShare: 0.2,
  draw(ctx, wantNone): ProCandidate | undefined {
    const { rng } = ctx;
    const choice = wantNone && rng.chance(0.5) ? periodBeforeData(ctx, rng) : drawPeriod(ctx, { namedShare: 0.6 });
    if (!choice) return undefined;
    let answer: string[] | null;
    if (wantNone) {
      if (!noClosedCases(ctx.db, choice.period)) return undefined;
      answer = null;
    } else {
      const a = bestRegionTruth(ctx.db, choice.period);
      if (!a) return undefined;
      answer = [a];
    }
    const query = fill(rng.pick(TEMPLATES), { when: phraseWhen(choice.period, rng) });
    return { query: `${query} ${SUFFIX.bri}`, answer, required: todayRequired(choice.today), optional: PRO_DOMAIN_DETAILS };
  },
};
