/**
 * How many rows each object of a search returns (reference/soql.md §3.4, Ref p.93, 107–108).
 */

/** Default rows per object without WHERE/ORDER BY or when several objects are returned (Ref p.107). */
const DEFAULT_OBJECT_ROWS = 250;

/**
 * Rows for one object: 250 by default, up to 2,000 for a lone object with WHERE or ORDER BY, an even
 * share of 2,000 over several objects; a per-object LIMIT overrides, and an explicit overall LIMIT is
 * shared out by distribute() instead of the defaults.
 */
export function objectCap(opts: { perObjectLimit?: number; overallLimit?: number; objects: number; filtered: boolean; maxRows: number }): number {
  const { perObjectLimit, overallLimit, objects, filtered, maxRows } = opts;
  if (perObjectLimit !== undefined) return Math.min(perObjectLimit, maxRows);
  if (overallLimit !== undefined || (objects === 1 && filtered)) return maxRows;
  return objects === 1 ? DEFAULT_OBJECT_ROWS : Math.min(Math.floor(maxRows / objects), DEFAULT_OBJECT_ROWS);
}

/**
 * "LIMIT n … is evenly distributed among the objects returned" (Ref p.108): each object gets an equal
 * share, and what an object cannot use goes to the others, in RETURNING order.
 */
export function distribute(available: number[], total: number): number[] {
  const shares = available.map(() => 0);
  let left = total;
  let open = available.map((_, i) => i).filter((i) => available[i]! > 0);
  while (left > 0 && open.length) {
    const each = Math.max(1, Math.floor(left / open.length));
    for (const i of open) {
      if (left <= 0) break;
      const give = Math.min(each, available[i]! - shares[i]!, left);
      shares[i]! += give;
      left -= give;
    }
    open = open.filter((i) => shares[i]! < available[i]!);
  }
  return shares;
}
