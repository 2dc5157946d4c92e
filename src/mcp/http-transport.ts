/**
 * `mockforce mcp --http PORT`: the MCP Streamable HTTP transport at `/mcp`, stateful, one MCP
 * server and one org session per MCP session (created by an `initialize` POST, named by the
 * `Mcp-Session-Id` header afterwards, ended by DELETE or by closing the server).
 *
 * Only loopback Host headers are accepted when listening on loopback (the SDK's DNS-rebinding
 * protection, which the MCP spec asks local servers to apply).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { createMcpServer } from './mcp-server.ts';
import { isSalesforceError } from '../errors/salesforce-error.ts';
import type { OrgSession, OrgSessions } from './org-sessions.ts';

export const MCP_PATH = '/mcp';
/** Largest initialize body read here (later requests are read by the SDK with its own limit). */
const MAX_INIT_BODY = 1024 * 1024;

export interface McpHttpServer {
  /** e.g. http://127.0.0.1:41234/mcp */
  url: string;
  /** Live MCP sessions. */
  sessionCount(): number;
  close(): Promise<void>;
}

export async function serveMcpHttp(sessions: OrgSessions, opts: { host: string; port: number }): Promise<McpHttpServer> {
  const live = new Map<string, { transport: StreamableHTTPServerTransport; close(): Promise<void> }>();
  let allowedHosts: string[] | undefined;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== MCP_PATH) return rpcError(res, 404, `Not Found: the MCP endpoint is ${MCP_PATH}`);
    const sid = req.headers['mcp-session-id'];
    if (typeof sid === 'string') {
      const session = live.get(sid);
      if (!session) return rpcError(res, 404, 'Session not found');
      return session.transport.handleRequest(req, res);
    }
    if (req.method !== 'POST') return rpcError(res, 400, 'Bad Request: No valid session ID provided');
    const body = await readJson(req);
    if (body === undefined) return rpcError(res, 400, 'Parse error: the body is not JSON', -32700);
    if (!isInitializeRequest(body)) return rpcError(res, 400, 'Bad Request: No valid session ID provided');

    let org: OrgSession;
    try {
      org = sessions.open();
    } catch (e) {
      // Past the registry's episode limits: Salesforce's REQUEST_LIMIT_EXCEEDED, with its status.
      if (isSalesforceError(e)) return rpcError(res, e.status, `${e.errorCode}: ${e.message}`);
      throw e;
    }
    const server = createMcpServer(org.client);
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        live.set(id, { transport, close: () => server.close() });
      },
      ...(allowedHosts ? { enableDnsRebindingProtection: true, allowedHosts } : {}),
    });
    transport.onclose = () => {
      if (transport.sessionId) live.delete(transport.sessionId);
      org.close();
    };
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
    // Refused by the transport (a foreign Host, a bad protocol version...): no session was made, so
    // nothing may stay behind (each open() may hold an episode's copy of the org).
    if (!transport.sessionId) {
      await server.close();
      org.close();
    }
  }

  const http: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) rpcError(res, 500, `Internal error: ${(err as Error).message}`, -32603);
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(opts.port, opts.host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const port = (http.address() as { port: number }).port;
  if (['127.0.0.1', 'localhost', '::1'].includes(opts.host)) allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
  const shown = opts.host.includes(':') ? `[${opts.host}]` : opts.host;

  return {
    url: `http://${shown}:${port}${MCP_PATH}`,
    sessionCount: () => live.size,
    async close() {
      await Promise.all([...live.values()].map((s) => s.close()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

function rpcError(res: ServerResponse, status: number, message: string, code = -32000): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null }));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_INIT_BODY) return undefined;
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}
