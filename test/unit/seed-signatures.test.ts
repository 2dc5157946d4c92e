/**
 * Each latent variable of the generator must leave a statistical signature in the org data
 * (issue 2: "a test per latent variable shows its statistical signature"). All on the seed-42,
 * scale-1 org shared by the test run.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ARTICLES } from '../../seed/text/knowledge-bank.ts';
import { openSeededOrg, seededLatents } from '../support/seeded-org.ts';

const org = openSeededOrg();
afterAll(() => org.close());
const L = seededLatents();
const all = <T>(sql: string, ...params: unknown[]) => org.db.prepare(sql).all(...params) as T[];
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const skill = new Map(L.agents.map((a) => [a.userId, a.skillByIssue]));

function pearson(xs: number[], ys: number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  let num = 0;
  let dx = 0;
  let dy = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * (ys[i]! - my);
    dx += (x - mx) ** 2;
    dy += (ys[i]! - my) ** 2;
  });
  return num / Math.sqrt(dx * dy);
}

/** Closed, never-transferred cases with handle time in hours (CRMArena's handle-time policy). */
const handled = all<{ Id: string; OwnerId: string; IssueId__c: string; hours: number; state: string }>(`
  SELECT c.Id, c.OwnerId, c.IssueId__c, (julianday(c.ClosedDate) - julianday(c.CreatedDate)) * 24 AS hours, a.ShippingState AS state
  FROM "Case" c JOIN Account a ON a.Id = c.AccountId
  WHERE c.Status = 'Closed' AND (SELECT COUNT(*) FROM CaseHistory__c h WHERE h.CaseId__c = c.Id AND h.Field__c = 'Owner Assignment') = 1`);

