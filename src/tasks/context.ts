/**
 * What every task generator reads: the org's database (ground truth is SQL over it), the latent side
 * file when the org came from our seed generator, the org's "now", and the span of its case history
 * (so "today" dates and periods land where the data is).
 *
 * Ground-truth SQL in src/tasks filters soft deletes as `+"IsDeleted" = 0`: the unary plus keeps
 * SQLite's planner (no ANALYZE statistics) from picking the IsDeleted index, which matches nearly
 * every row, over a selective one such as EmailMessage.ParentId (a full scan per query at scale 5).
 */
import type Database from 'better-sqlite3';
import type { LatentFile } from '../../seed/latent.ts';
import type { Org } from '../org/index.ts';
import { addDays } from './periods.ts';
import type { Rng } from './rng.ts';

export interface GeneratorContext {
  db: Database.Database;
  rng: Rng;
  latent?: LatentFile;
  /** The org clock's day (YYYY-MM-DD): no task's "today" is later. */
  orgToday: string;
  /** First and last day with a case. */
  dataStart: string;
  dataEnd: string;
}

export function makeContext(org: Org, rng: Rng, latent?: LatentFile): GeneratorContext {
  const row = org.db
    .prepare(`SELECT MIN("CreatedDate") AS lo, MAX("CreatedDate") AS hi FROM "Case" WHERE +"IsDeleted" = 0`)
    .get() as { lo: string | null; hi: string | null };
  const orgToday = org.clock.nowIso().slice(0, 10);
  return {
    db: org.db,
    rng,
    latent,
    orgToday,
    dataStart: row.lo?.slice(0, 10) ?? orgToday,
    dataEnd: row.hi?.slice(0, 10) ?? orgToday,
  };
}

/** A uniformly random day in [from, to] (YYYY-MM-DD). */
export function randomDay(rng: Rng, from: string, to: string): string {
  const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  return addDays(from, rng.int(0, Math.max(0, span)));
}
