/**
 * Named Entity Disambiguation (NED): a customer describes a product they bought "N days/weeks/months
 * ago" in their own words ("the waterproof hiking boot"); the answer is the one product of that
 * description in their account's Activated orders of exactly that day (CRMArena seed query 14 and
 * get_start_date / get_purchase_history, reference/crmarena.md §3.5), None when there is none.
 *
 * The description is the product name without its product line, so it matches several catalog
 * products and only the purchase history disambiguates. Instances are kept only when they stay
 * unambiguous to an agent that searches loosely: that day holds no other purchase sharing a word with
 * the description, and no purchase of the same description falls within two weeks of it.
 */
import type Database from 'better-sqlite3';
import type { Candidate, TaskGenerator } from '../collect.ts';
import type { GeneratorContext } from '../context.ts';
import { nedRequired, SUFFIX } from '../domain-text.ts';
import { fill, numberWord } from '../period-phrases.ts';
import { addDays, addMonths } from '../periods.ts';
import type { Rng } from '../rng.ts';
import { accountOfContact, nameMatches, nameOverlaps, purchasesBetween, type Purchase } from '../truth/purchases.ts';

export type AgoUnit = 'day' | 'week' | 'month';
export interface Ago {
  n: number;
  unit: AgoUnit;
}

const TEMPLATES = [
  'Can you display the {phrase} I purchased {ago}?',
  'Can you show me the {phrase} I bought {ago}?',
  'Please find the {phrase} I ordered {ago}.',
  'Could you look up the {phrase} I purchased {ago}?',
  'Show me the {phrase} that I ordered {ago}.',
  'I bought the {phrase} {ago}. Can you pull it up?',
];

/** The purchase day "ago" points at (dateutil relativedelta semantics). */
export function agoDay(today: string, ago: Ago): string {
  return ago.unit === 'month' ? addMonths(today, -ago.n) : addDays(today, -(ago.unit === 'week' ? 7 * ago.n : ago.n));
}

export function phraseAgo(ago: Ago, rng: Rng): string {
  const num = (n: number) => (rng.chance(0.5) ? numberWord(n) : String(n));
  if (ago.unit === 'day') {
    if (ago.n === 1) return 'yesterday';
    if (ago.n === 7) return rng.pick(['a week ago', '7 days ago']);
    if (ago.n === 14) return rng.pick(['a fortnight ago', 'fourteen days ago', '14 days ago']);
    return `${num(ago.n)} days ago`;
  }
  if (ago.n === 1) return `a ${ago.unit} ago`;
  return `${num(ago.n)} ${ago.unit}s ago`;
}

/** The description of a product a customer would use: its name without the first (product line) word. */
export function describeProduct(name: string, rng: Rng): string | undefined {
  const words = name.trim().split(/\s+/);
  if (words.length < 3) return undefined;
  const keep = words.length >= 4 && rng.chance(0.5) ? words.length - 2 : words.length - 1;
  const phrase = words.slice(words.length - keep).join(' ');
  return phrase.toLowerCase();
}

/** Ground truth of a NED question: the product, null (none), or undefined (ambiguous). */
export function nedTruth(db: Database.Database, contactId: string, today: string, ago: Ago, phrase: string): string | null | undefined {
  const account = accountOfContact(db, contactId);
  if (!account) return undefined;
  const day = agoDay(today, ago);
  const near = purchasesBetween(db, account, addDays(day, -14), addDays(day, 14));
  const onDay = near.filter((p) => p.day === day);
  const matching = onDay.filter((p) => nameMatches(p.name, phrase));
  // Searching all fields also finds words in descriptions: that day must not offer a second reading.
  const overlapping = onDay.filter((p) => nameOverlaps(p.name, phrase) || nameMatches(`${p.name} ${p.description ?? ''}`, phrase));
  const nearMatching = near.filter((p) => p.day !== day && nameMatches(p.name, phrase));
  if (nearMatching.length > 0) return undefined;
  const ids = new Set(matching.map((p) => p.productId));
  if (ids.size === 0) return overlapping.length === 0 ? null : undefined;
  if (ids.size > 1 || new Set(overlapping.map((p) => p.productId)).size > 1) return undefined;
  return [...ids][0]!;
}

