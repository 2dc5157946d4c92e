/**
 * Run buildApp on a local port: for tests, the eval harness and the oracle, which need a real URL
 * for real clients. (The CLI's `serve` command adds HTTPS, connection info and signal handling.)
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { OrgRegistry } from './org-registry.ts';

export interface LocalServer {
  app: FastifyInstance;
  /** e.g. http://127.0.0.1:41234 (also the loginUrl for SOAP/OAuth logins). */
  url: string;
  close(): Promise<void>;
}

export async function serveLocal(opts: { registry: OrgRegistry; host?: string; port?: number; https?: { key: string; cert: string } }): Promise<LocalServer> {
  const app = await buildApp({ registry: opts.registry, ...(opts.https ? { https: opts.https } : {}) });
  const host = opts.host ?? '127.0.0.1';
  await app.listen({ host, port: opts.port ?? 0 });
  const port = (app.server.address() as { port: number }).port;
  const shown = host.includes(':') ? `[${host}]` : host;
  return { app, url: `${opts.https ? 'https' : 'http'}://${shown}:${port}`, close: () => app.close() };
}
