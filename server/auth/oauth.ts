/**
 * OAuth 2.0 endpoints (reference/salesforce-api.md §1.2): `POST /services/oauth2/token` with the
 * password, refresh_token, client_credentials and authorization_code grants (the code from an
 * auto-approving `/services/oauth2/authorize`), `/services/oauth2/revoke`, and
 * `/services/oauth2/userinfo` (which the sf CLI's `org login access-token` reads, §9), plus the
 * JWT bearer grant simple-salesforce uses with a private key. mockforce has
 * no connected apps, so any client_id/client_secret is accepted; credentials are the org's API user.
 * Errors are OAuth's `{error, error_description}` objects with HTTP 400, not REST arrays.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OrgEntry } from '../org-registry.ts';
import { JSON_TYPE } from '../reply.ts';
import { userInfoBody } from './identity.ts';
import { bearerToken } from './session-hook.ts';
import { identityUrl, instanceUrl } from './urls.ts';

/** Signs `id + issued_at` like Salesforce's `signature`; per process, clients never verify it. */
const SIGNING_KEY = randomBytes(32);

type Form = Record<string, string | undefined>;

function oauthError(reply: FastifyReply, status: number, error: string, description: string): FastifyReply {
  return reply.code(status).type(JSON_TYPE).send({ error, error_description: description });
}

function formOf(req: FastifyRequest): Form {
  const out: Form = {};
  // Salesforce reads the token endpoint's parameters as a form, whatever the Content-Type says.
  const body = typeof req.body === 'string' ? Object.fromEntries(new URLSearchParams(req.body)) : req.body;
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) if (typeof v === 'string') out[k] = v;
  }
  // Salesforce also reads the parameters from the query string of the POST.
  for (const [k, v] of Object.entries((req.query ?? {}) as Record<string, unknown>)) {
    if (out[k] === undefined && typeof v === 'string') out[k] = v;
  }
  return out;
}

