/**
 * CRMArena tool queries on the seed-42 org, each checked against hand-written SQL over the same
 * database (an independent answer), plus pagination over a real-sized object.
 */
import { describe, expect, it } from 'vitest';
import { query, queryMore } from '../../src/soql/index.ts';
import { openSeededOrg } from '../support/seeded-org.ts';

const org = openSeededOrg();
const db = org.db;
const col = (sql: string, ...p: unknown[]) => (db.prepare(sql).raw(true).all(...p) as unknown[][]).map((r) => r[0]);
const sorted = <T>(xs: T[]) => [...xs].sort();

describe('CRMArena tool queries on the seeded org', () => {
  const owners = col('SELECT OwnerId FROM "Case" GROUP BY OwnerId ORDER BY COUNT(*) DESC LIMIT 3') as string[];
  const issue = col('SELECT IssueId__c FROM "Case" WHERE IssueId__c IS NOT NULL LIMIT 1')[0] as string;

  it('get_issues', () => {
    const r = query(org, 'SELECT Id, Name FROM Issue__c');
    expect(sorted(r.records.map((x) => x.Name))).toEqual(sorted(col('SELECT Name FROM Issue__c WHERE IsDeleted = 0')));
  });

  it('get_cases by agents and window', () => {
    const r = query(org, `SELECT OwnerId, CreatedDate, ClosedDate, AccountId FROM Case WHERE CreatedDate >= 2023-01-01T00:00:00Z AND CreatedDate < 2024-01-01T00:00:00Z AND OwnerId IN (${owners.map((o) => `'${o}'`).join(', ')})`);
    const raw = col(`SELECT CreatedDate FROM "Case" WHERE IsDeleted = 0 AND CreatedDate >= '2023-01-01' AND CreatedDate < '2024-01-01' AND OwnerId IN (?, ?, ?)`, ...owners) as string[];
    expect(r.totalSize).toBe(raw.length);
    expect(sorted(r.records.map((x) => x.CreatedDate))).toEqual(sorted(raw.map((d) => d.replace('Z', '+0000'))));
  });

  it('get_agent_handled_cases_by_period and get_non_transferred_case_ids', () => {
    const handled = query(org, "SELECT NewValue__c FROM CaseHistory__c WHERE Field__c = 'Owner Assignment' AND CreatedDate >= 2023-06-01T00:00:00Z AND CreatedDate < 2023-09-01T00:00:00Z");
    expect(handled.totalSize).toBe(col("SELECT COUNT(*) FROM CaseHistory__c WHERE IsDeleted = 0 AND Field__c = 'Owner Assignment' AND CreatedDate >= '2023-06-01' AND CreatedDate < '2023-09-01'")[0]);
    const single = query(org, "SELECT CaseId__c FROM CaseHistory__c WHERE Field__c = 'Owner Assignment' AND CreatedDate >= 2023-06-01T00:00:00Z AND CreatedDate < 2023-09-01T00:00:00Z GROUP BY CaseId__c HAVING COUNT(Id) = 1");
    const raw = col("SELECT CaseId__c FROM CaseHistory__c WHERE IsDeleted = 0 AND Field__c = 'Owner Assignment' AND CreatedDate >= '2023-06-01' AND CreatedDate < '2023-09-01' GROUP BY CaseId__c HAVING COUNT(*) = 1");
    expect(sorted(single.records.map((x) => x.CaseId__c))).toEqual(sorted(raw));
    expect(single.records[0]!.attributes).toEqual({ type: 'AggregateResult' });
  });

  it('get_issue_counts', () => {
    const product = col('SELECT Product2Id FROM OrderItem GROUP BY Product2Id ORDER BY COUNT(*) DESC LIMIT 1')[0] as string;
    const ois = col('SELECT Id FROM OrderItem WHERE Product2Id = ?', product) as string[];
    const r = query(org, `SELECT IssueId__c, COUNT(Id) IssueCount FROM Case WHERE OrderItemId__c IN (${ois.map((o) => `'${o}'`).join(',')}) AND CreatedDate >= 2020-01-01T00:00:00Z AND CreatedDate <= 2024-06-01T00:00:00Z GROUP BY IssueId__c ORDER BY COUNT(Id) DESC`);
    const raw = db.prepare(`SELECT IssueId__c, COUNT(*) n FROM "Case" WHERE IsDeleted = 0 AND OrderItemId__c IN (SELECT Id FROM OrderItem WHERE Product2Id = ?) GROUP BY IssueId__c`).all(product) as { IssueId__c: string | null; n: number }[];
    expect(new Map(r.records.map((x) => [x.IssueId__c, x.IssueCount]))).toEqual(new Map(raw.map((x) => [x.IssueId__c, x.n])));
    const counts = r.records.map((x) => x.IssueCount as number);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('get_purchase_history through Order parent paths', () => {
    const o = db.prepare("SELECT Id, AccountId, EffectiveDate FROM \"Order\" WHERE Status = 'Activated' LIMIT 1").get() as { Id: string; AccountId: string; EffectiveDate: string };
    const products = col('SELECT Product2Id FROM OrderItem WHERE OrderId = ?', o.Id) as string[];
    const r = query(org, `SELECT Product2Id FROM OrderItem WHERE OrderItem.Order.AccountId = '${o.AccountId}' AND OrderItem.Order.EffectiveDate = ${o.EffectiveDate} AND Product2Id IN (${products.map((p) => `'${p}'`).join(', ')}) AND OrderItem.Order.Status = 'Activated'`);
    const raw = col("SELECT oi.Product2Id FROM OrderItem oi JOIN \"Order\" ord ON ord.Id = oi.OrderId WHERE ord.AccountId = ? AND ord.EffectiveDate = ? AND ord.Status = 'Activated'", o.AccountId, o.EffectiveDate);
    expect(sorted(r.records.map((x) => x.Product2Id))).toEqual(sorted(raw));
  });

  it('transcripts, emails, articles and shipping states', () => {
    const kase = col('SELECT CaseId FROM LiveChatTranscript LIMIT 1')[0] as string;
    expect(query(org, `SELECT Body, EndTime FROM LiveChatTranscript WHERE CaseId = '${kase}'`).totalSize).toBe(col('SELECT COUNT(*) FROM LiveChatTranscript WHERE CaseId = ?', kase)[0]);
    const parent = col('SELECT ParentId FROM EmailMessage LIMIT 1')[0] as string;
    const emails = query(org, `SELECT Subject, TextBody, FromAddress, ToAddress, MessageDate FROM EmailMessage WHERE ParentId = '${parent}'`);
    expect(emails.totalSize).toBe(col('SELECT COUNT(*) FROM EmailMessage WHERE ParentId = ?', parent)[0]);
    expect(Object.keys(emails.records[0]!)).toEqual(['attributes', 'Subject', 'TextBody', 'FromAddress', 'ToAddress', 'MessageDate']);
    const kav = query(org, "SELECT Id, Title, FAQ_Answer__c FROM Knowledge__kav WHERE PublishStatus = 'Online' AND Language = 'en_US'");
    expect(kav.totalSize).toBe(col("SELECT COUNT(*) FROM Knowledge__kav WHERE PublishStatus = 'Online'")[0]);
    const withState = query(org, `SELECT Id, Account.ShippingState FROM Case WHERE IssueId__c = '${issue}'`);
    const raw = col('SELECT a.ShippingState FROM "Case" c LEFT JOIN Account a ON a.Id = c.AccountId WHERE c.IsDeleted = 0 AND c.IssueId__c = ?', issue);
    expect(sorted(withState.records.map((x) => (x.Account as { ShippingState: string } | null)?.ShippingState ?? null))).toEqual(sorted(raw));
  });

  it('Organization works on the read-only seeded org', () => {
    expect(query(org, 'SELECT Id, Name FROM Organization').records[0]!.Id).toBe(org.organizationId);
  });

  it('pages through every OrderItem', () => {
    const total = col('SELECT COUNT(*) FROM OrderItem WHERE IsDeleted = 0')[0] as number;
    let r = query(org, 'SELECT Id, Quantity FROM OrderItem');
    let n = r.records.length;
    while (!r.done) {
      r = queryMore(org, r.nextRecordsUrl!);
      n += r.records.length;
    }
    expect(n).toBe(total);
    expect(total).toBeGreaterThan(2000);
  });
});
