/**
 * Value forms. Stored: datetimes as fixed-width UTC ISO text (`2023-07-02T11:00:00.000Z`, so text order
 * is time order), dates as `YYYY-MM-DD`, booleans as 0/1, numbers as REAL/INTEGER. On the wire
 * (reference/salesforce-api.md §3.4): datetimes `2023-07-02T11:00:00.000+0000`, booleans true/false.
 */
import type { FieldDef, FieldType } from '../../schema/types.ts';

export type SqlValue = string | number | bigint | null | Buffer;

/** SQLite column affinity for a Salesforce type. */
export function sqlType(type: FieldType): 'TEXT' | 'INTEGER' | 'REAL' {
  switch (type) {
    case 'boolean':
    case 'int':
      return 'INTEGER';
    case 'double':
    case 'currency':
    case 'percent':
      return 'REAL';
    default:
      return 'TEXT';
  }
}

/** `2023-07-02T11:00:00.000Z` -> `2023-07-02T11:00:00.000+0000`. */
export function datetimeToWire(stored: string): string {
  return stored.endsWith('Z') ? stored.slice(0, -1) + '+0000' : stored;
}

const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parse a datetime the way Salesforce accepts one in a record body: ISO 8601 with `Z`, `+hh:mm` or
 * `+hhmm`; no offset means UTC; a bare date means midnight UTC. Returns the stored form, or undefined.
 */
export function parseDatetime(input: string): string | undefined {
  const s = input.trim();
  if (DATE_RE.test(s)) return validDate(s) ? `${s}T00:00:00.000Z` : undefined;
  const m = DATETIME_RE.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, sec = '00', frac = '0', tz = 'Z'] = m;
  if (!validDate(`${y}-${mo}-${d}`) || Number(h) > 23 || Number(mi) > 59 || Number(sec) > 59) return undefined;
  const offset = tz === 'Z' ? 'Z' : tz.length === 5 ? `${tz.slice(0, 3)}:${tz.slice(3)}` : tz;
  const ms = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${sec}.${frac.padEnd(3, '0').slice(0, 3)}${offset}`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** A `YYYY-MM-DD` date that exists on the calendar (also accepts a datetime and keeps its date part). */
export function parseDate(input: string): string | undefined {
  const s = input.trim();
  const day = DATE_RE.test(s) ? s : DATETIME_RE.test(s) ? s.slice(0, 10) : undefined;
  return day && validDate(day) ? day : undefined;
}

function validDate(ymd: string): boolean {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** A stored value as Salesforce's JSON would carry it. */
export function toWire(field: FieldDef, stored: unknown): unknown {
  if (stored === null || stored === undefined) return null;
  switch (field.type) {
    // The JSON text src/org/compound-address.ts builds in SQL.
    case 'address':
      return typeof stored === 'string' ? JSON.parse(stored) : stored;
    case 'boolean':
      return stored === 1 || stored === '1' || stored === true || stored === 'true';
    case 'datetime':
      return typeof stored === 'string' ? datetimeToWire(stored) : stored;
    case 'int':
    case 'double':
    case 'currency':
    case 'percent':
      return typeof stored === 'number' ? stored : Number(stored);
    default:
      return typeof stored === 'string' ? stored : String(stored);
  }
}
