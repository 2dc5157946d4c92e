/**
 * The Service Analyst questions through SOQL: top issue and monthly trend of a product (its cases are
 * those whose OrderItemId__c is one of its order items: a semi-join), and the state with the fastest
 * mean closure (Case → Account.ShippingState).
 */
import { MONTH_NAMES, periodWindow } from '../../tasks/periods.ts';
import { soqlDatetime, soqlString, wireMs, type OracleApi } from '../api.ts';
import { readPeriod, readProductId, readToday, without } from '../read-query.ts';
import { best, type SolveInput } from './shared.ts';

async function productWindow(api: OracleApi, task: SolveInput) {
  const productId = readProductId(task.query);
  const { records } = await api.queryAll(`SELECT Name FROM Product2 WHERE Id = ${soqlString(productId)}`);
  // A product name never decides the period ("... Winter Boot in Q3 2022").
  const text = without(task.query, String(records[0]?.Name ?? ''));
  const w = periodWindow(readPeriod(text, readToday(task.required)));
  const where = `OrderItemId__c IN (SELECT Id FROM OrderItem WHERE Product2Id = ${soqlString(productId)}) AND CreatedDate >= ${soqlDatetime(w.start)} AND CreatedDate < ${soqlDatetime(w.end)}`;
  return { where };
}

export async function solveTopIssue(api: OracleApi, task: SolveInput): Promise<string | null> {
  const { where } = await productWindow(api, task);
  const { records } = await api.queryAll(`SELECT IssueId__c issue, COUNT(Id) n FROM Case WHERE ${where} GROUP BY IssueId__c`);
  const counts = new Map(records.filter((r) => r.issue).map((r) => [String(r.issue), Number(r.n)]));
  return best(counts, 'max');
}

export async function solveMonthlyTrend(api: OracleApi, task: SolveInput): Promise<string | null> {
  const { where } = await productWindow(api, task);
  const { records } = await api.queryAll(`SELECT CALENDAR_MONTH(CreatedDate) m, COUNT(Id) n FROM Case WHERE ${where} GROUP BY CALENDAR_MONTH(CreatedDate)`);
  const counts = new Map(records.map((r) => [MONTH_NAMES[Number(r.m) - 1]!, Number(r.n)]));
  return best(counts, 'max');
}

export async function solveBestRegion(api: OracleApi, task: SolveInput): Promise<string | null> {
  const w = periodWindow(readPeriod(task.query, readToday(task.required)));
  const { records } = await api.queryAll(
    `SELECT CreatedDate, ClosedDate, Account.ShippingState FROM Case WHERE Status = 'Closed' AND CreatedDate >= ${soqlDatetime(w.start)} AND CreatedDate < ${soqlDatetime(w.end)}`,
  );
  const sums = new Map<string, { t: number; n: number }>();
  for (const r of records) {
    const state = (r.Account as { ShippingState?: string } | null)?.ShippingState;
    if (!state || !r.ClosedDate) continue;
    const s = sums.get(state) ?? { t: 0, n: 0 };
    s.t += wireMs(r.ClosedDate) - wireMs(r.CreatedDate);
    s.n += 1;
    sums.set(state, s);
  }
  return best(new Map([...sums].map(([k, s]) => [k, s.t / s.n])), 'min');
}
