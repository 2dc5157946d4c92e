/**
 * CRMArena's date tools, `get_start_date` and `get_period` (reference/crmarena.md §3.5, §7): ISO dates
 * `YYYY-MM-DDTHH:MM:SSZ`; a season starts on the 1st of Mar/Jun/Sep/Dec *of the given year*, so
 * "Winter 2020" runs 2020-12-01 → 2021-03-01; every period ends at the first instant after it.
 */
import { formatIsoZ, minusMonths, MONTH_NAMES, parseIsoZ, plusMonthsFromFirst } from './python-dates.ts';
import { isInt, isStr, num, schemas, type ToolDef } from './tool-types.ts';

const getStartDate: ToolDef = {
  name: 'get_start_date',
  description:
    "Calculates a start date by subtracting interval_count periods ('day', 'week', 'month' or 'quarter') from end_date. Returns the date as 'YYYY-MM-DDTHH:MM:SSZ'.",
  params: [
    { name: 'end_date', schema: schemas.str("The end date, 'YYYY-MM-DDTHH:MM:SSZ'.") },
    { name: 'period', schema: { type: 'string', enum: ['day', 'week', 'month', 'quarter'], description: 'The unit of time to subtract.' } },
    { name: 'interval_count', schema: schemas.int('How many periods to subtract.') },
  ],
  run({ end_date, period, interval_count }) {
    if (!isStr(end_date)) return 'Error: end_date must be a string';
    if (!isStr(period)) return 'Error: period must be a string';
    if (!isInt(interval_count)) return 'Error: interval_count must be an integer';
    if (!['day', 'week', 'month', 'quarter'].includes(period)) return "Error: Invalid period. Must be 'day', 'week', 'month', or 'quarter'";
    const end = parseIsoZ(end_date);
    if (!end) return "Error: Invalid end_date format. Expected format: 'YYYY-MM-DDTHH:MM:SSZ'";
    const n = num(interval_count);
    if (n < 0) return 'Error: interval_count must be a non-negative integer';
    const DAY = 86_400_000;
    const start =
      period === 'day' ? end.epochMs - n * DAY : period === 'week' ? end.epochMs - 7 * n * DAY : minusMonths(end.epochMs, period === 'month' ? n : 3 * n);
    return formatIsoZ(start);
  },
};

const VALID_PERIODS = [...MONTH_NAMES, 'Q1', 'Q2', 'Q3', 'Q4', 'Spring', 'Summer', 'Fall', 'Winter'];
const SEASON_START: Record<string, number> = { Spring: 3, Summer: 6, Fall: 9, Winter: 12 };

const getPeriod: ToolDef = {
  name: 'get_period',
  description:
    "Returns the start and end dates of a named period of a year: a month name ('January'...), a quarter ('Q1'...'Q4') or a season ('Spring', 'Summer', 'Fall', 'Winter'). Returns {'start_date', 'end_date'} as 'YYYY-MM-DDTHH:MM:SSZ'.",
  params: [
    { name: 'period_name', schema: { type: 'string', enum: VALID_PERIODS, description: 'The name of the period.' } },
    { name: 'year', schema: schemas.int('The year the period falls in.') },
  ],
  run({ period_name, year }) {
    if (!isStr(period_name)) return 'Error: period_name must be a string';
    if (!isInt(year)) return 'Error: year must be an integer';
    if (!VALID_PERIODS.includes(period_name)) return `Error: Invalid period_name. Must be one of ${VALID_PERIODS.join(', ')}`;
    const y = num(year);
    if (y < 1 || y > 9999) return 'Error: year must be between 1 and 9999';
    let month: number;
    let length: number;
    if (period_name.includes('Q')) {
      month = 3 * Number(period_name[1]) - 2;
      length = 3;
    } else if (period_name in SEASON_START) {
      month = SEASON_START[period_name]!;
      length = 3;
    } else {
      month = MONTH_NAMES.indexOf(period_name) + 1;
      length = 1;
    }
    return { start_date: formatIsoZ(plusMonthsFromFirst(y, month, 0)), end_date: formatIsoZ(plusMonthsFromFirst(y, month, length)) };
  },
};

export const PERIOD_TOOLS = { get_start_date: getStartDate, get_period: getPeriod } satisfies Record<string, ToolDef>;
