/**
 * SOQL date literals (TODAY, LAST_N_DAYS:n, THIS_FISCAL_QUARTER...) as half-open ranges computed from
 * the org clock, with the boundaries of the Spring '26 SOQL reference (reference/soql.md §2.5).
 * Time zone: the org runs in UTC (no per-user zones are modelled), so day boundaries are UTC midnight.
 * Week: Sunday-Saturday (en_US locale). Fiscal year: the standard fiscal year starting in January, so
 * the FISCAL literals equal the calendar ones.
 */

export interface DayRange {
  /** Inclusive start, `YYYY-MM-DD`. */
  start: string;
  /** Exclusive end, `YYYY-MM-DD`. */
  end: string;
  /** LAST_N_DAYS and LAST_90_DAYS end "at the current second", not at midnight. */
  endsNow?: boolean;
}

/** First month (1-12) of the standard fiscal year. */
export const FISCAL_YEAR_START_MONTH = 1;

const DAY = 86_400_000;

/** Earliest and latest days a literal can reach; huge `:n` values clamp instead of overflowing Date. */
const MIN_MS = Date.UTC(1, 0, 1);
const MAX_MS = Date.UTC(9999, 11, 31);

function ymd(ms: number): string {
  const clamped = Number.isFinite(ms) ? Math.min(MAX_MS, Math.max(MIN_MS, ms)) : ms < 0 || Number.isNaN(ms) ? MIN_MS : MAX_MS;
  return new Date(clamped).toISOString().slice(0, 10);
}

function utcDay(y: number, m0: number, d: number): number {
  return Date.UTC(y, m0, d);
}

/** Literals that take `:n`. */
export const N_LITERALS = new Set([
  'LAST_N_DAYS', 'NEXT_N_DAYS', 'N_DAYS_AGO', 'NEXT_N_WEEKS', 'LAST_N_WEEKS', 'N_WEEKS_AGO', 'NEXT_N_MONTHS',
  'LAST_N_MONTHS', 'N_MONTHS_AGO', 'NEXT_N_QUARTERS', 'LAST_N_QUARTERS', 'N_QUARTERS_AGO', 'NEXT_N_YEARS',
  'LAST_N_YEARS', 'N_YEARS_AGO', 'NEXT_N_FISCAL_QUARTERS', 'LAST_N_FISCAL_QUARTERS', 'N_FISCAL_QUARTERS_AGO',
  'NEXT_N_FISCAL_YEARS', 'LAST_N_FISCAL_YEARS', 'N_FISCAL_YEARS_AGO',
]);

/**
 * The day range of `literal` (upper case, without `:n`) at instant `nowMs`, or undefined for an
 * unknown literal.
 */
