/**
 * Pins the Salesforce CLI's (@salesforce/cli 2.x, jsforce underneath) request paths. After
 * `sf org login access-token --instance-url http://127.0.0.1:PORT` the CLI stores the instance URL
 * as `http://127.0.0.1:PORT/`, so every later call starts with a double slash; captured from a real
 * `sf data query` / `sf org display` run:
 *   GET //services/data
 *   GET //services/data/v65.0/query?q=SELECT%20Name%2C%20InstanceName...%20FROM%20Organization
 *   GET //services/data/v65.0/query?q=SELECT%20Id%2C%20Subject%20FROM%20Case%20LIMIT%205
 *   GET //services/data/v65.0/query?q=...&columns=true
 * Salesforce serves these; before the fix mockforce answered 404 NOT_FOUND to all of them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collapseSlashes } from '../../server/app.ts';
import { makeHarness, type Harness } from './sobjects-harness.ts';
import { TEST_LOGIN } from './test-org.ts';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness({ accounts: 3 });
});
afterAll(async () => h.close());

/** The request exactly as the CLI sends it: the raw path, Bearer token, JSON body. */
async function raw(method: 'GET' | 'POST', url: string, body?: unknown) {
  const r = await h.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${h.token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  });
  return { status: r.statusCode, body: JSON.parse(r.body) };
}

describe('the sf CLI double-slash paths', () => {
  it('GET //services/data lists the versions', async () => {
    const r = await raw('GET', '//services/data');
    expect(r.status).toBe(200);
    expect(r.body).toContainEqual({ label: expect.any(String), url: '/services/data/v59.0', version: '59.0' });
  });

  it('GET //services/data/v65.0/query runs the query, and the columns=true call answers column metadata', async () => {
    const q = encodeURIComponent('SELECT Id, Name FROM Account ORDER BY Name LIMIT 2');
    const r = await raw('GET', `//services/data/v65.0/query?q=${q}`);
    expect(r.status).toBe(200);
    expect(r.body.totalSize).toBe(2);
    expect(r.body.records[0].attributes.url).toMatch(/^\/services\/data\/v65\.0\/sobjects\/Account\/001/);
    const c = await raw('GET', `//services/data/v65.0/query?q=${q}&columns=true`);
    expect(c.status).toBe(200);
    expect(c.body.columnMetadata.map((m: { columnName: string }) => m.columnName)).toEqual(['Id', 'Name']);
  });

  it('the Organization query determineOrg sends answers one row', async () => {
    const q = encodeURIComponent('SELECT Name, InstanceName, IsSandbox, TrialExpirationDate, NamespacePrefix, OrganizationType FROM Organization');
    const r = await raw('GET', `//services/data/v65.0/query?q=${q}`);
    expect(r.status).toBe(200);
    expect(r.body.totalSize).toBe(1);
    expect(r.body.records[0].IsSandbox).toBe(false);
  });

  it('writes through a double-slash path too (sf data create record), slashes in the body and query string untouched', async () => {
    const r = await raw('POST', '//services/data/v65.0//sobjects/Account/', { Name: 'http://a//b' });
    expect(r.status).toBe(201);
    const q = encodeURIComponent("SELECT Name FROM Account WHERE Name = 'http://a//b'");
    // The query string keeps its slashes even when not percent-encoded.
    const g = await raw('GET', `//services/data/v65.0/query?q=${q.replace(/%2F/g, '/')}`);
    expect(g.body.records.map((x: { Name: string }) => x.Name)).toEqual(['http://a//b']);
  });

  it('SOAP login on //services/Soap/c keeps the enterprise endpoint', async () => {
    const body = `<se:Envelope xmlns:se="http://schemas.xmlsoap.org/soap/envelope/"><se:Body><login xmlns="urn:enterprise.soap.sforce.com"><username>${TEST_LOGIN.username}</username><password>${TEST_LOGIN.password}${TEST_LOGIN.securityToken}</password></login></se:Body></se:Envelope>`;
    const r = await h.app.inject({ method: 'POST', url: '//services/Soap/c/59.0', headers: { 'content-type': 'text/xml', soapaction: '""', host: 'localhost:8080' }, payload: body });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('<serverUrl>http://localhost:8080/services/Soap/c/59.0/');
  });

  it('collapseSlashes only touches the path', () => {
    expect(collapseSlashes('//services//data/')).toBe('/services/data/');
    expect(collapseSlashes('/services/data?q=a//b')).toBe('/services/data?q=a//b');
    expect(collapseSlashes('//x?u=http://y')).toBe('/x?u=http://y');
    expect(collapseSlashes('/plain')).toBe('/plain');
  });
});