interface NedData {
  contacts: { contactId: string; accountId: string }[];
  catalogNames: string[];
  history: Map<string, Purchase[]>;
  catalogMatches: Map<string, number>;
}
const cache = new WeakMap<object, NedData>();

function nedData(ctx: GeneratorContext): NedData {
  let d = cache.get(ctx.db);
  if (!d) {
    const contacts = ctx.db
      .prepare(
        `SELECT c."Id" AS contactId, c."AccountId" AS accountId FROM "Contact" c
         WHERE +c."IsDeleted" = 0 AND c."AccountId" IS NOT NULL
           AND EXISTS (SELECT 1 FROM "Order" o WHERE o."AccountId" = c."AccountId" AND +o."IsDeleted" = 0 AND o."Status" = 'Activated')
         ORDER BY c."Id"`,
      )
      .all() as NedData['contacts'];
    const catalogNames = (ctx.db.prepare(`SELECT "Name" AS n FROM "Product2" WHERE +"IsDeleted" = 0 ORDER BY "Id"`).all() as { n: string }[]).map(
      (r) => r.n,
    );
    d = { contacts, catalogNames, history: new Map(), catalogMatches: new Map() };
    cache.set(ctx.db, d);
  }
  return d;
}

function drawAgo(rng: Rng): Ago {
  const unit = rng.weighted<AgoUnit>(['day', 'week', 'month'], [45, 30, 25]);
  const n = unit === 'day' ? rng.pick([1, 2, 3, 4, 5, 7, 10, 14, 20, 30]) : unit === 'week' ? rng.int(1, 8) : rng.int(1, 6);
  return { n, unit };
}

export const namedEntity: TaskGenerator = {
  task: 'named_entity_disambiguation',
  reward: 'exact_match',
  noneShare: 0.3,
  // One question per contact, "today" and answer, however it is worded.
  dedupeKey: (c) => `${c.required}\u0000${c.answer}`,
  draw(ctx, wantNone): Candidate | undefined {
    const { rng } = ctx;
    const data = nedData(ctx);
    if (data.contacts.length === 0) return undefined;
    const { contactId, accountId } = rng.pick(data.contacts);
    let history = data.history.get(accountId);
    if (!history) {
      history = purchasesBetween(ctx.db, accountId, '0000-01-01', ctx.orgToday);
      data.history.set(accountId, history);
    }
    if (history.length === 0) return undefined;
    const ago = drawAgo(rng);
    const bought = rng.pick(history);
    const phrase = describeProduct(bought.name, rng);
    if (!phrase) return undefined;
    // The description must fit several catalog products, or there is nothing to disambiguate.
    let inCatalog = data.catalogMatches.get(phrase);
    if (inCatalog === undefined) {
      inCatalog = data.catalogNames.filter((n) => nameMatches(n, phrase)).length;
      data.catalogMatches.set(phrase, inCatalog);
    }
    if (inCatalog < 2) return undefined;
    let today: string;
    if (wantNone) {
      // The customer remembers a day on which they bought nothing of the kind.
      today = addDays(bought.day, rng.int(20, 200) * (rng.chance(0.5) ? 1 : -1));
    } else {
      today = ago.unit === 'month' ? addMonths(bought.day, ago.n) : addDays(bought.day, ago.unit === 'week' ? 7 * ago.n : ago.n);
      if (agoDay(today, ago) !== bought.day) return undefined;
    }
    if (today > ctx.orgToday || today < ctx.dataStart) return undefined;
    // "A month ago" from the 29th-31st lands on a clipped day that people and dateutil disagree on.
    if (ago.unit === 'month' && Number(today.slice(8, 10)) > 28) return undefined;
    const answer = nedTruth(ctx.db, contactId, today, ago, phrase);
    if (answer === undefined || (answer === null) !== wantNone) return undefined;
    const query = fill(rng.pick(TEMPLATES), { phrase, ago: phraseAgo(ago, rng) });
    return { query: `${query} ${SUFFIX.ned}`, answer, required: nedRequired(contactId, today) };
  },
};
