import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { OrgRegistry } from '../../server/org-registry.ts';
import { makeTestOrg, TEST_LOGIN } from './test-org.ts';

const TOKEN_RE = /^(00D\w{12,15})![.\w]*$/; // the sf CLI's accessTokenRegex (reference §0.8)
const FAULT =
  '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sf="urn:fault.partner.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body><soapenv:Fault><faultcode>INVALID_LOGIN</faultcode><faultstring>INVALID_LOGIN: Invalid username, password, security token; or user locked out.</faultstring><detail><sf:LoginFault xsi:type="sf:LoginFault"><sf:exceptionCode>INVALID_LOGIN</sf:exceptionCode><sf:exceptionMessage>Invalid username, password, security token; or user locked out.</sf:exceptionMessage></sf:LoginFault></detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>';

const jsforceBody = (u: string, p: string) =>
  `<se:Envelope xmlns:se="http://schemas.xmlsoap.org/soap/envelope/"><se:Header/><se:Body><login xmlns="urn:partner.soap.sforce.com"><username>${u}</username><password>${p}</password></login></se:Body></se:Envelope>`;
const ssfBody = (u: string, p: string) =>
  `<?xml version="1.0" encoding="utf-8" ?><env:Envelope xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:env="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:partner.soap.sforce.com"><env:Header><urn:CallOptions><urn:client>simple-salesforce</urn:client><urn:defaultNamespace>sf</urn:defaultNamespace></urn:CallOptions></env:Header><env:Body><n1:login xmlns:n1="urn:partner.soap.sforce.com"><n1:username>${u}</n1:username><n1:password>${p}</n1:password></n1:login></env:Body></env:Envelope>`;

let app: FastifyInstance;
let registry: OrgRegistry;
let orgId: string;
let userId: string;

beforeAll(async () => {
  registry = new OrgRegistry();
  const org = makeTestOrg({ accounts: 3 });
  orgId = org.organizationId;
  userId = org.loginIdentity()!.userId;
  registry.register('default', org);
  app = await buildApp({ registry });
});
afterAll(async () => {
  await app.close();
  registry.close();
});

async function soapLogin(body: string, url = '/services/Soap/u/59.0') {
  return app.inject({ method: 'POST', url, headers: { 'content-type': 'text/xml', soapaction: '""', host: 'localhost:8080' }, payload: body });
}

