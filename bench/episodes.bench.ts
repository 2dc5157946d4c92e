/**
 * Episodes benchmark (issue 13): copy-on-write episodes against a full in-memory clone, in the same
 * run on the seed-42 scale-1 org. Create and reset medians, the first write (the episode's connection
 * and its copy of the table written), RSS per live episode for 1,000 and 10,000 read-only ones and for
 * 1,000 that each did a few writes, and the CRMArena query mix over HTTP through an episode's token
 * next to a bare Fastify route returning the same bodies.
 */
import { buildApp } from '../server/app.ts';
import { OrgRegistry } from '../server/org-registry.ts';
import { listenLocal, load, loadOrg, QUERIES, startFloor, type LoadResult } from './http.bench.ts';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rssMb = (): number => process.memoryUsage().rss / (1024 * 1024);
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/** Bytes per table with its indexes (SQLite's dbstat). */
function tableSizes(org: import('../src/org/index.ts').Org): Map<string, number> {
  const rows = org.db.prepare(`SELECT m.tbl_name AS t, SUM(s.pgsize) AS b FROM dbstat s JOIN sqlite_master m ON m.name = s.name GROUP BY m.tbl_name`).all() as { t: string; b: number }[];
  return new Map(rows.map((r) => [r.t, r.b]));
}

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

  // Copy-on-write episodes. The base's snapshot (made once per base data version) first, timed apart.
  const userId0 = userId;
  let snapKey = '';
  const snapshotMs = timed(() => {
    snapKey = registry.createEpisode('default').entry.key;
    registry.get(snapKey)!.org.store.insert('Task', { Subject: 'Snapshot', OwnerId: userId0 });
  });
  registry.dropEpisode(snapKey);
  console.log(`  base snapshot (once per base data version, on the first write of any episode): ${snapshotMs.toFixed(0)} ms`);
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
  console.log(`                           first write (connection + copy of Account) median ${median(firstWriteMs).toFixed(2)} ms, reset after a write ${median(writeResetMs).toFixed(3)} ms`);
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

  // Writing episodes: what each table costs to copy, then 1,000 live episodes that did a few writes.
  const sizes = tableSizes(org);
  console.log(`  table copy sizes (data + indexes): ${['Task', 'Account', 'Contact', 'Case', 'Opportunity', 'EmailMessage', 'PricebookEntry'].map((t) => `${t} ${((sizes.get(t) ?? 0) / 1024).toFixed(0)} KB`).join(', ')}`);
  const [caseId, accountId] = [org.db.prepare(`SELECT "Id" FROM "Case" LIMIT 1`).pluck().get() as string, org.db.prepare(`SELECT "Id" FROM "Account" LIMIT 1`).pluck().get() as string];
  const mixes: { name: string; n: number; write: (o: import('../src/org/index.ts').Org, i: number) => void }[] = [
    {
      name: 'create a Task + update an Account',
      n: 1000,
      write: (o, i) => {
        o.store.insert('Task', { Subject: `Follow up ${i}`, WhatId: accountId, OwnerId: userId });
        o.store.update('Account', accountId, { Description: `Touched ${i}` });
      },
    },
    {
      name: 'create a Task + update a Case',
      n: 300,
      write: (o, i) => {
        o.store.insert('Task', { Subject: `Follow up ${i}`, WhatId: caseId, OwnerId: userId });
        o.store.update('Case', caseId, { Status: 'Escalated', Description: `Touched ${i}` });
      },
    },
  ];
  const writing = new OrgRegistry({ maxEpisodes: 20_000, idleMs: 0, maxMemoryBytes: 64 * 1024 * 1024 * 1024 });
  writing.register('default', org, { owned: false });
  // Each mix's episodes stay live while the next is measured, so each RSS figure is new memory.
  const writers: string[] = [];
  for (const mix of mixes) {
    gc();
    rss0 = rssMb();
    const bytes0 = writing.episodeStats().bytes;
    const t0 = performance.now();
    for (let i = 0; i < mix.n; i++) {
      const { entry } = writing.createEpisode('default');
      mix.write(entry.org, i);
      writers.push(entry.key);
    }
    const perMs = (performance.now() - t0) / mix.n;
    gc();
    const grown = rssMb() - rss0;
    const accounted = (writing.episodeStats().bytes - bytes0) / (1024 * 1024);
    console.log(
      `  ${String(mix.n).padStart(5)} writing episodes (${mix.name}): RSS +${grown.toFixed(0)} MB (${(grown / mix.n).toFixed(2)} MB each, ${((1024 / (grown / mix.n)) | 0)} per GB; ${(accounted / mix.n).toFixed(2)} MB each counted against the cap; ${perMs.toFixed(1)} ms per episode with its writes)`,
    );
  }
  for (const k of writers) writing.dropEpisode(k);
  writing.close();

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
