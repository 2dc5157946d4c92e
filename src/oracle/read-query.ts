/**
 * Reading a task's question the way an analyst would: the period, "today", the extreme, the case-count
 * filter, the product Id. Written from the benchmark's phrasing (CRMArena seed queries, paper Table 6,
 * and the metadata texts), independently of the generator's templates.
 */
import { MONTH_NAMES, type Period, type Season } from '../tasks/periods.ts';

const WORD_NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, twenty: 20, thirty: 30,
};

export function readNumber(s: string): number | undefined {
  const t = s.toLowerCase();
  if (/^\d+$/.test(t)) return Number(t);
  return WORD_NUMBERS[t];
}

export class UnreadableQuery extends Error {}

/** "## Today's date: 2023-12-21" or "- Today's date: 2023-12-21". */
export function readToday(required: string): string {
  const m = /Today's date:\s*(\d{4}-\d{2}-\d{2})/.exec(required);
  if (!m) throw new UnreadableQuery(`no today's date in: ${required.slice(0, 80)}`);
  return m[1]!;
}

const NUM = '(\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty)';

export function readPeriod(text: string, today: string): Period {
  let m: RegExpExecArray | null;
  if ((m = /\bwinter(?: of)? (\d{4})\s*[-–/]\s*(\d{2,4})\b/i.exec(text))) return { kind: 'season', year: Number(m[1]), season: 'Winter' };
  // A bare "Winter 2021" is CRMArena's get_period('Winter', 2021): December 2021 to February 2022.
  if ((m = /\bwinter(?: of)? (\d{4})\b/i.exec(text))) return { kind: 'season', year: Number(m[1]), season: 'Winter' };
  if ((m = /\b(spring|summer|fall|autumn)(?: of)? (\d{4})\b/i.exec(text))) {
    const s = m[1]!.toLowerCase();
    const season: Season = s === 'spring' ? 'Spring' : s === 'summer' ? 'Summer' : 'Fall';
    return { kind: 'season', year: Number(m[2]), season };
  }
  if ((m = /\bQ([1-4])(?: of)? (\d{4})\b/.exec(text))) return { kind: 'quarter', year: Number(m[2]), quarter: Number(m[1]) };
  if ((m = /\b(first|second|third|fourth) quarter of (\d{4})\b/i.exec(text))) {
    return { kind: 'quarter', year: Number(m[2]), quarter: ['first', 'second', 'third', 'fourth'].indexOf(m[1]!.toLowerCase()) + 1 };
  }
  const months = MONTH_NAMES.join('|');
  if ((m = new RegExp(`\\b(${months})(?: of)? (\\d{4})\\b`).exec(text))) {
    return { kind: 'month', year: Number(m[2]), month: MONTH_NAMES.indexOf(m[1] as (typeof MONTH_NAMES)[number]) + 1 };
  }
  if ((m = new RegExp(`\\b(?:past|last)\\s+(?:${NUM}\\s+)?(day|week|month|quarter|year)s?\\b`, 'i').exec(text))) {
    const n = m[1] ? readNumber(m[1]) : 1;
    if (n === undefined) throw new UnreadableQuery(`cannot read the count in '${m[0]}'`);
    return { kind: 'past', n, unit: m[2]!.toLowerCase() as 'day', today };
  }
  if ((m = /\b(?:in|during|for)\s+(?:the year\s+)?(\d{4})\b/i.exec(text))) return { kind: 'year', year: Number(m[1]) };
  throw new UnreadableQuery(`no period in: ${text}`);
}

/** Minimum number of cases in "agents who managed more than 2 cases" (→ 3), "at least 3" (→ 3), "any cases" (→ 1). */
export function readMinCases(text: string): number {
  let m: RegExpExecArray | null;
  if ((m = new RegExp(`more than ${NUM} cases?`, 'i').exec(text))) return readNumber(m[1]!)! + 1;
  if ((m = new RegExp(`at least ${NUM} cases?`, 'i').exec(text))) return readNumber(m[1]!)!;
  if (/\b(?:any|one or more) cases?\b/i.test(text)) return 1;
  // CRMArena: "among those who managed cases" (any number).
  if (/\b(?:managed|managing|handled|handling) cases\b/i.test(text)) return 1;
  throw new UnreadableQuery(`no case-count filter in: ${text}`);
}

/** 'min' or 'max' from the words of the question; the first listed words are checked first. */
export function readExtreme(text: string, minWords: string[], maxWords: string[]): 'min' | 'max' {
  const has = (w: string) => new RegExp(`\\b${w}\\b`, 'i').test(text);
  if (minWords.some(has)) return 'min';
  if (maxWords.some(has)) return 'max';
  throw new UnreadableQuery(`no extreme in: ${text}`);
}

/** "The associated product Id is 01t...." */
export function readProductId(text: string): string {
  const m = /product Id is (01t[0-9A-Za-z]{12,15})/.exec(text);
  if (!m) throw new UnreadableQuery(`no product Id in: ${text}`);
  return m[1]!;
}

/** Case-insensitive removal of every occurrence of a literal substring (a product name that might look like a period). */
export function without(text: string, part: string): string {
  if (!part) return text;
  const escaped = part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(escaped, 'gi'), ' ');
}
