import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import jsforce from 'jsforce';
import { makeTestOrg, TEST_LOGIN } from '../http/test-org.ts';
import { startServer, type ListeningServer } from './listening-server.ts';

let server: ListeningServer;
let orgId: string;
let userId: string;

beforeAll(async () => {
  const org = makeTestOrg({ accounts: 5 });
  orgId = org.organizationId;
  userId = org.loginIdentity()!.userId;
  server = await startServer(org);
});
afterAll(async () => {
  await server?.close();
});

describe('jsforce 3 against a listening server', () => {
  it('SOAP login (loginUrl) gives a working connection with instanceUrl and userInfo', async () => {
    const conn = new jsforce.Connection({ loginUrl: server.url, version: '59.0' });
    const info = await conn.login(TEST_LOGIN.username, TEST_LOGIN.password + TEST_LOGIN.securityToken);
    expect(info).toMatchObject({ id: userId, organizationId: orgId });
    expect(conn.instanceUrl).toBe(server.url);
    expect(conn.accessToken).toMatch(/^00D\w{12,15}![.\w]*$/);
    const identity = await conn.identity();
    expect(identity).toMatchObject({ user_id: userId, organization_id: orgId, username: TEST_LOGIN.username });
  });

  it('logout() after a SOAP login ends the session through the SOAP logout call', async () => {
    const conn = new jsforce.Connection({ loginUrl: server.url, version: '59.0' });
    await conn.login(TEST_LOGIN.username, TEST_LOGIN.password + TEST_LOGIN.securityToken);
    const token = conn.accessToken!;
    expect(server.registry.session(token)).toBeDefined();
    await conn.logout();
    expect(server.registry.session(token)).toBeUndefined();
  });

  it('SOAP login with a wrong password rejects with INVALID_LOGIN', async () => {
    const conn = new jsforce.Connection({ loginUrl: server.url, version: '59.0' });
    await expect(conn.login(TEST_LOGIN.username, 'wrong')).rejects.toThrow(
      'INVALID_LOGIN: Invalid username, password, security token; or user locked out.',
    );
  });

  it('OAuth username-password login', async () => {
    const conn = new jsforce.Connection({ oauth2: { loginUrl: server.url, clientId: 'cid', clientSecret: 'secret' }, version: '59.0' });
    const info = await conn.login(TEST_LOGIN.username, TEST_LOGIN.password);
    expect(info).toMatchObject({ id: userId, organizationId: orgId });
    expect(conn.instanceUrl).toBe(server.url);
    const res = await conn.request<Record<string, string>>('/services/data/v59.0/');
    expect(res.query).toBe('/services/data/v59.0/query');
  });

  it('OAuth login failure surfaces invalid_grant', async () => {
    const conn = new jsforce.Connection({ oauth2: { loginUrl: server.url, clientId: 'cid', clientSecret: 'secret' } });
    await expect(conn.login(TEST_LOGIN.username, 'bad')).rejects.toMatchObject({ name: 'invalid_grant', message: 'authentication failure' });
  });

  it('errors come back as err.errorCode; limitInfo is tracked', async () => {
    const conn = new jsforce.Connection({ instanceUrl: server.url, accessToken: server.token, version: '59.0' });
    await expect(conn.request('/services/data/v59.0/nothing')).rejects.toMatchObject({
      errorCode: 'NOT_FOUND',
      message: 'The requested resource does not exist',
    });
    await conn.request('/services/data/v59.0/');
    expect(conn.limitInfo).toMatchObject({ apiUsage: { limit: 15000 } });
    expect((conn.limitInfo as { apiUsage: { used: number } }).apiUsage.used).toBeGreaterThan(0);
  });

  it('a bad token is INVALID_SESSION_ID (no refresh loop without a refresh delegate)', async () => {
    const conn = new jsforce.Connection({ instanceUrl: server.url, accessToken: '00DMf0000000001!bogus', version: '59.0' });
    await expect(conn.request('/services/data/v59.0/')).rejects.toMatchObject({ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' });
  });

  it('refresh_token flow through jsforce’s OAuth2 client', async () => {
    const refreshToken = server.registry.issueRefreshToken('default', userId);
    const oauth2 = new jsforce.OAuth2({ loginUrl: server.url, clientId: 'cid', clientSecret: 'secret' });
    const res = await oauth2.refreshToken(refreshToken);
    expect(res.access_token).toMatch(/^00D/);
    expect(res.instance_url).toBe(server.url);
  });

  it('logout by SOAP-less OAuth revoke', async () => {
    const conn = new jsforce.Connection({ oauth2: { loginUrl: server.url, clientId: 'cid', clientSecret: 'secret' }, version: '59.0' });
    await conn.login(TEST_LOGIN.username, TEST_LOGIN.password);
    const token = conn.accessToken!;
    await conn.logout();
    expect(server.registry.session(token)).toBeUndefined();
  });
});

describe('jsforce web-server OAuth flow', () => {
  it('authorize (auto-approved) redirects with a code that jsforce exchanges, once', async () => {
    const oauth2 = new jsforce.OAuth2({ loginUrl: server.url, clientId: 'cid', clientSecret: 'secret', redirectUri: 'http://localhost:1717/OauthRedirect' });
    const authUrl = oauth2.getAuthorizationUrl({ state: 'xyz' });
    const res = await fetch(authUrl, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(location.origin + location.pathname).toBe('http://localhost:1717/OauthRedirect');
    expect(location.searchParams.get('state')).toBe('xyz');
    const code = location.searchParams.get('code')!;
    const conn = new jsforce.Connection({ oauth2 });
    const info = await conn.authorize(code);
    expect(info).toMatchObject({ id: userId, organizationId: orgId });
    expect(conn.refreshToken).toMatch(/^5Aep861/);
    expect(conn.instanceUrl).toBe(server.url);
    await expect(new jsforce.Connection({ oauth2 }).authorize(code)).rejects.toMatchObject({ name: 'invalid_grant' });
  });
});
