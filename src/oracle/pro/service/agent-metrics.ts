/**
 * Pro's handle_time and transfer_count through SOQL, as an analyst following Pro's policy text would:
 * when the text says the case-count filter "applies to both the first agent ... and the agent that the
 * case was transferred to", an agent "managed" every case with an Owner Assignment to them in the
 * period (first or by transfer, each case once); otherwise the original first-agent rule
 * (src/oracle/solvers/agent-metrics.ts). Handle time and transfers are counted as in the original.
 */
import { BOTH_AGENTS_MARK } from '../../../tasks/pro/service/domain-text.ts';
import { periodWindow, type Window } from '../../../tasks/periods.ts';
import { soqlDatetime, soqlIdList, wireMs, type OracleApi } from '../../api.ts';
import { readExtreme, readMinCases, readPeriod, readToday } from '../../read-query.ts';
import { solveHandleTime, solveTransferCount } from '../../solvers/agent-metrics.ts';
import { best, groupCounts, type SolveInput } from '../../solvers/shared.ts';

function range(field: string, w: Window): string {
  return `${field} >= ${soqlDatetime(w.start)} AND ${field} < ${soqlDatetime(w.end)}`;
}

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

function read(task: SolveInput) {
  return { w: periodWindow(readPeriod(task.query, readToday(task.required))), minCases: readMinCases(task.query) };
}

export async function solveProHandleTime(api: OracleApi, task: SolveInput): Promise<string | null> {
  if (!countsTransfersIn(task.required)) return solveHandleTime(api, task);
  const { w, minCases } = read(task);
  const extreme = readExtreme(task.query, ['shortest', 'lowest', 'quickest', 'fastest'], ['longest', 'highest', 'slowest']);
  const agents = await qualifiedBoth(api, w, minCases);
  if (agents.length === 0) return null;
  const closed = `Status = 'Closed' AND ${range('CreatedDate', w)} AND OwnerId IN ${soqlIdList(agents)}`;
  const assignments = await groupCounts(
    api,
    `SELECT CaseId__c c, COUNT(Id) n FROM CaseHistory__c WHERE Field__c = 'Owner Assignment' AND CaseId__c IN (SELECT Id FROM Case WHERE ${closed}) GROUP BY CaseId__c`,
    'c',
  );
  const { records } = await api.queryAll(`SELECT Id, OwnerId, CreatedDate, ClosedDate FROM Case WHERE ${closed}`);
  const sums = new Map<string, { t: number; n: number }>();
  for (const r of records) {
    if (assignments.get(String(r.Id)) !== 1) continue; // transferred: no handle time
    const s = sums.get(String(r.OwnerId)) ?? { t: 0, n: 0 };
    s.t += wireMs(r.ClosedDate) - wireMs(r.CreatedDate);
    s.n += 1;
    sums.set(String(r.OwnerId), s);
  }
  if (sums.size === 0) throw new Error('qualified agents but no handle time to compare');
  return best(new Map([...sums].map(([a, s]) => [a, s.t / s.n])), extreme);
}

export async function solveProTransferCount(api: OracleApi, task: SolveInput): Promise<string | null> {
  if (!countsTransfersIn(task.required)) return solveTransferCount(api, task);
  const { w, minCases } = read(task);
  const extreme = readExtreme(task.query, ['fewest', 'lowest', 'smallest'], ['most', 'highest', 'largest']);
  const agents = await qualifiedBoth(api, w, minCases);
  if (agents.length === 0) return null;
  const transfers = await groupCounts(
    api,
    `SELECT OldValue__c agent, COUNT(Id) n FROM CaseHistory__c WHERE Field__c = 'Owner Assignment' AND OldValue__c != null AND ${range('CreatedDate', w)} GROUP BY OldValue__c`,
    'agent',
  );
  return best(new Map(agents.map((a) => [a, transfers.get(a) ?? 0])), extreme);
}
