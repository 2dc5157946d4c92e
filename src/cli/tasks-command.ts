/**
 * `mockforce tasks`: generate the nine CRMArena tasks from an org, or CRMArena-Pro's 19 tasks and 3
 * confidentiality categories from a Pro org, with exact ground truth.
 *
 *   npm run tasks -- --out tasks.json [--org original|b2b|b2c] [--per-task 130|100] [--per-privacy-task 80]
 *                    [--seed 42] [--db FILE | --org-seed 42 --scale 1]
 *                    [--task handle_time,knowledge_qa] [--latent FILE] [--data-dir .mockforce]
 *
 * Which benchmark follows from the org (its meta `org_kind`); `--org` picks the generated org and, with
 * `--db`, must agree with the file. Pro records carry `org`, so `eval` finds the org without a flag.
 * The org: `--db FILE`, or the generated org `mock-org` serves for `--org-seed/--scale` (default 42/1),
 * found (or generated, first run only) in the data directory, so the tasks match the served org.
 * `--seed` seeds the question sampling only. Policy-violation and knowledge-QA answers need the seed
 * generator's latent side file (`<org>.latent.json`); without one those two tasks are skipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { LatentFile } from '../../seed/latent.ts';
import { isProLatent } from '../../seed/pro/latent.ts';
import { isProKind, orgKindOf, type OrgKind } from '../org/org-kind.ts';
import { generateProTasks } from '../tasks/pro/generate.ts';
import { isProTaskName, PRO_TASK_NAMES, type ProTaskName, type ProTaskRecord } from '../tasks/pro/types.ts';
import type { Org } from '../org/index.ts';
import { openAnyOrg } from '../org/open.ts';
import { GenerationError } from '../tasks/collect.ts';
import { generateTasks } from '../tasks/generate.ts';
import { NEEDS_LATENT } from '../tasks/generators/index.ts';
import { writeTaskFile } from '../tasks/task-file.ts';
import { isTaskName, TASK_NAMES, type TaskName, type TaskRecord } from '../tasks/types.ts';
import { parseOrgFlag } from './org-flag.ts';
import { parseFlags } from './args.ts';
import { ensureGeneratedOrg } from './generated-org.ts';
import { CliError } from './cli-error.ts';

const FLAGS = {
  out: 'string',
  'per-task': 'int',
  'per-privacy-task': 'int',
  org: 'string',
  seed: 'int',
  db: 'string',
  latent: 'string',
  'org-seed': 'int',
  scale: 'number',
  task: 'string',
  'data-dir': 'string',
  verify: 'boolean',
  help: 'boolean',
} as const;

const USAGE = `usage: mockforce tasks --out tasks.json [--org original|b2b|b2c] [--per-task 130 (Pro: 100)] [--per-privacy-task 80]
                      [--seed 42] [--db FILE | --org-seed 42 --scale 1]
                      [--task NAME[,NAME...]] [--latent FILE] [--data-dir .mockforce] [--verify]
--verify: serve the org locally and check every answer with the oracle (SOQL/SOSL over HTTP)
tasks (original): ${TASK_NAMES.join(', ')}
tasks (b2b, b2c): ${PRO_TASK_NAMES.join(', ')}`;

export async function run(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, FLAGS);
  if (flags.help) {
    console.log(USAGE);
    return;
  }
  if (!flags.out) throw new CliError(`--out FILE is required. ${USAGE}`);
  const seed = flags.seed ?? 42;
  const started = Date.now();
  const { org, orgFile } = await loadOrg(flags);
  try {
    const kind = orgKindOf(org);
    if (flags.org !== undefined && parseOrgFlag(flags.org) !== kind) {
      throw new CliError(`${orgFile} is ${describeKind(kind)}, not ${describeKind(parseOrgFlag(flags.org))}`);
    }
    const latentFile = flags.latent !== undefined ? resolve(flags.latent) : `${orgFile}.latent.json`;
    const latent = readLatent(latentFile, flags.latent !== undefined);
    const records = isProKind(kind) ? proRecords(org, flags, seed, latent, latentFile) : originalRecords(org, flags, seed, latent, latentFile);
    const out = resolve(flags.out);
    try {
      writeTaskFile(out, records);
    } catch (e) {
      throw new CliError(`cannot write ${out}: ${(e as Error).message}`);
    }
    const perName = new Map<string, number>();
    for (const r of records) perName.set(r.task, (perName.get(r.task) ?? 0) + 1);
    console.log(`wrote ${records.length} tasks to ${out} from ${orgFile} (${describeKind(kind)}, task seed ${seed}) in ${((Date.now() - started) / 1000).toFixed(1)}s`);
    for (const [t, n] of perName) console.log(`  ${t.padEnd(34)} ${n}`);
    if (flags.verify) await verify(org, records, isProKind(kind));
  } finally {
    org.close();
  }
}

function describeKind(kind: OrgKind): string {
  return kind === 'original' ? "CRMArena's original org" : `the CRMArena-Pro ${kind} org`;
}

function readLatent(file: string, explicit: boolean): LatentFile | undefined {
  if (!existsSync(file)) {
    if (explicit) throw new CliError(`no latent file at ${file}`);
    return undefined;
  }
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LatentFile;
  } catch (e) {
    throw new CliError(`cannot read the latent file ${file}: ${(e as Error).message}`);
  }
}

type TaskFlags = ReturnType<typeof parseFlags<typeof FLAGS>>;

function perTaskFlag(flags: TaskFlags, name: 'per-task' | 'per-privacy-task', dflt: number): number {
  const n = flags[name] ?? dflt;
  if (n < 1 || n > 10_000) throw new CliError(`flag '--${name}' must be between 1 and 10000, got ${n}`);
  return n;
}

function progress(task: string, done: number, total: number): void {
  if (process.stderr.isTTY) process.stderr.write(`\r  ${done}/${total} ${task.padEnd(34)}`);
}

/** Run a generator, turning "the org is too small" into one CLI line. */
function generating<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof GenerationError) throw new CliError(e.message);
    throw e;
  } finally {
    if (process.stderr.isTTY) process.stderr.write('\n');
  }
}

