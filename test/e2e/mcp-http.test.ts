/**
 * `mockforce mcp --http 0` as a remote agent host reaches it: the MCP SDK's Streamable HTTP client.
 * With --episode-per-session every MCP session works on its own copy of the org: one session's
 * writes are invisible to another and to sessions opened after it ends; without it, all sessions
 * share the served org.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { OrgRegistry } from '../../server/org-registry.ts';
import { serveMcpHttp } from '../../src/mcp/http-transport.ts';
import { OrgSessions } from '../../src/mcp/org-sessions.ts';
import { makeTestOrg } from '../http/test-org.ts';

const ROOT = join(import.meta.dirname, '..', '..');
let dir: string;
const children: ChildProcess[] = [];
const clients: Client[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mockforce-mcp-http-'));
  makeTestOrg({ file: join(dir, 'org.db'), accounts: 5 }).close();
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close().catch(() => {})));
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Start `mockforce mcp --http 0` and read its URL from the line it prints on stderr. */
async function startMcpHttp(...extra: string[]): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'mcp', '--db', join(dir, 'org.db'), '--data-dir', join(dir, 'data'), '--http', '0', ...extra], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const t0 = Date.now();
  for (;;) {
    const m = /at (http:\/\/127\.0\.0\.1:\d+\/mcp)/.exec(out);
    if (m) return { url: m[1]!, child };
    if (child.exitCode !== null) throw new Error(`mcp exited early: ${out}`);
    if (Date.now() - t0 > 30_000) throw new Error(`mcp did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function connect(url: string): Promise<{ client: Client; transport: StreamableHTTPClientTransport }> {
  const client = new Client({ name: 'mockforce-http-test', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(url));
  await client.connect(transport);
  clients.push(client);
  return { client, transport };
}

async function call(client: Client, name: string, args: Record<string, unknown> = {}): Promise<{ isError: boolean; text: string; json: () => any }> {
  const r = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = r.content.map((c) => (c.type === 'text' ? c.text : '')).join('');
  return { isError: r.isError === true, text, json: () => JSON.parse(text) };
}

const countNamed = async (client: Client, name: string) =>
  (await call(client, 'soql_query', { query: `SELECT COUNT() FROM Account WHERE Name = '${name}'` })).json().totalSize as number;

describe('mockforce mcp --http', () => {
  it('lists tools, queries, reports errors, and isolates sessions with --episode-per-session', async () => {
    const { url, child } = await startMcpHttp('--episode-per-session');
    const a = await connect(url);
    const b = await connect(url);
    expect(a.transport.sessionId).toBeDefined();
    expect(a.transport.sessionId).not.toBe(b.transport.sessionId);

    const { tools } = await a.client.listTools();
    expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(['soql_query', 'create_record', 'get_cases']));
    expect((await call(a.client, 'soql_query', { query: 'SELECT COUNT() FROM Account' })).json().totalSize).toBe(5);
    const err = await call(a.client, 'soql_query', { query: 'SELECT Id FROM Acount' });
    expect(err.isError).toBe(true);
    expect(err.text).toMatch(/^INVALID_TYPE: /);

    // A writes; only A sees it.
    const created = await call(a.client, 'create_record', { sobject: 'Account', fields: { Name: 'Session A Co' } });
    expect(created.json().success).toBe(true);
    expect(await countNamed(a.client, 'Session A Co')).toBe(1);
    expect(await countNamed(b.client, 'Session A Co')).toBe(0);
    // B cannot reach A's record by Id either.
    const cross = await call(b.client, 'get_record', { sobject: 'Account', id: created.json().id });
    expect(cross.isError).toBe(true);
    expect(cross.text).toMatch(/^NOT_FOUND: /);

    // Ending A's session drops its episode; a new session starts from the served org again.
    await a.transport.terminateSession();
    await a.client.close();
    const c = await connect(url);
    expect(await countNamed(c.client, 'Session A Co')).toBe(0);
    // The org file itself was never written by an episode.
    expect(await countNamed(b.client, 'Session A Co')).toBe(0);

    // Unknown sessions and non-initialize requests without one are refused as JSON-RPC errors.
    const stale = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-session-id': a.transport.sessionId ?? 'gone' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(stale.status).toBe(404);
    const noSession = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(noSession.status).toBe(400);
    expect(((await noSession.json()) as { error: { code: number } }).error.code).toBe(-32000);
    child.kill('SIGTERM');
  });

  it('without --episode-per-session, sessions share the served org', async () => {
    const { url, child } = await startMcpHttp();
    const a = await connect(url);
    const b = await connect(url);
    await call(a.client, 'create_record', { sobject: 'Account', fields: { Name: 'Shared Co' } });
    expect(await countNamed(b.client, 'Shared Co')).toBe(1);
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('in process: one episode per live session, none for a refused initialize, all gone on close', async () => {
    const registry = new OrgRegistry();
    registry.register('default', makeTestOrg({ accounts: 2 }));
    const app = await buildApp({ registry });
    const http = await serveMcpHttp(new OrgSessions(registry, app, 'default', true), { host: '127.0.0.1', port: 0 });
    try {
      const init = (host: string) =>
        new Promise<number>((resolve, reject) => {
          const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'x', version: '1' } } });
          const req = httpRequest(http.url, { method: 'POST', headers: { host, 'content-type': 'application/json', accept: 'application/json, text/event-stream' } }, (res) => {
            res.resume();
            resolve(res.statusCode!);
          });
          req.on('error', reject);
          req.end(body);
        });
      // DNS-rebinding protection: a foreign Host is refused, and costs no episode.
      expect(await init('evil.example')).toBe(403);
      expect(registry.keys()).toEqual(['default']);
      const a = await connect(http.url);
      await connect(http.url);
      expect(http.sessionCount()).toBe(2);
      expect(registry.keys()).toHaveLength(3);
      await a.transport.terminateSession();
      expect(registry.keys()).toHaveLength(2);
    } finally {
      await http.close();
    }
    expect(registry.keys()).toEqual(['default']);
    await app.close();
    registry.close();
  });

  it('in process: past the registry\'s episode cap a new session is refused with REQUEST_LIMIT_EXCEEDED', async () => {
    const registry = new OrgRegistry({ maxEpisodes: 1 });
    registry.register('default', makeTestOrg({ accounts: 1 }));
    const app = await buildApp({ registry });
    const http = await serveMcpHttp(new OrgSessions(registry, app, 'default', true), { host: '127.0.0.1', port: 0 });
    try {
      await connect(http.url);
      await expect(connect(http.url)).rejects.toThrow(/REQUEST_LIMIT_EXCEEDED/);
      expect(http.sessionCount()).toBe(1);
    } finally {
      await http.close();
      await app.close();
      registry.close();
    }
  });
});
