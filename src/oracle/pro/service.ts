/**
 * The oracle's solvers for the Pro tasks of the service slice: CRMArena's nine read Pro's way. The
 * original solvers (src/oracle/solvers/) answer the unchanged tasks; handle_time and transfer_count
 * read the policy text and apply Pro's both-agents filter when it says so (./service/agent-metrics.ts);
 * case_routing also reads a Pro org's own issue names (./service/case-routing.ts). An answer is a
 * one-element list, `['None']` for a non-answerable instance. The confidentiality categories are
 * refused by solveProTask itself (./index.ts).
 */
import type { OracleApi } from '../api.ts';
import { solveBestRegion, solveMonthlyTrend, solveTopIssue } from '../solvers/analyst.ts';
import { solveKnowledgeQa } from '../solvers/knowledge-qa.ts';
import { solveNamedEntity } from '../solvers/named-entity.ts';
import { solvePolicyViolation } from '../solvers/policy-violation.ts';
import type { SolveInput } from '../solvers/shared.ts';
import { solveProHandleTime, solveProTransferCount } from './service/agent-metrics.ts';
import { solveProCaseRouting } from './service/case-routing.ts';
import type { ProSolveInput, ProSolver } from './solver.ts';

type One = (api: OracleApi, t: SolveInput & { gold?: string | null }) => Promise<string | null>;

/** An original-style solver (one value or null) as a Pro solver (a list, null as 'None'). */
export function asList(solve: One): ProSolver {
  return async (api: OracleApi, t: ProSolveInput) => {
    const a = await solve(api, { query: t.query, required: t.required, ...(t.gold ? { gold: t.gold[0] ?? null } : {}) });
    return [a ?? 'None'];
  };
}

export const SERVICE_SOLVERS: Record<string, ProSolver> = {
  case_routing: asList(solveProCaseRouting),
  handle_time: asList(solveProHandleTime),
  transfer_count: asList(solveProTransferCount),
  named_entity_disambiguation: asList(solveNamedEntity),
  policy_violation_identification: asList(solvePolicyViolation),
  knowledge_qa: asList(solveKnowledgeQa),
  top_issue_identification: asList(solveTopIssue),
  monthly_trend_analysis: asList(solveMonthlyTrend),
  best_region_identification: asList(solveBestRegion),
};
