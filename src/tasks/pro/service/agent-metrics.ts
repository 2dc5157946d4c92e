/**
 * Ground truth of Pro's handle_time and transfer_count: the original metrics (src/tasks/truth/
 * agent-metrics.ts) over Pro's case-count filter, which "applies to both the first agent that the case
 * was first assigned to and the agent that the case was transferred to" (Pro's policy text, [B2BT]):
 * an agent first assigned 2 cases and transferred 1 more "managed" 3.
 *
 * "Managed n cases" is read three ways, and an instance is kept only when all give one answer (the
 * window-edge variants and metric readings of src/tasks/agent-extreme-truth.ts on top):
 * - distinct cases with an Owner Assignment to the agent (first or by transfer) dated in the window;
 * - the same Owner Assignment rows counted as rows (a case handed back to an agent counts twice, as
 *   CRMArena's reference code counted rows);
 * - distinct cases created in the window that were ever assigned to the agent.
 */
import type Database from 'better-sqlite3';
import type { AgentMetricReading } from '../../agent-extreme-truth.ts';
import { windowVariants, type Period, type Window } from '../../periods.ts';
import { agreeing, pickExtreme, type Truth } from '../../truth/extremes.ts';

export type ManagedReading = 'assigned-cases' | 'assignment-rows' | 'cases-created';
export const MANAGED_READINGS: readonly ManagedReading[] = ['assigned-cases', 'assignment-rows', 'cases-created'];

/** Cases each agent "managed" in the window under Pro's both-agents rule. */
export function managedCaseCounts(db: Database.Database, w: Window, reading: ManagedReading = 'assigned-cases'): Map<string, number> {
  const sql =
    reading === 'cases-created'
      ? `SELECT h."NewValue__c" AS agent, COUNT(DISTINCT h."CaseId__c") AS n FROM "CaseHistory__c" h
         JOIN "Case" c ON c."Id" = h."CaseId__c" AND +c."IsDeleted" = 0 AND c."CreatedDate" >= ? AND c."CreatedDate" < ?
         WHERE +h."IsDeleted" = 0 AND +h."Field__c" = 'Owner Assignment' AND h."NewValue__c" IS NOT NULL
         GROUP BY h."NewValue__c"`
      : `SELECT "NewValue__c" AS agent, ${reading === 'assignment-rows' ? 'COUNT(*)' : 'COUNT(DISTINCT "CaseId__c")'} AS n FROM "CaseHistory__c"
         WHERE +"IsDeleted" = 0 AND +"Field__c" = 'Owner Assignment' AND "NewValue__c" IS NOT NULL
           AND "CreatedDate" >= ? AND "CreatedDate" < ?
         GROUP BY "NewValue__c"`;
  const rows = db.prepare(sql).all(w.start, w.end) as { agent: string; n: number }[];
  return new Map(rows.map((r) => [r.agent, r.n]));
}

/** Agents who managed at least `minCases` cases in the window (both-agents rule), sorted. */
export function qualifiedBothAgents(db: Database.Database, w: Window, minCases: number, reading: ManagedReading = 'assigned-cases'): string[] {
  return [...managedCaseCounts(db, w, reading)].filter(([, n]) => n >= minCases).map(([a]) => a).sort();
}

/**
 * The one agent extreme under every window variant, filter reading and metric reading; null when no
 * agent qualifies under any of them; undefined (reject) when they disagree or any ties within `margin`.
 */
export function agreedExtremeAgentBoth(
  db: Database.Database,
  period: Period,
  minCases: number,
  extreme: 'min' | 'max',
  readings: readonly AgentMetricReading[],
  margin = 0,
): Truth {
  const answers: (string | undefined)[] = [];
  for (const w of windowVariants(period)) {
    // The filter readings mostly qualify the same agents: score each distinct set once.
    const seen = new Map<string, (string | undefined)[]>();
    for (const managed of MANAGED_READINGS) {
      const agents = qualifiedBothAgents(db, w, minCases, managed);
      if (agents.length === 0) {
        answers.push('None');
        continue;
      }
      const key = agents.join(',');
      let picks = seen.get(key);
      if (!picks) {
        picks = readings.map((reading) => {
          const p = pickExtreme(reading(w, agents), extreme, margin);
          return p.kind === 'one' ? p.key : undefined;
        });
        seen.set(key, picks);
      }
      answers.push(...picks);
      // A disagreement already decides the instance.
      if (picks.some((a) => a === undefined)) return undefined;
    }
  }
  const a = agreeing(answers);
  return a === undefined ? undefined : a === 'None' ? null : a;
}
