/**
 * The "agents who managed x cases" filter of the manager tasks, in words and as a minimum count.
 * CRMArena's seed queries say "more than [NCASES] cases" (count > n); people also say "at least n".
 */
import { numberWord } from '../period-phrases.ts';
import type { Rng } from '../rng.ts';

export function drawMinCases(rng: Rng): number {
  return rng.weighted([1, 2, 3, 4, 5], [30, 30, 20, 12, 8]);
}

/** A phrase meaning "at least `min` cases". */
export function phraseMinCases(min: number, rng: Rng): string {
  const num = (n: number) => (rng.chance(0.5) ? numberWord(n) : String(n));
  const cases = (n: number) => (n === 1 ? 'case' : 'cases');
  if (min === 1) return rng.pick(['any cases', 'at least one case', 'one or more cases']);
  return rng.chance(0.5) ? `more than ${num(min - 1)} ${cases(min - 1)}` : `at least ${num(min)} ${cases(min)}`;
}
