/**
 * The onRequest hook of every `/services/data/vNN.N/...` route: checks the version segment,
 * authenticates `Authorization: Bearer <token>` (or the legacy `OAuth <token>`, which restforce
 * sends; reference/salesforce-api.md §5, §8), counts the call against the org's API usage and
 * decorates the request with org, session and apiVersion.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { invalidSession, notFound } from '../../src/errors/codes.ts';
import type { OrgRegistry } from '../org-registry.ts';
import type { Session } from '../types.ts';

const VERSION_RE = /^v(\d{1,3}\.\d)$/;

/** The token from an Authorization header (`Bearer x` / `OAuth x`), if any. */
export function bearerToken(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (typeof h !== 'string') return undefined;
  const m = /^\s*(?:Bearer|OAuth)\s+(\S+)\s*$/i.exec(h);
  return m?.[1];
}

export function sessionFor(registry: OrgRegistry, req: FastifyRequest): Session | undefined {
  const token = bearerToken(req);
  if (!token) return undefined;
  const session = registry.session(token);
  if (!session || !registry.get(session.orgKey)) return undefined;
  return session;
}

/**
 * Whether a request may write, so an episode that has not written yet must get its own copy first
 * (src/org/episode.ts). GET/HEAD never write; Bulk 2 jobs keep their state on the org they were
 * made in, so job routes always use the episode's own copy. parameterizedSearch is a POST that reads.
 */
function mayWrite(req: FastifyRequest): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return !/\/parameterizedSearch\/?(?:\?|$)/.test(req.url);
  return req.url.includes('/jobs/');
}

export function sessionHook(registry: OrgRegistry) {
  // A callback hook (no promise per request); Fastify routes a synchronous throw to the error
  // handler exactly as it would a rejection.
  return function authenticate(req: FastifyRequest, _reply: FastifyReply, done: (err?: Error) => void): void {
    const version = (req.params as { version?: string } | undefined)?.version;
    const m = version === undefined ? undefined : VERSION_RE.exec(version);
    if (!m) throw notFound();
    const session = sessionFor(registry, req);
    if (!session) throw invalidSession();
    req.session = session;
    req.org = registry.orgForRequest(session.orgKey, mayWrite(req));
    req.apiVersion = m[1]!;
    req.apiUsage = registry.countRequest(session.orgKey);
    done();
  };
}
