/** Small helpers the oracle's solvers share. */
import type { OracleApi } from '../api.ts';

export interface SolveInput {
  query: string;
  required: string;
}

export type Solver = (api: OracleApi, task: SolveInput) => Promise<string | null>;

/** The single best key, or null when the map is empty; a tie is reported as an error (the task promised none). */
export function best(scores: ReadonlyMap<string, number>, extreme: 'min' | 'max'): string | null {
  let bestKey: string | null = null;
  let bestVal = 0;
  let tied = false;
  for (const [k, v] of scores) {
    if (bestKey === null || (extreme === 'max' ? v > bestVal : v < bestVal)) {
      bestKey = k;
      bestVal = v;
      tied = false;
    } else if (v === bestVal) tied = true;
  }
  if (tied) throw new Error(`tie for the ${extreme} at ${bestVal}`);
  return bestKey;
}

export function countBy<T>(items: readonly T[], key: (t: T) => string | null | undefined): Map<string, number> {
  const m = new Map<string, number>();
  for (const it of items) {
    const k = key(it);
    if (k) m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

/** An aggregate query's rows as key → count (`SELECT X, COUNT(Id) n ... GROUP BY X`). */
export async function groupCounts(api: OracleApi, soql: string, keyField: string, countAlias = 'n'): Promise<Map<string, number>> {
  const { records } = await api.queryAll(soql);
  return new Map(records.map((r) => [String(r[keyField]), Number(r[countAlias])]));
}
