/**
 * Ground truth for the Service Manager tasks over CaseHistory__c and Case (reference/crmarena.md §3.5):
 * Handle Time Understanding and Transfer Count Understanding.
 *
 * Where CRMArena's reference code and the policy text given to agents disagree, this follows the
 * policy text (the agent is graded against what it was told):
 * - "managed x cases" counts cases an agent was FIRST assigned (the policy's first-agent rule); the
 *   reference code counted every Owner Assignment row, transfers in included.
 * - a case is "transferred" when it has more than one Owner Assignment at all; the reference code
 *   looked only at rows inside the window. Both readings are computed and instances where they
 *   disagree are dropped (see `HandleTimeReading`).
 * - "fewest transfers" counts a qualified agent with no transfer as 0; the reference code's dict only
 *   held agents with at least one transfer.
 */
import type Database from 'better-sqlite3';
import type { Window } from '../periods.ts';

/** First Owner Assignment (OldValue__c null) rows in the window, per new owner: cases first assigned. */
export function firstAssignmentCounts(db: Database.Database, w: Window): Map<string, number> {
  const rows = db
    .prepare(
      `SELECT "NewValue__c" AS agent, COUNT(*) AS n FROM "CaseHistory__c"
       WHERE +"IsDeleted" = 0 AND +"Field__c" = 'Owner Assignment' AND +"OldValue__c" IS NULL AND "NewValue__c" IS NOT NULL
         AND "CreatedDate" >= ? AND "CreatedDate" < ?
       GROUP BY "NewValue__c"`,
    )
    .all(w.start, w.end) as { agent: string; n: number }[];
  return new Map(rows.map((r) => [r.agent, r.n]));
}

/** Agents first assigned at least `minCases` cases in the window. */
export function qualifiedAgents(db: Database.Database, w: Window, minCases: number): string[] {
  return [...firstAssignmentCounts(db, w)].filter(([, n]) => n >= minCases).map(([a]) => a).sort();
}

export interface HandleTimeReading {
  /** Count a case as transferred only by Owner Assignment rows inside the window (reference code). */
  transfersInWindowOnly: boolean;
  /** Take the cases closed in the window instead of those created in it (CRMArena: created). */
  byClosedDate?: boolean;
}

/** Mean handle time (ms) per agent over closed, non-transferred cases created in the window. */
export function meanHandleTimes(
  db: Database.Database,
  w: Window,
  agents: readonly string[],
  reading: HandleTimeReading,
): Map<string, number> {
  if (agents.length === 0) return new Map();
  const assignWindow = reading.transfersInWindowOnly ? `AND h."CreatedDate" >= ? AND h."CreatedDate" < ?` : '';
  const date = reading.byClosedDate ? 'ClosedDate' : 'CreatedDate';
  // Owner Assignment rows of each case through the CaseId__c index (the `+` keep the planner off the
  // low-selectivity IsDeleted and Field__c indexes).
  const sql = `
    SELECT c."OwnerId" AS agent, c."CreatedDate" AS created, c."ClosedDate" AS closed
    FROM "Case" c
    WHERE +c."IsDeleted" = 0 AND +c."Status" = 'Closed' AND c."ClosedDate" IS NOT NULL
      AND c."${date}" >= ? AND c."${date}" < ?
      AND c."OwnerId" IN (${agents.map(() => '?').join(', ')})
      AND (SELECT COUNT(*) FROM "CaseHistory__c" h
           WHERE h."CaseId__c" = c."Id" AND +h."IsDeleted" = 0 AND +h."Field__c" = 'Owner Assignment' ${assignWindow}) = 1`;
  const params: string[] = [w.start, w.end, ...agents];
  if (reading.transfersInWindowOnly) params.push(w.start, w.end);
  const rows = db.prepare(sql).all(...params) as { agent: string; created: string; closed: string }[];
  const sums = new Map<string, { total: number; n: number }>();
  for (const r of rows) {
    const s = sums.get(r.agent) ?? { total: 0, n: 0 };
    s.total += Date.parse(r.closed) - Date.parse(r.created);
    s.n += 1;
    sums.set(r.agent, s);
  }
  return new Map([...sums].map(([a, s]) => [a, s.total / s.n]));
}

export interface TransferReading {
  /** Count transfers of cases created in the window, wherever the transfer falls (vs transfers in the window). */
  byCaseCreatedDate: boolean;
}

/** Transfers away per qualified agent (0 for a qualified agent with none). */
export function transferCounts(
  db: Database.Database,
  w: Window,
  agents: readonly string[],
  reading: TransferReading,
): Map<string, number> {
  const counts = new Map<string, number>(agents.map((a) => [a, 0]));
  if (agents.length === 0) return counts;
  const when = reading.byCaseCreatedDate
    ? `AND EXISTS (SELECT 1 FROM "Case" c WHERE c."Id" = h."CaseId__c" AND +c."IsDeleted" = 0 AND c."CreatedDate" >= ? AND c."CreatedDate" < ?)`
    : `AND h."CreatedDate" >= ? AND h."CreatedDate" < ?`;
  const rows = db
    .prepare(
      `SELECT h."OldValue__c" AS agent, COUNT(*) AS n FROM "CaseHistory__c" h
       WHERE +h."IsDeleted" = 0 AND +h."Field__c" = 'Owner Assignment' AND h."OldValue__c" IS NOT NULL ${when}
       GROUP BY h."OldValue__c"`,
    )
    .all(w.start, w.end) as { agent: string; n: number }[];
  for (const r of rows) if (counts.has(r.agent)) counts.set(r.agent, r.n);
  return counts;
}
