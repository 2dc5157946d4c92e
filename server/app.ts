/**
 * buildApp: the Salesforce REST/SOAP surface as a Fastify instance. Only the CLI calls listen(); tests
 * use app.inject(). One error handler renders SalesforceError as Salesforce's JSON array; anything
 * unexpected is logged and becomes a 500 UNKNOWN_EXCEPTION array (never Fastify's own shapes).
 */
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { methodNotAllowed, notFound, unknownException } from '../src/errors/codes.ts';
import { SalesforceError, isSalesforceError } from '../src/errors/salesforce-error.ts';
import { identityRoutes } from './auth/identity.ts';
import { oauthRoutes } from './auth/oauth.ts';
import { sessionFor, sessionHook } from './auth/session-hook.ts';
import { clientErrorHandler } from './client-error.ts';
import { soapLoginRoutes } from './auth/soap-login.ts';
import { registerBodyParsers } from './body-parsers.ts';
import type { OrgRegistry } from './org-registry.ts';
import { JSON_TYPE, limitInfo, sendError, wantsPrettyPrint } from './reply.ts';
import { RouteTable } from './route-table.ts';
import { compositeRoutes } from './routes/composite.ts';
import { episodeRoutes } from './routes/episodes.ts';
import { limitsRoutes } from './routes/limits.ts';
import { bulk2QueryRoutes } from './routes/bulk2-query.ts';
import { bulk2IngestRoutes } from './routes/bulk2-ingest.ts';
import { bulkV1Routes } from './routes/bulk-v1.ts';
import { queryRoutes } from './routes/query.ts';
import { recentRoutes } from './routes/recent.ts';
import { searchRoutes } from './routes/search.ts';
import { sobjectsRoutes } from './routes/sobjects.ts';
import { layoutRoutes } from './routes/layouts.ts';
import { listViewRoutes } from './routes/listviews.ts';
import { tabsRoutes } from './routes/tabs.ts';
import { resourcesRoutes, versionsRoutes } from './routes/versions.ts';
import './types.ts';

export interface AppOptions {
  registry: OrgRegistry;
  /** Fastify's pino logger (off by default; the CLI logs errors: `{ level: 'error' }`). */
  logger?: boolean | { level: string };
  /** Serve HTTPS with this key and certificate (PEM). */
  https?: { key: string; cert: string };
  /** Largest accepted request body in bytes (default 50 MB, above Salesforce's JSON limits). */
  bodyLimit?: number;
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { registry } = opts;
  const app = Fastify({
    logger: opts.logger ?? false,
    ...(opts.https ? { https: opts.https } : {}),
    bodyLimit: opts.bodyLimit ?? 50 * 1024 * 1024,
    // simple-salesforce adds trailing slashes, jsforce does not (§0.2); external Ids and locators
    // can be long.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 16384 },
    // The sf CLI stores an access-token login's instance URL with a trailing slash
    // (`http://host:port/`), so its jsforce then asks for `//services/data/...` (seen with
    // @salesforce/cli 2.x); Salesforce serves those. Collapsing the path's repeated slashes before
    // routing keeps req.url canonical for every hook too (SOAP endpoint, body parsers).
    rewriteUrl: (req) => collapseSlashes(req.url ?? '/'),
    // Undecodable paths (`%zz`) and over-long segments: no such resource, as a Salesforce array
    // rather than Fastify's own error object.
    frameworkErrors: (_err, req, reply) => {
      // Sent before routing, so the onSend hook below does not run: add its header here.
      const usage = usageWithoutCounting(req as FastifyRequest);
      if (usage) reply.header('Sforce-Limit-Info', limitInfo(usage.used, usage.limit));
      sendError(reply as FastifyReply, notFound());
    },
    // Request lines or headers over Node's limit (431) and other parser errors: a Salesforce array.
    clientErrorHandler,
    // Keep-alive clients (jsforce's undici pool, benchmarks) must not see sockets closed under them.
    keepAliveTimeout: 65_000,
    forceCloseConnections: true,
  }) as unknown as FastifyInstance;

  app.decorate('registry', registry);
  app.decorateRequest('org', null as never);
  app.decorateRequest('session', null as never);
  app.decorateRequest('apiVersion', '');
  app.decorateRequest('apiUsage', null as never);

  const routes = new RouteTable();
  routes.attach(app);
  registerBodyParsers(app);

  app.setErrorHandler((err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) => {
    return sendError(reply, toSalesforceError(err, req));
  });

