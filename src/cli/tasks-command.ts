/**
 * `mockforce tasks`: generate the nine CRMArena tasks from an org, with exact ground truth.
 *
 *   npm run tasks -- --out tasks.json [--per-task 130] [--seed 42] [--db FILE | --org-seed 42 --scale 1]
 *                    [--task handle_time,knowledge_qa] [--latent FILE] [--data-dir .mockforce]
 *
 * The org: `--db FILE`, or the generated org `mock-org` serves for `--org-seed/--scale` (default 42/1),
 * found (or generated, first run only) in the data directory, so the tasks match the served org.
 * `--seed` seeds the question sampling only. Policy-violation and knowledge-QA answers need the seed
 * generator's latent side file (`<org>.latent.json`); without one those two tasks are skipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { LatentFile } from '../../seed/latent.ts';
import type { Org } from '../org/index.ts';
import { openAnyOrg } from '../org/open.ts';
import { GenerationError } from '../tasks/collect.ts';
import { generateTasks } from '../tasks/generate.ts';
import { NEEDS_LATENT } from '../tasks/generators/index.ts';
import { writeTaskFile } from '../tasks/task-file.ts';
import { isTaskName, TASK_NAMES, type TaskName } from '../tasks/types.ts';
import { parseFlags } from './args.ts';
import { ensureGeneratedOrg } from './generated-org.ts';
import { CliError } from './cli-error.ts';

const FLAGS = {
  out: 'string',
  'per-task': 'int',
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

const USAGE = `usage: mockforce tasks --out tasks.json [--per-task 130] [--seed 42] [--db FILE | --org-seed 42 --scale 1]
                      [--task NAME[,NAME...]] [--latent FILE] [--data-dir .mockforce] [--verify]
--verify: serve the org locally and check every answer with the oracle (SOQL/SOSL over HTTP)
tasks: ${TASK_NAMES.join(', ')}`;

export async function run(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, FLAGS);
  if (flags.help) {
    console.log(USAGE);
    return;
  }
  if (!flags.out) throw new CliError(`--out FILE is required. ${USAGE}`);
  const perTask = flags['per-task'] ?? 130;
  if (perTask < 1 || perTask > 10_000) throw new CliError(`flag '--per-task' must be between 1 and 10000, got ${perTask}`);
  const seed = flags.seed ?? 42;
  let tasks: TaskName[] | undefined;
  if (flags.task !== undefined) {
    const names = flags.task.split(',').map((t) => t.trim());
    const bad = names.filter((t) => !isTaskName(t));
    if (bad.length) throw new CliError(`unknown task '${bad[0]}' (known: ${TASK_NAMES.join(', ')})`);
    tasks = names as TaskName[];
  }
  const started = Date.now();
  const { org, orgFile } = await loadOrg(flags);
  try {
    const latentFile = flags.latent !== undefined ? resolve(flags.latent) : `${orgFile}.latent.json`;
    let latent: LatentFile | undefined;
    if (existsSync(latentFile)) {
      try {
        latent = JSON.parse(readFileSync(latentFile, 'utf8')) as LatentFile;
      } catch (e) {
        throw new CliError(`cannot read the latent file ${latentFile}: ${(e as Error).message}`);
      }
    } else if (flags.latent !== undefined) {
      throw new CliError(`no latent file at ${latentFile}`);
    }
    const needed = (tasks ?? TASK_NAMES).filter((t) => NEEDS_LATENT.includes(t));
    if (!latent && needed.length) {
      if (tasks) throw new CliError(`${needed.join(', ')} need the org's latent side file; none at ${latentFile}`);
      console.error(`mockforce: no latent file at ${latentFile}: skipping ${needed.join(', ')}`);
    }
    let records;
    try {
      records = generateTasks(org, {
        seed,
        perTask,
        latent,
        ...(tasks ? { tasks } : {}),
        onProgress: (task, done, total) => {
          if (process.stderr.isTTY) process.stderr.write(`\r  ${done}/${total} ${task.padEnd(34)}`);
        },
      });
    } catch (e) {
      if (e instanceof GenerationError) throw new CliError(e.message);
      throw e;
    } finally {
      if (process.stderr.isTTY) process.stderr.write('\n');
    }
    const out = resolve(flags.out);
    try {
      writeTaskFile(out, records);
    } catch (e) {
      throw new CliError(`cannot write ${out}: ${(e as Error).message}`);
    }
    const perName = new Map<string, number>();
    for (const r of records) perName.set(r.task, (perName.get(r.task) ?? 0) + 1);
    console.log(`wrote ${records.length} tasks to ${out} from ${orgFile} (task seed ${seed}) in ${((Date.now() - started) / 1000).toFixed(1)}s`);
    for (const [t, n] of perName) console.log(`  ${t.padEnd(34)} ${n}`);
    if (flags.verify) {
      const { verifyOverHttp } = await import('../oracle/verify.ts');
      const run = await verifyOverHttp(org, records);
      console.log(`oracle over HTTP: ${(run.overall * 100).toFixed(1)}% in ${(run.ms / 1000).toFixed(1)}s`);
      for (const [t, b] of Object.entries(run.byTask)) console.log(`  ${t.padEnd(34)} ${(b.reward * 100).toFixed(1)}%`);
      const bad = run.results.filter((r) => r.reward < 1 && r.task !== 'knowledge_qa');
      for (const r of bad.slice(0, 10)) console.error(`  #${r.idx} ${r.task}: expected ${r.gold}, oracle ${r.answer}${r.error ? ` (${r.error})` : ''}`);
      if (run.overall < 1) throw new CliError(`the oracle did not confirm ${run.results.filter((r) => r.reward < 1).length} answers`);
    }
  } finally {
    org.close();
  }
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
  // The same file `mockforce serve` generates and serves for this seed and scale.
  const file = await ensureGeneratedOrg({ dataDir: flags['data-dir'] ?? '.mockforce', seed: orgSeed, scale, log: (l) => console.error(l) });
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
