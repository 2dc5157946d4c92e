/**
 * simple-salesforce 1.12.6's sObject, search, updated/deleted and OAuth-login requests, replayed with
 * Debian's python3-requests against the HTTPS listener (test/e2e/python/simple_salesforce_sobjects.py
 * holds the requests, captured from the real library driving mockforce). Complements
 * python-requests.test.ts, which pins query paging, errors and SOAP login.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { OBJECTS } from '../../schema/index.ts';
import { makeTestOrg, TEST_LOGIN } from '../http/test-org.ts';
import { describeWith, pythonPath, pythonRequests } from '../support/prerequisite.ts';
import { startServer, type ListeningServer } from './listening-server.ts';

const python = pythonRequests(import.meta.filename);
const PYTHON = pythonPath();
const SCRIPT = join(import.meta.dirname, 'python', 'simple_salesforce_sobjects.py');

let server: ListeningServer;
let dir: string;

describeWith(python, 'simple-salesforce 1.12.6 sObject and login calls over HTTPS', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mockforce-ssf-'));
    server = await startServer(makeTestOrg({ accounts: 2100 }), { tlsDir: join(dir, 'tls') });
  });
  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers every call the way the library reads it', async () => {
    const { stdout } = await promisify(execFile)(
      PYTHON,
      [SCRIPT, server.httpsUrl!, server.token, server.tls!.caCertFile, TEST_LOGIN.username, TEST_LOGIN.password + TEST_LOGIN.securityToken],
      { timeout: 60_000, env: { ...process.env, NO_PROXY: '*', no_proxy: '*', REQUESTS_CA_BUNDLE: '', CURL_CA_BUNDLE: '' } },
    );
    const out = JSON.parse(stdout.trim().split('\n').pop()!);
    expect(out).toEqual({
      more_status: 200,
      more_count: 100,
      pretty: true,
      quick_search_status: 200,
      quick_search_types: ['Account'],
      describe: 'Account',
      metadata: 'Account',
      // describeGlobal lists every sObject of the schema (standard catalogue + CRMArena overlay)
      global_count: OBJECTS.length + 1, // + Organization (a view, src/soql/virtual-objects.ts)
      create_status: 201,
      create_body_keys: ['errors', 'id', 'success'],
      get_name: 'Py Co',
      update_status: 204,
      delete_status: 204,
      get_deleted_status: 404,
      by_custom_id: true,
      upsert_status: 200,
      upsert_created: false,
      updated_status: 200,
      updated_keys: ['ids', 'latestDateCovered'],
      deleted_status: 200,
      deleted_keys: ['deletedRecords', 'earliestDateAvailable', 'latestDateCovered'],
      limits: 15000,
      client_credentials_status: 200,
      client_credentials_instance: server.httpsUrl,
      password_status: 200,
      password_token_works: 200,
      bad_password: [400, 'invalid_grant', 'authentication failure'],
    });
  });
});
