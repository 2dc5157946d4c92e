/**
 * A small Salesforce REST client over fetch: what the harness needs and nothing more (login, query
 * with pagination, search). Agents reach the org only through it, as CRMArena's agents reach a real org
 * through simple-salesforce (reference/crmarena.md §9), so the server under test sees real HTTP.
 */

import { parseJsonPythonFloats } from './python-json.ts';

/** API version simple-salesforce 1.12.6+ uses by default, hence the one CRMArena runs at (salesforce-api.md §2). */
export const DEFAULT_API_VERSION = '59.0';

/** An error the org answered with: Salesforce's `[{errorCode, message}]` array, or a transport failure. */
export class SalesforceApiError extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'SalesforceApiError';
  }
}

export type SfRecord = Record<string, unknown>;

/** The two calls an agent makes. Tests may provide an in-process implementation. */
export interface SalesforceApi {
  /** `query_all`: every record of a SOQL query, following `nextRecordsUrl`. */
  queryAll(soql: string): Promise<{ totalSize: number; records: SfRecord[] }>;
  /** SOSL search: the `searchRecords` array. */
  search(sosl: string): Promise<SfRecord[]>;
}

export interface SessionAuth {
  instanceUrl: string;
  accessToken: string;
}

export interface PasswordAuth {
  /** Base URL of the login server (for mockforce: the server itself). */
  loginUrl: string;
  username: string;
  password: string;
  clientId?: string;
  clientSecret?: string;
}

export class SalesforceClient implements SalesforceApi {
  private constructor(
    readonly instanceUrl: string,
    readonly accessToken: string,
    readonly apiVersion: string,
    /** Parse numbers as Python's json module does (fractional ones as PyFloat): for what agents see. */
    readonly pythonFloats = false,
  ) {}

  /** The same session, reading numbers as Python would (see python-json.ts). */
  withPythonFloats(): SalesforceClient {
    return new SalesforceClient(this.instanceUrl, this.accessToken, this.apiVersion, true);
  }

  static withSession(auth: SessionAuth, apiVersion = DEFAULT_API_VERSION): SalesforceClient {
    return new SalesforceClient(auth.instanceUrl.replace(/\/+$/, ''), auth.accessToken, apiVersion);
  }

  /** OAuth 2.0 username-password flow (`POST /services/oauth2/token`, salesforce-api.md §1.2). */
  static async login(auth: PasswordAuth, apiVersion = DEFAULT_API_VERSION): Promise<SalesforceClient> {
    const body = new URLSearchParams({
      grant_type: 'password',
      username: auth.username,
      password: auth.password,
      client_id: auth.clientId ?? 'mockforce-eval',
      client_secret: auth.clientSecret ?? 'mockforce-eval',
    });
    const url = auth.loginUrl.replace(/\/+$/, '') + '/services/oauth2/token';
    const res = await fetchOrThrow(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body,
    });
    const text = await res.text();
    const json = parseJson(text) as { access_token?: string; instance_url?: string; error?: string; error_description?: string } | undefined;
    if (!res.ok || !json?.access_token || !json.instance_url) {
      throw new SalesforceApiError(json?.error ?? `ERROR_HTTP_${res.status}`, json?.error_description ?? text.slice(0, 200), res.status);
    }
    return new SalesforceClient(json.instance_url.replace(/\/+$/, ''), json.access_token, apiVersion);
  }

  async queryAll(soql: string): Promise<{ totalSize: number; records: SfRecord[] }> {
    let page = (await this.get(`/services/data/v${this.apiVersion}/query?q=${encodeURIComponent(soql)}`)) as QueryPage;
    const records = [...page.records];
    const totalSize = page.totalSize;
    // simple-salesforce's query_all follows nextRecordsUrl until done (reference/crmarena.md §9).
    while (!page.done && page.nextRecordsUrl) {
      page = (await this.get(page.nextRecordsUrl)) as QueryPage;
      records.push(...page.records);
    }
    return { totalSize, records };
  }

  async search(sosl: string): Promise<SfRecord[]> {
    const body = (await this.get(`/services/data/v${this.apiVersion}/search?q=${encodeURIComponent(sosl)}`)) as {
      searchRecords?: SfRecord[];
    };
    return body.searchRecords ?? [];
  }

  private async get(path: string): Promise<unknown> {
    const res = await fetchOrThrow(this.instanceUrl + path, {
      headers: { Authorization: `Bearer ${this.accessToken}`, Accept: 'application/json' },
    });
    const text = await res.text();
    const json = parseJson(text, res.ok && this.pythonFloats);
    if (res.ok && json !== undefined) return json;
    // Salesforce errors are `[{message, errorCode}]` (salesforce-api.md §6).
    const first = Array.isArray(json) ? (json[0] as { errorCode?: string; message?: string } | undefined) : undefined;
    if (first?.errorCode) throw new SalesforceApiError(first.errorCode, first.message ?? '', res.status);
    throw new SalesforceApiError(`ERROR_HTTP_${res.status}`, text.slice(0, 500), res.status);
  }
}

interface QueryPage {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: SfRecord[];
}

async function fetchOrThrow(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    throw new SalesforceApiError('CONNECTION_ERROR', `cannot reach ${new URL(url).origin}: ${cause?.code ?? cause?.message ?? String(e)}`, 0);
  }
}

function parseJson(text: string, pythonFloats = false): unknown {
  try {
    return pythonFloats ? parseJsonPythonFloats(text) : JSON.parse(text);
  } catch {
    return undefined;
  }
}
