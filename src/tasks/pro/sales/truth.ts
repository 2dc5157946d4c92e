/**
 * Ground truth of the sales analytics tasks, in SQL over the org: per agent, the closed deals of a
 * window (contract signed in it, reference/crmarena.md §12.3) with their order amounts and sales
 * cycles, and the leads created in a window with how many converted. Each metric has the readings an
 * agent following the policy text may take (whole days or exact durations; converted now or by
 * "today"); a generator keeps an instance only when every reading and every edge of the window
 * (src/tasks/periods.ts windowVariants) name the same agent.
 */
import type Database from 'better-sqlite3';
import type { ProOrgKind } from '../../../org/org-kind.ts';
import { windowVariants, type Period, type Window } from '../../periods.ts';
import { agreeing, pickExtreme, type Truth } from '../../truth/extremes.ts';
import { signField } from './policies.ts';

export interface AgentScores {
  /** Agent → how many records qualify it (closed deals, or leads). */
  counts: Map<string, number>;
  /** Readings of the metric, each agent → score. */
  readings: Map<string, number>[];
}

/** Closed deals of the window per agent: order amounts and cycles (exact days, calendar days). */
export function closedDealScores(db: Database.Database, kind: ProOrgKind, w: Window, metric: 'amount' | 'cycle'): AgentScores {
  const sign = signField(kind);
  const rows = db
    .prepare(
      `SELECT o."OwnerId" AS agent, o."CreatedDate" AS created, c."${sign}" AS signed,
              (SELECT SUM(oi."Quantity" * oi."UnitPrice") FROM "Order" r JOIN "OrderItem" oi ON oi."OrderId" = r."Id"
                WHERE r."ContractId" = c."Id" AND +r."IsDeleted" = 0 AND +oi."IsDeleted" = 0) AS amount
         FROM "Opportunity" o JOIN "Contract" c ON c."Id" = o."ContractID__c"
        WHERE +o."IsDeleted" = 0 AND +c."IsDeleted" = 0 AND c."${sign}" >= ? AND c."${sign}" < ?`,
    )
    .all(w.start, w.end) as { agent: string; created: string; signed: string; amount: number | null }[];
  const counts = new Map<string, number>();
  const sums = [new Map<string, number>(), new Map<string, number>()];
  for (const r of rows) {
    counts.set(r.agent, (counts.get(r.agent) ?? 0) + 1);
    const values = metric === 'amount'
      ? [r.amount ?? 0, r.amount ?? 0]
      : [(Date.parse(r.signed) - Date.parse(r.created)) / 86_400_000, (Date.parse(r.signed.slice(0, 10)) - Date.parse(r.created.slice(0, 10))) / 86_400_000];
    values.forEach((v, i) => sums[i]!.set(r.agent, (sums[i]!.get(r.agent) ?? 0) + v));
  }
  const readings = metric === 'amount'
    ? [new Map([...sums[0]!].map(([a, s]) => [a, Math.round(s * 100) / 100]))]
    : sums.map((m) => new Map([...m].map(([a, s]) => [a, s / counts.get(a)!])));
  return { counts, readings };
}

/** Leads created in the window per agent and their conversion rate (%): converted now, or by `today`. */
export function conversionScores(db: Database.Database, w: Window, today: string): AgentScores {
  const rows = db
    .prepare(
      `SELECT "OwnerId" AS agent, COUNT(*) AS n, SUM("IsConverted") AS conv,
              SUM(CASE WHEN "IsConverted" = 1 AND "ConvertedDate" <= ? THEN 1 ELSE 0 END) AS convByToday
         FROM "Lead" WHERE +"IsDeleted" = 0 AND "CreatedDate" >= ? AND "CreatedDate" < ? GROUP BY "OwnerId"`,
    )
    .all(today, w.start, w.end) as { agent: string; n: number; conv: number; convByToday: number }[];
  return {
    counts: new Map(rows.map((r) => [r.agent, r.n])),
    readings: [new Map(rows.map((r) => [r.agent, (100 * r.conv) / r.n])), new Map(rows.map((r) => [r.agent, (100 * r.convByToday) / r.n]))],
  };
}

/**
 * The agent with the extreme score among agents with at least `min` qualifying records, agreed by
 * every window variant and reading: an Id, null when no agent qualifies under any variant
 * (non-answerable), undefined when they disagree or tie within `margin` (reject).
 */
export function agreedExtreme(period: Period, scores: (w: Window) => AgentScores, min: number, extreme: 'min' | 'max', margin: number): Truth {
  const answers: Truth[] = [];
  for (const w of windowVariants(period)) {
    const s = scores(w);
    const qualified = new Set([...s.counts].filter(([, n]) => n >= min).map(([a]) => a));
    if (qualified.size === 0) {
      answers.push(null);
      continue;
    }
    for (const r of s.readings) {
      const p = pickExtreme(new Map([...r].filter(([a]) => qualified.has(a))), extreme, margin);
      answers.push(p.kind === 'one' ? p.key : undefined);
    }
  }
  return agreeing(answers.map((a) => (a === null ? 'None' : a))) === undefined ? undefined : answers[0];
}

/** The largest qualifying count of any agent under any variant: a filter above it leaves no one. */
export function maxCount(period: Period, scores: (w: Window) => AgentScores): number {
  let max = 0;
  for (const w of windowVariants(period)) for (const n of scores(w).counts.values()) max = Math.max(max, n);
  return max;
}
