/**
 * The generated org the commands share: `serve`, `tasks` and `eval` with no `--db` all use the org of
 * (seed, scale[, now]) in the data directory, generated once and reused. The file name carries the
 * generator version, so a newer generator never serves an org an older one wrote.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GENERATOR_VERSION } from '../../seed/latent.ts';
import type { OrgKind } from '../org/org-kind.ts';
import { CliError } from './cli-error.ts';

export interface GeneratedOrgOptions {
  dataDir: string;
  seed: number;
  scale: number;
  /** The org clock the org is generated for (ISO); default: the generator's. */
  now?: string;
  /** Which benchmark org (default original): CRMArena's, or CRMArena-Pro's b2b / b2c. */
  org?: OrgKind;
  log: (line: string) => void;
}

/** `org-seed42-scale1-mockforce-seed_1.db` (`org-b2b-seed42-...` for a Pro org): one file per inputs and generator version. */
export function generatedOrgFile(opts: Pick<GeneratedOrgOptions, 'dataDir' | 'seed' | 'scale' | 'now' | 'org'>): string {
  const kind = opts.org && opts.org !== 'original' ? `${opts.org}-` : '';
  const now = opts.now ? `-now${opts.now.replace(/[^0-9]/g, '').slice(0, 14)}` : '';
  const version = GENERATOR_VERSION.replace(/\W+/g, '_');
  return join(resolve(opts.dataDir), `org-${kind}seed${opts.seed}-scale${opts.scale}${now}-${version}.db`);
}

/** The path of the generated org, generating it first if needed (into a temp file, then renamed). */
export async function ensureGeneratedOrg(opts: GeneratedOrgOptions): Promise<string> {
  const file = generatedOrgFile(opts);
  if (existsSync(file)) return file;
  // Loaded only when an org must be generated: serving an existing org never pays for the generator.
  const { generateOrg, validateOptions } = await import('../../seed/index.ts');
  try {
    validateOptions({ seed: opts.seed, scale: opts.scale, ...(opts.now ? { now: opts.now } : {}) });
  } catch (err) {
    throw new CliError((err as Error).message);
  }
  mkdirSync(resolve(opts.dataDir), { recursive: true });
  opts.log(`mockforce: generating the ${opts.org && opts.org !== 'original' ? `CRMArena-Pro ${opts.org} ` : ''}org (seed ${opts.seed}, scale ${opts.scale}) into ${file} (first run only) ...`);
  const tmp = `${file}.tmp`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}.latent.json`]) rmSync(f, { force: true });
  generateOrg({ seed: opts.seed, scale: opts.scale, out: tmp, ...(opts.org ? { org: opts.org } : {}), ...(opts.now ? { now: opts.now } : {}) }).close();
  renameSync(tmp, file);
  if (existsSync(`${tmp}.latent.json`)) renameSync(`${tmp}.latent.json`, `${file}.latent.json`);
  return file;
}
