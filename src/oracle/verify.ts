/**
 * Proving a task file against its org: serve the org on a random local port (the real REST server),
 * log in, and run the oracle over HTTP. Used by `mockforce tasks --verify`.
 */
import { buildApp } from '../../server/app.ts';
import { OrgRegistry } from '../../server/org-registry.ts';
import { SalesforceClient } from '../agent/salesforce-client.ts';
import type { Org } from '../org/index.ts';
import type { TaskRecord } from '../tasks/types.ts';
import { runOracle, type OracleRun } from './run.ts';

export async function verifyOverHttp(org: Org, tasks: readonly TaskRecord[], opts: { concurrency?: number } = {}): Promise<OracleRun> {
  return withServedOrg(org, (api) => runOracle(api, tasks, { concurrency: opts.concurrency ?? 4 }));
}

/** Serve `org` on a random local port, log in as its API user, and run `fn` with that client. */
export async function withServedOrg<T>(org: Org, fn: (api: SalesforceClient) => Promise<T>): Promise<T> {
  const identity = org.loginIdentity();
  if (!identity) throw new Error('the org has no API user to log in as');
  const registry = new OrgRegistry();
  // The caller keeps ownership of the org: the registry must not close it.
  registry.register('verify', org, { owned: false });
  const app = await buildApp({ registry });
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const port = (app.server.address() as { port: number }).port;
    const api = await SalesforceClient.login({
      loginUrl: `http://127.0.0.1:${port}`,
      username: identity.username,
      password: identity.password + identity.securityToken,
    });
    return await fn(api);
  } finally {
    await app.close();
    registry.close();
  }
}
