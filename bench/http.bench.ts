/**
 * HTTP benchmark: requests/s and median latency of CRMArena-style SOQL queries through the full
 * mockforce server (auth hook, SOQL engine, JSON serialisation, headers) over keep-alive HTTP from
 * a client in another process, next to a bare Fastify route returning the very same JSON bodies
 * (the HTTP floor) measured in the same run. The ratio is what mockforce costs on top of HTTP.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp } from '../server/app.ts';
import { OrgRegistry } from '../server/org-registry.ts';
import { Org } from '../src/org/index.ts';
import { query } from '../src/soql/index.ts';

/** The mix: the kinds of queries CRMArena's tools and agents issue (reference/crmarena.md). */
export const QUERIES = [
  "SELECT Id, Subject, Status, Priority, CreatedDate FROM Case WHERE Status = 'Closed' ORDER BY CreatedDate DESC LIMIT 20",
  'SELECT Id, Name, PersonEmail, ShippingState FROM Account ORDER BY Name LIMIT 50',
  'SELECT Id, Subject, Account.Name, Contact.Name FROM Case WHERE IsClosed = false LIMIT 25',
  'SELECT Status, COUNT(Id) FROM Case GROUP BY Status',
  'SELECT Id, Title, UrlName FROM Knowledge__kav WHERE PublishStatus = \'Online\' LIMIT 10',
  'SELECT Id, OrderId, Product2Id, Quantity, UnitPrice FROM OrderItem LIMIT 100',
  'SELECT Id, Name, Family, ProductCode FROM Product2 WHERE IsActive = true LIMIT 40',
  'SELECT Id, Subject, FromAddress, MessageDate FROM EmailMessage ORDER BY MessageDate DESC LIMIT 10',
  'SELECT COUNT() FROM Order WHERE EffectiveDate >= LAST_N_DAYS:365',
  'SELECT Id, Name, (SELECT Id, Status FROM Orders) FROM Account LIMIT 10',
];

const CONCURRENCY = 8;
const SECONDS = Number(process.env.MOCKFORCE_BENCH_SECONDS ?? 2);
const ROUNDS = 3;

export async function loadOrg(): Promise<Org> {
  const file = resolve('.mockforce', 'org-seed42-scale1.db');
  if (existsSync(file)) return Org.open(file);
  const { generateOrg } = await import('../seed/index.ts');
  console.log('  (generating the seed-42 scale-1 org in memory; `npm run mock-org` once to cache it)');
  return generateOrg({ seed: 42, scale: 1, out: ':memory:' });
}

export interface LoadResult {
  requests: number;
  rps: number;
  medianMs: number;
  p90Ms: number;
  errors: number;
}

export async function load(baseUrl: string, paths: string[], headers: Record<string, string>): Promise<LoadResult> {
  const script = join(import.meta.dirname, 'http-load-client.mjs');
  const arg = JSON.stringify({ baseUrl, paths, headers, concurrency: CONCURRENCY, seconds: SECONDS });
  const { stdout } = await promisify(execFile)(process.execPath, [script, arg], { timeout: (SECONDS + 60) * 1000 });
  return JSON.parse(stdout.trim()) as LoadResult;
}

/** Listen on a free loopback port and return the base URL. */
export async function listenLocal(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
}

/**
 * The HTTP floor: a bare Fastify route (`/q/:i`) returning the very bodies the org answers to
 * QUERIES, with no auth and no SOQL, so ratios against it isolate mockforce's own cost.
 */
export async function startFloor(org: Org): Promise<{ floor: FastifyInstance; floorUrl: string }> {
  const bodies = QUERIES.map((q) => JSON.stringify(query(org, q, { apiVersion: '59.0' })));
  const floor = Fastify();
  floor.get('/q/:i', async (req, reply) => reply.type('application/json;charset=UTF-8').send(bodies[Number((req.params as { i: string }).i)]));
  return { floor, floorUrl: await listenLocal(floor) };
}

export async function run(): Promise<void> {
  console.log(`http: ${QUERIES.length} CRMArena-style queries, ${CONCURRENCY} keep-alive connections, ${ROUNDS} rounds of ${SECONDS}s per target (median round shown)`);
  const org = await loadOrg();
  const registry = new OrgRegistry();
  registry.register('default', org);
  const token = registry.issueSession('default', org.loginIdentity()?.userId ?? '').token;

  const app = await buildApp({ registry });
  const appUrl = await listenLocal(app);

  // The floor: the same response bodies from a bare Fastify route, no auth, no SOQL.
  const { floor, floorUrl } = await startFloor(org);

  try {
    const paths = QUERIES.map((q) => `/services/data/v59.0/query?q=${encodeURIComponent(q)}`);
    const auth = { authorization: `Bearer ${token}` };
    // Targets are measured in alternating rounds and each keeps its median round, so a burst of
    // load from elsewhere on the machine does not land on one target only.
    const rounds: Record<'floor' | 'app' | 'map', LoadResult[]> = { floor: [], app: [], map: [] };
    for (let i = 0; i < ROUNDS; i++) {
      rounds.floor.push(await load(floorUrl, QUERIES.map((_, j) => `/q/${j}`), {}));
      rounds.app.push(await load(appUrl, paths, auth));
      // The server's own cost without SOQL: auth hook, headers, a small JSON body.
      rounds.map.push(await load(appUrl, ['/services/data/v59.0/'], auth));
    }
    const median = (rs: LoadResult[]) => [...rs].sort((a, b) => a.rps - b.rps)[Math.floor(rs.length / 2)]!;
    const floorRes = median(rounds.floor);
    const appRes = median(rounds.app);
    const mapRes = median(rounds.map);
    const fmt = (name: string, r: LoadResult) =>
      `  ${name.padEnd(27)} ${r.rps.toFixed(0).padStart(7)} req/s   median ${r.medianMs.toFixed(2)} ms   p90 ${r.p90Ms.toFixed(2)} ms   (${r.requests} requests, ${r.errors} errors)`;
    console.log(fmt('bare Fastify (floor)', floorRes));
    console.log(fmt('mockforce /query', appRes));
    console.log(fmt('mockforce /v59.0 (no SOQL)', mapRes));
    console.log(`  ratio: mockforce reaches ${((appRes.rps / floorRes.rps) * 100).toFixed(0)}% of the floor's throughput; median latency ${(appRes.medianMs / floorRes.medianMs).toFixed(2)}x`);
    if (appRes.errors > 0) console.log(`  WARNING: ${appRes.errors} non-200 responses from mockforce`);
  } finally {
    await Promise.all([app.close(), floor.close()]);
    registry.close();
  }
}
