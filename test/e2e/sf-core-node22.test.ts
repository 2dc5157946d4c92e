/**
 * The Salesforce CLI's login path, `sf org login access-token`, through @salesforce/core (the
 * library under the CLI, installed in test/e2e/node22 with Node 22): the token must have the
 * `00D…!…` shape, userinfo and the User record must answer, `GET /services/data` gives the API
 * version, and SOQL works through the saved auth (reference/salesforce-api.md §9).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeTestOrg, TEST_LOGIN } from '../http/test-org.ts';
import { describeWith, NODE22_BIN, NODE22_DIR, node22Tree } from '../support/prerequisite.ts';
import { startServer, type ListeningServer } from './listening-server.ts';

// `npm ci --prefix test/e2e/node22` installs it (.ci/run does); without it the suite skips.
const node22 = node22Tree(import.meta.filename);
const SCRIPT = join(NODE22_DIR, 'sf-core-login.mjs');

let server: ListeningServer;
let home: string;
describeWith(node22, '@salesforce/core (sf CLI) access-token login', () => {
  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'mockforce-sfhome-'));
    server = await startServer(makeTestOrg({ accounts: 5 }));
  });
  afterAll(async () => {
    await server?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it('creates and saves the auth, then queries', async () => {
    const instanceUrl = server.url.replace('127.0.0.1', 'localhost');
    const { stdout } = await promisify(execFile)(NODE22_BIN, [SCRIPT, instanceUrl, server.token], {
      timeout: 120_000,
      env: { PATH: process.env.PATH ?? '', HOME: home, SF_DISABLE_DNS_CHECK: 'true', SF_DISABLE_TELEMETRY: 'true', SF_USE_GENERIC_UNIX_KEYCHAIN: 'true' },
    });
    const out = JSON.parse(stdout.trim().split('\n').pop()!);
    const org = server.registry.get('default')!.org;
    expect(out).toEqual({
      username: TEST_LOGIN.username,
      orgId: org.organizationId,
      instanceUrl,
      apiVersion: '65.0',
      records: 3,
      firstName: 'First1 Last0001',
      org: org.organizationId,
    });
    // The CLI's auth file for the user was written.
    expect(readdirSync(join(home, '.sfdx'))).toContain(`${TEST_LOGIN.username}.json`);
  });
});
