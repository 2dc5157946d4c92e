/**
 * Bounds on the episodes one server holds, so no client can grow the heap without limit: how many may
 * be live, how much memory their own copies may take together, and how long an unused one lives.
 * Past a bound the client gets REQUEST_LIMIT_EXCEEDED with 403, the status and code Salesforce uses
 * for its own limits ("TotalRequests Limit exceeded.", reference/salesforce-api.md §0 error table).
 * Idle expiry is server housekeeping, not org data, so it runs on a monotonic timer, not the org clock.
 */
import { performance } from 'node:perf_hooks';
import { SalesforceError } from '../src/errors/salesforce-error.ts';

export interface EpisodeLimits {
  /** Live episodes at most. */
  maxEpisodes: number;
  /** Total bytes writing episodes may hold: their connections and the tables they copied. */
  maxMemoryBytes: number;
  /** An episode no request has used for this long is dropped. 0 = never. */
  idleMs: number;
  /** Monotonic milliseconds (tests inject their own). */
  now: () => number;
}

/**
 * 10,000 live episodes: a read-only episode costs about a kilobyte, so this bounds bookkeeping, not
 * memory. 1.5 GiB for writing episodes: their connections (~0.8 MB) and the tables they copied, about
 * 1,350 episodes of a scale-1 org that wrote a Task and an Account (docs/scale-out.md): the 1,000
 * parallel writing rollouts an RL run keeps alive fit by default.
 * 30 minutes idle: longer than any CRMArena task takes an agent.
 */
export const DEFAULT_EPISODE_LIMITS: EpisodeLimits = {
  maxEpisodes: 10_000,
  maxMemoryBytes: 1536 * 1024 * 1024,
  idleMs: 30 * 60 * 1000,
  now: () => performance.now(),
};

export function tooManyEpisodes(max: number): SalesforceError {
  return new SalesforceError('REQUEST_LIMIT_EXCEEDED', `LiveEpisodes Limit exceeded. This server holds at most ${max} live episodes: drop one (DELETE /mockforce/episodes/:key) first.`, 403);
}

export function episodeMemoryExceeded(maxBytes: number): SalesforceError {
  const mb = Math.round(maxBytes / (1024 * 1024));
  return new SalesforceError('REQUEST_LIMIT_EXCEEDED', `EpisodeMemory Limit exceeded. Episodes that write may hold ${mb} MB together on this server: drop or reset one first.`, 403);
}
