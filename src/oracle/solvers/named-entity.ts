/**
 * Named Entity Disambiguation through SOSL and SOQL, as CRMArena's tools do it (search_products,
 * get_account_id_by_contact_id, get_purchase_history): search the catalog for the customer's words,
 * then keep the candidates the contact's account bought in an Activated order on exactly the day
 * "N days/weeks/months ago" points at.
 */
import { addDays, addMonths } from '../../tasks/periods.ts';
import { soqlIdList, soqlString, soslEscape, chunks, type OracleApi } from '../api.ts';
import { readNumber, readToday } from '../read-query.ts';
import type { SolveInput } from './shared.ts';

const AGO_BODY =
  '(yesterday)|(a fortnight) ago|(\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty) (day|week|month)s? (?:ago|back)';
const AGO = new RegExp(`\\b(?:${AGO_BODY})\\b`, 'i');

export function readPurchaseDay(query: string, today: string): string {
  const m = AGO.exec(query);
  if (!m) throw new Error(`no 'ago' in: ${query}`);
  if (m[1]) return addDays(today, -1);
  if (m[2]) return addDays(today, -14);
  const n = readNumber(m[3]!)!;
  const unit = m[4]!.toLowerCase();
  return unit === 'month' ? addMonths(today, -n) : addDays(today, -(unit === 'week' ? 7 * n : n));
}

/** The customer's words for the product: between "the" and "I/that I ... purchased/bought/ordered". */
export function readDescription(query: string): string {
  const m =
    /\bthe (.+?) (?:that )?I (?:purchased|bought|ordered)\b/i.exec(query) ??
    new RegExp(`\\bI (?:purchased|bought|ordered) the (.+?) (?:${AGO_BODY.replace(/\((?!\?)/g, '(?:')})`, 'i').exec(query);
  if (!m) throw new Error(`no product description in: ${query}`);
  return m[1]!;
}

export async function solveNamedEntity(api: OracleApi, task: SolveInput): Promise<string | null> {
  const contactId = /Contact Id interacting:\s*(\S+)/.exec(task.required)?.[1];
  if (!contactId) throw new Error('no contact Id in the metadata');
  const day = readPurchaseDay(task.query, readToday(task.required));
  const words = readDescription(task.query);
  const found = await api.search(`FIND {${soslEscape(words)}} IN NAME FIELDS RETURNING Product2(Id, Name ORDER BY Name)`);
  const candidates = found.map((r) => String(r.Id));
  if (candidates.length === 0) return null;
  const contact = await api.queryAll(`SELECT AccountId FROM Contact WHERE Id = ${soqlString(contactId)}`);
  const accountId = contact.records[0]?.AccountId;
  if (!accountId) return null;
  const bought = new Set<string>();
  for (const ids of chunks(candidates)) {
    const { records } = await api.queryAll(
      `SELECT Product2Id FROM OrderItem WHERE Order.AccountId = ${soqlString(String(accountId))} AND Order.EffectiveDate = ${day} AND Order.Status = 'Activated' AND Product2Id IN ${soqlIdList(ids)}`,
    );
    for (const r of records) bought.add(String(r.Product2Id));
  }
  if (bought.size > 1) throw new Error(`several products match: ${[...bought].join(', ')}`);
  return bought.size === 1 ? [...bought][0]! : null;
}
