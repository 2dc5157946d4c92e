/**
 * Handle Time and Transfer Count questions, answered through SOQL as an analyst following the
 * policy text would: qualified agents = first Owner Assignment (no OldValue__c) in the period, at least
 * N; handle time over closed cases with exactly one Owner Assignment; transfers = Owner Assignment rows
 * with an OldValue__c in the period, counted for the agent transferring away.
 */
import { periodWindow, type Window } from '../../tasks/periods.ts';
import { soqlDatetime, soqlIdList, wireMs, type OracleApi } from '../api.ts';
import { readExtreme, readMinCases, readPeriod, readToday } from '../read-query.ts';
import { best, groupCounts, type SolveInput } from './shared.ts';

export function range(field: string, w: Window): string {
  return `${field} >= ${soqlDatetime(w.start)} AND ${field} < ${soqlDatetime(w.end)}`;
}

/** Which agents pass the case-count filter of a question ("managed at least N cases") in the window. */
export type Qualifier = (api: OracleApi, w: Window, minCases: number) => Promise<string[]>;

/** CRMArena's rule: agents first assigned (Owner Assignment with no OldValue__c) at least N cases. */
async function qualified(api: OracleApi, w: Window, minCases: number): Promise<string[]> {
  const counts = await groupCounts(
    api,
    `SELECT NewValue__c agent, COUNT(Id) n FROM CaseHistory__c WHERE Field__c = 'Owner Assignment' AND OldValue__c = null AND ${range('CreatedDate', w)} GROUP BY NewValue__c`,
    'agent',
  );
  return [...counts].filter(([a, n]) => a !== 'null' && n >= minCases).map(([a]) => a);
}

function read(task: SolveInput) {
  const today = readToday(task.required);
  return { w: periodWindow(readPeriod(task.query, today)), minCases: readMinCases(task.query) };
}

/** `qualify` is the case-count filter (CRMArena's first-agent rule unless a caller's policy says otherwise). */
export async function solveHandleTime(api: OracleApi, task: SolveInput, qualify: Qualifier = qualified): Promise<string | null> {
  const { w, minCases } = read(task);
  const extreme = readExtreme(task.query, ['shortest', 'lowest', 'quickest', 'fastest'], ['longest', 'highest', 'slowest']);
  const agents = await qualify(api, w, minCases);
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

export async function solveTransferCount(api: OracleApi, task: SolveInput, qualify: Qualifier = qualified): Promise<string | null> {
  const { w, minCases } = read(task);
  const extreme = readExtreme(task.query, ['fewest', 'lowest', 'smallest'], ['most', 'highest', 'largest']);
  const agents = await qualify(api, w, minCases);
  if (agents.length === 0) return null;
  const transfers = await groupCounts(
    api,
    `SELECT OldValue__c agent, COUNT(Id) n FROM CaseHistory__c WHERE Field__c = 'Owner Assignment' AND OldValue__c != null AND ${range('CreatedDate', w)} GROUP BY OldValue__c`,
    'agent',
  );
  return best(new Map(agents.map((a) => [a, transfers.get(a) ?? 0])), extreme);
}
