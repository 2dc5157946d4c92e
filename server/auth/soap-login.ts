/**
 * SOAP partner login (and logout), `POST /services/Soap/u/{version}` (reference/salesforce-api.md §1.1): what
 * jsforce's `login()` without OAuth client info, simple-salesforce's SalesforceLogin and CRMArena
 * use. Bodies arrive chunked and with any namespace prefixes (`se:`, `env:`, `n1:`, `urn:`), so
 * username and password are read with namespace-agnostic patterns. The response carries the
 * unprefixed serverUrl/sessionId/userId/organizationId that both clients extract; a bad login is
 * the HTTP 500 INVALID_LOGIN fault exactly as simple-salesforce's test fixture has it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { XML_TYPE } from '../reply.ts';
import { instanceUrl } from './urls.ts';
import { organizationName, userProfile } from './user-profile.ts';

const SOAP_BODY_LIMIT = 1024 * 1024;
const INVALID_LOGIN_MESSAGE = 'Invalid username, password, security token; or user locked out.';

export async function soapLoginRoutes(app: FastifyInstance): Promise<void> {
  const handler = async (req: FastifyRequest<{ Params: { v: string } }>, reply: FastifyReply) => {
    const body = typeof req.body === 'string' ? req.body : '';
    const version = req.params.v;
    // Partner (`u`) or enterprise (`c`) endpoint: the login call and its answer are the same.
    const api = req.url.startsWith('/services/Soap/c/') ? 'c' : 'u';
    if (!/^\d{1,3}\.\d$/.test(version)) {
      return fault(reply, 'UNSUPPORTED_API_VERSION', `UNSUPPORTED_API_VERSION: Invalid Api version specified on URL`, 'sf:UnexpectedErrorFault');
    }
    if (/<(?:[\w.-]+:)?logout[\s>/]/.test(body)) return logout(body, reply);
    if (!/<(?:[\w.-]+:)?login[\s>/]/.test(body)) {
      // Only `login` is implemented; any other SOAP call is answered as an unsupported operation.
      return fault(reply, 'UNKNOWN_EXCEPTION', 'UNKNOWN_EXCEPTION: mockforce serves only the login call of the SOAP API; use the REST API', 'sf:UnexpectedErrorFault');
    }
    const username = element(body, 'username');
    const password = element(body, 'password');
    const auth = username === undefined || password === undefined ? undefined : app.registry.authenticate(username, password);
    if (!auth) return fault(reply, 'INVALID_LOGIN', `INVALID_LOGIN: ${INVALID_LOGIN_MESSAGE}`, 'sf:LoginFault');

    const { entry, identity } = auth;
    const session = app.registry.issueSession(entry.key, identity.userId);
    const org = entry.org;
    const orgId = org.organizationId;
    const base = instanceUrl(req);
    const p = userProfile(org, identity.userId);
    const xml =
      `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="urn:partner.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<soapenv:Body><loginResponse><result>` +
      `<metadataServerUrl>${esc(`${base}/services/Soap/m/${version}/${orgId.slice(0, 15)}`)}</metadataServerUrl>` +
      `<passwordExpired>false</passwordExpired><sandbox>false</sandbox>` +
      `<serverUrl>${esc(`${base}/services/Soap/${api}/${version}/${orgId.slice(0, 15)}`)}</serverUrl>` +
      `<sessionId>${esc(session.token)}</sessionId><userId>${identity.userId}</userId>` +
      `<userInfo><accessibilityMode>false</accessibilityMode><chatterExternal>false</chatterExternal><currencySymbol>$</currencySymbol>` +
      `<orgAttachmentFileSizeLimit>5242880</orgAttachmentFileSizeLimit><orgDefaultCurrencyIsoCode>USD</orgDefaultCurrencyIsoCode>` +
      `<orgDefaultCurrencyLocale>en_US</orgDefaultCurrencyLocale><orgDisallowHtmlAttachments>false</orgDisallowHtmlAttachments>` +
      `<orgHasPersonAccounts>false</orgHasPersonAccounts><organizationId>${orgId}</organizationId>` +
      `<organizationMultiCurrency>false</organizationMultiCurrency><organizationName>${esc(organizationName(org))}</organizationName>` +
      `<profileId xsi:nil="true"/><roleId xsi:nil="true"/><sessionSecondsValid>7200</sessionSecondsValid>` +
      `<userDefaultCurrencyIsoCode xsi:nil="true"/><userEmail>${esc(p.email)}</userEmail><userFullName>${esc(p.fullName)}</userFullName>` +
      `<userId>${identity.userId}</userId><userLanguage>${esc(p.language)}</userLanguage><userLocale>${esc(p.locale)}</userLocale>` +
      `<userName>${esc(p.username)}</userName><userTimeZone>${esc(p.timeZone)}</userTimeZone><userType>${esc(p.userType)}</userType>` +
      `<userUiSkin>Theme3</userUiSkin></userInfo></result></loginResponse></soapenv:Body></soapenv:Envelope>`;
    return reply.code(200).type(XML_TYPE).send(xml);
  };
  /**
   * `logout` with the session in the SessionHeader: what jsforce's `conn.logout()` sends after a
   * SOAP login (jsforce src/connection.ts logoutBySoap). The session ends; an unknown one is the
   * INVALID_SESSION_ID fault.
   */
  function logout(body: string, reply: FastifyReply): FastifyReply {
    const sessionId = element(body, 'sessionId');
    if (!sessionId || !app.registry.session(sessionId)) {
      return fault(reply, 'INVALID_SESSION_ID', 'INVALID_SESSION_ID: Invalid Session ID found in SessionHeader: Illegal Session', 'sf:UnexpectedErrorFault');
    }
    app.registry.revoke(sessionId);
    const xml =
      `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="urn:partner.soap.sforce.com">` +
      `<soapenv:Body><logoutResponse/></soapenv:Body></soapenv:Envelope>`;
    return reply.code(200).type(XML_TYPE).send(xml);
  }

  // Login envelopes are tiny; a small body limit keeps hostile uploads cheap.
  for (const api of ['u', 'c']) {
    app.post(`/services/Soap/${api}/:v`, { bodyLimit: SOAP_BODY_LIMIT }, handler);
    // serverUrl carries the org id after the version; SOAP calls posted there land here too.
    app.post(`/services/Soap/${api}/:v/:orgId`, { bodyLimit: SOAP_BODY_LIMIT }, handler);
  }
}

