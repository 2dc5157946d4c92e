/**
 * Seeded randomness. Every generated object draws from its own stream, derived from the org seed
 * and a label (`streamFor(42, 'Case')`), so changing how one object is generated never shifts the
 * values of the others (DESIGN.md "Determinism"). Never Math.random, never the wall clock.
 */
import { Faker, en } from '@faker-js/faker';
import seedrandom from 'seedrandom';

export class Stream {
  private readonly prng: seedrandom.PRNG;

  constructor(seedText: string) {
    this.prng = seedrandom.alea(seedText);
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.prng();
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform real in [min, max). */
  real(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** An index drawn with probability proportional to `weights[i]`. */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    return items[this.weightedIndex(weights)]!;
  }

  /** Standard normal (Box-Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and log-space sigma. */
  lognormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** A shuffled copy (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  /** `k` distinct items, order random. */
  sample<T>(items: readonly T[], k: number): T[] {
    return this.shuffle(items).slice(0, Math.min(k, items.length));
  }
}

export function streamFor(seed: number, label: string): Stream {
  return new Stream(`mockforce:${seed}:${label}`);
}

/** A faker instance of its own for one object, seeded from the org seed and the label. */
export function fakerFor(seed: number, label: string): Faker {
  const faker = new Faker({ locale: [en] });
  faker.seed(streamFor(seed, `faker:${label}`).int(1, 2 ** 31 - 2));
  return faker;
}
