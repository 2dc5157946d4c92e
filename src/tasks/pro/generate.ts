/**
 * Generating a CRMArena-Pro task file from a Pro org: each task from its own seeded stream
 * (`mockforce-pro-tasks/<org>/<seed>/<task>`), 100 instances per task and 80 per confidentiality
 * category by default (reference/crmarena.md §12.3), numbered in task order. Same org, latent file,
 * seed and counts → the same records, byte for byte.
 */
import type { ProLatentFile } from '../../../seed/pro/latent.ts';
import type { Org } from '../../org/index.ts';
import { PRO_DOMAIN_DETAILS } from './service/domain-text.ts';
import { Rng } from '../rng.ts';
import { collectPro } from './collect.ts';
import { makeProContext, type ProTaskGenerator } from './context.ts';
import { ACTIVITY_GENERATORS } from './activity/index.ts';
import { CPQ_GENERATORS } from './cpq/index.ts';
import { pickPersona } from './personas.ts';
import { SALES_GENERATORS } from './sales/index.ts';
import { SERVICE_GENERATORS } from './service/index.ts';
import { PRIVACY_TASKS, PRO_TASK_NAMES, type ProTaskName, type ProTaskRecord } from './types.ts';

export const PRO_GENERATORS: Partial<Record<ProTaskName, ProTaskGenerator>> = {
  ...SERVICE_GENERATORS,
  ...SALES_GENERATORS,
  ...CPQ_GENERATORS,
  ...ACTIVITY_GENERATORS,
};

export interface ProGenerateOptions {
  seed: number;
  /** Instances per task (Pro: 100). */
  perTask: number;
  /** Instances per confidentiality category (Pro: 80). */
  perPrivacyTask: number;
  /** Which tasks (default: every task with a generator). */
  tasks?: readonly ProTaskName[];
  latent: ProLatentFile;
  onProgress?: (task: ProTaskName, done: number, total: number) => void;
}

export function generateProTasks(org: Org, opts: ProGenerateOptions): ProTaskRecord[] {
  const wanted = opts.tasks ?? PRO_TASK_NAMES.filter((t) => PRO_GENERATORS[t]);
  const records: ProTaskRecord[] = [];
  wanted.forEach((task, i) => {
    const gen = PRO_GENERATORS[task];
    if (!gen) throw new Error(`no generator for CRMArena-Pro task '${task}' yet`);
    const rng = new Rng(`mockforce-pro-tasks/${opts.latent.org}/${opts.seed}/${task}`);
    const personaRng = new Rng(`mockforce-pro-personas/${opts.latent.org}/${opts.seed}/${task}`);
    const ctx = makeProContext(org, rng, opts.latent);
    const n = PRIVACY_TASKS.includes(task) ? opts.perPrivacyTask : opts.perTask;
    for (const c of collectPro(gen, ctx, n)) {
      records.push({
        idx: records.length,
        answer: c.answer ?? ['None'],
        task,
        persona: c.persona ?? pickPersona(task, personaRng, opts.latent.org),
        metadata: { required: c.required, optional: c.optional ?? PRO_DOMAIN_DETAILS },
        reward_metric: gen.reward,
        query: c.query,
        org: opts.latent.org,
      });
    }
    opts.onProgress?.(task, i + 1, wanted.length);
  });
  return records;
}
