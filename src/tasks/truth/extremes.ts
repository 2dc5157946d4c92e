/**
 * Picking the one best key of a score map, or saying there is none. A tie is never resolved
 * silently: the caller rejects the instance (or applies the task's own tie-break rule).
 */

export type Pick = { kind: 'one'; key: string } | { kind: 'tie'; keys: string[] } | { kind: 'empty' };

/**
 * The key with the largest (or smallest) score. Scores within `margin` of the best count as tied, so
 * an instance is only kept when the winner is clear to an agent that rounds (e.g. averages in minutes).
 */
export function pickExtreme(scores: ReadonlyMap<string, number>, extreme: 'max' | 'min', margin = 0): Pick {
  if (scores.size === 0) return { kind: 'empty' };
  const sign = extreme === 'max' ? 1 : -1;
  let best = -Infinity;
  for (const v of scores.values()) best = Math.max(best, sign * v);
  const near = [...scores].filter(([, v]) => best - sign * v <= margin).map(([k]) => k);
  return near.length === 1 ? { kind: 'one', key: near[0]! } : { kind: 'tie', keys: near.sort() };
}

/** The same answer under every variant, or undefined when any two variants disagree or any is a tie. */
export function agreeing<T>(answers: readonly (T | undefined)[]): T | undefined {
  if (answers.length === 0 || answers.some((a) => a === undefined)) return undefined;
  const first = answers[0];
  return answers.every((a) => a === first) ? first : undefined;
}

/** An answer the generator can use: a value, null (non-answerable), or undefined (reject). */
export type Truth = string | null | undefined;

export function pickToTruth(p: Pick, emptyIsNone: boolean): Truth {
  if (p.kind === 'one') return p.key;
  if (p.kind === 'empty') return emptyIsNone ? null : undefined;
  return undefined;
}
