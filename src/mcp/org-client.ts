/**
 * How the MCP tools reach the org: Salesforce REST requests injected into the same Fastify app that
 * `mockforce serve` listens with (app.inject, no socket), under one session token. Every tool thus
 * goes through the REST layer's binder, validation and error wording; nothing reads SQLite directly.
 *
 * It is also a SalesforceApi, so CRMArena's tools run over it through the harness's own Connector.
 */
import type { FastifyInstance } from 'fastify';
import { DEFAULT_API_VERSION, SalesforceApiError, type SalesforceApi, type SfRecord } from '../agent/salesforce-client.ts';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export class OrgClient implements SalesforceApi {
  constructor(
    private readonly app: FastifyInstance,
    readonly accessToken: string,
    readonly apiVersion = DEFAULT_API_VERSION,
  ) {}

  /** `/services/data/vNN.N` + `path`. */
  dataPath(path: string): string {
    return `/services/data/v${this.apiVersion}${path}`;
  }

  /**
   * One REST call. Returns the parsed body (undefined for 204); a Salesforce error array is thrown
   * as SalesforceApiError with the first error's code and every error's message.
   */
  async request(method: HttpMethod, url: string, body?: unknown): Promise<unknown> {
    const res = await this.app.inject({
      method,
      url,
      headers: {
        authorization: `Bearer ${this.accessToken}`,
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    const json = res.body === '' ? undefined : parseJson(res.body);
    if (res.statusCode < 300) return json;
    // Salesforce errors are `[{message, errorCode, fields?}]` (reference/salesforce-api.md §6).
    if (Array.isArray(json) && json.length > 0) {
      const errors = json as { errorCode?: string; message?: string; fields?: string[] }[];
      throw new SalesforceApiError(errors[0]!.errorCode ?? 'UNKNOWN_EXCEPTION', errors.map(errorLine).join('\n'), res.statusCode);
    }
    throw new SalesforceApiError(`ERROR_HTTP_${res.statusCode}`, res.body.slice(0, 500), res.statusCode);
  }

  async queryAll(soql: string): Promise<{ totalSize: number; records: SfRecord[] }> {
    let page = (await this.request('GET', this.dataPath(`/query?q=${encodeURIComponent(soql)}`))) as QueryPage;
    const records = [...page.records];
    // As simple-salesforce's query_all (what CRMArena's tools call): every page.
    while (!page.done && page.nextRecordsUrl) {
      page = (await this.request('GET', page.nextRecordsUrl)) as QueryPage;
      records.push(...page.records);
    }
    return { totalSize: page.totalSize, records };
  }

  async search(sosl: string): Promise<SfRecord[]> {
    const body = (await this.request('GET', this.dataPath(`/search?q=${encodeURIComponent(sosl)}`))) as { searchRecords?: SfRecord[] };
    return body.searchRecords ?? [];
  }
}

export interface QueryPage {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: SfRecord[];
}

/** The message of one error; the first error's code heads the whole text (see toolError). */
function errorLine(e: { errorCode?: string; message?: string; fields?: string[] }, i: number): string {
  const fields = e.fields && e.fields.length > 0 ? ` (fields: ${e.fields.join(', ')})` : '';
  return i === 0 ? `${e.message ?? ''}${fields}` : `${e.errorCode ?? 'UNKNOWN_EXCEPTION'}: ${e.message ?? ''}${fields}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
