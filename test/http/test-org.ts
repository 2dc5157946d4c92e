/**
 * A small org for HTTP and end-to-end tests: an API user with known credentials and `accounts`
 * Accounts (person-style, as in the CRMArena schema), so tests do not depend on the seed generator.
 */
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
