/**
 * The programmatic API as the README shows it: startOrg() in a vitest file, jsforce logging in with
 * the returned credentials, reset() between tests, episode() for isolated copies, stop() at the end
 * leaving no files. Start times are printed (the first startOrg of a process generates the org; later
 * ones clone it; a data directory's existing org file is read instead of generated).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsforce from 'jsforce';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startOrg, type StartedOrg } from '../../src/index.ts';
import { generatedOrgFile } from '../../src/cli/generated-org.ts';
import { getSeededOrgPath } from '../support/seeded-org.ts';

// Everything startOrg might write to a temp folder lands here, so "no files left" can be checked.
const realTmp = tmpdir();
const scratchTmp = mkdtempSync(join(realTmp, 'mockforce-start-org-test-'));
const savedTmpdir = process.env.TMPDIR;
const cwdBefore = readdirSync(process.cwd());

let org: StartedOrg;
let conn: jsforce.Connection;
const timings: Record<string, number> = {};

async function timed<T>(label: string, f: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const v = await f();
  timings[label] = Math.round(performance.now() - t0);
  return v;
}

async function accountCount(c: jsforce.Connection, name: string): Promise<number> {
  return (await c.query(`SELECT Id FROM Account WHERE Name = '${name}'`)).totalSize;
}

beforeAll(async () => {
  process.env.TMPDIR = scratchTmp;
  // As in the README: one org per test file, jsforce logged in with what startOrg returns.
  org = await timed('first start (generates seed 42, scale 1 in memory)', () => startOrg({ seed: 42, scale: 1 }));
  conn = new jsforce.Connection({ loginUrl: org.loginUrl, version: org.apiVersion });
  await conn.login(org.username, org.password + org.securityToken);
});

// As in the README: every test starts from the seeded data.
afterEach(() => org.reset());

afterAll(async () => {
  await org?.stop();
  process.env.TMPDIR = savedTmpdir;
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  rmSync(scratchTmp, { recursive: true, force: true });
  console.log(`startOrg timings (ms): ${JSON.stringify(timings)}`);
});

describe('startOrg with jsforce', () => {
  it('returns what a client needs, and jsforce logs in with it and queries', async () => {
    expect(org.instanceUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(org.loginUrl).toBe(org.instanceUrl);
    expect(org.organizationId).toMatch(/^00D\w{15}$/);
    expect(org.accessToken.startsWith(org.organizationId.slice(0, 15) + '!')).toBe(true);
    expect(org.caFile).toBeUndefined();
    expect(conn.instanceUrl).toBe(org.instanceUrl);
    const cases = await conn.query<{ Id: string }>('SELECT Id FROM Case');
    expect(cases.totalSize).toBeGreaterThan(500);
    // The returned session token works without a login too.
    const byToken = new jsforce.Connection({ instanceUrl: org.instanceUrl, accessToken: org.accessToken, version: org.apiVersion });
    expect((await byToken.query('SELECT COUNT() FROM Case')).totalSize).toBe(cases.totalSize);
  });

  it('the README example: creates a case', async () => {
    const account = await conn.sobject('Account').create({ Name: 'Acme' });
    await conn.sobject('Case').create({ Subject: 'Broken zipper', AccountId: account.id });
    const { totalSize } = await conn.query(`SELECT Id FROM Case WHERE AccountId = '${account.id}'`);
    expect(totalSize).toBe(1);
  });

  it('create, then reset() restores the initial data and keeps the session', async () => {
    const created = await conn.sobject('Account').create({ Name: 'Start Org Test Co' });
    expect(created.success).toBe(true);
    expect(await accountCount(conn, 'Start Org Test Co')).toBe(1);
    await org.reset();
    expect(await accountCount(conn, 'Start Org Test Co')).toBe(0);
    // An Id from before the reset is gone as well.
    await expect(conn.sobject('Account').retrieve(created.id!)).rejects.toMatchObject({ errorCode: 'NOT_FOUND' });
  });

  it('episode() is an isolated copy of the initial org with its own session', async () => {
    await conn.sobject('Account').create({ Name: 'Main Only Co' });
    const ep = await org.episode();
    const epConn = new jsforce.Connection({ instanceUrl: ep.instanceUrl, accessToken: ep.accessToken, version: ep.apiVersion });
    expect(ep.organizationId).toBe(org.organizationId);
    // The episode starts from the initial data, not from the main org's writes.
    expect(await accountCount(epConn, 'Main Only Co')).toBe(0);
    await epConn.sobject('Account').create({ Name: 'Episode Only Co' });
    expect(await accountCount(epConn, 'Episode Only Co')).toBe(1);
    expect(await accountCount(conn, 'Episode Only Co')).toBe(0);
    // A sibling episode sees neither.
    const sibling = await org.episode();
    const sibConn = new jsforce.Connection({ instanceUrl: sibling.instanceUrl, accessToken: sibling.accessToken, version: sibling.apiVersion });
    expect(await accountCount(sibConn, 'Episode Only Co')).toBe(0);
    await ep.reset();
    expect(await accountCount(epConn, 'Episode Only Co')).toBe(0);
    await ep.stop();
    await expect(epConn.query('SELECT Id FROM Account LIMIT 1')).rejects.toMatchObject({ errorCode: 'INVALID_SESSION_ID' });
    await sibling.stop();
    await org.reset();
  });

  it('a second org in the same process starts from the cached base, independent of the first', async () => {
    const second = await timed('second start (clone of the cached base)', () => startOrg({ seed: 42, scale: 1 }));
    try {
      expect(second.instanceUrl).not.toBe(org.instanceUrl);
      const c2 = new jsforce.Connection({ loginUrl: second.loginUrl, version: second.apiVersion });
      await c2.login(second.username, second.password);
      await c2.sobject('Account').create({ Name: 'Second Org Co' });
      expect(await accountCount(c2, 'Second Org Co')).toBe(1);
      expect(await accountCount(conn, 'Second Org Co')).toBe(0);
    } finally {
      await second.stop();
    }
    // Far below the ~1 s a generation takes (measured ~50 ms; the bound allows a loaded machine).
    expect(timings['second start (clone of the cached base)']).toBeLessThan(1500);
  });

  it('serves HTTPS with a CA file when asked, and removes the CA file on stop', async () => {
    const secure = await startOrg({ https: true });
    expect(secure.instanceUrl).toMatch(/^https:\/\//);
    const caFile = secure.caFile!;
    expect(existsSync(caFile)).toBe(true);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${secure.instanceUrl}/services/data`, { ca: readFileSync(caFile) }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(200);
    await secure.stop();
    expect(existsSync(caFile)).toBe(false);
  });

  it('opens an existing org file in a data directory instead of generating, without changing it', async () => {
    const dataDir = mkdtempSync(join(realTmp, 'mockforce-start-org-data-'));
    try {
      const file = generatedOrgFile({ dataDir, seed: 42, scale: 1 });
      mkdirSync(dataDir, { recursive: true });
      copyFileSync(getSeededOrgPath(), file);
      const hash = () => createHash('sha256').update(readFileSync(file)).digest('hex');
      const before = hash();
      const fromFile = await timed('start from an existing org file (dataDir)', () => startOrg({ dataDir }));
      const c = new jsforce.Connection({ instanceUrl: fromFile.instanceUrl, accessToken: fromFile.accessToken, version: fromFile.apiVersion });
      await c.sobject('Account').create({ Name: 'Data Dir Co' });
      expect(await accountCount(c, 'Data Dir Co')).toBe(1);
      await fromFile.stop();
      expect(readdirSync(dataDir)).toEqual([file.slice(dataDir.length + 1)]);
      expect(hash()).toBe(before);
      expect(timings['start from an existing org file (dataDir)']).toBeLessThan(1500);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses unknown org profiles, a missing metadata folder and a bad clock, in words', async () => {
    await expect(startOrg({ org: 'pro-b2b' as never })).rejects.toThrow(/unknown org profile 'pro-b2b'; available: original/);
    await expect(startOrg({ metadata: 'no-such-folder' })).rejects.toThrow(/no such metadata directory/);
    await expect(startOrg({ now: 'yesterday' })).rejects.toThrow(/'now' must be an ISO datetime/);
  });

  it('stop() closes the server and leaves no files behind', async () => {
    const extra = await startOrg({ https: true });
    await extra.stop();
    await extra.stop();
    await expect(fetch(`${extra.instanceUrl.replace('https:', 'http:')}/services/data`)).rejects.toThrow();
    await expect(extra.episode()).rejects.toThrow(/stopped/);
    expect(readdirSync(scratchTmp)).toEqual([]);
    expect(readdirSync(process.cwd()).filter((f) => !cwdBefore.includes(f) && f.startsWith('.mockforce'))).toEqual([]);
  });
});