describe('latent signatures', () => {
  it('agent skill: experts close their issue faster than non-experts', () => {
    const expert = handled.filter((c) => skill.get(c.OwnerId)![c.IssueId__c]! >= 0.8).map((c) => c.hours);
    const other = handled.filter((c) => skill.get(c.OwnerId)![c.IssueId__c]! < 0.8).map((c) => c.hours);
    expect(expert.length).toBeGreaterThan(100);
    expect(other.length).toBeGreaterThan(100);
    expect(mean(expert)).toBeLessThan(0.7 * mean(other));
  });

  it('agent skill: transfers go from unskilled agents to experts, and experts close the most cases of their issue', () => {
    const transfers = all<{ o: string; n: string; i: string }>(`
      SELECT h.OldValue__c AS o, h.NewValue__c AS n, c.IssueId__c AS i FROM CaseHistory__c h JOIN "Case" c ON c.Id = h.CaseId__c
      WHERE h.Field__c = 'Owner Assignment' AND h.OldValue__c IS NOT NULL`);
    expect(transfers.length).toBeGreaterThan(60);
    expect(mean(transfers.map((t) => skill.get(t.o)![t.i]!))).toBeLessThan(0.55);
    expect(mean(transfers.map((t) => skill.get(t.n)![t.i]!))).toBeGreaterThan(0.8);
    // New Case Routing: the agent who closed the most cases of an issue is an expert in it.
    let experts = 0;
    for (const issue of L.issues) {
      const top = all<{ OwnerId: string; n: number }>(`SELECT OwnerId, COUNT(*) AS n FROM "Case" WHERE Status = 'Closed' AND IssueId__c = ? GROUP BY OwnerId ORDER BY n DESC LIMIT 1`, issue.id)[0]!;
      if (skill.get(top.OwnerId)![issue.id]! >= 0.8) experts++;
    }
    expect(experts).toBeGreaterThanOrEqual(8);
  });

  it('agent workload capacity: higher capacity, more first assignments', () => {
    const firsts = new Map(all<{ a: string; n: number }>(`SELECT NewValue__c AS a, COUNT(*) AS n FROM CaseHistory__c WHERE Field__c = 'Owner Assignment' AND OldValue__c IS NULL GROUP BY a`).map((r) => [r.a, r.n]));
    const caps = L.agents.map((a) => a.capacity);
    const loads = L.agents.map((a) => firsts.get(a.userId) ?? 0);
    expect(pearson(caps, loads)).toBeGreaterThan(0.3);
  });

  it('customer shopping habit: customers buy in their peak months and from their favorite categories', () => {
    const orders = all<{ a: string; m: number }>(`SELECT AccountId AS a, CAST(substr(EffectiveDate, 6, 2) AS INTEGER) AS m FROM "Order"`);
    const habits = new Map(L.customers.map((c) => [c.accountId, c.shoppingHabit]));
    let inPeak = 0;
    let expected = 0;
    let n = 0;
    for (const o of orders) {
      const h = habits.get(o.a)!;
      if (h.peakMonths.length === 0) continue;
      n++;
      if (h.peakMonths.includes(o.m)) inPeak++;
      expected += h.peakMonths.length / 12;
    }
    expect(inPeak / n).toBeGreaterThan(2 * (expected / n));
    const items = all<{ a: string; c: string }>(`
      SELECT o.AccountId AS a, pcp.ProductCategoryId AS c FROM OrderItem oi JOIN "Order" o ON o.Id = oi.OrderId
      JOIN ProductCategoryProduct pcp ON pcp.ProductId = oi.Product2Id AND pcp.IsPrimaryCategory = 1`);
    const fav = items.filter((i) => habits.get(i.a)!.favoriteCategoryIds.includes(i.c)).length;
    expect(fav / items.length).toBeGreaterThan(0.6);
  });

  it('customer complaint habit: frequent complainers file more cases per purchase, through their channel', () => {
    const cases = new Map(all<{ a: string; n: number; chat: number }>(`SELECT AccountId AS a, COUNT(*) AS n, SUM(Origin = 'Chat') AS chat FROM "Case" GROUP BY a`).map((r) => [r.a, r]));
    const lines = new Map(all<{ a: string; n: number }>(`SELECT o.AccountId AS a, COUNT(*) AS n FROM OrderItem oi JOIN "Order" o ON o.Id = oi.OrderId GROUP BY a`).map((r) => [r.a, r.n]));
    const rate = (kind: string) => {
      const cs = L.customers.filter((c) => c.complaintHabit.kind === kind);
      return cs.reduce((s, c) => s + (cases.get(c.accountId)?.n ?? 0), 0) / cs.reduce((s, c) => s + (lines.get(c.accountId) ?? 0), 0);
    };
    expect(rate('frequent')).toBeGreaterThan(rate('occasional'));
    expect(rate('occasional')).toBeGreaterThan(rate('rare'));
    expect(rate('frequent')).toBeGreaterThan(4 * rate('rare'));
    const chatShare = (pref: string) => {
      const cs = L.customers.filter((c) => c.complaintHabit.preferredChannel === pref);
      return cs.reduce((s, c) => s + (cases.get(c.accountId)?.chat ?? 0), 0) / cs.reduce((s, c) => s + (cases.get(c.accountId)?.n ?? 0), 0);
    };
    expect(chatShare('chat')).toBeGreaterThan(0.6);
    expect(chatShare('email')).toBeLessThan(0.25);
  });

  const productCases = all<{ p: string; m: number; i: string; n: number }>(`
    SELECT oi.Product2Id AS p, CAST(substr(c.CreatedDate, 6, 2) AS INTEGER) AS m, c.IssueId__c AS i, COUNT(*) AS n
    FROM "Case" c JOIN OrderItem oi ON oi.Id = c.OrderItemId__c GROUP BY p, m, i`);
  const casesOf = (p: string) => productCases.filter((r) => r.p === p);

  it('product defect rate: defect-prone products turn more of their sales into cases', () => {
    const sold = new Map(all<{ p: string; n: number }>(`SELECT Product2Id AS p, COUNT(*) AS n FROM OrderItem GROUP BY p`).map((r) => [r.p, r.n]));
    const sorted = [...L.products].filter((p) => (sold.get(p.productId) ?? 0) > 0).sort((a, b) => a.defectRate - b.defectRate);
    const q = Math.floor(sorted.length / 4);
    const rate = (ps: typeof sorted) => ps.reduce((s, p) => s + casesOf(p.productId).reduce((t, r) => t + r.n, 0), 0) / ps.reduce((s, p) => s + sold.get(p.productId)!, 0);
    expect(rate(sorted.slice(-q))).toBeGreaterThan(2 * rate(sorted.slice(0, q)));
  });

  it('product seasonality: a seeded spike month clearly dominates that product\'s cases', () => {
    let spiky = 0;
    let dominant = 0;
    for (const p of L.products) {
      const rows = casesOf(p.productId);
      const total = rows.reduce((s, r) => s + r.n, 0);
      if (!p.spike || total < 8) continue;
      spiky++;
      const byMonth = new Array(13).fill(0) as number[];
      for (const r of rows) byMonth[r.m]! += r.n;
      const others = byMonth.filter((_, m) => m !== p.spike!.month);
      if (byMonth[p.spike.month]! > Math.max(...others)) dominant++;
    }
    expect(spiky).toBeGreaterThanOrEqual(8);
    expect(dominant / spiky).toBeGreaterThanOrEqual(0.6);
  });

  it('product issue mix: the latent top issue is the most reported issue of most products', () => {
    let n = 0;
    let match = 0;
    for (const p of L.products) {
      const counts = new Map<string, number>();
      for (const r of casesOf(p.productId)) counts.set(r.i, (counts.get(r.i) ?? 0) + r.n);
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      if (total < 8) continue;
      n++;
      const best = [...counts.entries()].sort((a, b) => b[1] - a[1]);
      if (best[0]![0] === p.topIssueId && (best.length === 1 || best[1]![1] < best[0]![1])) match++;
    }
    expect(n).toBeGreaterThanOrEqual(15);
    expect(match / n).toBeGreaterThanOrEqual(0.5);
  });

  it('seasonal issue mix: holiday shipping delays and January returns', () => {
    const share = (issue: string, months: string[]) => {
      const rows = all<{ m: string; i: string }>(`SELECT substr(c.CreatedDate, 6, 2) AS m, i.Name AS i FROM "Case" c JOIN Issue__c i ON i.Id = c.IssueId__c`);
      const inMonths = rows.filter((r) => months.includes(r.m));
      return { issue: inMonths.filter((r) => r.i === issue).length / inMonths.length, rest: rows.filter((r) => !months.includes(r.m) && r.i === issue).length / rows.filter((r) => !months.includes(r.m)).length };
    };
    const shipping = share('Shipping Delay', ['11', '12']);
    expect(shipping.issue).toBeGreaterThan(2 * shipping.rest);
    const returns = share('Return Policy Issue', ['01']);
    expect(returns.issue).toBeGreaterThan(1.5 * returns.rest);
  });

  it('regional closure speed: the fast states close cases faster', () => {
    const byState = new Map<string, number[]>();
    for (const c of handled) (byState.get(c.state) ?? byState.set(c.state, []).get(c.state)!).push(c.hours);
    const fast = L.regions.filter((r) => r.closureSpeedFactor < 0.7 && (byState.get(r.state)?.length ?? 0) >= 10);
    const slow = L.regions.filter((r) => r.closureSpeedFactor >= 1 && (byState.get(r.state)?.length ?? 0) >= 10);
    expect(fast.length).toBeGreaterThanOrEqual(1);
    const hours = (rs: typeof fast) => mean(rs.flatMap((r) => byState.get(r.state)!));
    expect(hours(fast)).toBeLessThan(0.7 * hours(slow));
  });

  it('agent policy violations: the named message contradicts the named article, other cases state policies correctly', () => {
    expect(L.violations.length).toBeGreaterThan(60);
    expect(L.violations.length).toBeLessThan(250);
    const statements = ARTICLES.flatMap((a) => a.facts.map((f) => ({ f, wrong: f.wrongValues.map((w) => f.statement.replace('{value}', w)), right: f.statement.replace('{value}', f.value) })));
    const violatedCases = new Set(L.violations.map((v) => v.caseId));
    expect(violatedCases.size).toBe(L.violations.length);
    for (const v of L.violations) {
      const table = v.messageObject === 'EmailMessage' ? 'EmailMessage' : 'LiveChatTranscript';
      const col = table === 'EmailMessage' ? 'TextBody' : 'Body';
      const parent = table === 'EmailMessage' ? 'ParentId' : 'CaseId';
      const msg = org.db.prepare(`SELECT "${col}" AS text, "${parent}" AS caseId FROM "${table}" WHERE Id = ?`).get(v.messageId) as { text: string; caseId: string };
      expect(msg.caseId).toBe(v.caseId);
      expect(msg.text).toContain(v.statement);
      expect(v.statement).toContain(v.claimedValue);
      expect(v.claimedValue).not.toBe(v.correctValue);
      const article = org.db.prepare('SELECT FAQ_Answer__c AS body FROM Knowledge__kav WHERE Id = ?').get(v.articleId) as { body: string };
      expect(article.body).toContain(v.correctValue);
      // The violated article is the one governing the case's issue.
      const issue = (org.db.prepare('SELECT IssueId__c AS i FROM "Case" WHERE Id = ?').get(v.caseId) as { i: string }).i;
      expect(L.articleByIssue[issue]).toBe(v.articleId);
    }
    // No wrong statement anywhere outside the recorded violations; correct ones are common.
    const texts = [
      ...all<{ c: string; t: string }>('SELECT ParentId AS c, TextBody AS t FROM EmailMessage'),
      ...all<{ c: string; t: string }>('SELECT CaseId AS c, Body AS t FROM LiveChatTranscript'),
    ];
    let correct = 0;
    for (const { c, t } of texts) {
      for (const s of statements) {
        if (!violatedCases.has(c)) for (const w of s.wrong) expect(t.includes(w), `case ${c}: ${w}`).toBe(false);
        if (t.includes(s.right)) correct++;
      }
    }
    expect(correct).toBeGreaterThan(300);
    // Violations come from the agents with a high latent propensity.
    const propensity = new Map(L.agents.map((a) => [a.userId, a.violationPropensity]));
    expect(mean(L.violations.map((v) => propensity.get(v.agentId)!))).toBeGreaterThan(3 * mean(L.agents.map((a) => a.violationPropensity)));
  });
});
