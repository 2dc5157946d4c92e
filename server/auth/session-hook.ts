/**
 * The onRequest hook of every `/services/data/vNN.N/...` route: checks the version segment,
 * authenticates `Authorization: Bearer <token>` (or the legacy `OAuth <token>`, which restforce
 * sends; reference/salesforce-api.md §5, §8), counts the call against the org's API usage and
 * decorates the request with org, session and apiVersion.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { invalidSession, notFound } from '../../src/errors/codes.ts';
import { findCursor } from '../../src/soql/locators.ts';
import type { Episode } from '../../src/org/episode.ts';
import type { Org } from '../../src/org/index.ts';
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

/** A sub-request list entry of a composite or batch body. */
type SubRequest = { method?: unknown; url?: unknown };

/**
 * Whether a request may write, so an episode that has not written yet must get its own connection
 * first (src/org/episode.ts): true, false, or 'body' when only the parsed body can tell (composite
 * and batch: read-only when every sub-request is a GET). Reads that travel as POST do not write:
 * parameterizedSearch, and SObject Collections retrieve (`POST /composite/sobjects/{sobject}` with
 * ids). Bulk 2.0 jobs keep their state on the org they were made in, so job routes always use the
 * episode's own org (a connection only: tables are copied when the job writes them).
 */
function mayWrite(req: FastifyRequest): boolean | 'body' {
  const route = req.routeOptions.url ?? req.url;
  if (route.includes('/jobs/')) return true;
  if (req.method === 'GET' || req.method === 'HEAD') return false;
  if (req.method !== 'POST') return true;
  if (route.endsWith('/parameterizedSearch') || route.endsWith('/composite/sobjects/:sobject')) return false;
  if (route.endsWith('/composite') || route.endsWith('/composite/batch')) return 'body';
  return true;
}

/** A composite or batch body writes unless all its sub-requests are GETs (outside Bulk jobs). */
function bodyMayWrite(body: unknown): boolean {
  if (body === null || typeof body !== 'object') return true;
  const b = body as { compositeRequest?: unknown; batchRequests?: unknown };
  const subs = Array.isArray(b.compositeRequest) ? b.compositeRequest : Array.isArray(b.batchRequests) ? b.batchRequests : undefined;
  if (!subs) return true;
  return subs.some((sub: SubRequest) => {
    const method = typeof sub?.method === 'string' ? sub.method.toUpperCase() : '';
    return (method !== 'GET' && method !== 'HEAD') || typeof sub.url !== 'string' || sub.url.includes('/jobs/');
  });
}

/** A query route's response (`/query`, `/queryAll`): its cursor, if the result has more pages. */
const QUERY_ROUTE = /\/query(?:All)?$/;
const LOCATOR_ROUTE = /\/query(?:All)?\/:locator$/;
const CURSOR_ID = /\/(01g[0-9A-Za-z]{15})-\d+$/;

/**
 * Cursors an episode opens before its first write live on its base (it reads the base then). Note
 * their Ids as the responses go out, so that after the first write their next pages are still read
 * from where they are held: Salesforce keeps a cursor's result as of the query, whatever is written
 * after (reference/salesforce-api.md §3.2).
 */
function noteCursors(reply: FastifyReply, episode: Episode): void {
  const send = reply.send.bind(reply);
  reply.send = (payload?: unknown) => {
    const next = payload && typeof payload === 'object' ? (payload as { nextRecordsUrl?: unknown }).nextRecordsUrl : undefined;
    const id = typeof next === 'string' ? CURSOR_ID.exec(next)?.[1] : undefined;
    if (id) episode.noteBaseCursor(id);
    return send(payload);
  };
}

export function sessionHook(registry: OrgRegistry) {
  // A callback hook (no promise per request); Fastify routes a synchronous throw to the error
  // handler exactly as it would a rejection.
  return function authenticate(req: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void): void {
    const version = (req.params as { version?: string } | undefined)?.version;
    const m = version === undefined ? undefined : VERSION_RE.exec(version);
    if (!m) throw notFound();
    const session = sessionFor(registry, req);
    if (!session) throw invalidSession();
    req.session = session;
    const episode = registry.get(session.orgKey)!.episode;
    const write = episode ? mayWrite(req) : true;
    if (write === 'body') {
      // Decided when a handler first asks for the org: by then Fastify has parsed the body.
      let org: Org | undefined;
      Object.defineProperty(req, 'org', {
        configurable: true,
        enumerable: true,
        get: () => (org ??= registry.orgForRequest(session.orgKey, req.body === undefined || bodyMayWrite(req.body))),
        set: (v: Org) => {
          org = v;
        },
      });
    } else if (episode?.materialized && req.method === 'GET' && LOCATOR_ROUTE.test(req.routeOptions.url ?? '')) {
      const locator = (req.params as { locator?: string }).locator ?? '';
      const id = /^(01g[0-9A-Za-z]{15})-/.exec(locator)?.[1];
      const own = registry.orgForRequest(session.orgKey, false);
      // Cursor Ids count per org, so the episode's own may repeat a base one's: its own comes first.
      req.org = id && episode.hasBaseCursor(id) && !findCursor(own, locator) ? episode.base : own;
    } else {
      req.org = registry.orgForRequest(session.orgKey, write);
      if (episode && !episode.materialized && req.method === 'GET' && (QUERY_ROUTE.test(req.routeOptions.url ?? '') || LOCATOR_ROUTE.test(req.routeOptions.url ?? ''))) noteCursors(reply, episode);
    }
    req.apiVersion = m[1]!;
    req.apiUsage = registry.countRequest(session.orgKey);
    done();
  };
}
