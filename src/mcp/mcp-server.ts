/**
 * One MCP server (one per MCP session) over one org session: the Salesforce REST tools and
 * CRMArena's tool set, every call made through OrgClient, so the REST layer answers it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { OrgClient } from './org-client.ts';
import { CRMARENA_TOOLS, crmarenaInputSchema, runCrmarenaTool } from './crmarena-tools.ts';
import { REST_TOOLS } from './rest-tools.ts';
import { orgCall } from './tool-result.ts';

export function createMcpServer(client: OrgClient): McpServer {
  const server = new McpServer(
    { name: 'mockforce', title: 'mockforce: an offline Salesforce org', version: packageVersion() },
    {
      instructions:
        'An offline Salesforce org (mockforce) seeded with CRMArena\'s customer-service data. Use describe_global and describe_sobject to learn the schema, soql_query / sosl_search to read, create_record / update_record / delete_record to write. Errors are Salesforce\'s own (ERRORCODE: message).',
    },
  );
  for (const t of REST_TOOLS) {
    server.registerTool(t.name, { title: t.title, description: t.description, inputSchema: t.inputSchema, annotations: t.annotations }, (args) =>
      orgCall(() => t.run(args as Record<string, unknown>, client)),
    );
  }
  for (const t of CRMARENA_TOOLS) {
    server.registerTool(
      t.name,
      { description: t.description, inputSchema: crmarenaInputSchema(t), annotations: { readOnlyHint: true, openWorldHint: false } },
      (args) => runCrmarenaTool(t, args as Record<string, unknown>, client),
    );
  }
  return server;
}

let version: string | undefined;
/** mockforce's version, from the package.json above this module (src/ or a compiled dist/). */
function packageVersion(): string {
  if (version) return version;
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'mockforce' && pkg.version) return (version = pkg.version);
    }
    if (dirname(dir) === dir) return (version = '0.0.0');
  }
}
