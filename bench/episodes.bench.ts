/**
 * Episodes benchmark (issue 13): copy-on-write episodes against today's full in-memory clone, in the
 * same run on the seed-42 scale-1 org. Create and reset medians, the first write (the episode makes
 * its own copy), RSS per live episode for 1,000 and 10,000 read-only ones, and the CRMArena query mix
 * over HTTP through an episode's token next to a bare Fastify route returning the same bodies.
 */
import { buildApp } from '../server/app.ts';
import { OrgRegistry } from '../server/org-registry.ts';
import { listenLocal, load, loadOrg, QUERIES, startFloor, type LoadResult } from './http.bench.ts';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rssMb = (): number => process.memoryUsage().rss / (1024 * 1024);
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

function timed(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

export async function run(): Promise<void> {
  const org = await loadOrg();
  const registry = new OrgRegistry({ maxEpisodes: 20_000, idleMs: 0 });
  registry.register('default', org);
  const userId = org.loginIdentity()?.userId ?? '';

  // Today's episode: a full in-memory clone.
  gc();
  let rss0 = rssMb();
  const clones: import('../src/org/index.ts').Org[] = [];
  const cloneMs: number[] = [];
  for (let i = 0; i < 10; i++) cloneMs.push(timed(() => clones.push(org.clone())));
  const cloneMb = (rssMb() - rss0) / clones.length;
  for (const c of clones) c.close();
  console.log(`  full clone (before):     create median ${median(cloneMs).toFixed(2)} ms, ~${cloneMb.toFixed(1)} MB RSS each (10 clones)`);

  // Copy-on-write episodes.
  const createMs: number[] = [];
  const resetMs: number[] = [];
  const firstWriteMs: number[] = [];
  const writeResetMs: number[] = [];
  for (let i = 0; i < 1000; i++) {
    let key = '';
    createMs.push(timed(() => (key = registry.createEpisode('default').entry.key)));
    resetMs.push(timed(() => registry.resetEpisode(key)));
    if (i < 20) {
      firstWriteMs.push(timed(() => registry.get(key)!.org.store.insert('Account', { LastName: `Bench ${i}` })));
      writeResetMs.push(timed(() => registry.resetEpisode(key)));
    }
    registry.dropEpisode(key);
  }
  console.log(`  copy-on-write episode:   create median ${median(createMs).toFixed(4)} ms, reset median ${median(resetMs).toFixed(4)} ms`);
  console.log(`                           first write (own copy) median ${median(firstWriteMs).toFixed(2)} ms, reset after a write ${median(writeResetMs).toFixed(3)} ms`);
  console.log(`  create ratio: ${(median(cloneMs) / median(createMs)).toFixed(0)}x faster than a full clone`);

  for (const n of [1000, 10_000]) {
    gc();
    rss0 = rssMb();
    const keys: string[] = [];
    for (let i = 0; i < n; i++) keys.push(registry.createEpisode('default').entry.key);
    for (const k of keys.slice(0, 100)) registry.orgForRequest(k, false).store.get('User', userId);
    gc();
    const grown = rssMb() - rss0;
    console.log(`  ${String(n).padStart(6)} live read-only episodes: RSS +${grown.toFixed(1)} MB (${((grown * 1024) / n).toFixed(2)} KB each; a full clone each would be ~${((cloneMb * n) / 1024).toFixed(1)} GB)`);
    for (const k of keys) registry.dropEpisode(k);
  }
  gc();
  rss0 = rssMb();
  const writers: string[] = [];
  for (let i = 0; i < 10; i++) {
    const k = registry.createEpisode('default').entry.key;
    registry.get(k)!.org.store.insert('Account', { LastName: `Writer ${i}` });
    writers.push(k);
  }
  console.log(`  episode that wrote: ~${((rssMb() - rss0) / writers.length).toFixed(1)} MB RSS each (its own copy; counted against --max-episode-memory-mb)`);
  for (const k of writers) registry.dropEpisode(k);

  // The query mix through an episode's token, against the floor.
  const ep = registry.createEpisode('default');
  const app = await buildApp({ registry });
  const appUrl = await listenLocal(app);
  const { floor, floorUrl } = await startFloor(org);
  try {
    const paths = QUERIES.map((q) => `/services/data/v59.0/query?q=${encodeURIComponent(q)}`);
    const rounds: Record<'floor' | 'episode', LoadResult[]> = { floor: [], episode: [] };
    for (let i = 0; i < 3; i++) {
      rounds.floor.push(await load(floorUrl, QUERIES.map((_, j) => `/q/${j}`), {}));
      rounds.episode.push(await load(appUrl, paths, { authorization: `Bearer ${ep.token}` }));
    }
    const mid = (rs: LoadResult[]) => [...rs].sort((a, b) => a.rps - b.rps)[1]!;
    const f = mid(rounds.floor);
    const e = mid(rounds.episode);
    console.log(`  query mix: bare Fastify ${f.rps.toFixed(0)} req/s, mockforce /query in an episode ${e.rps.toFixed(0)} req/s (${e.errors} errors): ${(e.rps / f.rps).toFixed(2)}x of the floor (result cache on)`);
  } finally {
    await Promise.all([app.close(), floor.close()]);
    registry.close();
  }
}
