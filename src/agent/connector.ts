/**
 * CRMArena's `SalesforceConnector.run_query`, over our client (reference/crmarena.md §9): what the
 * agent's `<execute>` and the tools see. Quirks are kept on purpose, since they shape what a model
 * reads in the benchmark:
 * - SOSL is detected by a case-sensitive `startsWith("FIND")`;
 * - SOQL is unwrapped from a markdown code fence; SOSL is sent as is;
 * - a query with no records (including `SELECT COUNT()`, whose count lives in totalSize) gives `[]`;
 * - `attributes` is removed from each record (top level only) and keys that are null in every record
 *   are dropped;
 * - an org error becomes the string `ERRORCODE: message`, with status 0.
 */
import { SalesforceApiError, type SalesforceApi, type SfRecord } from './salesforce-client.ts';

export type RunQueryResult = { ok: true; records: SfRecord[] } | { ok: false; error: string };

export class Connector {
  constructor(private readonly api: SalesforceApi) {}

  async runQuery(query: string): Promise<RunQueryResult> {
    try {
      const records = query.startsWith('FIND')
        ? await this.api.search(query)
        : (await this.api.queryAll(preprocessQuery(query))).records;
      return { ok: true, records: postprocess(records) };
    } catch (e) {
      // Transport failures are not org answers: CRMArena's handler itself raises on them and the
      // episode scores 0, so they propagate.
      if (e instanceof SalesforceApiError && e.status > 0) return { ok: false, error: `${e.errorCode}: ${e.message}` };
      throw e;
    }
  }
}

/** First fenced block (```sql / ```soql / ```), whitespace collapsed; otherwise the query unchanged. */
export function preprocessQuery(query: string): string {
  const m = /```(?:sql|SQL|soql|SOQL)?\s*([\s\S]*?)```/.exec(query);
  if (!m) return query;
  return m[1]!.replace(/\s+/g, ' ').trim();
}

function postprocess(records: SfRecord[]): SfRecord[] {
  if (records.length === 0) return [];
  const copies = records.map((r) => {
    const { attributes: _drop, ...rest } = r;
    return rest;
  });
  const keys = Object.keys(copies[0]!);
  const allNone = keys.filter((k) => copies.every((r) => r[k] === null || r[k] === undefined));
  for (const r of copies) for (const k of allNone) delete r[k];
  return copies;
}
