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

export function identityBody(req: FastifyRequest, org: Org, userId: string): Record<string, unknown> {
  const orgId = org.organizationId;
  const p = userProfile(org, userId);
  return {
    id: identityUrl(req, orgId, userId),
    asserted_user: true,
    user_id: userId,
    organization_id: orgId,
    username: p.username,
    nick_name: p.username.split('@')[0],
    display_name: p.fullName,
    email: p.email,
    email_verified: true,
    first_name: p.firstName,
    last_name: p.lastName,
    timezone: p.timeZone,
    photos: { picture: `${instanceUrl(req)}/img/userprofile/default_profile_200_v2.png`, thumbnail: `${instanceUrl(req)}/img/userprofile/default_profile_45_v2.png` },
    addr_street: null,
    addr_city: null,
    addr_state: null,
    addr_country: null,
    addr_zip: null,
    mobile_phone: null,
    mobile_phone_verified: false,
    is_lightning_login_user: false,
    status: { created_date: null, body: null },
    urls: urls(req, orgId, userId),
    active: p.active,
    user_type: p.userType.toUpperCase(),
    language: p.language,
    locale: p.locale,
    utcOffset: 0,
    last_modified_date: lastModified(p),
    is_app_installed: true,
  };
}

export function userInfoBody(req: FastifyRequest, org: Org, userId: string): Record<string, unknown> {
  const orgId = org.organizationId;
  const p = userProfile(org, userId);
  return {
    sub: identityUrl(req, orgId, userId),
    user_id: userId,
    organization_id: orgId,
    preferred_username: p.username,
    nickname: p.username.split('@')[0],
    name: p.fullName,
    email: p.email,
    email_verified: true,
    given_name: p.firstName,
    family_name: p.lastName,
    zoneinfo: p.timeZone,
    photos: { picture: `${instanceUrl(req)}/img/userprofile/default_profile_200_v2.png`, thumbnail: `${instanceUrl(req)}/img/userprofile/default_profile_45_v2.png` },
    profile: `${instanceUrl(req)}/${userId}`,
    picture: `${instanceUrl(req)}/img/userprofile/default_profile_200_v2.png`,
    address: {},
    is_salesforce_integration_user: false,
    urls: urls(req, orgId, userId),
    active: p.active,
    user_type: p.userType.toUpperCase(),
    language: p.language,
    locale: p.locale,
    utcOffset: 0,
    updated_at: lastModified(p),
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
    const org = entry.org;
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
