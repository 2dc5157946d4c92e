/**
 * Running the oracle over a task list with a few requests in flight, and scoring it the way the
 * benchmark does: exact match on the answer (None ↔ null), token F1 for fuzzy_match tasks.
 */
import { tokenF1 } from '../eval/metrics.ts';
import type { OracleApi } from './api.ts';
import { solveTask, type OracleOptions, type OracleTask } from './index.ts';

export interface OracleResult {
  idx: number;
  task: string;
  gold: string | null;
  answer: string | null;
  reward: number;
  error?: string;
}

export interface OracleRun {
  results: OracleResult[];
  /** Mean reward per task and overall. */
  byTask: Record<string, { n: number; reward: number }>;
  overall: number;
  ms: number;
}

function goldOf(t: OracleTask): string | null {
  return Array.isArray(t.answer) ? (t.answer[0] ?? null) : (t.answer ?? null);
}

export async function runOracle(
  api: OracleApi,
  tasks: readonly (OracleTask & { idx: number; reward_metric?: string })[],
  opts: OracleOptions & { concurrency?: number } = {},
): Promise<OracleRun> {
  const started = Date.now();
  const results: OracleResult[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      const t = tasks[i]!;
      const gold = goldOf(t);
      let answer: string | null = null;
      let error: string | undefined;
      try {
        answer = await solveTask(api, t, opts);
      } catch (e) {
        error = (e as Error).message;
      }
      const fuzzy = t.reward_metric === 'fuzzy_match' || t.task === 'knowledge_qa';
      const reward = error ? 0 : fuzzy ? (gold === null ? Number(answer === null) : tokenF1(answer ?? '', gold)) : Number(answer === gold);
      results[i] = { idx: t.idx, task: String(t.task), gold, answer, reward, ...(error ? { error } : {}) };
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 4) }, worker));
  return { results, ...summarizeRewards(results), ms: Date.now() - started };
}

/** Mean reward per task and overall (the Pro oracle's run reports the same way). */
export function summarizeRewards(results: readonly { task: string; reward: number }[]): { byTask: Record<string, { n: number; reward: number }>; overall: number } {
  const byTask: Record<string, { n: number; reward: number }> = {};
  for (const r of results) {
    const b = (byTask[r.task] ??= { n: 0, reward: 0 });
    b.n += 1;
    b.reward += r.reward;
  }
  for (const b of Object.values(byTask)) b.reward /= b.n;
  const overall = results.reduce((s, r) => s + r.reward, 0) / Math.max(1, results.length);
  return { byTask, overall };
}
