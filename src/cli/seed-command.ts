/**
 * `mockforce seed [--seed N] [--scale S] [--out FILE] [--now ISO] [--force]`: generate an org file
 * (and `<FILE>.latent.json`). A progress bar on a terminal (stderr), quiet otherwise; row counts and
 * the time taken at the end. Bad input is one line and a non-zero exit; the output appears only
 * complete (written to a temp file, then renamed).
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { OBJECTS } from '../../schema/index.ts';
import { generateOrg, MAX_SCALE, validateOptions } from '../../seed/index.ts';
import { parseFlags } from './args.ts';
import { CliError } from './cli-error.ts';
import { parseOrgFlag } from './org-flag.ts';

const SPEC = { seed: 'string', scale: 'string', org: 'string', out: 'string', now: 'string', force: 'boolean', help: 'boolean' } as const;

const USAGE = 'usage: mockforce seed [--org original|b2b|b2c] [--seed N] [--scale S] [--out FILE] [--now ISO-DATETIME] [--force]';

function parseSeed(raw: string | undefined): number {
  if (raw === undefined) return 42;
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(Number(raw))) throw new CliError(`--seed must be a non-negative integer, got '${raw}'`);
  return Number(raw);
}

function parseScale(raw: string | undefined): number {
  if (raw === undefined) return 1;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n)) throw new CliError(`--scale must be a number, got '${raw}'`);
  if (n <= 0) throw new CliError(`--scale must be greater than 0, got '${raw}'`);
  if (n > MAX_SCALE) throw new CliError(`--scale must be at most ${MAX_SCALE}, got '${raw}'`);
  return n;
}

function checkOut(out: string, force: boolean): void {
  if (existsSync(out)) {
    if (statSync(out).isDirectory()) throw new CliError(`--out ${out} is a directory`);
    if (!force) throw new CliError(`${out} already exists (use --force to overwrite)`);
  }
  const dir = dirname(resolve(out));
  if (!existsSync(dir)) throw new CliError(`cannot write ${out}: directory ${dir} does not exist`);
  if (!statSync(dir).isDirectory()) throw new CliError(`cannot write ${out}: ${dir} is not a directory`);
  try {
    accessSync(dir, constants.W_OK);
    if (existsSync(out)) accessSync(out, constants.W_OK);
  } catch {
    throw new CliError(`cannot write ${out}: permission denied`);
  }
}

function progressBar(stream: NodeJS.WriteStream): (done: number, total: number, label: string) => void {
  let last = -1;
  return (done, total, label) => {
    const pct = Math.floor((100 * done) / Math.max(1, total));
    if (pct === last && done < total) return;
    last = pct;
    const width = 30;
    const filled = Math.round((width * done) / Math.max(1, total));
    stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(pct).padStart(3)}% ${label.padEnd(24)}`);
  };
}

export async function run(argv: string[]): Promise<void> {
  // `mockforce seed | head` closes stdout early: that is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const flags = parseFlags(argv, SPEC);
  if (flags.help) {
    console.log(USAGE);
    return;
  }
  const seed = parseSeed(flags.seed);
  const scale = parseScale(flags.scale);
  const kind = parseOrgFlag(flags.org);
  const out = flags.out ?? `./mockforce-${kind === 'original' ? '' : `${kind}-`}seed${seed}.db`;
  if (out.trim() === '') throw new CliError('--out must not be empty');
  try {
    validateOptions({ seed, scale, now: flags.now });
  } catch (e) {
    throw new CliError(`--${e instanceof Error ? e.message : String(e)}`);
  }
  checkOut(out, flags.force === true);

  const tty = process.stderr.isTTY === true;
  const started = performance.now();
  let org;
  try {
    org = generateOrg({ seed, scale, out, org: kind, now: flags.now, onProgress: tty ? progressBar(process.stderr) : undefined });
  } catch (e) {
    if (tty) process.stderr.write('\n');
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EACCES' || err.code === 'EPERM' || err.code === 'ENOENT' || err.code === 'EISDIR' || err.code === 'ENOTDIR' || err.code === 'ENOSPC' || err.code === 'EROFS') {
      throw new CliError(`cannot write ${out}: ${err.message}`);
    }
    throw e;
  }
  if (tty) process.stderr.write('\n');
  const seconds = (performance.now() - started) / 1000;
  // Every table of the org (a Pro org has VoiceCallTranscript__c), empty objects left out of the list.
  const counts = OBJECTS.filter((o) => org.db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(o.name)).map((o) => [o.name, (org.db.prepare(`SELECT COUNT(*) AS n FROM "${o.name}"`).get() as { n: number }).n] as const);
  org.close();
  const total = counts.reduce((s, [, n]) => s + n, 0);
  console.log(`Generated ${out} (${kind === 'original' ? '' : `CRMArena-Pro ${kind}, `}seed ${seed}, scale ${scale}) in ${seconds.toFixed(2)} s: ${total} rows`);
  for (const [name, n] of counts.filter(([, n]) => n > 0)) console.log(`  ${name.padEnd(24)} ${String(n).padStart(8)}`);
  console.log(`Latent variables: ${out}.latent.json`);
}