function originalRecords(org: Org, flags: TaskFlags, seed: number, latent: LatentFile | undefined, latentFile: string): TaskRecord[] {
  if (flags['per-privacy-task'] !== undefined) throw new CliError(`--per-privacy-task is for CRMArena-Pro orgs (--org b2b|b2c)`);
  const perTask = perTaskFlag(flags, 'per-task', 130);
  let tasks: TaskName[] | undefined;
  if (flags.task !== undefined) {
    const names = flags.task.split(',').map((t) => t.trim());
    const bad = names.filter((t) => !isTaskName(t));
    if (bad.length) throw new CliError(`unknown task '${bad[0]}' (known: ${TASK_NAMES.join(', ')})`);
    tasks = names as TaskName[];
  }
  const needed = (tasks ?? TASK_NAMES).filter((t) => NEEDS_LATENT.includes(t));
  if (!latent && needed.length) {
    if (tasks) throw new CliError(`${needed.join(', ')} need the org's latent side file; none at ${latentFile}`);
    console.error(`mockforce: no latent file at ${latentFile}: skipping ${needed.join(', ')}`);
  }
  return generating(() => generateTasks(org, { seed, perTask, latent, ...(tasks ? { tasks } : {}), onProgress: progress }));
}

/** CRMArena-Pro: 100 instances per task and 80 per confidentiality category by default (§12.3). */
function proRecords(org: Org, flags: TaskFlags, seed: number, latent: LatentFile | undefined, latentFile: string): ProTaskRecord[] {
  if (!latent || !isProLatent(latent)) throw new CliError(`CRMArena-Pro tasks need the org's latent side file written by 'mockforce seed --org'; none at ${latentFile}`);
  const perTask = perTaskFlag(flags, 'per-task', 100);
  const perPrivacyTask = perTaskFlag(flags, 'per-privacy-task', 80);
  let tasks: ProTaskName[] | undefined;
  if (flags.task !== undefined) {
    const names = flags.task.split(',').map((t) => t.trim());
    const bad = names.filter((t) => !isProTaskName(t));
    if (bad.length) throw new CliError(`unknown CRMArena-Pro task '${bad[0]}' (known: ${PRO_TASK_NAMES.join(', ')})`);
    tasks = names as ProTaskName[];
  }
  return generating(() => generateProTasks(org, { seed, perTask, perPrivacyTask, latent, ...(tasks ? { tasks } : {}), onProgress: progress }));
}

async function verify(org: Org, records: readonly (TaskRecord | ProTaskRecord)[], pro: boolean): Promise<void> {
  const { verifyOverHttp, withServedOrg } = await import('../oracle/verify.ts');
  let run: { overall: number; ms: number; byTask: Record<string, { reward: number }>; results: { idx: number; task: string; reward: number; gold: unknown; answer: unknown; error?: string }[] };
  if (pro) {
    const { runProOracle } = await import('../oracle/pro/index.ts');
    run = await withServedOrg(org, (api) => runProOracle(api, records as ProTaskRecord[]));
  } else {
    run = await verifyOverHttp(org, records as TaskRecord[]);
  }
  console.log(`oracle over HTTP: ${(run.overall * 100).toFixed(1)}% in ${(run.ms / 1000).toFixed(1)}s`);
  for (const [t, b] of Object.entries(run.byTask)) console.log(`  ${t.padEnd(34)} ${(b.reward * 100).toFixed(1)}%`);
  // Free-text tasks are scored by token F1: below 1 is not a wrong answer.
  const bad = run.results.filter((r) => r.reward < 1 && r.task !== 'knowledge_qa' && r.task !== 'sales_insight_mining');
  for (const r of bad.slice(0, 10)) console.error(`  #${r.idx} ${r.task}: expected ${JSON.stringify(r.gold)}, oracle ${JSON.stringify(r.answer)}${r.error ? ` (${r.error})` : ''}`);
  if (run.overall < 1) throw new CliError(`the oracle did not confirm ${run.results.filter((r) => r.reward < 1).length} answers`);
}

async function loadOrg(flags: ReturnType<typeof parseFlags<typeof FLAGS>>): Promise<{ org: Org; orgFile: string }> {
  if (flags.db !== undefined) {
    if (flags['org-seed'] !== undefined || flags.scale !== undefined) throw new CliError(`--db cannot be combined with --org-seed/--scale`);
    const file = resolve(flags.db);
    return { org: open(file), orgFile: file };
  }
  const orgSeed = flags['org-seed'] ?? 42;
  const scale = flags.scale ?? 1;
  if (!(scale > 0)) throw new CliError(`flag '--scale' must be positive, got ${scale}`);
  // The same file `mockforce serve` generates and serves for this org, seed and scale.
  const file = await ensureGeneratedOrg({ dataDir: flags['data-dir'] ?? '.mockforce', seed: orgSeed, scale, org: parseOrgFlag(flags.org), log: (l) => console.error(l) });
  return { org: open(file), orgFile: file };
}

function open(file: string): Org {
  try {
    // Read-only: generating tasks never changes the org.
    return openAnyOrg(file, { readonly: true });
  } catch (err) {
    throw new CliError((err as Error).message);
  }
}
