/**
 * `mockforce serve` / `npm run mock-org`: serve an org over HTTP and HTTPS on localhost and print
 * everything a client needs to connect (also written as JSON for scripts and CI).
 *
 * The org: `--db FILE` (a mockforce org or CRMArena's official snapshot, imported once into the data
 * directory), otherwise the generated org for `--seed/--scale` (default 42/1), generated on first
 * run into the data directory (`--data-dir`, default ./.mockforce) and reused afterwards.
 * Session tokens are kept in the connection file so scripts keep working across restarts.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { OrgRegistry } from '../../server/org-registry.ts';
import { ensureTls } from '../../server/tls.ts';
import type { Org } from '../org/index.ts';
import { openAnyOrg } from '../org/open.ts';
import { isCrmArenaSnapshot, importCrmArenaSnapshot } from '../org/crmarena-snapshot.ts';
import { parseFlags } from './args.ts';
import { ensureGeneratedOrg } from './generated-org.ts';
import { parseOrgFlag } from './org-flag.ts';
import { warmSoqlParser } from '../soql/soql-parser.ts';
import { CliError } from './cli-error.ts';
import { applyLoadedMetadata, loadMetadata, MetadataError, syncOrgSchema, type LoadedMetadata } from '../metadata/index.ts';
import Database from 'better-sqlite3';
import type { EpisodeLimits } from '../../server/episode-limits.ts';

const FLAGS = {
  seed: 'int',
  scale: 'number',
  org: 'string',
  db: 'string',
  now: 'string',
  port: 'int',
  'https-port': 'int',
  host: 'string',
  'data-dir': 'string',
  quiet: 'boolean',
  metadata: 'strings',
  'max-episodes': 'int',
  'max-episode-memory-mb': 'int',
  'episode-idle-minutes': 'number',
  help: 'boolean',
} as const;

const USAGE = `usage: mockforce serve [--org original|b2b|b2c] [--seed 42] [--scale 1] [--db FILE] [--now ISO] [--port 8080] [--https-port 8443]
                      [--host 127.0.0.1] [--data-dir ./.mockforce] [--metadata DIR]... [--quiet]
  --org: CRMArena's org (default), or CRMArena-Pro's b2b or b2c org (generated for --seed/--scale).
  --port 0 / --https-port 0 pick free ports; --https-port -1 disables HTTPS.
  --metadata DIR (repeatable): custom objects and fields in SFDX source or Metadata API format.
  --max-episodes 10000, --max-episode-memory-mb 1536 (memory of episodes that wrote),
  --episode-idle-minutes 30 (0 = never): bounds on /mockforce/episodes (docs/scale-out.md).`;

export interface ConnectionInfo {
  instanceUrl: string;
  httpsInstanceUrl: string | null;
  loginUrl: string;
  username: string;
  password: string;
  securityToken: string;
  accessToken: string;
  refreshToken: string;
  organizationId: string;
  userId: string;
  apiVersion: string;
  caFile: string | null;
  orgFile: string;
  dataDir: string;
}

/** The episode limits the flags ask for, over DEFAULT_EPISODE_LIMITS. */
export function episodeLimits(flags: { 'max-episodes'?: number; 'max-episode-memory-mb'?: number; 'episode-idle-minutes'?: number }): Partial<EpisodeLimits> {
  const out: Partial<EpisodeLimits> = {};
  const max = flags['max-episodes'];
  if (max !== undefined) {
    if (max < 0) throw new CliError(`flag '--max-episodes' must be 0 or more, got ${max}`);
    out.maxEpisodes = max;
  }
  const mb = flags['max-episode-memory-mb'];
  if (mb !== undefined) {
    if (mb < 0) throw new CliError(`flag '--max-episode-memory-mb' must be 0 or more, got ${mb}`);
    out.maxMemoryBytes = mb * 1024 * 1024;
  }
  const idle = flags['episode-idle-minutes'];
  if (idle !== undefined) {
    if (!(idle >= 0)) throw new CliError(`flag '--episode-idle-minutes' must be 0 or more, got ${idle}`);
    out.idleMs = idle * 60_000;
  }
  return out;
}

