/**
 * Pro's handle_time and transfer_count through SOQL, as an analyst following Pro's policy text would:
 * when the text says the case-count filter "applies to both the first agent ... and the agent that the
 * case was transferred to", an agent "managed" every case with an Owner Assignment to them in the
 * period (first or by transfer, each case once); otherwise the original first-agent rule
 * (src/oracle/solvers/agent-metrics.ts), whose solvers take the filter as a parameter and count handle
 * time and transfers as in the original.
 */
import { BOTH_AGENTS_MARK } from '../../../tasks/pro/service/domain-text.ts';
import type { Window } from '../../../tasks/periods.ts';
import type { OracleApi } from '../../api.ts';
import { range, solveHandleTime, solveTransferCount } from '../../solvers/agent-metrics.ts';
import { groupCounts, type SolveInput } from '../../solvers/shared.ts';

export function countsTransfersIn(required: string): boolean {
  return required.replace(/\s+/g, ' ').includes(BOTH_AGENTS_MARK);
}

/** Agents with Owner Assignments (first or by transfer) of at least `minCases` distinct cases in the window. */
async function qualifiedBoth(api: OracleApi, w: Window, minCases: number): Promise<string[]> {
  const counts = await groupCounts(
    api,
    `SELECT NewValue__c agent, COUNT_DISTINCT(CaseId__c) n FROM CaseHistory__c WHERE Field__c = 'Owner Assignment' AND NewValue__c != null AND ${range('CreatedDate', w)} GROUP BY NewValue__c`,
    'agent',
  );
  return [...counts].filter(([a, n]) => a !== 'null' && n >= minCases).map(([a]) => a);
}

export async function solveProHandleTime(api: OracleApi, task: SolveInput): Promise<string | null> {
  return countsTransfersIn(task.required) ? solveHandleTime(api, task, qualifiedBoth) : solveHandleTime(api, task);
}

export async function solveProTransferCount(api: OracleApi, task: SolveInput): Promise<string | null> {
  return countsTransfersIn(task.required) ? solveTransferCount(api, task, qualifiedBoth) : solveTransferCount(api, task);
}
