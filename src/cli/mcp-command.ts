/**
 * `mockforce mcp`: the org as an MCP server, for agent hosts (Claude Desktop, IDEs, agent
 * frameworks). Over stdio by default (the host spawns `npx mockforce mcp`); `--http PORT` serves the
 * Streamable HTTP transport at /mcp instead. The org options are serve's (`--seed/--scale`, `--db`,
 * `--now`, `--data-dir`, `--metadata`, the episode limits), loaded the same way; `--episode-per-session` gives each MCP session an
 * isolated copy of the org, dropped when the session ends.
 *
 * stdout belongs to the MCP protocol over stdio: everything human goes to stderr.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { buildApp } from '../../server/app.ts';
import { OrgRegistry } from '../../server/org-registry.ts';
import { serveMcpHttp } from '../mcp/http-transport.ts';
import { createMcpServer } from '../mcp/mcp-server.ts';
import { OrgSessions } from '../mcp/org-sessions.ts';
import { warmSoqlParser } from '../soql/soql-parser.ts';
import { parseFlags } from './args.ts';
import { CliError } from './cli-error.ts';
import { applyLoadedMetadata, syncOrgSchema } from '../metadata/index.ts';
import { episodeLimits, loadOrg, readMetadata } from './serve-command.ts';

const FLAGS = {
  org: 'string',
  seed: 'int',
  scale: 'number',
  db: 'string',
  now: 'string',
  'data-dir': 'string',
  http: 'int',
  host: 'string',
  'episode-per-session': 'boolean',
  metadata: 'strings',
  'max-episodes': 'int',
  'max-episode-memory-mb': 'int',
  'episode-idle-minutes': 'number',
  quiet: 'boolean',
  help: 'boolean',
} as const;

const USAGE = `usage: mockforce mcp [--org original|b2b|b2c] [--seed 42] [--scale 1] [--db FILE] [--now ISO] [--data-dir ./.mockforce]
                    [--metadata DIR]... [--http PORT [--host 127.0.0.1]] [--episode-per-session]
                    [--max-episodes N] [--max-episode-memory-mb MB] [--episode-idle-minutes M] [--quiet]
  Serves MCP over stdio, or over Streamable HTTP at http://HOST:PORT/mcp with --http (0 = any free port).
  --episode-per-session: each MCP session gets its own isolated copy of the org.`;

export async function run(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, FLAGS);
  if (flags.help) {
    console.error(USAGE);
    return;
  }
  if (flags.http !== undefined && (flags.http < 0 || flags.http > 65535)) throw new CliError(`flag '--http' must be a port number (0 for any free port), got ${flags.http}`);
  if (flags.host !== undefined && flags.http === undefined) throw new CliError(`flag '--host' needs --http`);
  if (flags.now !== undefined && Number.isNaN(Date.parse(flags.now))) throw new CliError(`flag '--now' must be an ISO date/time, got '${flags.now}'`);
  const log = flags.quiet ? () => {} : (s: string) => console.error(s);
  const dataDir = resolve(flags['data-dir'] ?? '.mockforce');
  mkdirSync(dataDir, { recursive: true });

  // As serve: the metadata is read and checked before any org is touched.
  const metadata = flags.metadata?.length ? readMetadata(flags.metadata) : undefined;
  const { org, orgFile } = await loadOrg(flags, dataDir, log);
  if (metadata) {
    for (const w of metadata.warnings) console.error(`mockforce: warning: ${w}`);
    applyLoadedMetadata(metadata);
    syncOrgSchema(org, metadata);
  }
  if (!org.loginIdentity()) {
    org.close();
    throw new CliError(`the org in ${orgFile} has no API user (login identity); regenerate it with 'mockforce seed'`);
  }
  const registry = new OrgRegistry(episodeLimits(flags));
  registry.register('default', org);
  const app = await buildApp({ registry, logger: { level: 'error' } });
  await app.ready();
  const sessions = new OrgSessions(registry, app, 'default', flags['episode-per-session'] ?? false);
  setImmediate(warmSoqlParser);

  let closeTransport: () => Promise<void>;
  if (flags.http !== undefined) {
    const http = await serveMcpHttp(sessions, { host: flags.host ?? '127.0.0.1', port: flags.http });
    closeTransport = () => http.close();
    log(`mockforce MCP server (Streamable HTTP) at ${http.url} over ${orgFile}${flags['episode-per-session'] ? ', one episode per session' : ''}`);
  } else {
    const session = sessions.open();
    const server = createMcpServer(session.client);
    const transport = new StdioServerTransport();
    await server.connect(transport);
    closeTransport = async () => {
      await server.close();
      session.close();
    };
    log(`mockforce MCP server (stdio) over ${orgFile}`);
  }

  await new Promise<void>((resolveStop) => {
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      closeTransport()
        .catch(() => {})
        .then(() => app.close())
        .catch(() => {})
        .finally(() => {
          registry.close();
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolveStop();
        });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    // The host closing our stdin is the end of a stdio session.
    if (flags.http === undefined) process.stdin.once('end', stop);
  });
}