export async function run(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, FLAGS);
  if (flags.help) {
    console.log(USAGE);
    return;
  }
  const t0 = performance.now();
  const dataDir = resolve(flags['data-dir'] ?? '.mockforce');
  mkdirSync(dataDir, { recursive: true });
  const host = flags.host ?? '127.0.0.1';
  const port = flags.port ?? 8080;
  const httpsPort = flags['https-port'] ?? (port === 0 ? 0 : 8443);
  for (const [name, p] of [['port', port], ['https-port', httpsPort]] as const) {
    if (p < -1 || p > 65535) throw new CliError(`flag '--${name}' must be a port number (0 for any free port), got ${p}`);
  }
  if (flags.now !== undefined && Number.isNaN(Date.parse(flags.now))) throw new CliError(`flag '--now' must be an ISO date/time, got '${flags.now}'`);
  const log = flags.quiet ? () => {} : (s: string) => console.log(s);

  // Read and check the metadata before touching any org: bad metadata stops here, nothing loaded.
  const metadata = flags.metadata?.length ? readMetadata(flags.metadata) : undefined;
  const { org, orgFile } = await loadOrg(flags, dataDir, log);
  if (metadata) {
    for (const w of metadata.warnings) console.error(`mockforce: warning: ${w}`);
    applyLoadedMetadata(metadata);
    const sync = syncOrgSchema(org, metadata);
    if (sync.changed) log(`mockforce: metadata applied to ${orgFile}: ${sync.createdTables.length} new object(s), ${sync.addedColumns.length} new column(s)`);
  }
  const identity = org.loginIdentity();
  if (!identity) {
    org.close();
    throw new CliError(`the org in ${orgFile} has no API user (login identity); regenerate it with 'mockforce seed'`);
  }

  const registry = new OrgRegistry(episodeLimits(flags));
  registry.register('default', org);
  const connectionFile = join(dataDir, 'connection.json');
  const saved = readSaved(connectionFile);
  const reuse = saved && saved.orgFile === orgFile && saved.organizationId === org.organizationId && saved.userId === identity.userId;
  const session = registry.issueSession('default', identity.userId, reuse ? saved.accessToken : undefined);
  const refreshToken = registry.issueRefreshToken('default', identity.userId, reuse ? saved.refreshToken : undefined);

  const apps: FastifyInstance[] = [];
  let httpUrl = '';
  let httpsUrl: string | null = null;
  let caFile: string | null = null;
  try {
    const http = await buildApp({ registry, logger: { level: 'error' } });
    apps.push(http);
    httpUrl = await listen(http, host, port, 'port');
    if (httpsPort !== -1) {
      const tls = ensureTls(join(dataDir, 'tls'), host === '0.0.0.0' || host === '::' ? [] : [host]);
      caFile = tls.caCertFile;
      const https = await buildApp({ registry, logger: { level: 'error' }, https: { key: tls.key, cert: tls.cert } });
      apps.push(https);
      httpsUrl = await listen(https, host, httpsPort, 'https-port');
    }
  } catch (err) {
    await Promise.all(apps.map((a) => a.close()));
    registry.close();
    throw err;
  }

  const info: ConnectionInfo = {
    instanceUrl: httpUrl,
    httpsInstanceUrl: httpsUrl,
    loginUrl: httpUrl,
    username: identity.username,
    password: identity.password,
    securityToken: identity.securityToken,
    accessToken: session.token,
    refreshToken,
    organizationId: org.organizationId,
    userId: identity.userId,
    apiVersion: '59.0',
    caFile,
    orgFile,
    dataDir,
  };
  writeFileSync(connectionFile, JSON.stringify(info, null, 2) + '\n');
  log(banner(info, connectionFile, performance.now() - t0));
  // The org is already answering; load the SOQL parser now rather than on the first query.
  setImmediate(warmSoqlParser);

  await new Promise<void>((resolveStop) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      log(`\nmockforce: ${signal} received, shutting down`);
      Promise.all(apps.map((a) => a.close()))
        .catch(() => {})
        .finally(() => {
          registry.close();
          process.off('SIGINT', onInt);
          process.off('SIGTERM', onTerm);
          resolveStop();
        });
    };
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
}

