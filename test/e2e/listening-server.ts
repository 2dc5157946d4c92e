/**
 * A real listening mockforce server (HTTP, optionally HTTPS) on 127.0.0.1 with random ports, for
 * end-to-end tests with real clients.
 */
import { OrgRegistry } from '../../server/org-registry.ts';
import { serveLocal, type LocalServer } from '../../server/serve-local.ts';
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
  const servers: LocalServer[] = [await serveLocal({ registry })];
  let httpsUrl: string | undefined;
  let tls: TlsFiles | undefined;
  if (opts.tlsDir) {
    tls = ensureTls(opts.tlsDir);
    const https = await serveLocal({ registry, https: { key: tls.key, cert: tls.cert } });
    servers.push(https);
    // The certificate names localhost; simple-salesforce users connect by host name.
    httpsUrl = https.url.replace('127.0.0.1', 'localhost');
  }
  const token = registry.issueSession('default', org.loginIdentity()!.userId).token;
  return {
    registry,
    url: servers[0]!.url,
    ...(httpsUrl ? { httpsUrl } : {}),
    ...(tls ? { tls } : {}),
    token,
    async close() {
      await Promise.all(servers.map((s) => s.close()));
      registry.close();
    },
  };
}
