/**
 * quote_approval and invalid_config through the REST API: the quote and its lines by SOQL, the
 * policy articles the task's policy names (titles "Pricing Policy: ..." or "Configuration Policy:
 * ..."; Knowledge__kav filtered on PublishStatus as the API requires), each read for its rule and
 * checked against the quote. One broken article is the answer; none is None.
 */
import { soqlString, type OracleApi } from '../../api.ts';
import type { ProSolver } from '../solver.ts';
import { quoteBreaks, readPolicy, type ReadLine } from './read-policy.ts';

export function readQuoteId(query: string): string {
  const m = /\b0Q0[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?\b/.exec(query);
  if (!m) throw new Error(`no Quote Id in: ${query}`);
  return m[0];
}

async function policyArticles(api: OracleApi, titlePrefix: string) {
  const { records } = await api.queryAll(
    `SELECT Id, Title, FAQ_Answer__c FROM Knowledge__kav WHERE PublishStatus = 'Online' AND Language = 'en_US' AND Title LIKE ${soqlString(titlePrefix + '%')}`,
  );
  return records.flatMap((r) => {
    const rule = readPolicy(String(r.Title), String(r.FAQ_Answer__c ?? ''));
    return rule ? [{ id: String(r.Id), rule }] : [];
  });
}

export const solveQuotePolicy: ProSolver = async (api, { query, required }) => {
  const quoteId = readQuoteId(query);
  const prefix = /Product Configuration Policy/.test(required) ? 'Configuration Policy:' : 'Pricing Policy:';
  const quote = (await api.queryAll(`SELECT Id, CreatedDate, ExpirationDate FROM Quote WHERE Id = ${soqlString(quoteId)}`)).records[0];
  if (!quote) throw new Error(`no quote ${quoteId}`);
  const { records } = await api.queryAll(`SELECT Product2.Name, Quantity, UnitPrice, Discount FROM QuoteLineItem WHERE QuoteId = ${soqlString(quoteId)}`);
  const lines: ReadLine[] = records.map((r) => ({
    product: String((r.Product2 as { Name?: string } | null)?.Name ?? ''),
    quantity: Number(r.Quantity),
    unitPrice: Number(r.UnitPrice),
    discount: r.Discount === null || r.Discount === undefined ? 0 : Number(r.Discount),
  }));
  const createdDay = String(quote.CreatedDate).slice(0, 10);
  const exp = quote.ExpirationDate ? String(quote.ExpirationDate).slice(0, 10) : null;
  const broken = (await policyArticles(api, prefix)).filter((a) => quoteBreaks(a.rule, createdDay, exp, lines)).map((a) => a.id);
  return broken.length ? broken : ['None'];
};
