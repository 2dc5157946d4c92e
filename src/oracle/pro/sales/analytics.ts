/**
 * The sales analytics questions (sales_amount_understanding, sales_cycle_understanding,
 * conversion_rate_comprehension) answered through SOQL as an analyst reading the policy would: the
 * period from the query and "today" from the policy, the signature field the policy names (a B2C
 * contract has only the customer's), closed deals = opportunities whose contract was signed in the
 * period, their order items' Quantity × UnitPrice, the days from creation to signature; leads
 * created in the period and how many are converted.
 */
import { periodWindow, type Window } from '../../../tasks/periods.ts';
import { chunks, soqlDatetime, soqlIdList, wireMs, type OracleApi } from '../../api.ts';
import { readExtreme, readNumber, readPeriod, readToday, UnreadableQuery } from '../../read-query.ts';
import { best, groupCounts } from '../../solvers/shared.ts';
import type { ProSolveInput } from '../solver.ts';

const NUM = '(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';

function readWindow(t: ProSolveInput): Window {
  return periodWindow(readPeriod(t.query, readToday(t.required)));
}

/** "who closed at least 3 deals" / "with at least two leads" → 3 / 2; no filter → 1. */
function readMin(query: string, noun: 'deals?' | 'leads?'): number {
  const m = new RegExp(`at least ${NUM} ${noun}\\b`, 'i').exec(query);
  return m ? readNumber(m[1]!)! : 1;
}

function readSignField(required: string): string {
  const m = /Contract\.(CompanySignedDate|CustomerSignedDate)/.exec(required);
  if (!m) throw new UnreadableQuery('the policy names no contract signature date');
  return m[1]!;
}

const range = (field: string, w: Window) => `${field} >= ${soqlDatetime(w.start)} AND ${field} < ${soqlDatetime(w.end)}`;

interface Deal {
  owner: string;
  contractId: string;
  createdMs: number;
  signedMs: number;
}

async function closedDeals(api: OracleApi, sign: string, w: Window): Promise<Deal[]> {
  const { records } = await api.queryAll(`SELECT Id, OwnerId, CreatedDate, ContractID__c, ContractID__r.${sign} FROM Opportunity WHERE ${range(`ContractID__r.${sign}`, w)}`);
  return records.map((r) => ({
    owner: String(r.OwnerId),
    contractId: String(r.ContractID__c),
    createdMs: wireMs(r.CreatedDate),
    signedMs: wireMs((r.ContractID__r as Record<string, unknown>)[sign]),
  }));
}

function qualifiedOwners(deals: readonly Deal[], min: number): Set<string> {
  const n = new Map<string, number>();
  for (const d of deals) n.set(d.owner, (n.get(d.owner) ?? 0) + 1);
  return new Set([...n].filter(([, c]) => c >= min).map(([a]) => a));
}

const answer = (id: string | null): string[] => [id ?? 'None'];

/** The extreme, read with the count filter taken out ("at least 3 deals" says nothing about the lowest). */
function extremeOf(query: string, minWords: string[], maxWords: string[]): 'min' | 'max' {
  return readExtreme(query.replace(new RegExp(`at least ${NUM} (?:deals?|leads?)`, 'gi'), ''), minWords, maxWords);
}

export async function solveSalesAmount(api: OracleApi, t: ProSolveInput): Promise<string[]> {
  const w = readWindow(t);
  const extreme = extremeOf(t.query, ['lowest', 'smallest', 'least'], ['highest', 'top', 'largest']);
  const deals = await closedDeals(api, readSignField(t.required), w);
  const owners = qualifiedOwners(deals, readMin(t.query, 'deals?'));
  if (owners.size === 0) return answer(null);
  const amountByContract = new Map<string, number>();
  for (const ids of chunks([...new Set(deals.map((d) => d.contractId))])) {
    const { records } = await api.queryAll(`SELECT Order.ContractId, Quantity, UnitPrice FROM OrderItem WHERE Order.ContractId IN ${soqlIdList(ids)}`);
    for (const r of records) {
      const c = String((r.Order as Record<string, unknown>).ContractId);
      amountByContract.set(c, (amountByContract.get(c) ?? 0) + Number(r.Quantity) * Number(r.UnitPrice));
    }
  }
  const sales = new Map<string, number>();
  for (const d of deals) if (owners.has(d.owner)) sales.set(d.owner, (sales.get(d.owner) ?? 0) + (amountByContract.get(d.contractId) ?? 0));
  return answer(best(new Map([...sales].map(([a, s]) => [a, Math.round(s * 100) / 100])), extreme));
}

export async function solveSalesCycle(api: OracleApi, t: ProSolveInput): Promise<string[]> {
  const w = readWindow(t);
  const extreme = extremeOf(t.query, ['quickest', 'shortest', 'fastest'], ['slowest', 'longest']);
  const deals = await closedDeals(api, readSignField(t.required), w);
  const owners = qualifiedOwners(deals, readMin(t.query, 'deals?'));
  if (owners.size === 0) return answer(null);
  const sums = new Map<string, { days: number; n: number }>();
  for (const d of deals) {
    if (!owners.has(d.owner)) continue;
    const s = sums.get(d.owner) ?? { days: 0, n: 0 };
    s.days += (d.signedMs - d.createdMs) / 86_400_000;
    s.n += 1;
    sums.set(d.owner, s);
  }
  return answer(best(new Map([...sums].map(([a, s]) => [a, s.days / s.n])), extreme));
}

export async function solveConversionRate(api: OracleApi, t: ProSolveInput): Promise<string[]> {
  const w = readWindow(t);
  const extreme = extremeOf(t.query, ['lowest', 'worst'], ['highest', 'best', 'top']);
  const min = readMin(t.query, 'leads?');
  const created = range('CreatedDate', w);
  const total = await groupCounts(api, `SELECT OwnerId o, COUNT(Id) n FROM Lead WHERE ${created} GROUP BY OwnerId`, 'o');
  const converted = await groupCounts(api, `SELECT OwnerId o, COUNT(Id) n FROM Lead WHERE ${created} AND IsConverted = true GROUP BY OwnerId`, 'o');
  const rates = new Map([...total].filter(([, n]) => n >= min).map(([a, n]) => [a, (100 * (converted.get(a) ?? 0)) / n]));
  if (rates.size === 0) return answer(null);
  return answer(best(rates, extreme));
}
