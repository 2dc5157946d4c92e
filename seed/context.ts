/**
 * What every per-object generator receives: the org being filled, the seed, the scale, the time
 * window of the history, the admin user, and a progress reporter.
 */
import type { Org } from '../src/org/index.ts';
import { fakerFor, streamFor, type Stream } from './rng.ts';
import type { Faker } from '@faker-js/faker';

export interface GenContext {
  org: Org;
  seed: number;
  scale: number;
  /** The org clock (ms) and the end of the case history (ms). */
  nowMs: number;
  historyEndMs: number;
  adminUserId: string;
  progress: (label: string, rows: number) => void;
}

export function streams(ctx: GenContext, label: string): { rng: Stream; faker: Faker } {
  return { rng: streamFor(ctx.seed, label), faker: fakerFor(ctx.seed, label) };
}

/** `base × scale`, rounded, at least `min`: the size of a volume object at this scale. */
export function scaled(ctx: GenContext, base: number, min = 1): number {
  return Math.max(min, Math.round(base * ctx.scale));
}
