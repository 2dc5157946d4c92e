/**
 * The identity URL `GET /id/{orgId}/{userId}` (jsforce `identity()`, §1.7) and the OpenID Connect
 * userinfo body (`/services/oauth2/userinfo`, read by the sf CLI, §9). Field sets follow
 * Salesforce's identity-URL and userinfo documentation; `{version}` placeholders are Salesforce's.
 * A bad token answers 403 `Bad_OAuth_Token` in plain text, as Salesforce's identity service does.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Org } from '../../src/org/index.ts';
import { datetimeToWire } from '../../src/org/index.ts';
import { JSON_TYPE } from '../reply.ts';
import { bearerToken } from './session-hook.ts';
import { identityUrl, instanceUrl } from './urls.ts';
import { userProfile } from './user-profile.ts';

function urls(req: FastifyRequest, orgId: string, userId: string): Record<string, string> {
  const base = instanceUrl(req);
  const org15 = orgId.slice(0, 15);
  return {
    enterprise: `${base}/services/Soap/c/{version}/${org15}`,
    metadata: `${base}/services/Soap/m/{version}/${org15}`,
    partner: `${base}/services/Soap/u/{version}/${org15}`,
    rest: `${base}/services/data/v{version}/`,
    sobjects: `${base}/services/data/v{version}/sobjects/`,
    search: `${base}/services/data/v{version}/search/`,
    query: `${base}/services/data/v{version}/query/`,
    recent: `${base}/services/data/v{version}/recent/`,
    tooling_soap: `${base}/services/Soap/T/{version}/${org15}`,
    tooling_rest: `${base}/services/data/v{version}/tooling/`,
    profile: `${base}/${userId}`,
    feeds: `${base}/services/data/v{version}/chatter/feeds`,
    groups: `${base}/services/data/v{version}/chatter/groups`,
    users: `${base}/services/data/v{version}/chatter/users`,
    feed_items: `${base}/services/data/v{version}/chatter/feed-items`,
    feed_elements: `${base}/services/data/v{version}/chatter/feed-elements`,
    custom_domain: base,
  };
}

function lastModified(p: { lastModifiedDate: string | null }): string | null {
  if (!p.lastModifiedDate) return null;
  try {
    return datetimeToWire(p.lastModifiedDate);
  } catch {
    return p.lastModifiedDate;
  }
}

/**
 * What the identity URL and userinfo both say of a user. The two bodies name most of these
 * differently (OpenID Connect's claim names in userinfo), so each body spells out its own keys;
 * `account` is the run of keys both share verbatim, in Salesforce's order.
 */
function userFacts(req: FastifyRequest, org: Org, userId: string) {
  const orgId = org.organizationId;
  const p = userProfile(org, userId);
  const base = instanceUrl(req);
  const picture = `${base}/img/userprofile/default_profile_200_v2.png`;
  return {
    p,
    base,
    picture,
    id: identityUrl(req, orgId, userId),
    ids: { user_id: userId, organization_id: orgId },
    nickname: p.username.split('@')[0],
    photos: { picture, thumbnail: `${base}/img/userprofile/default_profile_45_v2.png` },
    account: {
      urls: urls(req, orgId, userId),
      active: p.active,
      user_type: p.userType.toUpperCase(),
      language: p.language,
      locale: p.locale,
      utcOffset: 0,
    },
    lastModified: lastModified(p),
  };
}

export function identityBody(req: FastifyRequest, org: Org, userId: string): Record<string, unknown> {
  const u = userFacts(req, org, userId);
  return {
    id: u.id,
    asserted_user: true,
    ...u.ids,
    username: u.p.username,
    nick_name: u.nickname,
    display_name: u.p.fullName,
    email: u.p.email,
    email_verified: true,
    first_name: u.p.firstName,
    last_name: u.p.lastName,
    timezone: u.p.timeZone,
    photos: u.photos,
    addr_street: null,
    addr_city: null,
    addr_state: null,
    addr_country: null,
    addr_zip: null,
    mobile_phone: null,
    mobile_phone_verified: false,
    is_lightning_login_user: false,
    status: { created_date: null, body: null },
    ...u.account,
    last_modified_date: u.lastModified,
    is_app_installed: true,
  };
}

export function userInfoBody(req: FastifyRequest, org: Org, userId: string): Record<string, unknown> {
  const u = userFacts(req, org, userId);
  return {
    sub: u.id,
    ...u.ids,
    preferred_username: u.p.username,
    nickname: u.nickname,
    name: u.p.fullName,
    email: u.p.email,
    email_verified: true,
    given_name: u.p.firstName,
    family_name: u.p.lastName,
    zoneinfo: u.p.timeZone,
    photos: u.photos,
    profile: `${u.base}/${userId}`,
    picture: u.picture,
    address: {},
    is_salesforce_integration_user: false,
    ...u.account,
    updated_at: u.lastModified,
    is_app_installed: true,
  };
}

export async function identityRoutes(app: FastifyInstance): Promise<void> {
  const registry = app.registry;
  const handler = async (req: FastifyRequest<{ Params: { org: string; user: string }; Querystring: Record<string, string> }>, reply: FastifyReply) => {
    // jsforce sends `?format=json&oauth_token=...` besides the Authorization header (§1.7).
    const q = req.query ?? {};
    const token = bearerToken(req) ?? (typeof q.oauth_token === 'string' ? q.oauth_token : undefined);
    const session = token ? registry.session(token) : undefined;
    const entry = session && registry.get(session.orgKey);
    if (!session || !entry) return reply.code(403).type('text/plain;charset=UTF-8').send('Bad_OAuth_Token');
    // Reads only: an episode that has not written answers from its base without a copy of its own.
    const org = registry.orgForRequest(entry.key, false);
    const { org: orgParam, user } = req.params;
    // The path must name this session's org; either Id form is accepted, as everywhere in the API.
    if (orgParam.slice(0, 15) !== org.organizationId.slice(0, 15) || user.slice(0, 15) !== session.userId.slice(0, 15)) {
      return reply.code(403).type('text/plain;charset=UTF-8').send('Bad_Id');
    }
    return reply.type(JSON_TYPE).send(identityBody(req, org, session.userId));
  };
  app.get('/id/:org/:user', handler);
  app.post('/id/:org/:user', handler);
}
