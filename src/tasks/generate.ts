/**
 * Generating a task file from an org: each of the nine tasks from its own seeded stream, instances
 * numbered in task order. Same org, latent file, seed and counts → the same records, byte for byte.
 */
import type { LatentFile } from '../../seed/latent.ts';
import type { Org } from '../org/index.ts';
import { collect } from './collect.ts';
import { makeContext } from './context.ts';
import { DOMAIN_DETAILS } from './domain-text.ts';
import { GENERATORS, NEEDS_LATENT } from './generators/index.ts';
import { Rng } from './rng.ts';
import { TASK_NAMES, type TaskName, type TaskRecord } from './types.ts';

export interface GenerateOptions {
  seed: number;
  /** Instances per task (CRMArena: 130). */
  perTask: number;
  /** Which tasks (default: all nine; those needing the latent file are skipped without one). */
  tasks?: readonly TaskName[];
  latent?: LatentFile;
  onProgress?: (task: TaskName, done: number, total: number) => void;
}

export function generateTasks(org: Org, opts: GenerateOptions): TaskRecord[] {
  const wanted = opts.tasks ?? TASK_NAMES.filter((t) => opts.latent || !NEEDS_LATENT.includes(t));
  const records: TaskRecord[] = [];
  wanted.forEach((task, i) => {
    if (NEEDS_LATENT.includes(task) && !opts.latent) {
      throw new Error(`${task} needs the org's latent side file (<org>.latent.json) written by the seed generator`);
    }
    const ctx = makeContext(org, new Rng(`mockforce-tasks/${opts.seed}/${task}`), opts.latent);
    for (const inst of collect(GENERATORS[task], ctx, opts.perTask)) {
      records.push({
        idx: records.length,
        answer: inst.answer,
        task: inst.task,
        metadata: { required: inst.required, optional: DOMAIN_DETAILS },
        reward_metric: inst.reward_metric,
        query: inst.query,
      });
    }
    opts.onProgress?.(task, i + 1, wanted.length);
  });
  return records;
}
