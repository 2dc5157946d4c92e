/**
 * SOQL benchmark: for ~20 CRMArena-style queries over the seed-42 scale-1 org, the time of `query()`
 * cold (parse + bind + plan + prepare + run, on a query text not seen before) and cached (same text
 * again: the compiled plan and its prepared statements are reused), next to hand-written SQL giving the
 * same rows, prepared once and run directly on better-sqlite3. Ratios are against that raw SQL, which
 * uses the engine's own `+IsDeleted = 0` index hint so the comparison measures engine overhead only.
 * MOCKFORCE_BENCH_SECONDS (default 0.3) is the time spent per measurement.
 */
import type Database from 'better-sqlite3';
import { generateOrg } from '../seed/index.ts';
import type { Org } from '../src/org/index.ts';
import { query } from '../src/soql/index.ts';

const SECONDS = Number(process.env.MOCKFORCE_BENCH_SECONDS ?? 0.3);

interface Pair {
  label: string;
  soql: string;
  sql: string;
  params: (string | number)[];
}

function pick(db: Database.Database, sql: string): string {
  const row = db.prepare(sql).raw(true).get() as unknown[] | undefined;
  return String(row?.[0] ?? '');
}

function pairs(org: Org): Pair[] {
  const db = org.db;
  const owner = pick(db, 'SELECT OwnerId FROM "Case" GROUP BY OwnerId ORDER BY COUNT(*) DESC LIMIT 1');
  const owners = (db.prepare('SELECT OwnerId FROM "Case" GROUP BY OwnerId ORDER BY COUNT(*) DESC LIMIT 3').raw(true).all() as string[][]).map((r) => r[0]!);
  const issue = pick(db, 'SELECT IssueId__c FROM "Case" WHERE IssueId__c IS NOT NULL LIMIT 1');
  const account = pick(db, 'SELECT AccountId FROM "Order" WHERE Status = \'Activated\' LIMIT 1');
  const order = db.prepare('SELECT Id, EffectiveDate FROM "Order" WHERE AccountId = ? AND Status = \'Activated\' LIMIT 1').get(account) as { Id: string; EffectiveDate: string };
  const product = pick(db, 'SELECT Product2Id FROM OrderItem WHERE OrderId = \'' + order.Id + '\' LIMIT 1');
  const ois = (db.prepare('SELECT Id FROM OrderItem WHERE Product2Id = ? LIMIT 5').raw(true).all(product) as string[][]).map((r) => r[0]!);
  const contact = pick(db, 'SELECT Id FROM Contact WHERE AccountId IS NOT NULL LIMIT 1');
  const kase = pick(db, 'SELECT CaseId FROM LiveChatTranscript LIMIT 1');
  const emailCase = pick(db, 'SELECT ParentId FROM EmailMessage LIMIT 1');
  const q = (xs: string[]) => xs.map((x) => `'${x}'`).join(', ');
  const ph = (xs: unknown[]) => xs.map(() => '?').join(', ');
  const from = '2023-01-01T00:00:00Z';
  const to = '2023-07-01T00:00:00Z';
  const fromIso = '2023-01-01T00:00:00.000Z';
  const toIso = '2023-07-01T00:00:00.000Z';
  return [
    { label: 'handled cases (history window)', soql: `SELECT NewValue__c FROM CaseHistory__c WHERE Field__c = 'Owner Assignment' AND CreatedDate >= ${from} AND CreatedDate < ${to}`, sql: 'SELECT NewValue__c FROM CaseHistory__c WHERE +IsDeleted = 0 AND Field__c = ? AND CreatedDate >= ? AND CreatedDate < ?', params: ['Owner Assignment', fromIso, toIso] },
    { label: 'non-transferred (GROUP BY HAVING)', soql: `SELECT CaseId__c FROM CaseHistory__c WHERE Field__c = 'Owner Assignment' AND CreatedDate >= ${from} AND CreatedDate < ${to} GROUP BY CaseId__c HAVING COUNT(Id) = 1`, sql: 'SELECT CaseId__c FROM CaseHistory__c WHERE +IsDeleted = 0 AND Field__c = ? AND CreatedDate >= ? AND CreatedDate < ? GROUP BY CaseId__c HAVING COUNT(Id) = 1', params: ['Owner Assignment', fromIso, toIso] },
    { label: 'transferred (!= null)', soql: `SELECT OldValue__c FROM CaseHistory__c WHERE Field__c = 'Owner Assignment' AND OldValue__c != NULL AND CreatedDate >= ${from} AND CreatedDate < ${to}`, sql: 'SELECT OldValue__c FROM CaseHistory__c WHERE +IsDeleted = 0 AND Field__c = ? AND OldValue__c IS NOT NULL AND CreatedDate >= ? AND CreatedDate < ?', params: ['Owner Assignment', fromIso, toIso] },
    { label: 'get_cases by date', soql: `SELECT OwnerId, CreatedDate, ClosedDate, AccountId FROM Case WHERE CreatedDate >= ${from} AND CreatedDate < ${to}`, sql: 'SELECT OwnerId, CreatedDate, ClosedDate, AccountId FROM "Case" WHERE +IsDeleted = 0 AND CreatedDate >= ? AND CreatedDate < ?', params: [fromIso, toIso] },
    { label: 'get_cases by agents', soql: `SELECT OwnerId, CreatedDate, ClosedDate, AccountId FROM Case WHERE OwnerId IN (${q(owners)})`, sql: `SELECT OwnerId, CreatedDate, ClosedDate, AccountId FROM "Case" WHERE +IsDeleted = 0 AND OwnerId IN (${ph(owners)})`, params: owners },
    { label: 'get_cases by issue+status', soql: `SELECT OwnerId, CreatedDate, ClosedDate, AccountId FROM Case WHERE IssueId__c IN ('${issue}') AND Status IN ('Closed')`, sql: 'SELECT OwnerId, CreatedDate, ClosedDate, AccountId FROM "Case" WHERE +IsDeleted = 0 AND IssueId__c IN (?) AND Status IN (?)', params: [issue, 'Closed'] },
    { label: 'shipping state by id', soql: `SELECT ShippingState FROM Account WHERE Id = '${account}'`, sql: 'SELECT ShippingState FROM Account WHERE +IsDeleted = 0 AND Id = ?', params: [account] },
    { label: 'order items by product', soql: `SELECT Id FROM OrderItem WHERE Product2Id = '${product}'`, sql: 'SELECT Id FROM OrderItem WHERE +IsDeleted = 0 AND Product2Id = ?', params: [product] },
    { label: 'issue counts (GROUP BY, ORDER BY COUNT)', soql: `SELECT IssueId__c, COUNT(Id) IssueCount FROM Case WHERE OrderItemId__c IN (${q(ois)}) AND CreatedDate >= 2020-01-01T00:00:00Z AND CreatedDate <= 2024-06-01T00:00:00Z GROUP BY IssueId__c ORDER BY COUNT(Id) DESC`, sql: `SELECT IssueId__c, COUNT(Id) AS IssueCount FROM "Case" WHERE +IsDeleted = 0 AND OrderItemId__c IN (${ph(ois)}) AND CreatedDate >= ? AND CreatedDate <= ? GROUP BY IssueId__c ORDER BY COUNT(Id) DESC`, params: [...ois, '2020-01-01T00:00:00.000Z', '2024-06-01T00:00:00.000Z'] },
    { label: 'account of contact', soql: `SELECT AccountId FROM Contact WHERE Id = '${contact}' LIMIT 1`, sql: 'SELECT AccountId FROM Contact WHERE +IsDeleted = 0 AND Id = ? LIMIT 1', params: [contact] },
    { label: 'purchase history (parent paths)', soql: `SELECT Product2Id FROM OrderItem WHERE OrderItem.Order.AccountId = '${account}' AND OrderItem.Order.EffectiveDate = ${order.EffectiveDate} AND Product2Id IN ('${product}') AND OrderItem.Order.Status = 'Activated'`, sql: 'SELECT oi.Product2Id FROM OrderItem oi JOIN "Order" o ON o.Id = oi.OrderId WHERE +oi.IsDeleted = 0 AND o.AccountId = ? AND o.EffectiveDate = ? AND oi.Product2Id IN (?) AND o.Status = ?', params: [account, order.EffectiveDate, product, 'Activated'] },
    { label: 'issues', soql: 'SELECT Id, Name FROM Issue__c', sql: 'SELECT Id, Name FROM Issue__c WHERE +IsDeleted = 0', params: [] },
    { label: 'chat transcript by case', soql: `SELECT Body, EndTime FROM LiveChatTranscript WHERE CaseId = '${kase}'`, sql: 'SELECT Body, EndTime FROM LiveChatTranscript WHERE +IsDeleted = 0 AND CaseId = ?', params: [kase] },
    { label: 'emails by case', soql: `SELECT Subject, TextBody, FromAddress, ToAddress, MessageDate FROM EmailMessage WHERE ParentId = '${emailCase}'`, sql: 'SELECT Subject, TextBody, FromAddress, ToAddress, MessageDate FROM EmailMessage WHERE +IsDeleted = 0 AND ParentId = ?', params: [emailCase] },
    { label: 'online articles', soql: "SELECT Id, Title FROM Knowledge__kav WHERE PublishStatus = 'Online' AND Language = 'en_US'", sql: 'SELECT Id, Title FROM Knowledge__kav WHERE +IsDeleted = 0 AND PublishStatus = ? AND Language = ?', params: ['Online', 'en_US'] },
    { label: 'COUNT() closed cases', soql: "SELECT COUNT() FROM Case WHERE Status = 'Closed'", sql: 'SELECT COUNT(*) FROM "Case" WHERE +IsDeleted = 0 AND Status = ?', params: ['Closed'] },
    { label: 'cases with Account/Owner names', soql: 'SELECT Id, Subject, Account.Name, Owner.Name FROM Case ORDER BY CreatedDate DESC LIMIT 100', sql: 'SELECT c.Id, c.Subject, a.Name, u.Name FROM "Case" c LEFT JOIN Account a ON a.Id = c.AccountId LEFT JOIN "User" u ON u.Id = c.OwnerId WHERE +c.IsDeleted = 0 ORDER BY c.CreatedDate DESC LIMIT 100', params: [] },
    { label: 'accounts with child cases', soql: 'SELECT Id, Name, (SELECT Id, Status FROM Cases) FROM Account LIMIT 50', sql: 'SELECT a.Id, a.Name, c.Id, c.Status FROM (SELECT Id, Name FROM Account WHERE +IsDeleted = 0 LIMIT 50) a LEFT JOIN "Case" c ON c.AccountId = a.Id AND +c.IsDeleted = 0', params: [] },
    { label: 'cases per month (date function)', soql: `SELECT CALENDAR_MONTH(CreatedDate) m, COUNT(Id) FROM Case WHERE OwnerId = '${owner}' GROUP BY CALENDAR_MONTH(CreatedDate)`, sql: "SELECT CAST(strftime('%m', CreatedDate) AS INTEGER) AS m, COUNT(Id) FROM \"Case\" WHERE +IsDeleted = 0 AND OwnerId = ? GROUP BY 1", params: [owner] },
    { label: 'products LIKE', soql: "SELECT Id, Name FROM Product2 WHERE Name LIKE '%Jersey%'", sql: 'SELECT Id, Name FROM Product2 WHERE +IsDeleted = 0 AND Name LIKE ?', params: ['%Jersey%'] },
  ];
}