describe('SOAP partner login', () => {
  it('logs in with jsforce’s envelope (password + security token)', async () => {
    const r = await soapLogin(jsforceBody(TEST_LOGIN.username, TEST_LOGIN.password + TEST_LOGIN.securityToken));
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/xml;charset=UTF-8');
    expect(r.body).toContain(`<serverUrl>http://localhost:8080/services/Soap/u/59.0/${orgId.slice(0, 15)}</serverUrl>`);
    expect(r.body).toContain(`<userId>${userId}</userId>`);
    expect(r.body).toContain(`<organizationId>${orgId}</organizationId>`);
    expect(r.body).toContain('<passwordExpired>false</passwordExpired>');
    expect(r.body).toContain(`<userName>${TEST_LOGIN.username}</userName>`);
    const token = /<sessionId>([^<]+)<\/sessionId>/.exec(r.body)![1]!;
    expect(token).toMatch(TOKEN_RE);
    const q = await app.inject({ url: '/services/data/v59.0/', headers: { authorization: `Bearer ${token}` } });
    expect(q.statusCode).toBe(200);
  });

  it('accepts simple-salesforce’s prefixed envelope, the password alone, any username case', async () => {
    const r = await soapLogin(ssfBody(TEST_LOGIN.username.toUpperCase(), TEST_LOGIN.password), '/services/Soap/u/42.0');
    expect(r.statusCode).toBe(200);
    expect(r.body).toMatch(/<serverUrl>http:\/\/localhost:8080\/services\/Soap\/u\/42\.0\//);
  });

  it('the enterprise endpoint (/services/Soap/c) logs in too, answering its own serverUrl', async () => {
    const r = await soapLogin(jsforceBody(TEST_LOGIN.username, TEST_LOGIN.password), '/services/Soap/c/59.0');
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain(`<serverUrl>http://localhost:8080/services/Soap/c/59.0/${orgId.slice(0, 15)}</serverUrl>`);
  });

  it('unescapes XML entities in the credentials', async () => {
    const r = await soapLogin(jsforceBody(TEST_LOGIN.username, 'Passw0rd&#33;'));
    expect(r.statusCode).toBe(200);
  });

  it('answers a wrong password with the INVALID_LOGIN fault, HTTP 500', async () => {
    const r = await soapLogin(jsforceBody(TEST_LOGIN.username, 'wrong'));
    expect(r.statusCode).toBe(500);
    expect(r.headers['content-type']).toBe('text/xml;charset=UTF-8');
    expect(r.body).toBe(FAULT);
  });

  it('logout ends the SessionHeader’s session; an unknown session is INVALID_SESSION_ID', async () => {
    const logoutBody = (sid: string) =>
      `<se:Envelope xmlns:se="http://schemas.xmlsoap.org/soap/envelope/"><se:Header><SessionHeader xmlns="urn:partner.soap.sforce.com"><sessionId>${sid}</sessionId></SessionHeader></se:Header><se:Body><logout xmlns="urn:partner.soap.sforce.com"/></se:Body></se:Envelope>`;
    const t = registry.issueSession('default', userId).token;
    const r = await soapLogin(logoutBody(t));
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('<logoutResponse/>');
    expect(registry.session(t)).toBeUndefined();
    const again = await soapLogin(logoutBody(t));
    expect(again.statusCode).toBe(500);
    expect(again.body).toContain('<faultstring>INVALID_SESSION_ID: Invalid Session ID found in SessionHeader: Illegal Session</faultstring>');
  });

  it('answers other SOAP calls and malformed versions with faults', async () => {
    const other = await soapLogin('<se:Envelope xmlns:se="x"><se:Body><describeGlobal/></se:Body></se:Envelope>');
    expect(other.statusCode).toBe(500);
    expect(other.body).toContain('<faultcode>UNKNOWN_EXCEPTION</faultcode>');
    const v = await soapLogin(jsforceBody(TEST_LOGIN.username, TEST_LOGIN.password), '/services/Soap/u/latest');
    expect(v.statusCode).toBe(500);
    expect(v.body).toContain('<faultcode>UNSUPPORTED_API_VERSION</faultcode>');
  });

  it('answers an unknown user, a wrong token and an empty body with the same fault', async () => {
    for (const body of [jsforceBody('nobody@x.com', TEST_LOGIN.password), jsforceBody(TEST_LOGIN.username, TEST_LOGIN.password + 'XX'), '<login/>']) {
      const r = await soapLogin(body);
      expect(r.statusCode).toBe(500);
      expect(r.body).toBe(FAULT);
    }
  });
});

describe('OAuth token endpoint', () => {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const post = (fields: Record<string, string>) =>
    app.inject({ method: 'POST', url: '/services/oauth2/token', headers: { 'content-type': 'application/x-www-form-urlencoded', host: 'localhost:8080' }, payload: form(fields) });

  it('password grant returns the token response clients read', async () => {
    const r = await post({ grant_type: 'password', username: TEST_LOGIN.username, password: TEST_LOGIN.password + TEST_LOGIN.securityToken, client_id: 'x', client_secret: 'y' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/json;charset=UTF-8');
    const b = r.json();
    expect(b.access_token).toMatch(TOKEN_RE);
    expect(b.instance_url).toBe('http://localhost:8080');
    expect(b.id).toBe(`http://localhost:8080/id/${orgId}/${userId}`);
    expect(b.token_type).toBe('Bearer');
    expect(b.issued_at).toBe(String(Date.parse('2024-06-01T12:00:00.000Z')));
    expect(typeof b.signature).toBe('string');
  });

  it('bad credentials: 400 invalid_grant', async () => {
    const r = await post({ grant_type: 'password', username: TEST_LOGIN.username, password: 'nope' });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toEqual({ error: 'invalid_grant', error_description: 'authentication failure' });
  });

  it('missing or unknown grant type: 400 unsupported_grant_type', async () => {
    for (const f of [{}, { grant_type: 'magic' }] as Record<string, string>[]) {
      const r = await post(f);
      expect(r.statusCode).toBe(400);
      expect(r.json()).toEqual({ error: 'unsupported_grant_type', error_description: 'grant type not supported' });
    }
  });

  it('refresh_token grant with an issued refresh token; unknown ones are invalid_grant', async () => {
    const refresh = registry.issueRefreshToken('default', userId);
    const r = await post({ grant_type: 'refresh_token', refresh_token: refresh, client_id: 'x' });
    expect(r.statusCode).toBe(200);
    expect(r.json().access_token).toMatch(TOKEN_RE);
    const bad = await post({ grant_type: 'refresh_token', refresh_token: 'nope' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ error: 'invalid_grant', error_description: 'expired access/refresh token' });
  });

  it('revoking a refresh token also ends the sessions it granted', async () => {
    const refresh = registry.issueRefreshToken('default', userId);
    const access = (await post({ grant_type: 'refresh_token', refresh_token: refresh })).json().access_token as string;
    const other = registry.issueSession('default', userId).token;
    expect(registry.session(access)).toBeDefined();
    const rev = await app.inject({ method: 'POST', url: '/services/oauth2/revoke', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `token=${refresh}` });
    expect(rev.statusCode).toBe(200);
    expect(registry.session(access)).toBeUndefined();
    expect(registry.session(other)).toBeDefined();
    expect((await post({ grant_type: 'refresh_token', refresh_token: refresh })).statusCode).toBe(400);
  });

  it('client_credentials grant runs as the default org’s API user', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/services/oauth2/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Basic ' + Buffer.from('key:secret').toString('base64') },
      payload: 'grant_type=client_credentials',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().id).toMatch(new RegExp(`/id/${orgId}/${userId}$`));
  });

  it('JWT bearer grant (simple-salesforce privatekey) logs in the `sub` user', async () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const jwt = `${b64({ alg: 'RS256' })}.${b64({ iss: 'key', sub: TEST_LOGIN.username, aud: 'https://login.salesforce.com', exp: 9999999999 })}.c2ln`;
    const r = await post({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: jwt });
    expect(r.statusCode).toBe(200);
    expect(r.json().id).toMatch(new RegExp(`/id/${orgId}/${userId}$`));
    for (const assertion of ['garbage', `${b64({})}.${b64({ sub: 'nobody@x.com' })}.x`, '']) {
      const bad = await post({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toEqual({ error: 'invalid_grant', error_description: 'invalid assertion' });
    }
  });

  it('authorize: bad requests are refused; token and unknown response types redirect accordingly', async () => {
    const bad = await app.inject({ url: '/services/oauth2/authorize?response_type=code&client_id=x' });
    expect(bad.statusCode).toBe(400);
    const implicit = await app.inject({ url: '/services/oauth2/authorize?response_type=token&client_id=x&redirect_uri=http%3A%2F%2Flocalhost%2Fcb&state=s1', headers: { host: 'localhost:8080' } });
    expect(implicit.statusCode).toBe(302);
    const frag = new URLSearchParams(new URL(implicit.headers.location as string).hash.slice(1));
    expect(frag.get('access_token')).toMatch(TOKEN_RE);
    expect(frag.get('instance_url')).toBe('http://localhost:8080');
    expect(frag.get('state')).toBe('s1');
    const other = await app.inject({ url: '/services/oauth2/authorize?response_type=magic&client_id=x&redirect_uri=http%3A%2F%2Flocalhost%2Fcb' });
    expect(new URL(other.headers.location as string).searchParams.get('error')).toBe('unsupported_response_type');
    const badCode = await post({ grant_type: 'authorization_code', code: 'nope', client_id: 'x' });
    expect(badCode.json()).toEqual({ error: 'invalid_grant', error_description: 'invalid authorization code' });
  });

  it('accepts chunked bodies', async () => {
    const { Readable } = await import('node:stream');
    const body = form({ grant_type: 'password', username: TEST_LOGIN.username, password: TEST_LOGIN.password });
    const r = await app.inject({
      method: 'POST',
      url: '/services/oauth2/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' },
      payload: Readable.from([body.slice(0, 10), body.slice(10)]),
    });
    expect(r.statusCode).toBe(200);
  });
});

describe('userinfo, identity, revoke', () => {
  let token: string;
  beforeAll(() => {
    token = registry.issueSession('default', userId).token;
  });

  it('userinfo has user_id and organization_id (what the sf CLI reads)', async () => {
    const r = await app.inject({ url: '/services/oauth2/userinfo', headers: { authorization: `Bearer ${token}`, host: 'localhost:8080' } });
    expect(r.statusCode).toBe(200);
    const b = r.json();
    expect(b).toMatchObject({ user_id: userId, organization_id: orgId, preferred_username: TEST_LOGIN.username, name: 'Test Admin', sub: `http://localhost:8080/id/${orgId}/${userId}` });
  });

  it('userinfo with a bad token is 403 Bad_OAuth_Token', async () => {
    const r = await app.inject({ url: '/services/oauth2/userinfo', headers: { authorization: 'Bearer nope' } });
    expect(r.statusCode).toBe(403);
    expect(r.body).toBe('Bad_OAuth_Token');
  });

  it('identity URL from the resource map works with ?oauth_token= like jsforce', async () => {
    const map = await app.inject({ url: '/services/data/v59.0', headers: { authorization: `Bearer ${token}`, host: 'localhost:8080' } });
    const identity = map.json().identity as string;
    expect(identity).toBe(`http://localhost:8080/id/${orgId}/${userId}`);
    const r = await app.inject({ url: `${new URL(identity).pathname}?format=json&oauth_token=${encodeURIComponent(token)}` });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ user_id: userId, organization_id: orgId, username: TEST_LOGIN.username, display_name: 'Test Admin' });
    // 15-char Ids in the path are accepted too.
    const r15 = await app.inject({ url: `/id/${orgId.slice(0, 15)}/${userId.slice(0, 15)}`, headers: { authorization: `Bearer ${token}` } });
    expect(r15.statusCode).toBe(200);
  });

  it('identity with a bad token, or for another user, is refused', async () => {
    const bad = await app.inject({ url: `/id/${orgId}/${userId}`, headers: { authorization: 'Bearer nope' } });
    expect(bad.statusCode).toBe(403);
    expect(bad.body).toBe('Bad_OAuth_Token');
    const other = await app.inject({ url: `/id/${orgId}/005Mf0000000999AAA`, headers: { authorization: `Bearer ${token}` } });
    expect(other.statusCode).toBe(403);
  });

  it('revoking an unknown token is a 400 OAuth error', async () => {
    const r = await app.inject({ method: 'POST', url: '/services/oauth2/revoke', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'token=nope' });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toEqual({ error: 'unsupported_token_type', error_description: 'this token type is not supported' });
  });

  it('revoke ends the session: later REST calls get 401 INVALID_SESSION_ID', async () => {
    const t = registry.issueSession('default', userId).token;
    const ok = await app.inject({ url: '/services/data/v59.0/', headers: { authorization: `Bearer ${t}` } });
    expect(ok.statusCode).toBe(200);
    const rev = await app.inject({ method: 'POST', url: '/services/oauth2/revoke', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `token=${encodeURIComponent(t)}` });
    expect(rev.statusCode).toBe(200);
    const after = await app.inject({ url: '/services/data/v59.0/', headers: { authorization: `Bearer ${t}` } });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toEqual([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
  });
});

describe('REST authentication', () => {
  it('missing, malformed and unknown tokens are 401 INVALID_SESSION_ID arrays', async () => {
    for (const headers of [{}, { authorization: 'Bearer' }, { authorization: 'Basic abc' }, { authorization: 'Bearer 00Dxx!nope' }]) {
      const r = await app.inject({ url: '/services/data/v59.0/query?q=SELECT+Id+FROM+Account', headers });
      expect(r.statusCode).toBe(401);
      expect(r.headers['content-type']).toBe('application/json;charset=UTF-8');
      expect(r.headers['www-authenticate']).toBe('Token');
      expect(r.json()).toEqual([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    }
  });

  it('accepts the legacy `OAuth <token>` scheme', async () => {
    const t = registry.issueSession('default', userId).token;
    const r = await app.inject({ url: '/services/data/v59.0/', headers: { authorization: `OAuth ${t}` } });
    expect(r.statusCode).toBe(200);
  });
});