async function listen(app: FastifyInstance, host: string, port: number, flag: string): Promise<string> {
  try {
    await app.listen({ host, port });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new CliError(`port ${port} on ${host} is in use; pick another with --${flag} (0 = any free port)`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new CliError(`cannot listen on host '${host}'`);
    if (code === 'EACCES') throw new CliError(`no permission to listen on port ${port}; pick another with --${flag}`);
    throw err;
  }
  const addr = app.server.address();
  const actual = typeof addr === 'object' && addr ? addr.port : port;
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `${app.initialConfig.https ? 'https' : 'http'}://${shown}:${actual}`;
}

export type ServeFlags = ReturnType<typeof parseFlags<typeof FLAGS>>;

export async function loadOrg(flags: ServeFlags, dataDir: string, log: (s: string) => void): Promise<{ org: Org; orgFile: string }> {
  const opts = flags.now !== undefined ? { now: new Date(flags.now).toISOString() } : {};
  if (flags.db !== undefined) {
    if (flags.seed !== undefined || flags.scale !== undefined || flags.org !== undefined) throw new CliError(`--db cannot be combined with --seed/--scale/--org (the file says which org it is)`);
    const file = resolve(flags.db);
    if (!existsSync(file)) throw new CliError(`no org file at ${file}`);
    let snapshot = false;
    try {
      const probe = new Database(file, { readonly: true, fileMustExist: true });
      try {
        snapshot = isCrmArenaSnapshot(probe);
      } finally {
        probe.close();
      }
    } catch {
      throw new CliError(`${file} is not a SQLite database`);
    }
    if (snapshot) {
      // Import once into the data directory (keyed by the snapshot's identity), then reuse: writes
      // through the API land in the imported copy, never in the user's snapshot.
      const st = statSync(file);
      const key = createHash('sha256').update(`${file}|${st.size}|${st.mtimeMs}`).digest('hex').slice(0, 12);
      const out = join(dataDir, `snapshot-${basename(file).replace(/\W+/g, '_')}-${key}.db`);
      if (!existsSync(out)) {
        log(`mockforce: importing CRMArena snapshot ${file} (once) ...`);
        const tmp = `${out}.tmp`;
        rmSync(tmp, { force: true });
        importCrmArenaSnapshot(file, { out: tmp, now: opts.now }).close();
        renameSync(tmp, out);
      }
      return { org: openOrThrow(out, opts), orgFile: out };
    }
    return { org: openOrThrow(file, opts), orgFile: file };
  }
  const seed = flags.seed ?? 42;
  const scale = flags.scale ?? 1;
  if (!(scale > 0)) throw new CliError(`flag '--scale' must be positive, got ${scale}`);
  const org = parseOrgFlag(flags.org);
  const file = await ensureGeneratedOrg({ dataDir, seed, scale, org, ...(opts.now ? { now: opts.now } : {}), log });
  return { org: openOrThrow(file, opts), orgFile: file };
}

export function readMetadata(dirs: string[]): LoadedMetadata {
  try {
    return loadMetadata(dirs);
  } catch (err) {
    if (err instanceof MetadataError) throw new CliError(`bad metadata: ${err.message}`);
    throw err;
  }
}

function openOrThrow(file: string, opts: { now?: string }): Org {
  try {
    return openAnyOrg(file, opts);
  } catch (err) {
    throw new CliError((err as Error).message);
  }
}

function readSaved(file: string): ConnectionInfo | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ConnectionInfo;
  } catch {
    return undefined;
  }
}

function banner(i: ConnectionInfo, file: string, ms: number): string {
  const https = i.httpsInstanceUrl;
  const sslHost = https ? https.replace(/^https:\/\//, '') : '';
  const lines = [
    // performance.now() counts from process start: module loading included.
    `mockforce org ready in ${Math.round(ms)} ms, ${Math.round(performance.now())} ms after process start (${i.orgFile})`,
    ``,
    `  Instance URL (HTTP):   ${i.instanceUrl}`,
    `  Instance URL (HTTPS):  ${https ?? '(disabled)'}`,
    `  Username:              ${i.username}`,
    `  Password:              ${i.password}`,
    `  Security token:        ${i.securityToken}`,
    `  Session token:         ${i.accessToken}`,
    `  CA file:               ${i.caFile ?? '(none)'}`,
    `  Connection JSON:       ${file}`,
    ``,
    `jsforce:`,
    `  const conn = new jsforce.Connection({ loginUrl: '${i.loginUrl}', version: '${i.apiVersion}' });`,
    `  await conn.login('${i.username}', '${i.password}${i.securityToken}');`,
    `  // or: new jsforce.Connection({ instanceUrl: '${i.instanceUrl}', accessToken: '${i.accessToken}' })`,
  ];
  if (https) {
    lines.push(
      ``,
      `simple-salesforce (always https):`,
      `  export REQUESTS_CA_BUNDLE=${i.caFile}`,
      `  sf = Salesforce(instance_url='${https}', session_id='${i.accessToken}')`,
      `  # or log in: Salesforce(username='${i.username}', password='${i.password}', security_token='${i.securityToken}', domain='${sslHost}/services/Soap/u/59.0#')`,
    );
  }
  lines.push(
    ``,
    `Salesforce CLI:`,
    `  SF_ACCESS_TOKEN='${i.accessToken}' sf org login access-token --instance-url ${i.instanceUrl} --no-prompt --alias mockforce`,
    ``,
    `Ctrl-C stops the server.`,
  );
  return lines.join('\n');
}
