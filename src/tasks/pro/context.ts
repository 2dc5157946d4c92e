/**
 * What a Pro task generator reads: the original generators' context (db, rng, org today, case span)
 * with the Pro latent file and the org kind.
 */
import type { ProLatentFile } from '../../../seed/pro/latent.ts';
import type { Org } from '../../org/index.ts';
import type { ProOrgKind } from '../../org/org-kind.ts';
import { makeContext, type GeneratorContext } from '../context.ts';
import type { Rng } from '../rng.ts';
import type { ProCandidate, ProRewardMetric, ProTaskName } from './types.ts';

export interface ProGeneratorContext extends GeneratorContext {
  latent: ProLatentFile;
  kind: ProOrgKind;
}

export function makeProContext(org: Org, rng: Rng, latent: ProLatentFile): ProGeneratorContext {
  return { ...makeContext(org, rng, latent), latent, kind: latent.org };
}

/** One Pro task's generator; `collectPro` (./collect.ts) fills its instances as `collect` does. */
export interface ProTaskGenerator {
  task: ProTaskName;
  reward: ProRewardMetric;
  /** Share of non-answerable instances (Pro: 20 of 100 where the task has them; 0 otherwise). */
  noneShare: number;
  answerCap?(n: number, ctx: ProGeneratorContext): number;
  dedupeKey?(c: ProCandidate): string;
  draw(ctx: ProGeneratorContext, wantNone: boolean): ProCandidate | undefined;
}
