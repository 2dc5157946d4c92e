/**
 * An app over a small in-memory org with a session, and a `call` helper that sends REST requests the
 * way clients do (Bearer token, JSON bodies), for the sobjects/describe/composite/limits HTTP tests.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { OrgRegistry } from '../../server/org-registry.ts';
import type { Org } from '../../src/org/index.ts';
import { makeTestOrg } from './test-org.ts';

export interface Harness {
  app: FastifyInstance;
  org: Org;
  token: string;
  userId: string;
  call: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; body: any; headers: Record<string, unknown>; text: string }>;
  close: () => Promise<void>;
}

export async function makeHarness(opts: { accounts?: number; version?: string } = {}): Promise<Harness> {
  const org = makeTestOrg({ accounts: opts.accounts ?? 0 });
  const registry = new OrgRegistry();
  registry.register('t', org);
  const userId = org.loginIdentity()!.userId;
  const token = registry.issueSession('t', userId).token;
  const app = await buildApp({ registry });
  const version = opts.version ?? '59.0';
  const call: Harness['call'] = async (method, path, body, headers = {}) => {
    const url = path.startsWith('/services/') ? path : `/services/data/v${version}${path}`;
    const res = await app.inject({
      method: method as 'GET',
      url,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    let parsed: unknown = undefined;
    if (res.body) {
      try {
        parsed = JSON.parse(res.body);
      } catch {
        parsed = res.body;
      }
    }
    return { status: res.statusCode, body: parsed, headers: res.headers, text: res.body };
  };
  return {
    app,
    org,
    token,
    userId,
    call,
    close: async () => {
      await app.close();
      registry.close();
    },
  };
}