/** Median microseconds per call of `fn` over ~SECONDS seconds. */
function timeIt(fn: () => unknown): number {
  for (let i = 0; i < 3; i++) fn();
  const samples: number[] = [];
  const end = performance.now() + SECONDS * 1000;
  while (performance.now() < end || samples.length < 5) {
    const t = performance.now();
    fn();
    samples.push((performance.now() - t) * 1000);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

export async function run(): Promise<void> {
  const t0 = performance.now();
  const org = generateOrg({ seed: 42, scale: 1, out: ':memory:' });
  console.log(`seed-42 scale-1 org generated in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${SECONDS}s per measurement`);
  const rows: string[][] = [['#', 'query', 'rows', 'raw µs', 'cached µs', 'cold µs', 'cached/raw', 'cold/raw']];
  const ratios: number[] = [];
  const coldRatios: number[] = [];
  let variant = 0;
  pairs(org).forEach((p, i) => {
    const stmt = org.db.prepare(p.sql);
    const raw = timeIt(() => stmt.all(...p.params));
    const res = query(org, p.soql);
    const n = p.soql.includes('COUNT()') ? res.totalSize : res.records.length;
    const cached = timeIt(() => query(org, p.soql));
    // Cold: a text never seen before (trailing spaces), so parse, bind, plan and prepare all run.
    const coldSamples: number[] = [];
    for (let k = 0; k < 5; k++) {
      const text = p.soql + ' '.repeat(++variant);
      const t = performance.now();
      query(org, text);
      coldSamples.push((performance.now() - t) * 1000);
    }
    coldSamples.sort((a, b) => a - b);
    const cold = coldSamples[2]!;
    ratios.push(cached / raw);
    coldRatios.push(cold / raw);
    rows.push([String(i + 1), p.label, String(n), raw.toFixed(1), cached.toFixed(1), cold.toFixed(1), (cached / raw).toFixed(2), (cold / raw).toFixed(2)]);
  });
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const r of rows) console.log(r.map((x, c) => (c === 1 ? x.padEnd(widths[c]!) : x.padStart(widths[c]!))).join('  '));
  const geo = (xs: number[]) => Math.exp(xs.reduce((s, r) => s + Math.log(r), 0) / xs.length);
  console.log(`geometric mean cached/raw: ${geo(ratios).toFixed(2)}x (target < 1.5x); cold/raw: ${geo(coldRatios).toFixed(1)}x`);
  org.close();
}
