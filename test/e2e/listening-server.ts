/**
 * A real listening mockforce server (HTTP, optionally HTTPS) on 127.0.0.1 with random ports, for
 * end-to-end tests with real clients.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { OrgRegistry } from '../../server/org-registry.ts';
import { ensureTls, type TlsFiles } from '../../server/tls.ts';
import type { Org } from '../../src/org/index.ts';

export interface ListeningServer {
  registry: OrgRegistry;
  url: string;
  httpsUrl?: string;
  tls?: TlsFiles;
  token: string;
  close(): Promise<void>;
}

export async function startServer(org: Org, opts: { tlsDir?: string } = {}): Promise<ListeningServer> {
  const registry = new OrgRegistry();
  registry.register('default', org);
  const apps: FastifyInstance[] = [];
  const http = await buildApp({ registry });
  apps.push(http);
  await http.listen({ host: '127.0.0.1', port: 0 });
  const port = (http.server.address() as { port: number }).port;
  let httpsUrl: string | undefined;
  let tls: TlsFiles | undefined;
  if (opts.tlsDir) {
    tls = ensureTls(opts.tlsDir);
    const https = await buildApp({ registry, https: { key: tls.key, cert: tls.cert } });
    apps.push(https);
    await https.listen({ host: '127.0.0.1', port: 0 });
    httpsUrl = `https://localhost:${(https.server.address() as { port: number }).port}`;
  }
  const token = registry.issueSession('default', org.loginIdentity()!.userId).token;
  return {
    registry,
    url: `http://127.0.0.1:${port}`,
    ...(httpsUrl ? { httpsUrl } : {}),
    ...(tls ? { tls } : {}),
    token,
    async close() {
      await Promise.all(apps.map((a) => a.close()));
      registry.close();
    },
  };
}
