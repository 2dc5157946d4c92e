/**
 * Where an evaluation's agents find the org. Either an external server (any Salesforce-compatible
 * URL, with a session token or a username/password login), or a mockforce server started in this
 * process on a free localhost port, so a plain `npm run eval` needs nothing else running. Agents talk
 * HTTP in both cases.
 *
 * Isolation: the CRMArena strategies only read (SOQL, SOSL, read-only tools), so episodes share the
 * org by default. With `isolate`, each episode gets its own clone from the server's org registry and
 * it is dropped afterwards (in-process servers only: a remote server's registry is not ours to use).
 */
import type { FastifyInstance } from 'fastify';
import { SalesforceClient, type SalesforceApi } from '../agent/salesforce-client.ts';
import type { EpisodeDiff } from '../org/episode-diff.ts';
import type { Org } from '../org/index.ts';

export interface OrgLease {
  api: SalesforceApi;
  /**
   * What the episode changed in its own org (per object: created / updated field before → after /
   * deleted Ids), for state-based grading; only an isolated in-process lease has its own org to diff.
   */
  changes?(): EpisodeDiff;
  release(): void;
}

/** The lease's changes when it has any (an empty diff, or no isolated org, gives undefined). */
export function leaseChanges(lease: OrgLease): EpisodeDiff | undefined {
  const diff = lease.changes?.();
  return diff && Object.keys(diff).length > 0 ? diff : undefined;
}

export interface OrgEndpoint {
  /** Base URL the agents call (for the report and for the oracle). */
  url: string;
  /** A session token for the shared org. */
  token: string;
  lease(): Promise<OrgLease>;
  close(): Promise<void>;
}

export interface RemoteOptions {
  instanceUrl: string;
  accessToken?: string;
  username?: string;
  password?: string;
  loginUrl?: string;
  apiVersion?: string;
}

export async function remoteEndpoint(o: RemoteOptions): Promise<OrgEndpoint> {
  const client = o.accessToken
    ? SalesforceClient.withSession({ instanceUrl: o.instanceUrl, accessToken: o.accessToken }, o.apiVersion)
    : await SalesforceClient.login({ loginUrl: o.loginUrl ?? o.instanceUrl, username: o.username ?? '', password: o.password ?? '' }, o.apiVersion);
  return {
    url: client.instanceUrl,
    token: client.accessToken,
    lease: async () => ({ api: client, release: () => {} }),
    close: async () => {},
  };
}

/** A mockforce server on 127.0.0.1 serving `org` (which it closes on `close()`). */
export async function inProcessEndpoint(org: Org, opts: { isolate?: boolean; apiVersion?: string } = {}): Promise<OrgEndpoint> {
  const [{ buildApp }, { OrgRegistry }] = await Promise.all([import('../../server/app.ts'), import('../../server/org-registry.ts')]);
  const registry = new OrgRegistry();
  registry.register('default', org);
  const identity = org.loginIdentity();
  if (!identity) throw new Error('the org has no API user (login identity); regenerate it with `mockforce seed`');
  const app: FastifyInstance = await buildApp({ registry });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const token = registry.issueSession('default', identity.userId).token;
  const shared = SalesforceClient.withSession({ instanceUrl: url, accessToken: token }, opts.apiVersion);
  return {
    url,
    token,
    async lease() {
      if (!opts.isolate) return { api: shared, release: () => {} };
      const { entry, token: t } = registry.cloneForEpisode('default');
      return {
        api: SalesforceClient.withSession({ instanceUrl: url, accessToken: t }, opts.apiVersion),
        changes: () => registry.episodeDiff(entry.key),
        release: () => registry.drop(entry.key),
      };
    },
    async close() {
      await app.close();
      registry.close();
    },
  };
}
