/**
 * Request decorations every route plugin under `/services/data/:version` can rely on: the auth hook
 * in app.ts sets them before any handler runs.
 */
import type { Org } from '../src/org/index.ts';

export interface Session {
  token: string;
  orgKey: string;
  userId: string;
}

/** What the Sforce-Limit-Info header and `/limits` report for the request's org. */
export interface ApiUsage {
  used: number;
  limit: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    org: Org;
    session: Session;
    /** '59.0', from the :version path parameter 'v59.0'. */
    apiVersion: string;
    /** API requests counted so far for this org (this request included). */
    apiUsage: ApiUsage;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The registry this app serves: sessions → orgs. */
    registry: import('./org-registry.ts').OrgRegistry;
  }
}
