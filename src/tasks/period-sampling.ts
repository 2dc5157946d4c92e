/**
 * Drawing a period and a "today" for an analytics question. Named periods (a month, a quarter, a
 * season, a year) are always over by "today", as an analyst asks about a finished period; relative
 * periods ("the past 3 months") count back from "today". Month arithmetic that would clip a day
 * (today = May 31, "past 3 months") is avoided: dateutil and a person disagree on it.
 */
import { randomDay, type GeneratorContext } from './context.ts';
import { addDays, addMonths, monthArithmeticClips, monthsSpanned, periodWindow, type Period, type RelativeUnit, type Season } from './periods.ts';

export interface PeriodChoice {
  period: Period;
  today: string;
}

export interface PeriodOptions {
  /** Probability of a named period (else relative). */
  namedShare?: number;
  /** Longest window in calendar months touched (MTA keeps windows within a year). */
  maxMonths?: number;
  allowYear?: boolean;
}

const SEASONS: Season[] = ['Spring', 'Summer', 'Fall', 'Winter'];

export function drawPeriod(ctx: GeneratorContext, opts: PeriodOptions = {}): PeriodChoice | undefined {
  const { rng } = ctx;
  const maxMonths = opts.maxMonths ?? 60;
  const named = rng.chance(opts.namedShare ?? 0.6);
  let choice: PeriodChoice | undefined;
  if (named) {
    const firstYear = Number(ctx.dataStart.slice(0, 4));
    const lastYear = Number(ctx.dataEnd.slice(0, 4));
    const year = rng.int(firstYear, lastYear);
    const kinds = ['month', 'month', 'quarter', 'quarter', 'season', ...(opts.allowYear === false ? [] : ['year'])];
    const kind = rng.pick(kinds);
    let period: Period;
    if (kind === 'month') period = { kind: 'month', year, month: rng.int(1, 12) };
    else if (kind === 'quarter') period = { kind: 'quarter', year, quarter: rng.int(1, 4) };
    else if (kind === 'season') period = { kind: 'season', year, season: rng.pick(SEASONS) };
    else period = { kind: 'year', year };
    const w = periodWindow(period);
    const endDay = w.end.slice(0, 10);
    if (endDay > ctx.orgToday || w.start.slice(0, 10) > ctx.dataEnd) return undefined;
    const latest = addMonths(endDay, 18) < ctx.orgToday ? addMonths(endDay, 18) : ctx.orgToday;
    choice = { period, today: randomDay(rng, endDay, latest) };
  } else {
    // N ≥ 2: "the past quarter" or "the past year" could also mean the previous calendar quarter or year.
    const unit = rng.weighted<RelativeUnit>(['month', 'quarter', 'week', 'day'], [45, 20, 15, 20]);
    const n = unit === 'month' ? rng.int(2, 12) : unit === 'quarter' ? rng.int(2, 4) : unit === 'week' ? rng.int(2, 10) : rng.pick([7, 10, 14, 30, 45, 60, 90]);
    const today = randomDay(rng, addDays(ctx.dataStart, 30), ctx.orgToday);
    if ((unit === 'month' || unit === 'quarter' || unit === 'year') && monthArithmeticClips(today, unit === 'month' ? n : unit === 'quarter' ? 3 * n : 12)) {
      return undefined;
    }
    choice = { period: { kind: 'past', n, unit, today }, today };
  }
  if (monthsSpanned(periodWindow(choice.period)) > maxMonths) return undefined;
  return choice;
}
