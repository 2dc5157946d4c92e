/**
 * A small org for HTTP and end-to-end tests: an API user with known credentials and `accounts`
 * Accounts (person-style, as in the CRMArena schema), so tests do not depend on the seed generator.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { OrgRegistry } from '../../server/org-registry.ts';
import { Org } from '../../src/org/index.ts';

export const TEST_LOGIN = { username: 'admin@test.mockforce.dev', password: 'Passw0rd!', securityToken: 'SECTOKEN123' };

export function makeTestOrg(opts: { file?: string; accounts?: number; now?: string } = {}): Org {
  const org = Org.create(opts.file ?? ':memory:', { now: opts.now ?? '2024-06-01T12:00:00.000Z' });
  org.store.transaction(() => {
    const userId = org.store.insert('User', {
      Username: TEST_LOGIN.username,
      FirstName: 'Test',
      LastName: 'Admin',
      Alias: 'tadmin',
      Email: 'admin@test.mockforce.dev',
      LanguageLocaleKey: 'en_US',
      EmailEncodingKey: 'UTF-8',
      TimeZoneSidKey: 'America/Los_Angeles',
      LocaleSidKey: 'en_US',
    });
    org.setLoginIdentity({ userId, ...TEST_LOGIN });
    const n = opts.accounts ?? 25;
    for (let i = 1; i <= n; i++) {
      org.store.insert('Account', { FirstName: `First${i}`, LastName: `Last${String(i).padStart(4, '0')}`, ShippingState: i % 2 ? 'CA' : 'NY' });
    }
  });
  return org;
}

/** A test org registered as 'default' in its own registry, an app over it, and a session of its API user. */
export interface TestApp {
  app: FastifyInstance;
  registry: OrgRegistry;
  org: Org;
  token: string;
  auth: { authorization: string };
  close(): Promise<void>;
}

export async function startTestApp(opts: { accounts?: number } = {}): Promise<TestApp> {
  const registry = new OrgRegistry();
  const org = makeTestOrg(opts);
  registry.register('default', org);
  const token = registry.issueSession('default', org.loginIdentity()!.userId).token;
  const app = await buildApp({ registry });
  return {
    app,
    registry,
    org,
    token,
    auth: { authorization: `Bearer ${token}` },
    async close() {
      await app.close();
      registry.close();
    },
  };
}
