/**
 * The oracle solver: answers CRMArena-format tasks only through the org's REST API (SOQL and SOSL),
 * never by reading the database. Scoring 100% on a generated task file shows every task is solvable
 * by an agent and that the generator's ground truth is what the API shows.
 *
 * Knowledge QA is free text: in `verify` mode the oracle checks the gold answer is in the article its
 * search finds and answers it; in `blind` mode it answers the best-matching sentence (scored by F1).
 */
import type { TaskName } from '../tasks/types.ts';
import type { OracleApi } from './api.ts';
import { solveBestRegion, solveMonthlyTrend, solveTopIssue } from './solvers/analyst.ts';
import { solveHandleTime, solveTransferCount } from './solvers/agent-metrics.ts';
import { solveCaseRouting } from './solvers/case-routing.ts';
import { solveKnowledgeQa } from './solvers/knowledge-qa.ts';
import { solveNamedEntity } from './solvers/named-entity.ts';
import { solvePolicyViolation } from './solvers/policy-violation.ts';
import type { SolveInput } from './solvers/shared.ts';

export type { OracleApi } from './api.ts';

export interface OracleTask {
  task: TaskName | string;
  query: string;
  metadata: { required: string };
  answer?: string | null | (string | null)[];
}

export interface OracleOptions {
  /** Knowledge QA: answer the gold when the search finds it (verify, default) or the best sentence (blind). */
  knowledgeMode?: 'verify' | 'blind';
}

const SOLVERS: Record<string, (api: OracleApi, t: SolveInput & { gold?: string | null }) => Promise<string | null>> = {
  handle_time: solveHandleTime,
  transfer_count: solveTransferCount,
  case_routing: solveCaseRouting,
  named_entity_disambiguation: solveNamedEntity,
  policy_violation_identification: solvePolicyViolation,
  knowledge_qa: solveKnowledgeQa,
  top_issue_identification: solveTopIssue,
  monthly_trend_analysis: solveMonthlyTrend,
  best_region_identification: solveBestRegion,
};

/** The oracle's answer to one task: an Id / month / state / text, or null for "None". */
export async function solveTask(api: OracleApi, task: OracleTask, opts: OracleOptions = {}): Promise<string | null> {
  const solver = SOLVERS[task.task];
  if (!solver) throw new Error(`the oracle cannot solve task '${task.task}'`);
  const gold = Array.isArray(task.answer) ? (task.answer[0] ?? null) : (task.answer ?? null);
  return solver(api, { query: task.query, required: task.metadata.required, gold: (opts.knowledgeMode ?? 'verify') === 'verify' ? gold : undefined });
}
