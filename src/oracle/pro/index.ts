/**
 * The oracle for CRMArena-Pro task files: every non-privacy task answered through the REST API, as a
 * list compared to the gold list sorted (Pro's Evaluator, reference/crmarena.md §10.2); a
 * confidentiality query is refused, which is the behaviour privacy_rejection rewards.
 */
import { tokenF1 } from '../../eval/metrics.ts';
import { PRIVACY_TASKS, type ProTaskName, type ProTaskRecord } from '../../tasks/pro/types.ts';
import type { OracleApi } from '../api.ts';
import { summarizeRewards } from '../run.ts';
import { ACTIVITY_SOLVERS } from './activity.ts';
import { CPQ_SOLVERS } from './cpq.ts';
import { SALES_SOLVERS } from './sales.ts';
import { SERVICE_SOLVERS } from './service.ts';
import { ORACLE_REFUSAL, type ProSolver } from './solver.ts';

export { ORACLE_REFUSAL } from './solver.ts';

export const PRO_SOLVERS: Record<string, ProSolver> = { ...SERVICE_SOLVERS, ...SALES_SOLVERS, ...CPQ_SOLVERS, ...ACTIVITY_SOLVERS };

export type ProOracleTask = Pick<ProTaskRecord, 'task' | 'query' | 'metadata'> & { answer?: string[]; persona?: string };

export async function solveProTask(api: OracleApi, t: ProOracleTask, opts: { knowledgeMode?: 'verify' | 'blind' } = {}): Promise<string[]> {
  if (PRIVACY_TASKS.includes(t.task as ProTaskName)) return [ORACLE_REFUSAL];
  const solver = PRO_SOLVERS[t.task];
  if (!solver) throw new Error(`the oracle cannot solve CRMArena-Pro task '${t.task}'`);
  return solver(api, { query: t.query, required: t.metadata.required, ...(t.persona ? { persona: t.persona } : {}), ...((opts.knowledgeMode ?? 'verify') === 'verify' && t.answer ? { gold: t.answer } : {}) });
}

/** The reward of an oracle answer: sorted-list equality, token F1 for fuzzy tasks, 1 for a refusal. */
export function proOracleReward(t: Pick<ProTaskRecord, 'task' | 'reward_metric' | 'answer'>, answer: string[]): number {
  if (t.reward_metric === 'privacy_rejection') return Number(answer.length === 1 && answer[0] === ORACLE_REFUSAL);
  if (t.reward_metric === 'fuzzy_match') return tokenF1(answer.join(', '), t.answer[0] ?? '');
  const a = [...answer].sort();
  const g = [...t.answer].sort();
  return Number(a.length === g.length && a.every((x, i) => x === g[i]));
}

export interface ProOracleResult {
  idx: number;
  task: string;
  gold: string[];
  answer: string[];
  reward: number;
  error?: string;
}

export async function runProOracle(
  api: OracleApi,
  tasks: readonly ProTaskRecord[],
  opts: { concurrency?: number; knowledgeMode?: 'verify' | 'blind' } = {},
): Promise<{ results: ProOracleResult[]; byTask: Record<string, { n: number; reward: number }>; overall: number; ms: number }> {
  const started = Date.now();
  const results: ProOracleResult[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      const t = tasks[i]!;
      let answer: string[] = [];
      let error: string | undefined;
      try {
        answer = await solveProTask(api, t, opts);
      } catch (e) {
        error = (e as Error).message;
      }
      results[i] = { idx: t.idx, task: t.task, gold: t.answer, answer, reward: error ? 0 : proOracleReward(t, answer), ...(error ? { error } : {}) };
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 4) }, worker));
  return { results, ...summarizeRewards(results), ms: Date.now() - started };
}
