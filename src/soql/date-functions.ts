/**
 * SOQL date functions as SQLite expressions over our stored forms (UTC ISO datetimes, `YYYY-MM-DD`
 * dates), per reference/soql.md §2.6 (Ref p.60-62). The org runs in UTC, so convertTimezone() is the
 * identity; fiscal functions use the standard fiscal year starting in January.
 */
import type { FieldDef } from '../../schema/types.ts';
import { FISCAL_YEAR_START_MONTH } from './date-literals.ts';

export const DATE_FUNCTIONS = new Set([
  'CALENDAR_MONTH', 'CALENDAR_QUARTER', 'CALENDAR_YEAR', 'DAY_IN_MONTH', 'DAY_IN_WEEK', 'DAY_IN_YEAR', 'DAY_ONLY',
  'FISCAL_MONTH', 'FISCAL_QUARTER', 'FISCAL_YEAR', 'HOUR_IN_DAY', 'WEEK_IN_MONTH', 'WEEK_IN_YEAR',
]);

/** Functions that only make sense on dateTime fields. */
const DATETIME_ONLY = new Set(['DAY_ONLY', 'HOUR_IN_DAY']);

export function isDateFunction(name: string): boolean {
  return DATE_FUNCTIONS.has(name.toUpperCase());
}

/** Whether `fn` accepts a field of `field`'s type; undefined when fine, else the reason. */
export function dateFunctionArgError(fn: string, field: FieldDef): string | undefined {
  const upper = fn.toUpperCase();
  if (field.type !== 'date' && field.type !== 'datetime') return `Invalid field ${field.name} for date function ${upper}`;
  if (DATETIME_ONLY.has(upper) && field.type !== 'datetime') return `Invalid field ${field.name} for date function ${upper}`;
  return undefined;
}

const int = (e: string) => `CAST(${e} AS INTEGER)`;

/** SQLite expression for `fn(x)`; DAY_ONLY yields a date string, the others integers. */
export function dateFunctionSql(fn: string, x: string): string {
  const month = int(`strftime('%m', ${x})`);
  const fiscalMonth = `((${month} - ${FISCAL_YEAR_START_MONTH} + 12) % 12 + 1)`;
  switch (fn.toUpperCase()) {
    case 'CALENDAR_YEAR': return int(`strftime('%Y', ${x})`);
    case 'CALENDAR_QUARTER': return `((${month} + 2) / 3)`;
    case 'CALENDAR_MONTH': return month;
    case 'DAY_IN_MONTH': return int(`strftime('%d', ${x})`);
    case 'DAY_IN_WEEK': return `(${int(`strftime('%w', ${x})`)} + 1)`; // 1 = Sunday (Ref p.60)
    case 'DAY_IN_YEAR': return int(`strftime('%j', ${x})`);
    case 'DAY_ONLY': return `date(${x})`;
    case 'HOUR_IN_DAY': return int(`strftime('%H', ${x})`);
    case 'WEEK_IN_MONTH': return `((${int(`strftime('%d', ${x})`)} - 1) / 7 + 1)`;
    case 'WEEK_IN_YEAR': return `((${int(`strftime('%j', ${x})`)} - 1) / 7 + 1)`; // Jan 1-7 is week 1 (Ref p.61)
    case 'FISCAL_MONTH': return fiscalMonth;
    case 'FISCAL_QUARTER': return `((${fiscalMonth} + 2) / 3)`;
    // Fiscal year is named by the calendar year it ends in; with a January start that is the calendar year.
    case 'FISCAL_YEAR': return `(${int(`strftime('%Y', ${x})`)} + (CASE WHEN ${month} >= ${FISCAL_YEAR_START_MONTH} AND ${FISCAL_YEAR_START_MONTH} > 1 THEN 1 ELSE 0 END))`;
    default: throw new Error(`not a date function: ${fn}`);
  }
}
