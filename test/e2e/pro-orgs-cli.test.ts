/**
 * CRMArena-Pro's orgs from the command line, as users run them: `mockforce seed --org b2b|b2c` is
 * byte-identical per seed, `mockforce serve --org b2b` serves the Pro schema (VoiceCallTranscript__c,
 * Opportunity.ContractID__c) over HTTP, and `serve --db` imports the Pro snapshot layout (tables named
 * by API name) with its org kind read from the file.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTestOrg } from '../http/test-org.ts';

const exec = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = join(ROOT, 'src', 'cli', 'main.ts');
const dir = mkdtempSync(join(tmpdir(), 'mockforce-pro-cli-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(TSX, [MAIN, ...args], { cwd: dir, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

interface Served {
  url: string;
  token: string;
  get(path: string): Promise<{ status: number; body: any }>;
}

async function serve(...args: string[]): Promise<Served> {
  const dataDir = join(dir, `data-${children.length}`);
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'serve', ...args, '--data-dir', dataDir, '--port', '0', '--https-port', '-1'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const t0 = Date.now();
  while (!out.includes('Ctrl-C stops the server.')) {
    if (child.exitCode !== null) throw new Error(`serve exited early: ${out}`);
    if (Date.now() - t0 > 90_000) throw new Error(`serve did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const conn = JSON.parse(readFileSync(join(dataDir, 'connection.json'), 'utf8')) as { instanceUrl: string; accessToken: string };
  return {
    url: conn.instanceUrl,
    token: conn.accessToken,
    async get(path) {
      const res = await fetch(conn.instanceUrl + path, { headers: { Authorization: `Bearer ${conn.accessToken}` } });
      return { status: res.status, body: await res.json() };
    },
  };
}

const query = (s: Served, soql: string) => s.get(`/services/data/v62.0/query?q=${encodeURIComponent(soql)}`);
const objectNames = async (s: Served) => ((await s.get('/services/data/v62.0/sobjects')).body.sobjects as { name: string }[]).map((o) => o.name);

describe('mockforce seed --org', () => {
  it('writes the same bytes for the same seed, per org kind, and records the kind', async () => {
    const files = { b2b: [join(dir, 'b2b-1.db'), join(dir, 'b2b-2.db')], b2c: [join(dir, 'b2c-1.db'), join(dir, 'b2c-2.db')] };
    const runs = await Promise.all(
      (['b2b', 'b2c'] as const).flatMap((kind) => files[kind].map(async (out) => ({ kind, r: await cli('seed', '--org', kind, '--seed', '7', '--scale', '0.1', '--out', out) }))),
    );
    for (const { kind, r } of runs) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`CRMArena-Pro ${kind}, seed 7, scale 0.1`);
    }
    for (const kind of ['b2b', 'b2c'] as const) {
      expect(sha(files[kind]![0]!)).toBe(sha(files[kind]![1]!));
      const latent = JSON.parse(readFileSync(`${files[kind]![0]}.latent.json`, 'utf8')) as { org: string };
      expect(latent.org).toBe(kind);
    }
    expect(sha(files.b2b![0]!)).not.toBe(sha(files.b2c![0]!));
  }, 240_000);

  it('refuses an unknown org kind with one line', async () => {
    const r = await cli('seed', '--org', 'b2x', '--out', join(dir, 'x.db'));
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("mockforce: flag '--org' must be one of original, b2b, b2c, got 'b2x'");
  });
});

describe('mockforce tasks --org', () => {
  it('writes Pro records (every task key, the org recorded) with the same bytes per seed, and the oracle confirms them over HTTP', async () => {
    const dataDir = join(dir, 'tasks-data');
    const args = (out: string) => ['tasks', '--org', 'b2c', '--org-seed', '5', '--scale', '0.3', '--per-task', '8', '--per-privacy-task', '4', '--data-dir', dataDir, '--out', out];
    const first = await cli(...args(join(dir, 'pro-1.json')), '--verify');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("the CRMArena-Pro b2c org");
    expect(first.stdout).toMatch(/oracle over HTTP: 100\.0%/);
    const second = await cli(...args(join(dir, 'pro-2.json')));
    expect(second.code, second.stderr).toBe(0);
    expect(sha(join(dir, 'pro-1.json'))).toBe(sha(join(dir, 'pro-2.json')));
    const records = JSON.parse(readFileSync(join(dir, 'pro-1.json'), 'utf8')) as { task: string; org: string; answer: unknown[]; persona: string }[];
    expect(new Set(records.map((r) => r.task)).size).toBe(22);
    expect(records.length).toBe(19 * 8 + 3 * 4);
    for (const r of records) {
      expect(r.org).toBe('b2c');
      expect(Array.isArray(r.answer)).toBe(true);
      expect(r.persona).toMatch(/^You are /);
    }
    const wrongKind = await cli('tasks', '--org', 'b2b', '--db', join(dataDir, readdirSync(dataDir).find((f) => f.endsWith('.db'))!), '--out', join(dir, 'x.json'));
    expect(wrongKind.code).toBe(2);
    expect(wrongKind.stderr).toMatch(/is the CRMArena-Pro b2c org, not the CRMArena-Pro b2b org/);
  }, 300_000);
});

describe('mockforce serve with a Pro org', () => {
  it('serves the generated b2b org with the Pro schema', async () => {
    const s = await serve('--org', 'b2b', '--seed', '7', '--scale', '0.1');
    const names = await objectNames(s);
    expect(names).toContain('VoiceCallTranscript__c');
    const d = await s.get('/services/data/v62.0/sobjects/Opportunity/describe');
    expect(d.body.fields.map((f: { name: string }) => f.name)).toContain('ContractID__c');
    const r = await query(s, 'SELECT COUNT() FROM VoiceCallTranscript__c');
    expect(r.status).toBe(200);
  }, 180_000);

  it('imports the Pro snapshot layout with --db, reading b2b or b2c from the file', async () => {
    for (const [file, personAccount] of [['b2b_data.db', false], ['b2c_data.db', true]] as const) {
      const s = await serve('--db', join(ROOT, 'fixtures', 'crmarena-pro-snapshot', file));
      expect(await objectNames(s)).toContain('VoiceCallTranscript__c');
      const opp = await query(s, 'SELECT Name, StageName, ContractID__r.Status FROM Opportunity');
      expect(opp.body.records).toMatchObject([{ Name: 'Halvorsen router rollout', StageName: 'Closed', ContractID__r: { Status: 'Activated' } }]);
      const call = await query(s, 'SELECT Body__c, LeadId__r.Name FROM VoiceCallTranscript__c');
      expect(call.body.records[0].LeadId__r.Name).toBe('Remy Adler');
      const acc = await query(s, 'SELECT Name, IsPersonAccount FROM Account');
      expect(acc.body.records[0].IsPersonAccount).toBe(personAccount);
    }
  }, 180_000);

  it('keeps an original org free of the Pro schema, and refuses --db with --org', async () => {
    const orgFile = join(dir, 'original.db');
    makeTestOrg({ file: orgFile, accounts: 3 }).close();
    const s = await serve('--db', orgFile);
    expect(await objectNames(s)).not.toContain('VoiceCallTranscript__c');
    const r = await cli('serve', '--db', orgFile, '--org', 'b2b', '--port', '0');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('mockforce: --db cannot be combined with --seed/--scale/--org (the file says which org it is)');
  }, 180_000);
});
