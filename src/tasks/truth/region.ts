/**
 * Ground truth for Best Region Identification (reference/crmarena.md §3.5 BRI): closed cases created in
 * the window, grouped by the case Account's ShippingState, mean (ClosedDate - CreatedDate); the state
 * with the smallest mean closes fastest. Cases without a state are skipped, as CRMArena's tool does.
 */
import type Database from 'better-sqlite3';
import type { Window } from '../periods.ts';

/**
 * `by`: which date puts a case in the window. CRMArena's get_cases uses CreatedDate; "closures in Q4"
 * also reads as cases closed in Q4, so generators keep instances where both readings agree.
 */
export function meanClosureByState(db: Database.Database, w: Window, by: 'CreatedDate' | 'ClosedDate' = 'CreatedDate'): Map<string, { mean: number; n: number }> {
  const rows = db
    .prepare(
      `SELECT a."ShippingState" AS state, c."CreatedDate" AS created, c."ClosedDate" AS closed
       FROM "Case" c JOIN "Account" a ON a."Id" = c."AccountId"
       WHERE +c."IsDeleted" = 0 AND +a."IsDeleted" = 0 AND +c."Status" = 'Closed' AND c."ClosedDate" IS NOT NULL
         AND a."ShippingState" IS NOT NULL AND a."ShippingState" <> ''
         AND c."${by}" >= ? AND c."${by}" < ?`,
    )
    .all(w.start, w.end) as { state: string; created: string; closed: string }[];
  const sums = new Map<string, { total: number; n: number }>();
  for (const r of rows) {
    const s = sums.get(r.state) ?? { total: 0, n: 0 };
    s.total += Date.parse(r.closed) - Date.parse(r.created);
    s.n += 1;
    sums.set(r.state, s);
  }
  return new Map([...sums].map(([k, s]) => [k, { mean: s.total / s.n, n: s.n }]));
}
