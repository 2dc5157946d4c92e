/**
 * simple-salesforce's HTTP behaviour, replayed with Debian's python3-requests against the HTTPS
 * listener (PyPI is unreachable in CI, so simple-salesforce itself is not installed; the script
 * reproduces its requests from its source, reference/salesforce-api.md §0.4, §1.1, §3, §6.3).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeTestOrg, TEST_LOGIN } from '../http/test-org.ts';
import { describeWith, pythonPath, pythonRequests } from '../support/prerequisite.ts';
import { startServer, type ListeningServer } from './listening-server.ts';

const python = pythonRequests(import.meta.filename);
const PYTHON = pythonPath();
const SCRIPT = join(import.meta.dirname, 'python', 'simple_salesforce_like.py');

let server: ListeningServer;
let dir: string;

describeWith(python, 'python requests over HTTPS, as simple-salesforce calls it', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mockforce-py-'));
    server = await startServer(makeTestOrg({ accounts: 2300 }), { tlsDir: join(dir, 'tls') });
  });
  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('queries, pages, errors, SOAP login, all with the TLS chain verified', async () => {
    const { stdout } = await promisify(execFile)(
      PYTHON,
      [SCRIPT, server.httpsUrl!, server.token, server.tls!.caCertFile, TEST_LOGIN.username, TEST_LOGIN.password, TEST_LOGIN.securityToken],
      { timeout: 60_000, env: { ...process.env, NO_PROXY: '*', no_proxy: '*', REQUESTS_CA_BUNDLE: '', CURL_CA_BUNDLE: '' } },
    );
    const out = JSON.parse(stdout.trim().split('\n').pop()!);
    expect(out).toMatchObject({
      query_status: 200,
      content_type: 'application/json;charset=UTF-8',
      first_page: 2000,
      total: 2300,
      query_all: 2300,
      first_name: 'First1 Last0001',
      query_all_count: 2300,
      error_status: 400,
      error_code: 'INVALID_FIELD',
      error_message_starts: '\nSELECT Bogus__x FRO',
      bad_token_status: 401,
      bad_token_code: 'INVALID_SESSION_ID',
      versions_status: 200,
      unknown_status: 404,
      unknown_code: 'NOT_FOUND',
      soap_status: 200,
      soap_instance: server.httpsUrl!.replace('https://', ''),
      soap_session_works: 200,
      fault_status: 500,
      fault_code: 'INVALID_LOGIN',
      unverified_rejected: true,
    });
    expect(out.api_usage[1]).toBe(15000);
  });
});