  app.setNotFoundHandler((req, reply) => {
    const allowed = routes.allowedMethods(req.url);
    if (allowed && !allowed.includes(req.method)) return sendError(reply, methodNotAllowed(req.method, allowed));
    return sendError(reply, notFound());
  });

  // X-PrettyPrint (simple-salesforce sends it on every call): an object payload is serialised
  // indented once here, rather than compact by Fastify and then parsed and re-indented in onSend.
  const indentedByUs = new WeakSet<FastifyReply>();
  app.addHook('preSerialization', (req, reply, payload, done) => {
    if (wantsPrettyPrint(req)) {
      const type = reply.getHeader('content-type');
      if (typeof type === 'string' && type.startsWith('application/json')) {
        reply.serializer(indentJson);
        indentedByUs.add(reply);
      }
    }
    done(null, payload);
  });

  // A callback hook rather than an async one: no promise and microtask per response.
  app.addHook('onSend', (req, reply, payload: unknown, done) => {
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && type.startsWith('application/json')) {
      reply.header('content-type', JSON_TYPE);
      // Strings sent as they are by a route (pre-serialised JSON) still get indented here.
      if (wantsPrettyPrint(req) && typeof payload === 'string' && payload.length > 0 && !indentedByUs.has(reply)) {
        try {
          payload = JSON.stringify(JSON.parse(payload), null, 2);
        } catch {
          // not JSON after all: send as is
        }
      }
    }
    if (!reply.hasHeader('sforce-limit-info')) {
      const usage = req.apiUsage ?? usageWithoutCounting(req);
      if (usage) reply.header('Sforce-Limit-Info', limitInfo(usage.used, usage.limit));
    }
    done(null, payload);
  });

  function usageWithoutCounting(req: FastifyRequest) {
    const s = sessionFor(registry, req);
    if (s) return registry.usage(s.orgKey);
    const d = registry.defaultEntry();
    return d ? registry.usage(d.key) : undefined;
  }

  await app.register(soapLoginRoutes);
  await app.register(oauthRoutes);
  await app.register(identityRoutes);
  await app.register(versionsRoutes);
  await app.register(episodeRoutes);
  // Bulk API 1.0 authenticates with X-SFDC-Session, outside the REST session hook.
  await app.register(bulkV1Routes(registry), { prefix: '/services/async/:version' });
  await app.register(
    async (api) => {
      api.addHook('onRequest', sessionHook(registry));
      await api.register(resourcesRoutes);
      await api.register(queryRoutes);
      await api.register(recentRoutes);
      await api.register(searchRoutes);
      await api.register(sobjectsRoutes);
      await api.register(layoutRoutes);
      await api.register(listViewRoutes);
      await api.register(tabsRoutes);
      await api.register(compositeRoutes);
      await api.register(limitsRoutes);
      await api.register(bulk2QueryRoutes);
      await api.register(bulk2IngestRoutes);
    },
    { prefix: '/services/data/:version' },
  );
  return app;
}

/** Anything a handler or Fastify itself threw, as the SalesforceError the client will see. */
function toSalesforceError(err: FastifyError | Error, req: FastifyRequest): SalesforceError {
  if (isSalesforceError(err)) return err;
  const status = (err as FastifyError).statusCode;
  const code = (err as FastifyError).code;
  if (typeof code === 'string' && code.startsWith('Z_')) {
    // zlib could not inflate a Content-Encoding: gzip/deflate body.
    return new SalesforceError('JSON_PARSER_ERROR', `The request body could not be decompressed: ${err.message}`, 400);
  }
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return new SalesforceError('JSON_PARSER_ERROR', 'Request body exceeds the maximum size', 413);
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Framework-level client errors (bad URL encoding, aborted bodies...): still an error array.
    return new SalesforceError(status === 404 ? 'NOT_FOUND' : 'INVALID_REQUEST', status === 404 ? 'The requested resource does not exist' : err.message, status);
  }
  req.log.error({ err }, 'unexpected error');
  return unknownException();
}

function indentJson(payload: unknown): string {
  return JSON.stringify(payload, null, 2);
}

/** `//services//data/?q=a//b` → `/services/data/?q=a//b`: only the path, never the query string. */
export function collapseSlashes(url: string): string {
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  if (!path.includes('//')) return url;
  return path.replace(/\/{2,}/g, '/') + (q === -1 ? '' : url.slice(q));
}
