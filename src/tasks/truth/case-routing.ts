/**
 * Ground truth for New Case Routing (reference/crmarena.md §3.5 NCR), by the Case Routing Policy text:
 * 1. issue expertise: most Closed cases of the issue (per final owner, Case.OwnerId);
 * 2. on a tie, product expertise: most Closed cases of the product (via OrderItemId__c) among the tied;
 * 3. on a tie, workload: fewest cases with Status not 'Closed' among the still tied.
 * The reference code's workload step counted Status = 'Open', a status the org does not have; the
 * policy text says "Status not 'Closed'", which is what agents read, so that is what counts here.
 * A tie left after step 3 has no answer: the generator drops the instance.
 */
import type Database from 'better-sqlite3';
import { pickExtreme, type Truth } from './extremes.ts';

export interface RoutingTrace {
  issueCounts: Map<string, number>;
  productCounts?: Map<string, number>;
  openCounts?: Map<string, number>;
  answer: Truth;
}

function countsBy(db: Database.Database, sql: string, params: unknown[]): Map<string, number> {
  const rows = db.prepare(sql).all(...params) as { agent: string; n: number }[];
  return new Map(rows.map((r) => [r.agent, r.n]));
}

export function bestAgentForCase(db: Database.Database, issueId: string, productId: string): RoutingTrace {
  const issueCounts = countsBy(
    db,
    `SELECT "OwnerId" AS agent, COUNT(*) AS n FROM "Case"
     WHERE +"IsDeleted" = 0 AND "Status" = 'Closed' AND "IssueId__c" = ? AND "OwnerId" IS NOT NULL GROUP BY "OwnerId"`,
    [issueId],
  );
  const step1 = pickExtreme(issueCounts, 'max');
  if (step1.kind === 'one') return { issueCounts, answer: step1.key };
  if (step1.kind === 'empty') return { issueCounts, answer: undefined };
  const tied = step1.keys;
  const inTied = `"OwnerId" IN (${tied.map(() => '?').join(', ')})`;
  const fromProduct = countsBy(
    db,
    `SELECT c."OwnerId" AS agent, COUNT(*) AS n FROM "Case" c JOIN "OrderItem" oi ON oi."Id" = c."OrderItemId__c"
     WHERE +c."IsDeleted" = 0 AND c."Status" = 'Closed' AND oi."Product2Id" = ? AND c.${inTied} GROUP BY c."OwnerId"`,
    [productId, ...tied],
  );
  const productCounts = new Map(tied.map((a) => [a, fromProduct.get(a) ?? 0]));
  const step2 = pickExtreme(productCounts, 'max');
  if (step2.kind === 'one') return { issueCounts, productCounts, answer: step2.key };
  const still = step2.kind === 'tie' ? step2.keys : tied;
  const fromOpen = countsBy(
    db,
    `SELECT "OwnerId" AS agent, COUNT(*) AS n FROM "Case"
     WHERE +"IsDeleted" = 0 AND "Status" <> 'Closed' AND "OwnerId" IN (${still.map(() => '?').join(', ')}) GROUP BY "OwnerId"`,
    still,
  );
  const openCounts = new Map(still.map((a) => [a, fromOpen.get(a) ?? 0]));
  const step3 = pickExtreme(openCounts, 'min');
  return { issueCounts, productCounts, openCounts, answer: step3.kind === 'one' ? step3.key : undefined };
}