export function dateLiteralRange(literal: string, nIn: number, nowMs: number): DayRange | undefined {
  // Keep every boundary inside what Date can represent (±275,760 years); ymd() clamps to 0001..9999.
  const cap = /YEARS/.test(literal) ? 10_000 : /QUARTERS/.test(literal) ? 40_000 : /MONTHS/.test(literal) ? 120_000 : /WEEKS/.test(literal) ? 600_000 : 4_000_000;
  const n = Math.min(nIn, cap);
  const now = new Date(nowMs);
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const today = utcDay(y, m, now.getUTCDate());
  const week = today - now.getUTCDay() * DAY; // Sunday
  const month = (k: number) => ymd(utcDay(y, m + k, 1));
  const q0 = Math.floor(m / 3) * 3;
  const quarter = (k: number) => ymd(utcDay(y, q0 + 3 * k, 1));
  const fq0 = Math.floor((m - (FISCAL_YEAR_START_MONTH - 1) + 12) % 12 / 3) * 3 + (FISCAL_YEAR_START_MONTH - 1);
  const fyStartYear = m >= FISCAL_YEAR_START_MONTH - 1 ? y : y - 1;
  const fquarter = (k: number) => ymd(utcDay(m >= fq0 ? y : y - 1, fq0 + 3 * k, 1));
  const year = (k: number) => ymd(utcDay(y + k, 0, 1));
  const fyear = (k: number) => ymd(utcDay(fyStartYear + k, FISCAL_YEAR_START_MONTH - 1, 1));
  const days = (k: number) => ymd(today + k * DAY);
  const weeks = (k: number) => ymd(week + 7 * k * DAY);
  const r = (start: string, end: string, endsNow = false): DayRange => (endsNow ? { start, end, endsNow } : { start, end });
  switch (literal) {
    case 'YESTERDAY': return r(days(-1), days(0));
    case 'TODAY': return r(days(0), days(1));
    case 'TOMORROW': return r(days(1), days(2));
    case 'LAST_WEEK': return r(weeks(-1), weeks(0));
    case 'THIS_WEEK': return r(weeks(0), weeks(1));
    case 'NEXT_WEEK': return r(weeks(1), weeks(2));
    case 'LAST_MONTH': return r(month(-1), month(0));
    case 'THIS_MONTH': return r(month(0), month(1));
    case 'NEXT_MONTH': return r(month(1), month(2));
    case 'LAST_90_DAYS': return r(days(-90), days(1), true);
    case 'NEXT_90_DAYS': return r(days(1), days(91));
    case 'LAST_N_DAYS': return r(days(-n), days(1), true);
    case 'NEXT_N_DAYS': return r(days(1), days(n + 1));
    case 'N_DAYS_AGO': return r(days(-n), days(-n + 1));
    case 'NEXT_N_WEEKS': return r(weeks(1), weeks(n + 1));
    case 'LAST_N_WEEKS': return r(weeks(-n), weeks(0));
    case 'N_WEEKS_AGO': return r(weeks(-n), weeks(-n + 1));
    case 'NEXT_N_MONTHS': return r(month(1), month(n + 1));
    case 'LAST_N_MONTHS': return r(month(-n), month(0));
    case 'N_MONTHS_AGO': return r(month(-n), month(-n + 1));
    case 'THIS_QUARTER': return r(quarter(0), quarter(1));
    case 'LAST_QUARTER': return r(quarter(-1), quarter(0));
    case 'NEXT_QUARTER': return r(quarter(1), quarter(2));
    case 'NEXT_N_QUARTERS': return r(quarter(1), quarter(n + 1));
    case 'LAST_N_QUARTERS': return r(quarter(-n), quarter(0));
    case 'N_QUARTERS_AGO': return r(quarter(-n), quarter(-n + 1));
    case 'THIS_YEAR': return r(year(0), year(1));
    case 'LAST_YEAR': return r(year(-1), year(0));
    case 'NEXT_YEAR': return r(year(1), year(2));
    case 'NEXT_N_YEARS': return r(year(1), year(n + 1));
    case 'LAST_N_YEARS': return r(year(-n), year(0));
    case 'N_YEARS_AGO': return r(year(-n), year(-n + 1));
    case 'THIS_FISCAL_QUARTER': return r(fquarter(0), fquarter(1));
    case 'LAST_FISCAL_QUARTER': return r(fquarter(-1), fquarter(0));
    case 'NEXT_FISCAL_QUARTER': return r(fquarter(1), fquarter(2));
    case 'NEXT_N_FISCAL_QUARTERS': return r(fquarter(1), fquarter(n + 1));
    case 'LAST_N_FISCAL_QUARTERS': return r(fquarter(-n), fquarter(0));
    case 'N_FISCAL_QUARTERS_AGO': return r(fquarter(-n), fquarter(-n + 1));
    case 'THIS_FISCAL_YEAR': return r(fyear(0), fyear(1));
    case 'LAST_FISCAL_YEAR': return r(fyear(-1), fyear(0));
    case 'NEXT_FISCAL_YEAR': return r(fyear(1), fyear(2));
    case 'NEXT_N_FISCAL_YEARS': return r(fyear(1), fyear(n + 1));
    case 'LAST_N_FISCAL_YEARS': return r(fyear(-n), fyear(0));
    case 'N_FISCAL_YEARS_AGO': return r(fyear(-n), fyear(-n + 1));
    default: return undefined;
  }
}

/**
 * Range bounds in the stored form of the field: dates as `YYYY-MM-DD`, datetimes as UTC ISO instants.
 * `endsNow` ranges end just after the current millisecond on datetime fields.
 */
export function rangeBounds(range: DayRange, kind: 'date' | 'datetime', nowMs: number): { lo: string; hi: string } {
  if (kind === 'date') return { lo: range.start, hi: range.end };
  const hi = range.endsNow ? new Date(nowMs + 1).toISOString() : `${range.end}T00:00:00.000Z`; // stored datetimes are UTC ISO text
  return { lo: `${range.start}T00:00:00.000Z`, hi };
}
