/**
 * Periods in words, varied by the task's random stream: "February 2021", "Q3 of 2022", "the third
 * quarter of 2022", "the winter of 2021-2022", "the past 3 months", "the last six weeks"...
 * Every phrase names one window without a guess: winters name both years (CRMArena's get_period puts
 * Winter YEAR at Dec YEAR to Feb YEAR+1, which a bare "Winter 2021" leaves open), "past N units" counts
 * back from today as the Time Periods note of the metadata says; generators draw N ≥ 2 ("the past
 * quarter" could mean the previous calendar quarter).
 */
import { MONTH_NAMES, type Period } from './periods.ts';
import type { Rng } from './rng.ts';

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const ORDINALS = ['first', 'second', 'third', 'fourth'];

export function numberWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

/** The period as a noun phrase (no preposition). */
export function phrasePeriod(p: Period, rng: Rng): string {
  switch (p.kind) {
    case 'month': {
      const m = MONTH_NAMES[p.month - 1]!;
      return rng.pick([`${m} ${p.year}`, `${m} of ${p.year}`]);
    }
    case 'quarter':
      return rng.pick([`Q${p.quarter} ${p.year}`, `Q${p.quarter} of ${p.year}`, `the ${ORDINALS[p.quarter - 1]} quarter of ${p.year}`]);
    case 'season': {
      if (p.season === 'Winter') {
        return rng.pick([`Winter ${p.year}-${String(p.year + 1).slice(2)}`, `the winter of ${p.year}-${p.year + 1}`]);
      }
      const name = p.season === 'Fall' ? rng.pick(['Fall', 'Autumn']) : p.season;
      return rng.pick([`${name} ${p.year}`, `the ${name.toLowerCase()} of ${p.year}`]);
    }
    case 'year':
      return rng.pick([`${p.year}`, `the year ${p.year}`]);
    case 'past': {
      if (p.n === 1) return `the past ${p.unit}`;
      const n = rng.chance(0.5) ? numberWord(p.n) : String(p.n);
      return `${rng.pick(['the past', 'the last'])} ${n} ${p.unit}s`;
    }
  }
}

/** "in February 2021", "over the past 3 months"... */
export function phraseWhen(p: Period, rng: Rng): string {
  const prep = p.kind === 'past' ? rng.pick(['in', 'over', 'during']) : rng.pick(['in', 'during']);
  return `${prep} ${phrasePeriod(p, rng)}`;
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Fill `{name}` slots; `{Name}` gets the value capitalised. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const lower = key.charAt(0).toLowerCase() + key.slice(1);
    const v = values[key] ?? values[lower];
    if (v === undefined) throw new Error(`template slot {${key}} has no value`);
    return key === lower ? v : capitalize(v);
  });
}
