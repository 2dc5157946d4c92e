/**
 * `mockforce mcp` over stdio, as an agent host runs it: the MCP SDK's own Client spawns the CLI and
 * lists and calls its tools. The org is a private copy of the seeded org (--db), so the CRMArena
 * tools have CRMArena data to read and writes reach no other test, plus the sample SFDX project
 * (--metadata).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSeededOrgPath } from '../support/seeded-org.ts';

const ROOT = join(import.meta.dirname, '..', '..');
let dir: string;
let client: Client;
let stderr = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mockforce-mcp-stdio-'));
  const orgFile = join(dir, 'org.db');
  copyFileSync(getSeededOrgPath(), orgFile);
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ['--import', 'tsx', 'src/cli/main.ts', 'mcp', '--db', orgFile, '--data-dir', join(dir, 'data'), '--metadata', join(ROOT, 'fixtures', 'metadata', 'sfdx-project')],
    cwd: ROOT,
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (d) => (stderr += d));
  client = new Client({ name: 'mockforce-test', version: '1.0.0' });
  await client.connect(transport);
});

afterAll(async () => {
  await client?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call(name: string, args: Record<string, unknown> = {}): Promise<{ isError: boolean; text: string; json: () => any }> {
  const r = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = r.content.map((c) => (c.type === 'text' ? c.text : '')).join('');
  return { isError: r.isError === true, text, json: () => JSON.parse(text) };
}

describe('mockforce mcp over stdio', () => {
  it('names itself and lists the REST and CRMArena tools, each with a JSON schema', async () => {
    expect(client.getServerVersion()?.name).toBe('mockforce');
    expect(stderr).toContain('mockforce MCP server (stdio)');
    const { tools } = await client.listTools();
    const names = tools.map((t) => t.name);
    for (const n of ['soql_query', 'query_more', 'sosl_search', 'describe_global', 'describe_sobject', 'get_record', 'create_record', 'update_record', 'delete_record']) {
      expect(names).toContain(n);
    }
    // CRMArena's tool_call_flex set without `respond` (which ends a harness episode).
    for (const n of ['get_cases', 'get_agents_with_max_cases', 'search_knowledge_articles', 'get_email_messages_by_case_id', 'issue_soql_query', 'issue_sosl_query']) {
      expect(names).toContain(n);
    }
    expect(names).not.toContain('respond');
    expect(tools).toHaveLength(9 + 26);
    for (const t of tools) expect(t.inputSchema.type).toBe('object');
    const soql = tools.find((t) => t.name === 'soql_query')!;
    expect(soql.inputSchema.required).toEqual(['query']);
    expect(soql.annotations?.readOnlyHint).toBe(true);
    const getCases = tools.find((t) => t.name === 'get_cases')!;
    expect(Object.keys(getCases.inputSchema.properties ?? {})).toContain('start_date');
  });

  it('soql_query answers with Salesforce\'s query body', async () => {
    const r = await call('soql_query', { query: 'SELECT Id, Subject FROM Case ORDER BY CreatedDate LIMIT 3' });
    expect(r.isError).toBe(false);
    const body = r.json();
    expect(body.done).toBe(true);
    expect(body.records).toHaveLength(3);
    expect(body.records[0].attributes.type).toBe('Case');
    const count = (await call('soql_query', { query: 'SELECT COUNT() FROM Case' })).json();
    expect(count.totalSize).toBeGreaterThan(500);
  });

  it('a Salesforce error is a tool error in Salesforce\'s words', async () => {
    const r = await call('soql_query', { query: 'SELECT Nme FROM Account' });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/^INVALID_FIELD: /);
    expect(r.text).toContain("No such column 'Nme' on entity 'Account'");
    const d = await call('describe_sobject', { sobject: 'NoSuchThing__c' });
    expect(d.isError).toBe(true);
    expect(d.text).toMatch(/^NOT_FOUND: /);
    // Arguments the schema refuses never reach the org.
    const bad = await call('soql_query', {});
    expect(bad.isError).toBe(true);
    expect(bad.text).toMatch(/query/);
  });

  it('create, get, update, query and delete a record', async () => {
    const created = await call('create_record', { sobject: 'Account', fields: { Name: 'MCP Stdio Co', Phone: '555-0100' } });
    expect(created.isError).toBe(false);
    const { id, success } = created.json();
    expect(success).toBe(true);
    expect(id).toMatch(/^001\w{15}$/);
    const got = await call('get_record', { sobject: 'Account', id, fields: ['Name', 'Phone'] });
    expect(got.json()).toMatchObject({ Name: 'MCP Stdio Co', Phone: '555-0100' });
    expect((await call('update_record', { sobject: 'Account', id, fields: { Phone: '555-0199' } })).json()).toEqual({ id, success: true });
    const q = (await call('soql_query', { query: `SELECT Id, Phone FROM Account WHERE Name = 'MCP Stdio Co'` })).json();
    expect(q.totalSize).toBe(1);
    expect(q.records[0].Phone).toBe('555-0199');
    const invalid = await call('update_record', { sobject: 'Account', id, fields: { NoSuchField__c: 1 } });
    expect(invalid.isError).toBe(true);
    expect(invalid.text).toMatch(/^INVALID_FIELD: /);
    expect((await call('delete_record', { sobject: 'Account', id })).isError).toBe(false);
    const gone = await call('get_record', { sobject: 'Account', id });
    expect(gone.isError).toBe(true);
    expect(gone.text).toMatch(/^(NOT_FOUND|ENTITY_IS_DELETED): /);
  });

  it('sosl_search and describe_global answer as the REST API does (with --metadata objects)', async () => {
    const g = (await call('describe_global')).json();
    expect(g.sobjects.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['Issue__c', 'Project__c']));
    const project = (await call('describe_sobject', { sobject: 'Project__c' })).json();
    expect(project.fields.map((f: { name: string }) => f.name)).toContain('Budget__c');
    const first = (await call('soql_query', { query: 'SELECT Name FROM Product2 LIMIT 1' })).json().records[0].Name as string;
    const word = first.split(/\s+/)[0]!;
    const s = (await call('sosl_search', { search: `FIND {${word}} IN NAME FIELDS RETURNING Product2(Id, Name)` })).json();
    expect(s.searchRecords.length).toBeGreaterThan(0);
    expect(s.searchRecords[0].attributes.type).toBe('Product2');
  });

  it('CRMArena tools run the harness implementations over the org', async () => {
    const issues = await call('get_issues');
    expect(issues.isError).toBe(false);
    const list = issues.json() as { Id: string; Name: string }[];
    expect(list.length).toBeGreaterThan(3);
    expect(list[0]!.Id).toMatch(/^a\w+/);
    // The same SOQL through CRMArena's connector: attributes removed, as the benchmark's agents see it.
    const raw = (await call('issue_soql_query', { query: 'SELECT Id, Name FROM Issue__c LIMIT 2' })).json() as Record<string, unknown>[];
    expect(raw).toHaveLength(2);
    expect(raw[0]).not.toHaveProperty('attributes');
    // An org error the benchmark's way (`ERRORCODE: message`), sent as a tool error.
    const err = await call('issue_soql_query', { query: 'SELECT Nope FROM Issue__c' });
    expect(err.isError).toBe(true);
    expect(err.text).toMatch(/^INVALID_FIELD: /);
    // A tool's own argument check (Python's wording) is a tool error too.
    const badDate = await call('get_agent_handled_cases_by_period', { start_date: 'last week', end_date: '2024-01-01T00:00:00Z' });
    expect(badDate.isError).toBe(true);
    expect(badDate.text).toBe("Error: Invalid date format. Use 'YYYY-MM-DDTHH:MM:SSZ'");
  });
});
