/**
 * Ground truth for the Service Analyst tasks about one product (reference/crmarena.md §3.5 TII, MTA):
 * cases of a product are the cases whose OrderItemId__c is an order item of that product.
 */
import type Database from 'better-sqlite3';
import { MONTH_NAMES, type Window } from '../periods.ts';

/** CreatedDate and IssueId__c of the product's cases created in the window. */
export function productCases(db: Database.Database, productId: string, w: Window): { created: string; issue: string | null }[] {
  return db
    .prepare(
      `SELECT c."CreatedDate" AS created, c."IssueId__c" AS issue FROM "Case" c
       JOIN "OrderItem" oi ON oi."Id" = c."OrderItemId__c"
       WHERE +c."IsDeleted" = 0 AND +oi."IsDeleted" = 0 AND oi."Product2Id" = ? AND c."CreatedDate" >= ? AND c."CreatedDate" < ?`,
    )
    .all(productId, w.start, w.end) as { created: string; issue: string | null }[];
}

/** Cases per Issue__c Id (TII). */
export function issueCounts(db: Database.Database, productId: string, w: Window): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of productCases(db, productId, w)) if (c.issue) m.set(c.issue, (m.get(c.issue) ?? 0) + 1);
  return m;
}

/**
 * Cases per month (MTA). `byMonthName` buckets by month name as CRMArena's get_month_to_case_count
 * does ('%B'); otherwise by calendar month (`2021-03`), which is how an agent reading a window longer
 * than a year might count. Generators keep instances where both agree.
 */
export function monthCounts(db: Database.Database, productId: string, w: Window, byMonthName: boolean): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of productCases(db, productId, w)) {
    const key = byMonthName ? MONTH_NAMES[Number(c.created.slice(5, 7)) - 1]! : c.created.slice(0, 7);
    m.set(key, (m.get(key) ?? 0) + 1);
  }
  return m;
}

/** Products with at least one case, with their case counts (candidates for TII/MTA instances). */
export function productsWithCases(db: Database.Database): { productId: string; name: string; n: number }[] {
  return db
    .prepare(
      `SELECT p."Id" AS productId, p."Name" AS name, COUNT(*) AS n FROM "Case" c
       JOIN "OrderItem" oi ON oi."Id" = c."OrderItemId__c" JOIN "Product2" p ON p."Id" = oi."Product2Id"
       WHERE +c."IsDeleted" = 0 AND +oi."IsDeleted" = 0 AND +p."IsDeleted" = 0
       GROUP BY p."Id" ORDER BY p."Id"`,
    )
    .all() as { productId: string; name: string; n: number }[];
}
