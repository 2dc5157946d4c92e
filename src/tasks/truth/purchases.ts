/**
 * Ground truth for Named Entity Disambiguation (reference/crmarena.md §3.5 NED): the product the
 * contact's account bought on the exact day "N days/weeks/months ago" points at (CRMArena's
 * get_start_date), in an Activated order, whose name the customer's description matches.
 */
import type Database from 'better-sqlite3';

export interface Purchase {
  productId: string;
  name: string;
  description: string | null;
  day: string;
}

export function accountOfContact(db: Database.Database, contactId: string): string | undefined {
  const row = db.prepare(`SELECT "AccountId" AS a FROM "Contact" WHERE "Id" = ? AND +"IsDeleted" = 0`).get(contactId) as
    | { a: string | null }
    | undefined;
  return row?.a ?? undefined;
}

/** Every product the account bought in Activated orders with EffectiveDate in [fromDay, toDay]. */
export function purchasesBetween(db: Database.Database, accountId: string, fromDay: string, toDay: string): Purchase[] {
  return db
    .prepare(
      `SELECT DISTINCT oi."Product2Id" AS productId, p."Name" AS name, p."Description" AS description, o."EffectiveDate" AS day
       FROM "OrderItem" oi JOIN "Order" o ON o."Id" = oi."OrderId" JOIN "Product2" p ON p."Id" = oi."Product2Id"
       WHERE +oi."IsDeleted" = 0 AND +o."IsDeleted" = 0 AND +p."IsDeleted" = 0 AND o."AccountId" = ? AND o."Status" = 'Activated'
         AND o."EffectiveDate" >= ? AND o."EffectiveDate" <= ?
       ORDER BY o."EffectiveDate", oi."Product2Id"`,
    )
    .all(accountId, fromDay, toDay) as Purchase[];
}

const STOP = new Set(['the', 'a', 'an', 'my', 'of', 'and', 'with', 'for']);

/** Lower-case words of a name or phrase, singular, without stop words ("Women's Hiking Boots" → women's hiking boot). */
export function nameWords(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/[’]/g, "'")
    .split(/[^a-z0-9'-]+/)
    .filter((w) => w && !STOP.has(w))
    .map(singular);
}

function singular(w: string): string {
  if (w.endsWith("'s") || w.endsWith("s'")) return w;
  if (w.length > 3 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** Does the product name contain every word of the phrase? */
export function nameMatches(name: string, phrase: string): boolean {
  const words = new Set(nameWords(name));
  return nameWords(phrase).every((w) => words.has(w));
}

/** Does the product name share any word with the phrase (a looser reading an agent's search may take)? */
export function nameOverlaps(name: string, phrase: string): boolean {
  const words = new Set(nameWords(name));
  return nameWords(phrase).some((w) => words.has(w));
}
