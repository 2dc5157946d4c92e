/**
 * Query locators (cursors) for results larger than one batch. Salesforce: `nextRecordsUrl` ends in an
 * 18-character `01g` Id, `-`, and the number of rows already delivered; cursors expire after 15 minutes
 * of inactivity and a user holds at most 10, the oldest being closed (reference/salesforce-api.md §3.2).
 * Time is the org clock. Each org keeps its own cursors, in memory.
 *
 * Deviation: one mockforce org often serves many concurrent clients (load tests, parallel agents) under
 * one API user, so the cap is per org and wider than Salesforce's 10: at most 100 cursors and 500,000
 * held records, oldest closed first.
 */
import type { Org } from '../org/org.ts';
import { makeId } from '../org/ids.ts';

export const LOCATOR_IDLE_MS = 15 * 60 * 1000;
export const MAX_OPEN_LOCATORS = 100;
export const MAX_HELD_RECORDS = 500_000;

export interface Cursor {
  id: string;
  records: Record<string, unknown>[];
  totalSize: number;
  lastUsedMs: number;
}

interface OrgCursors {
  counter: number;
  open: Map<string, Cursor>;
}

const perOrg = new WeakMap<Org, OrgCursors>();

function cursorsOf(org: Org): OrgCursors {
  let c = perOrg.get(org);
  if (!c) perOrg.set(org, (c = { counter: 0, open: new Map() }));
  return c;
}

function expire(org: Org, c: OrgCursors): void {
  const now = org.clock.now().getTime();
  for (const [id, cur] of c.open) if (now - cur.lastUsedMs > LOCATOR_IDLE_MS) c.open.delete(id);
}

export function openCursor(org: Org, records: Record<string, unknown>[], totalSize: number): Cursor {
  const c = cursorsOf(org);
  expire(org, c);
  let held = records.length;
  for (const cur of c.open.values()) held += cur.records.length;
  while (c.open.size > 0 && (c.open.size >= MAX_OPEN_LOCATORS || held > MAX_HELD_RECORDS)) {
    const oldest = c.open.keys().next().value as string;
    held -= c.open.get(oldest)!.records.length;
    c.open.delete(oldest);
  }
  c.counter += 1;
  const cur: Cursor = { id: makeId('01g', c.counter), records, totalSize, lastUsedMs: org.clock.now().getTime() };
  c.open.set(cur.id, cur);
  return cur;
}

/** The cursor and position named by `locator` (`01g...-2000`), or undefined when unknown/expired. */
export function findCursor(org: Org, locator: string): { cursor: Cursor; position: number } | undefined {
  const m = /^(01g[0-9A-Za-z]{15})-(\d{1,9})$/.exec(locator);
  if (!m) return undefined;
  const c = cursorsOf(org);
  expire(org, c);
  const cursor = c.open.get(m[1]!);
  const position = Number(m[2]);
  if (!cursor || position > cursor.records.length || position <= 0) return undefined;
  cursor.lastUsedMs = org.clock.now().getTime();
  return { cursor, position };
}

export function closeCursor(org: Org, id: string): void {
  cursorsOf(org).open.delete(id);
}
