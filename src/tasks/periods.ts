/**
 * Time periods the analytics tasks ask about, their windows, and their variants.
 *
 * Windows follow CRMArena's helpers (reference/crmarena.md §3.5): `get_period` gives a month, a quarter
 * or a season of a year (Winter YEAR = Dec 1 of YEAR to Mar 1 of YEAR+1), `get_start_date` goes N days,
 * weeks, months or quarters (3 months) back from today with relativedelta. All in UTC (the org's time
 * zone), half-open `[start, end)`, as stored ISO text so SQL compares them directly.
 *
 * A question in words can be read in a few reasonable ways at its edges (is today included? is the end
 * instant of a named period inside?). `windowVariants` lists those readings; generators keep only
 * instances whose answer is the same under all of them, so an agent that reads the edges either way
 * is not penalised.
 */

export type Season = 'Spring' | 'Summer' | 'Fall' | 'Winter';
export type RelativeUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

export type Period =
  | { kind: 'month'; year: number; month: number /* 1-12 */ }
  | { kind: 'quarter'; year: number; quarter: number /* 1-4 */ }
  | { kind: 'season'; year: number; season: Season }
  | { kind: 'year'; year: number }
  | { kind: 'past'; n: number; unit: RelativeUnit; today: string /* YYYY-MM-DD */ };

export interface Window {
  /** Inclusive start, stored ISO form (`2021-02-01T00:00:00.000Z`). */
  start: string;
  /** Exclusive end, stored ISO form. */
  end: string;
}

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const DAY_MS = 86_400_000;

export function isoDay(y: number, m: number, d: number): string {
  return new Date(Date.UTC(y, m - 1, d)).toISOString();
}

/** `YYYY-MM-DD` + N calendar months, clipping the day to the month's end (dateutil relativedelta). */
export function addMonths(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return isoDay(ny, nm, Math.min(d, last)).slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(day.slice(0, 10) + 'T00:00:00.000Z') + n * DAY_MS).toISOString().slice(0, 10);
}

/** True when going back N months from `day` has to clip the day (Mar 31 - 1 month): readings differ. */
export function monthArithmeticClips(day: string, months: number): boolean {
  return addMonths(day, -months).slice(8, 10) !== day.slice(8, 10);
}

const SEASON_START: Record<Season, number> = { Spring: 3, Summer: 6, Fall: 9, Winter: 12 };

/** The window of a period (half-open). */
export function periodWindow(p: Period): Window {
  switch (p.kind) {
    case 'month':
      return { start: isoDay(p.year, p.month, 1), end: isoDay(p.year, p.month + 1, 1) };
    case 'quarter':
      return { start: isoDay(p.year, 3 * p.quarter - 2, 1), end: isoDay(p.year, 3 * p.quarter + 1, 1) };
    case 'season': {
      const m = SEASON_START[p.season];
      return { start: isoDay(p.year, m, 1), end: isoDay(p.year, m + 3, 1) };
    }
    case 'year':
      return { start: isoDay(p.year, 1, 1), end: isoDay(p.year + 1, 1, 1) };
    case 'past': {
      const startDay = pastStartDay(p.today, p.n, p.unit);
      return { start: startDay + 'T00:00:00.000Z', end: p.today + 'T00:00:00.000Z' };
    }
  }
}

export function pastStartDay(today: string, n: number, unit: RelativeUnit): string {
  switch (unit) {
    case 'day':
      return addDays(today, -n);
    case 'week':
      return addDays(today, -7 * n);
    case 'month':
      return addMonths(today, -n);
    case 'quarter':
      return addMonths(today, -3 * n);
    case 'year':
      return addMonths(today, -12 * n);
  }
}

/**
 * The readings of a period's edges an agent may reasonably take. Relative periods: today excluded or
 * included, the first day included or not. Named periods: the end instant excluded (get_cases) or
 * included (CRMArena's CaseHistory queries use `<= end`).
 */
export function windowVariants(p: Period): Window[] {
  const w = periodWindow(p);
  if (p.kind !== 'past') return [w, { start: w.start, end: plusMs(w.end, 1) }];
  const nextDay = (iso: string) => addDays(iso, 1) + 'T00:00:00.000Z';
  return [w, { start: w.start, end: nextDay(w.end) }, { start: nextDay(w.start), end: w.end }, { start: nextDay(w.start), end: nextDay(w.end) }];
}

function plusMs(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}

/** The last day (YYYY-MM-DD) inside the window. */
export function lastDayOf(w: Window): string {
  return new Date(Date.parse(w.end) - 1).toISOString().slice(0, 10);
}

/** Number of distinct calendar months the window touches. */
export function monthsSpanned(w: Window): number {
  const s = new Date(w.start);
  const e = new Date(Date.parse(w.end) - 1);
  return (e.getUTCFullYear() - s.getUTCFullYear()) * 12 + (e.getUTCMonth() - s.getUTCMonth()) + 1;
}
