/**
 * Results of repeated read queries, kept per org and keyed by the org's data version
 * (src/org/data-version.ts: any write on any path changes it) and clock, so a repeated query against an
 * unchanged org or episode costs a map lookup. Only complete results (done: true) are kept: a result
 * with a nextRecordsUrl holds a cursor that queryMore consumes, so each call must make its own.
 */
import { dataVersion } from '../src/org/data-version.ts';
import type { Org } from '../src/org/index.ts';

/** Distinct query texts kept per org; the oldest goes first. */
const MAX_ENTRIES = 256;

interface OrgCache {
  version: string;
  now: string;
  results: Map<string, unknown>;
}

const perOrg = new WeakMap<Org, OrgCache>();

export function cachedQuery<T extends { done?: boolean }>(org: Org, key: string, run: () => T): T {
  const version = dataVersion(org);
  const now = org.clock.nowIso();
  let cache = perOrg.get(org);
  if (!cache || cache.version !== version || cache.now !== now) {
    cache = { version, now, results: new Map() };
    perOrg.set(org, cache);
  }
  const hit = cache.results.get(key);
  if (hit !== undefined) return hit as T;
  const result = run();
  // The query itself may write (the SOSL/SOQL engines build nothing, but be safe): re-read the version.
  if (result.done === true && dataVersion(org) === version) {
    if (cache.results.size >= MAX_ENTRIES) cache.results.delete(cache.results.keys().next().value!);
    cache.results.set(key, result);
  }
  return result;
}

const serialized = new WeakMap<object, string>();

/**
 * JSON.stringify, remembered per result object: a cached result goes out as the same text each time,
 * so a repeated query skips serialisation too (Fastify's own default for an object is JSON.stringify;
 * X-PrettyPrint replaces this serializer with its indenting one in app.ts's preSerialization hook).
 */
export function memoizedJson(payload: unknown): string {
  if (typeof payload !== 'object' || payload === null) return JSON.stringify(payload);
  let text = serialized.get(payload);
  if (text === undefined) {
    text = JSON.stringify(payload);
    serialized.set(payload, text);
  }
  return text;
}
