/**
 * The date handling of CRMArena's tool functions, which use Python's `datetime.strptime` and
 * dateutil's `relativedelta` (reference/crmarena.md §7). Dates are kept as UTC epoch milliseconds plus
 * the offset they were written with, so `strftime('%B')` names the month the text shows.
 */

export interface PyDatetime {
  /** Milliseconds since the epoch, UTC. */
  epochMs: number;
  /** Offset from UTC in minutes, as written (0 for `Z`). */
  offsetMinutes: number;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const MONTH_NAMES: readonly string[] = MONTHS;

function validYmdHms(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 61) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `strptime(s, '%Y-%m-%dT%H:%M:%SZ')`, the format of every start/end date the tools take. */
export function parseIsoZ(s: string): PyDatetime | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})T(\d{1,2}):(\d{1,2}):(\d{1,2})Z$/.exec(s);
  if (!m) return undefined;
  const [y, mo, d, h, mi, sec] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (!validYmdHms(y, mo, d, h, mi, sec)) return undefined;
  return { epochMs: Date.UTC(y, mo - 1, d, h, mi, Math.min(sec, 59)), offsetMinutes: 0 };
}

/** `strptime(s, '%Y-%m-%dT%H:%M:%S.%f%z')`: Salesforce's wire datetime `2023-07-02T11:00:00.000+0000`. */
export function parseSalesforceDatetime(s: unknown): PyDatetime | undefined {
  if (typeof s !== 'string') return undefined;
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})T(\d{1,2}):(\d{1,2}):(\d{1,2})\.(\d{1,6})(Z|[+-]\d{2}:?\d{2})$/.exec(s);
  if (!m) return undefined;
  const [y, mo, d, h, mi, sec] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (!validYmdHms(y, mo, d, h, mi, sec)) return undefined;
  const frac = Number(m[7]!.padEnd(6, '0')) / 1000;
  const tz = m[8]!;
  let offset = 0;
  if (tz !== 'Z') {
    const digits = tz.replace(':', '');
    offset = (tz[0] === '-' ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  const local = Date.UTC(y, mo - 1, d, h, mi, Math.min(sec, 59)) + frac;
  return { epochMs: local - offset * 60_000, offsetMinutes: offset };
}

/** `dt.strftime('%B')` in the datetime's own offset. */
export function monthName(dt: PyDatetime): string {
  return MONTHS[new Date(dt.epochMs + dt.offsetMinutes * 60_000).getUTCMonth()]!;
}

/** `strftime('%Y-%m-%dT%H:%M:%SZ')` of a UTC datetime. */
export function formatIsoZ(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19) + 'Z';
}

/** `dt - relativedelta(months=n)`: same day of month, clamped to the target month's length. */
export function minusMonths(epochMs: number, n: number): number {
  const d = new Date(epochMs);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() - n;
  const y = Math.floor(total / 12);
  const mo = total - y * 12;
  const day = Math.min(d.getUTCDate(), daysInMonth(y, mo + 1));
  return Date.UTC(y, mo, day, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
}

export function plusMonthsFromFirst(year: number, month1: number, n: number): number {
  return Date.UTC(year, month1 - 1 + n, 1);
}