export async function oauthRoutes(app: FastifyInstance): Promise<void> {
  const registry = app.registry;

  function tokenResponse(req: FastifyRequest, entry: OrgEntry, userId: string, extra: Record<string, string> = {}, grantedBy?: string) {
    const session = registry.issueSession(entry.key, userId, undefined, grantedBy ?? extra.refresh_token);
    const id = identityUrl(req, entry.org.organizationId, userId);
    const issuedAt = String(entry.org.clock.now().getTime());
    return {
      access_token: session.token,
      ...extra,
      signature: createHmac('sha256', SIGNING_KEY).update(id + issuedAt).digest('base64'),
      scope: 'api web full refresh_token',
      instance_url: instanceUrl(req),
      id,
      token_type: 'Bearer',
      issued_at: issuedAt,
    };
  }

  app.post('/services/oauth2/token', async (req, reply) => {
    const form = formOf(req);
    switch (form.grant_type) {
      case 'password': {
        const auth = form.username !== undefined && form.password !== undefined ? registry.authenticate(form.username, form.password) : undefined;
        if (!auth) return oauthError(reply, 400, 'invalid_grant', 'authentication failure');
        return reply.type(JSON_TYPE).send(tokenResponse(req, auth.entry, auth.identity.userId));
      }
      case 'refresh_token': {
        const grant = form.refresh_token ? registry.refreshGrant(form.refresh_token) : undefined;
        const entry = grant && registry.get(grant.orgKey);
        if (!grant || !entry) return oauthError(reply, 400, 'invalid_grant', 'expired access/refresh token');
        return reply.type(JSON_TYPE).send(tokenResponse(req, entry, grant.userId, {}, form.refresh_token));
      }
      case 'client_credentials': {
        // The flow runs as the connected app's "run as" user: here, the default org's API user.
        const entry = registry.defaultEntry();
        const identity = entry?.org.loginIdentity();
        if (!entry || !identity) return oauthError(reply, 400, 'invalid_grant', 'no client credentials user enabled');
        return reply.type(JSON_TYPE).send(tokenResponse(req, entry, identity.userId));
      }
      case 'authorization_code': {
        // The web-server flow: the code minted by /services/oauth2/authorize, used once.
        const grant = form.code ? codes.get(form.code) : undefined;
        if (form.code) codes.delete(form.code);
        const entry = grant && registry.get(grant.orgKey);
        if (!grant || !entry || (grant.redirectUri && form.redirect_uri !== undefined && form.redirect_uri !== grant.redirectUri)) {
          return oauthError(reply, 400, 'invalid_grant', 'invalid authorization code');
        }
        const refresh = registry.issueRefreshToken(entry.key, grant.userId);
        return reply.type(JSON_TYPE).send(tokenResponse(req, entry, grant.userId, { refresh_token: refresh }));
      }
      case 'urn:ietf:params:oauth:grant-type:jwt-bearer': {
        // simple-salesforce's privatekey login. mockforce holds no connected-app certificate, so the
        // signature is not checked; the assertion must still be a JWT naming a known user in `sub`.
        const sub = jwtSubject(form.assertion);
        const auth = sub === undefined ? undefined : registry.findUser(sub);
        if (!auth) return oauthError(reply, 400, 'invalid_grant', 'invalid assertion');
        return reply.type(JSON_TYPE).send(tokenResponse(req, auth.entry, auth.identity.userId));
      }
      case undefined:
      case '':
        return oauthError(reply, 400, 'unsupported_grant_type', 'grant type not supported');
      default:
        return oauthError(reply, 400, 'unsupported_grant_type', 'grant type not supported');
    }
  });

  /**
   * `GET /services/oauth2/authorize` (web-server and user-agent flows, e.g. jsforce
   * getAuthorizationUrl, `sf org login web`): there is no login page in a mock, so the default
   * org's API user approves at once and the browser is redirected with the code (or, for
   * response_type=token, the token in the fragment).
   */
  const codes = new Map<string, { orgKey: string; userId: string; redirectUri?: string }>();
  app.get('/services/oauth2/authorize', async (req, reply) => {
    const form = formOf(req);
    const redirect = form.redirect_uri;
    if (!form.client_id || !redirect || !/^[a-z][a-z0-9+.-]*:/i.test(redirect)) {
      return reply.code(400).type('text/plain;charset=UTF-8').send('error=redirect_uri_mismatch&error_description=redirect_uri must match configuration');
    }
    const entry = registry.defaultEntry();
    const identity = entry?.org.loginIdentity();
    const state: Record<string, string> = form.state !== undefined ? { state: form.state } : {};
    const target = new URL(redirect);
    if (!entry || !identity) {
      target.searchParams.set('error', 'access_denied');
      target.searchParams.set('error_description', 'end-user denied authorization');
      return reply.redirect(target.toString(), 302);
    }
    if (form.response_type === 'token') {
      const body = tokenResponse(req, entry, identity.userId);
      target.hash = new URLSearchParams({ ...body, ...state }).toString();
      return reply.redirect(target.toString(), 302);
    }
    if (form.response_type !== 'code') {
      target.searchParams.set('error', 'unsupported_response_type');
      target.searchParams.set('error_description', 'response type not supported');
      return reply.redirect(target.toString(), 302);
    }
    const code = `aPrx${randomBytes(36).toString('base64url').replace(/[-_]/g, '')}`;
    // Unused codes are dropped oldest-first beyond a bound (Salesforce expires them after 15 min).
    if (codes.size >= 10_000) codes.delete(codes.keys().next().value as string);
    codes.set(code, { orgKey: entry.key, userId: identity.userId, redirectUri: redirect });
    target.searchParams.set('code', code);
    if (form.state !== undefined) target.searchParams.set('state', form.state);
    return reply.redirect(target.toString(), 302);
  });

  const revoke = async (req: FastifyRequest, reply: FastifyReply) => {
    const token = formOf(req).token;
    if (!token || !registry.revoke(token)) return oauthError(reply, 400, 'unsupported_token_type', 'this token type is not supported');
    return reply.code(200).send();
  };
  app.post('/services/oauth2/revoke', revoke);
  app.get('/services/oauth2/revoke', revoke);

  const userinfo = async (req: FastifyRequest, reply: FastifyReply) => {
    const token = bearerToken(req) ?? formOf(req).access_token ?? formOf(req).oauth_token;
    const session = token ? registry.session(token) : undefined;
    const entry = session && registry.get(session.orgKey);
    if (!session || !entry) return reply.code(403).type('text/plain;charset=UTF-8').send('Bad_OAuth_Token');
    // Reads only: an unwritten episode answers from its base (no copy of its own).
    return reply.type(JSON_TYPE).send(userInfoBody(req, registry.orgForRequest(entry.key, false), session.userId));
  };
  app.get('/services/oauth2/userinfo', userinfo);
  app.post('/services/oauth2/userinfo', userinfo);
}

/** The `sub` claim of a compact JWT, or undefined when it is not one. */
function jwtSubject(assertion: string | undefined): string | undefined {
  const parts = assertion?.split('.');
  if (!parts || parts.length !== 3) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as { sub?: unknown };
    return typeof payload.sub === 'string' ? payload.sub : undefined;
  } catch {
    return undefined;
  }
}
