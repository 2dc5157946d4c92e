/**
 * The deterministic org generator. `generateOrg({seed, scale, out})` builds a CRMArena-shaped org for
 * a fictional apparel and footwear retailer: every object from its own seeded stream, the data drawn
 * from latent variables (agent skill and workload, customer shopping and complaint habits, product
 * defect rates, issue mixes and seasonal spikes, regional closure speed, agent policy violations)
 * that are returned and written to `<out>.latent.json`, never into the org tables.
 *
 * The org is built in a temp file and renamed into place when complete, so a failed run leaves
 * nothing behind; the same seed, scale and generator version give a byte-identical file.
 */
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { applyOrgProfile } from '../schema/orgs/profile.ts';
import type { OrgKind } from '../src/org/org-kind.ts';
import { DEFAULT_NOW, Org, parseDatetime } from '../src/org/index.ts';
import type { GenContext } from './context.ts';
import { productCount } from './generators/catalog.ts';
import { agentCount } from './generators/users.ts';
import { GENERATOR_VERSION, type LatentFile } from './latent.ts';
import { fillPro, PRO_ROW_FACTOR } from './pro/index.ts';
import type { ProLatentFile } from './pro/latent.ts';
import { generateServiceData, serviceLatents } from './service-data.ts';
import { DAY, HISTORY_START } from './time.ts';

export { GENERATOR_VERSION } from './latent.ts';
export type * from './latent.ts';
export type { ProLatentFile } from './pro/latent.ts';

export interface GenerateOptions {
  seed: number;
  scale: number;
  /** The org clock (ISO datetime); the case history ends 6 days before it. Default 2024-06-01T12:00Z. */
  now?: string;
  out: string;
  /** Which benchmark org (default original): CRMArena's, or CRMArena-Pro's B2B or B2C org (seed/pro/). */
  org?: OrgKind;
  onProgress?: (done: number, total: number, label: string) => void;
}

/** Rows the generator will write at this scale (for the progress total; a close estimate). */
function expectedRows(scale: number): number {
  const products = productCount(scale);
  const catalog = 10 + 45 + 12 + products * (1 + 1.53 + 1 + 44 * 0.977) + 45;
  // Accounts, contacts, orders, items, cases, emails, chats, history at scale 1.
  const volume = 200 + 210 + 2070 + 7100 + 980 + 3300 + 770 + 3000;
  return Math.round(agentCount(scale) + 1 + catalog + volume * scale);
}

/** Scale 100 is ~4 million rows and a few minutes; beyond that memory and time stop being reasonable. */
export const MAX_SCALE = 100;

/** Earliest clock that leaves room for the history (orders from 2020-01-01, then cases). */
const MIN_NOW = HISTORY_START + 180 * DAY;

export function validateOptions(opts: Pick<GenerateOptions, 'seed' | 'scale' | 'now'>): string {
  if (!Number.isSafeInteger(opts.seed) || opts.seed < 0) throw new RangeError(`seed must be a non-negative integer, got ${opts.seed}`);
  if (!Number.isFinite(opts.scale) || opts.scale <= 0 || opts.scale > MAX_SCALE) throw new RangeError(`scale must be a number in (0, ${MAX_SCALE}], got ${opts.scale}`);
  // The same ISO 8601 forms a record body accepts for a datetime (no offset means UTC).
  const stored = parseDatetime(opts.now ?? DEFAULT_NOW);
  if (stored === undefined) throw new RangeError(`now must be an ISO datetime, got '${opts.now}'`);
  if (Date.parse(stored) < MIN_NOW) throw new RangeError(`now must be on or after ${new Date(MIN_NOW).toISOString().slice(0, 10)} (the history starts 2020-01-01)`);
  return stored;
}

/** Build the org and its latent variables. `out` ':memory:' keeps the org in memory and writes no file. */
export function generateOrgWithLatents(opts: GenerateOptions): { org: Org; latents: LatentFile | ProLatentFile } {
  const now = validateOptions(opts);
  // A Pro org's extra object and field must be in the schema before its tables are created.
  applyOrgProfile(opts.org ?? 'original');
  const nowMs = Date.parse(now);
  if (opts.out === ':memory:') {
    const org = Org.create(':memory:', { now });
    try {
      return { org, latents: fill(org, opts, now, nowMs) };
    } catch (e) {
      org.close();
      throw e;
    }
  }
  // Built in a temp file next to the target (memory stays flat at any scale), then renamed into place.
  const tmp = `${opts.out}.tmp-${process.pid}`;
  removeDatabaseFiles(tmp);
  let org: Org | undefined;
  try {
    org = Org.create(tmp, { now });
    const latents = fill(org, opts, now, nowMs);
    // Fold the WAL back in so the file stands alone, byte-identical for the same inputs.
    org.db.pragma('journal_mode = DELETE');
    org.close();
    // A previous org at this path may have left WAL side files; they would be replayed onto the new file.
    removeDatabaseFiles(opts.out, false);
    renameSync(tmp, opts.out);
    writeAtomically(`${opts.out}.latent.json`, Buffer.from(JSON.stringify(latents, null, 1) + '\n'));
    return { org: Org.open(opts.out), latents };
  } catch (e) {
    org?.close();
    removeDatabaseFiles(tmp);
    throw e;
  }
}

export function generateOrg(opts: GenerateOptions): Org {
  return generateOrgWithLatents(opts).org;
}

/** Remove a database file (unless `main` is false) and its journal side files. */
function removeDatabaseFiles(path: string, main = true): void {
  for (const f of [...(main ? [path] : []), `${path}-wal`, `${path}-shm`, `${path}-journal`]) rmSync(f, { force: true });
}

function writeAtomically(path: string, data: Buffer): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    if (existsSync(tmp)) rmSync(tmp, { force: true });
    throw e;
  }
}

function fill(org: Org, opts: GenerateOptions, now: string, nowMs: number): LatentFile | ProLatentFile {
  const { seed, scale } = opts;
  const kind = opts.org ?? 'original';
  const total = expectedRows(scale) * (kind === 'original' ? 1 : PRO_ROW_FACTOR);
  let done = 0;
  const ctx: GenContext = {
    org, seed, scale, nowMs,
    historyEndMs: nowMs - 6 * DAY,
    adminUserId: '',
    progress: (label, rows) => {
      done += rows;
      opts.onProgress?.(Math.min(done, total), total, label);
    },
  };
  return org.store.transaction(() => {
    const latents = kind === 'original' ? serviceLatents(ctx, generateServiceData(ctx), now) : fillPro(ctx, kind, now);
    opts.onProgress?.(total, total, 'done');
    org.setMeta('seed', String(seed));
    org.setMeta('scale', String(scale));
    org.setMeta('generator_version', GENERATOR_VERSION);
    org.setMeta('company_name', latents.company.name);
    if (kind !== 'original') org.setMeta('org_kind', kind);
    return latents;
  });
}
