/**
 * `mockforce serve` as users run it: a child process on a file-backed org. Writes made through the
 * API by parallel clients all land, and survive a SIGTERM and a restart; the session token from
 * the connection file stays valid across the restart.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestOrg } from '../http/test-org.ts';

const ROOT = join(import.meta.dirname, '..', '..');
let dir: string;
let orgFile: string;
const children: ChildProcess[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mockforce-serve-'));
  orgFile = join(dir, 'org.db');
  makeTestOrg({ file: orgFile, accounts: 10 }).close();
});
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

interface Conn {
  instanceUrl: string;
  httpsInstanceUrl: string | null;
  accessToken: string;
  username: string;
}

async function startCli(): Promise<{ child: ChildProcess; conn: Conn; ms: number; output: () => string }> {
  const connFile = join(dir, 'data', 'connection.json');
  const t0 = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--db', orgFile, '--data-dir', join(dir, 'data'), '--port', '0', '--https-port', '-1'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  // The banner is printed after the connection file is written.
  while (!out.includes('Ctrl-C stops the server.')) {
    if (child.exitCode !== null) throw new Error(`serve exited early: ${out}`);
    if (Date.now() - t0 > 30_000) throw new Error(`serve did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, conn: JSON.parse(readFileSync(connFile, 'utf8')) as Conn, ms: Date.now() - t0, output: () => out };
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill(signal);
  });
}

async function count(conn: Conn): Promise<number> {
  const r = await fetch(`${conn.instanceUrl}/services/data/v59.0/query?q=${encodeURIComponent('SELECT COUNT() FROM Account')}`, {
    headers: { authorization: `Bearer ${conn.accessToken}` },
  });
  expect(r.status).toBe(200);
  return ((await r.json()) as { totalSize: number }).totalSize;
}

describe('mockforce serve', () => {
  it('prints connection info, keeps parallel writes, survives a restart and a crash', async () => {
    const first = await startCli();
    expect(first.output()).toContain('Instance URL (HTTP):');
    expect(first.output()).toContain(first.conn.accessToken);
    expect(first.conn.httpsInstanceUrl).toBeNull();
    expect(await count(first.conn)).toBe(10);

    // 4 clients x 15 creates, all in flight together.
    const create = (client: number, i: number) =>
      fetch(`${first.conn.instanceUrl}/services/data/v59.0/sobjects/Account/`, {
        method: 'POST',
        headers: { authorization: `Bearer ${first.conn.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ LastName: `Parallel ${client}-${i}` }),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as { id: string; success: boolean } }));
    const results = await Promise.all(Array.from({ length: 4 }, (_, c) => Array.from({ length: 15 }, (_, i) => create(c, i))).flat());
    expect(results.every((r) => r.status === 201 && r.body.success)).toBe(true);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(60);
    expect(await count(first.conn)).toBe(70);

    expect(await stop(first.child, 'SIGTERM')).toBe(0);

    const second = await startCli();
    // Same token as before the restart: scripts that saved it keep working.
    expect(second.conn.accessToken).toBe(first.conn.accessToken);
    expect(await count(second.conn)).toBe(70);
    const r = await fetch(`${second.conn.instanceUrl}/services/data/v59.0/sobjects/Account/${results[0]!.body.id}`, {
      headers: { authorization: `Bearer ${second.conn.accessToken}` },
    });
    expect(r.status).toBe(200);
    expect(((await r.json()) as { LastName: string }).LastName).toMatch(/^Parallel /);
    // Writes are durable across a crash too (WAL, each write its own committed transaction).
    for (let i = 0; i < 5; i++) {
      const w = await fetch(`${second.conn.instanceUrl}/services/data/v59.0/sobjects/Account`, {
        method: 'POST',
        headers: { authorization: `Bearer ${second.conn.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ LastName: `BeforeCrash ${i}` }),
      });
      expect(w.status).toBe(201);
    }
    await stop(second.child, 'SIGKILL');
    const third = await startCli();
    expect(await count(third.conn)).toBe(75);
    expect(await stop(third.child, 'SIGINT')).toBe(0);
  });

  it('serves CRMArena’s snapshot format, imported once into the data directory', async () => {
    const snapshot = join(ROOT, 'fixtures', 'crmarena-snapshot', 'crmarena_data.db');
    const dataDir = join(dir, 'snap-data');
    const run = async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--db', snapshot, '--data-dir', dataDir, '--port', '0', '--https-port', '-1'], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      let out = '';
      child.stdout!.on('data', (d) => (out += d));
      child.stderr!.on('data', (d) => (out += d));
      const t0 = Date.now();
      while (!out.includes('Ctrl-C stops the server.')) {
        if (child.exitCode !== null || Date.now() - t0 > 60_000) throw new Error(`serve failed: ${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return { child, out, conn: JSON.parse(readFileSync(join(dataDir, 'connection.json'), 'utf8')) as Conn & { orgFile: string } };
    };
    const first = await run();
    expect(first.out).toContain('importing CRMArena snapshot');
    expect(first.conn.orgFile).toMatch(/snapshot-crmarena_data_db-\w+\.db$/);
    expect(await count(first.conn)).toBeGreaterThan(0);
    expect(await stop(first.child, 'SIGTERM')).toBe(0);
    const second = await run();
    expect(second.out).not.toContain('importing CRMArena snapshot');
    expect(await stop(second.child, 'SIGTERM')).toBe(0);
  });

  it('rejects bad flags with a one-line error and exit code 2', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', 'abc'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(err.trim()).toBe("mockforce: flag '--port' must be an integer, got 'abc'");
  });
});