/**
 * The text of the first `<prefix:name>` element, XML-unescaped; undefined when absent. A linear scan
 * with bounded patterns: envelopes are untrusted input, and a backtracking regex over them would be
 * quadratic on crafted bodies.
 */
export function element(xml: string, name: string): string | undefined {
  const open = new RegExp(`<(?:[\\w.-]{1,200}:)?${name}(?:\\s[^<>]{0,4000})?(/?)>`, 'y');
  for (let i = xml.indexOf('<'); i >= 0; i = xml.indexOf('<', i + 1)) {
    open.lastIndex = i;
    const m = open.exec(xml);
    if (!m) continue;
    if (m[1] === '/') return '';
    const from = open.lastIndex;
    // The first closing tag of that name (any prefix) after the opening one.
    for (let j = xml.indexOf(`${name}>`, from); j >= 0; j = xml.indexOf(`${name}>`, j + 1)) {
      // `</` or `</prefix:` right before the name: look back a bounded window only.
      const windowStart = Math.max(from, j - 203);
      const rel = xml.slice(windowStart, j).lastIndexOf('</');
      if (rel < 0) continue;
      const head = windowStart + rel;
      if (/^<\/(?:[\w.-]{1,200}:)?$/.test(xml.slice(head, j))) return unescapeXml(xml.slice(from, head));
    }
    return undefined;
  }
  return undefined;
}

export function unescapeXml(s: string): string {
  return s
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_m, c: string) => c.replace(/&/g, '&amp;').replace(/</g, '&lt;'))
    .replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_m, e: string) => {
      if (e[0] === '#') {
        const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
      }
      return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[e]!;
    });
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A SOAP fault: HTTP 500, text/xml (reference/salesforce-api.md §1.1, copied from simple-salesforce's fixture). */
function fault(reply: FastifyReply, code: string, faultstring: string, type: string): FastifyReply {
  const message = faultstring.slice(code.length + 2);
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sf="urn:fault.partner.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<soapenv:Body><soapenv:Fault><faultcode>${code}</faultcode><faultstring>${esc(faultstring)}</faultstring>` +
    `<detail><${type} xsi:type="${type}"><sf:exceptionCode>${code}</sf:exceptionCode><sf:exceptionMessage>${esc(message)}</sf:exceptionMessage></${type}></detail>` +
    `</soapenv:Fault></soapenv:Body></soapenv:Envelope>`;
  return reply.code(500).type(XML_TYPE).send(xml);
}
