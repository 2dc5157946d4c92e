/**
 * The service half of CRMArena-Pro's orgs (seed/pro/service/): B2B companies with several contacts and
 * B2C person accounts, each in its own theme, at the volumes of their scale, byte-deterministic, with
 * the original latent variables still leaving their signatures — and the original org unchanged.
 * The service half is built on its own (generateProService) so these checks do not depend on the
 * sales, CPQ and activity stages.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORD_TYPE_PERSON_ACCOUNT } from '../../seed/generators/setup-objects.ts';
import { generateOrgWithLatents } from '../../seed/index.ts';
import type { LatentFile } from '../../seed/latent.ts';
import { generateProService, proServiceTheme } from '../../seed/pro/service/index.ts';
import { B2B_THEME } from '../../seed/pro/text/b2b.ts';
import { B2C_THEME } from '../../seed/pro/text/b2c.ts';
import { DAY } from '../../seed/time.ts';
import { applyOrgProfile } from '../../schema/orgs/profile.ts';
import { DEFAULT_NOW, Org } from '../../src/org/index.ts';
import type { ProOrgKind } from '../../src/org/org-kind.ts';

const SERVICE_OBJECTS = [
  'User', 'Account', 'Contact', 'Case', 'Knowledge__kav', 'ProductCategory', 'Product2', 'ProductCategoryProduct', 'Pricebook2',
  'PricebookEntry', 'Order', 'OrderItem', 'EmailMessage', 'LiveChatTranscript', 'Issue__c', 'CaseHistory__c',
];

/**
 * The original org (seed 42, scale 0.3): its 16 objects' rows and its latent file but for the
 * generator version, as before the service half took a theme (that code gave this digest under
 * mockforce-seed/4, where with the version included it read d891dd33…). Change it only with a
 * deliberate change to the original generator's rows or latents.
 */
const ORIGINAL_DIGEST = '1cc2b528c96ce3d42b2182e865da15309b952bab2655eeaad278e94fc03c4576';

function serviceHalf(kind: ProOrgKind, scale: number, seed = 42): { org: Org; latent: LatentFile } {
  applyOrgProfile(kind);
  const org = Org.create(':memory:', { now: DEFAULT_NOW });
  const nowMs = Date.parse(DEFAULT_NOW);
  const ctx = { org, seed, scale, nowMs, historyEndMs: nowMs - 6 * DAY, adminUserId: '', progress: () => {} };
  const { latent } = org.store.transaction(() => generateProService(ctx, kind, DEFAULT_NOW));
  return { org, latent };
}

const opened: Org[] = [];
// One org per kind serves the volume, theme and signature checks (generated once, lazily).
const orgs = new Map<ProOrgKind, ReturnType<typeof keep>>();
const SCALE: Record<ProOrgKind, number> = { b2b: 0.5, b2c: 0.3 };
function shared(kind: ProOrgKind): ReturnType<typeof keep> {
  if (!orgs.has(kind)) orgs.set(kind, keep(serviceHalf(kind, SCALE[kind])));
  return orgs.get(kind)!;
}
afterAll(() => opened.forEach((o) => o.close()));
function keep(x: { org: Org; latent: LatentFile }) {
  opened.push(x.org);
  const all = <T>(sql: string, ...p: unknown[]) => x.org.db.prepare(sql).all(...p) as T[];
  const n = (sql: string, ...p: unknown[]) => (x.org.db.prepare(sql).get(...p) as { n: number }).n;
  return { ...x, all, n };
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('the original org', () => {
  it('is byte-for-byte what it was before the themes (16 objects and latents, seed 42, scale 0.3)', () => {
    const { org, latents } = generateOrgWithLatents({ seed: 42, scale: 0.3, out: ':memory:' });
    const h = createHash('sha256');
    for (const t of SERVICE_OBJECTS) h.update(t).update(JSON.stringify(org.db.prepare(`SELECT * FROM "${t}" ORDER BY Id`).all()));
    const { generatorVersion: _version, ...rest } = latents;
    h.update(JSON.stringify(rest));
    org.close();
    expect(h.digest('hex')).toBe(ORIGINAL_DIGEST);
  }, 30_000);
});

describe('B2B service half (scale 0.5)', () => {
  let b: ReturnType<typeof keep>;
  beforeAll(() => void (b = shared('b2b')), 30_000);

  it('has the volumes of its scale', () => {
    const count = (t: string) => b.n(`SELECT COUNT(*) AS n FROM "${t}"`);
    expect(count('Account')).toBe(150);
    expect(count('Case')).toBe(450);
    expect(count('Order')).toBe(900);
    expect(count('Product2')).toBe(60);
    expect(count('ProductCategory')).toBe(8);
    expect(count('Issue__c')).toBe(10);
    expect(count('Knowledge__kav')).toBe(B2B_THEME.articles.length);
    expect(count('Pricebook2')).toBe(B2B_THEME.pricebooks.defs.length);
    expect(count('Contact')).toBeGreaterThan(2.5 * 150);
    expect(count('EmailMessage')).toBeGreaterThan(2.5 * 450);
    expect(count('LiveChatTranscript')).toBeGreaterThan(100);
    expect(count('CaseHistory__c')).toBeGreaterThanOrEqual(2 * 450);
  });

  it('has companies for accounts, each with at least two contacts at its own domain', () => {
    const accounts = b.all<Record<string, unknown>>('SELECT * FROM Account');
    for (const a of accounts) {
      expect(a.IsPersonAccount).toBe(0);
      expect(a.RecordTypeId).toBeNull();
      expect(a.FirstName).toBeNull();
      expect(a.PersonEmail).toBeNull();
      for (const f of ['Name', 'Industry', 'Phone', 'ShippingState', 'Description']) expect(a[f], f).toBeTruthy();
      expect(a.NumberOfEmployees as number).toBeGreaterThanOrEqual(12);
    }
    expect(new Set(accounts.map((a) => a.Name)).size).toBe(accounts.length);
    expect(new Set(accounts.map((a) => a.Industry)).size).toBeGreaterThanOrEqual(5);
    const perAccount = b.all<{ n: number; domains: number }>(
      `SELECT COUNT(*) AS n, COUNT(DISTINCT substr(Email, instr(Email, '@'))) AS domains FROM Contact GROUP BY AccountId`,
    );
    expect(perAccount).toHaveLength(accounts.length);
    expect(Math.min(...perAccount.map((r) => r.n))).toBeGreaterThanOrEqual(2);
    expect(mean(perAccount.map((r) => r.n))).toBeGreaterThan(3);
    expect(perAccount.every((r) => r.domains === 1)).toBe(true);
    // Cases come from the people of the case's own account, who were contacts by then; about half from the main one.
    expect(b.n(`SELECT COUNT(*) AS n FROM "Case" c JOIN Contact k ON k.Id = c.ContactId WHERE k.AccountId != c.AccountId OR k.CreatedDate > c.CreatedDate`)).toBe(0);
    const main = new Set(b.latent.customers.map((x) => x.contactId));
    const openers = b.all<{ ContactId: string }>('SELECT ContactId FROM "Case"');
    const share = openers.filter((o) => main.has(o.ContactId)).length / openers.length;
    expect(share).toBeGreaterThan(0.45);
    expect(share).toBeLessThan(0.8);
    // The thread starts from the opener's own address.
    expect(b.n(`SELECT COUNT(*) AS n FROM "Case" c JOIN Contact k ON k.Id = c.ContactId
      WHERE c.Origin = 'Email' AND (c.SuppliedEmail != k.Email OR NOT EXISTS (SELECT 1 FROM EmailMessage e WHERE e.ParentId = c.Id AND e.FromAddress = k.Email))`)).toBe(0);
    expect(b.n(`SELECT COUNT(*) AS n FROM Contact WHERE Title IS NULL OR Email IS NULL`)).toBe(0);
  });

  it('speaks in the software vendor’s voice', () => {
    expect(b.all<{ Name: string }>('SELECT Name FROM Issue__c ORDER BY Id').map((r) => r.Name)).toEqual(B2B_THEME.issues.map((i) => i.name));
    const products = b.all<{ Name: string }>('SELECT Name FROM Product2').map((r) => r.Name);
    expect(products.every((p) => B2B_THEME.catalog.productLines.includes(p.split(' ')[0]!))).toBe(true);
    expect(products.some((p) => p.includes('Power Optimization Manager') || p.includes('Timing Analyzer'))).toBe(true);
    expect(b.n(`SELECT COUNT(*) AS n FROM Knowledge__kav WHERE Title LIKE 'Competitor: %'`)).toBeGreaterThanOrEqual(3);
    expect(b.n(`SELECT COUNT(DISTINCT CompanyName) AS n FROM User`)).toBe(1);
    expect(b.all<{ c: string }>('SELECT CompanyName AS c FROM User LIMIT 1')[0]!.c).toBe(B2B_THEME.company.name);
    // Nothing of the apparel retailer leaks in.
    for (const [t, f] of [['Case', 'Description'], ['EmailMessage', 'TextBody'], ['Knowledge__kav', 'FAQ_Answer__c'], ['Product2', 'Description'], ['Pricebook2', 'Name']]) {
      expect(b.n(`SELECT COUNT(*) AS n FROM "${t}" WHERE ${f} LIKE '%Trailmark%' OR ${f} LIKE '%footwear%' OR ${f} LIKE '%hiking%'`), `${t}.${f}`).toBe(0);
    }
    expect(b.n(`SELECT COUNT(*) AS n FROM EmailMessage WHERE TextBody LIKE '%${B2B_THEME.company.name} Technical Support%'`)).toBeGreaterThan(0);
  });

  it('uses the case statuses Pro’s org shows (Closed, Working, Waiting on Customer)', () => {
    expect(b.all<{ s: string }>('SELECT DISTINCT Status AS s FROM "Case" ORDER BY s').map((r) => r.s)).toEqual(['Closed', 'Waiting on Customer', 'Working']);
  });

  it('relates every case email to its case (EmailMessage.RelatedToId)', () => {
    expect(b.n('SELECT COUNT(*) AS n FROM EmailMessage WHERE RelatedToId IS NULL OR RelatedToId != ParentId')).toBe(0);
  });
});

describe('B2C service half (scale 0.3)', () => {
  let c: ReturnType<typeof keep>;
  beforeAll(() => void (c = shared('b2c')), 30_000);

  it('has the volumes of its scale', () => {
    const count = (t: string) => c.n(`SELECT COUNT(*) AS n FROM "${t}"`);
    expect(count('Account')).toBe(300);
    expect(count('Contact')).toBe(300);
    expect(count('Case')).toBe(420);
    expect(count('Order')).toBe(1140);
    expect(count('Product2')).toBe(90);
    expect(count('ProductCategory')).toBe(10);
    expect(count('Knowledge__kav')).toBe(B2C_THEME.articles.length);
    expect(count('EmailMessage')).toBeGreaterThan(2.5 * 420);
  });

  it('has person accounts whose contact is only the link and the name', () => {
    const accounts = c.all<Record<string, unknown>>('SELECT * FROM Account');
    for (const a of accounts) {
      expect(a.IsPersonAccount).toBe(1);
      expect(a.RecordTypeId).toBe(RECORD_TYPE_PERSON_ACCOUNT);
      expect(a.Name).toBe(`${a.FirstName} ${a.LastName}`);
      for (const f of ['PersonEmail', 'Phone', 'ShippingState', 'Description']) expect(a[f], f).toBeTruthy();
      expect(a.Industry).toBeNull();
    }
    const contacts = c.all<Record<string, unknown>>('SELECT k.*, a.LastName AS aLast FROM Contact k JOIN Account a ON a.Id = k.AccountId');
    expect(contacts).toHaveLength(accounts.length);
    for (const k of contacts) {
      expect(k.LastName).toBe(k.aLast);
      expect(k.Email).toBeNull();
      expect(k.MailingState).toBeNull();
    }
  });

  it('speaks in the consumer brand’s voice', () => {
    expect(c.all<{ Name: string }>('SELECT Name FROM Issue__c ORDER BY Id').map((r) => r.Name)).toEqual(B2C_THEME.issues.map((i) => i.name));
    const products = c.all<{ Name: string }>('SELECT Name FROM Product2').map((r) => r.Name);
    expect(products.every((p) => B2C_THEME.catalog.productLines.includes(p.split(' ')[0]!))).toBe(true);
    expect(products.some((p) => /Earbuds|Speaker|Robot Vacuum|Smartwatch/.test(p))).toBe(true);
    expect(c.n(`SELECT COUNT(*) AS n FROM "Case" WHERE Description LIKE '%Trailmark%' OR Description LIKE '%hiking%'`)).toBe(0);
    expect(c.n(`SELECT COUNT(*) AS n FROM Knowledge__kav WHERE FAQ_Answer__c LIKE '%${B2C_THEME.company.name}%'`)).toBeGreaterThan(5);
  });
});

describe('determinism', () => {
  const bytes = (kind: ProOrgKind) => {
    const { org } = serviceHalf(kind, 0.2);
    const out = createHash('sha256').update(org.db.serialize()).digest('hex');
    org.close();
    return out;
  };

  it('gives the same bytes for the same seed and kind, and different orgs for the two kinds', () => {
    const b1 = bytes('b2b');
    expect(bytes('b2b')).toBe(b1);
    const c1 = bytes('b2c');
    expect(bytes('b2c')).toBe(c1);
    expect(c1).not.toBe(b1);
  }, 30_000);

  it('themes the two kinds apart', () => {
    expect(proServiceTheme('b2b').company.name).not.toBe(proServiceTheme('b2c').company.name);
    const b = B2B_THEME.issues.map((i) => i.name);
    expect(B2C_THEME.issues.filter((i) => b.includes(i.name)).length).toBe(0);
  });
});

/** The original signature tests' invariants (test/unit/seed-signatures.test.ts), on the Pro data. */
describe.each(['b2b', 'b2c'] as const)('latent signatures on %s', (kind) => {
  let s: ReturnType<typeof keep>;
  let skill: Map<string, Record<string, number>>;
  beforeAll(() => {
    s = shared(kind);
    skill = new Map(s.latent.agents.map((a) => [a.userId, a.skillByIssue]));
  }, 30_000);

  it('agent skill: experts close their issue faster, transfers go from unskilled agents to experts', () => {
    const handled = s.all<{ OwnerId: string; IssueId__c: string; hours: number }>(`
      SELECT c.OwnerId, c.IssueId__c, (julianday(c.ClosedDate) - julianday(c.CreatedDate)) * 24 AS hours FROM "Case" c
      WHERE c.Status = 'Closed' AND (SELECT COUNT(*) FROM CaseHistory__c h WHERE h.CaseId__c = c.Id AND h.Field__c = 'Owner Assignment') = 1`);
    const expert = handled.filter((c) => skill.get(c.OwnerId)![c.IssueId__c]! >= 0.8).map((c) => c.hours);
    const other = handled.filter((c) => skill.get(c.OwnerId)![c.IssueId__c]! < 0.8).map((c) => c.hours);
    expect(expert.length).toBeGreaterThan(50);
    expect(other.length).toBeGreaterThan(50);
    expect(mean(expert)).toBeLessThan(0.75 * mean(other));
    const transfers = s.all<{ o: string; n: string; i: string }>(`
      SELECT h.OldValue__c AS o, h.NewValue__c AS n, c.IssueId__c AS i FROM CaseHistory__c h JOIN "Case" c ON c.Id = h.CaseId__c
      WHERE h.Field__c = 'Owner Assignment' AND h.OldValue__c IS NOT NULL`);
    expect(transfers.length).toBeGreaterThan(30);
    expect(mean(transfers.map((t) => skill.get(t.o)![t.i]!))).toBeLessThan(0.55);
    expect(mean(transfers.map((t) => skill.get(t.n)![t.i]!))).toBeGreaterThan(0.8);
  });

  it('complaint habit: frequent complainers open more cases per order line than rare ones', () => {
    const rate = (kind: string) => {
      const ids = s.latent.customers.filter((c) => c.complaintHabit.kind === kind).map((c) => c.accountId);
      const list = ids.map(() => '?').join(',');
      const cases = s.n(`SELECT COUNT(*) AS n FROM "Case" WHERE AccountId IN (${list})`, ...ids);
      const items = s.n(`SELECT COUNT(*) AS n FROM OrderItem i JOIN "Order" o ON o.Id = i.OrderId WHERE o.AccountId IN (${list})`, ...ids);
      return cases / items;
    };
    expect(rate('frequent')).toBeGreaterThan(2 * rate('rare'));
  });

  it('product defect rate: the most defect-prone products turn more of their order lines into cases', () => {
    const lines = new Map(s.all<{ p: string; n: number }>('SELECT Product2Id AS p, COUNT(*) AS n FROM OrderItem GROUP BY p').map((r) => [r.p, r.n]));
    const cases = new Map(s.all<{ p: string; n: number }>('SELECT i.Product2Id AS p, COUNT(*) AS n FROM "Case" c JOIN OrderItem i ON i.Id = c.OrderItemId__c GROUP BY p').map((r) => [r.p, r.n]));
    const sold = s.latent.products.filter((p) => (lines.get(p.productId) ?? 0) >= 5).sort((x, y) => x.defectRate - y.defectRate);
    const q = Math.floor(sold.length / 4);
    const rate = (ps: typeof sold) => ps.reduce((a, p) => a + (cases.get(p.productId) ?? 0), 0) / ps.reduce((a, p) => a + lines.get(p.productId)!, 0);
    expect(q).toBeGreaterThan(5);
    expect(rate(sold.slice(-q))).toBeGreaterThan(1.5 * rate(sold.slice(0, q)));
  });

  it('product issue mix: most products with cases have their latent top issue as their most common one', () => {
    const rows = s.all<{ p: string; i: string; n: number }>(`
      SELECT i.Product2Id AS p, c.IssueId__c AS i, COUNT(*) AS n FROM "Case" c JOIN OrderItem i ON i.Id = c.OrderItemId__c GROUP BY p, i`);
    const top = new Map<string, { i: string; n: number; total: number }>();
    for (const r of rows) {
      const t = top.get(r.p) ?? { i: '', n: -1, total: 0 };
      t.total += r.n;
      if (r.n > t.n) Object.assign(t, { i: r.i, n: r.n });
      top.set(r.p, t);
    }
    const latentTop = new Map(s.latent.products.map((p) => [p.productId, p.topIssueId]));
    const busy = [...top.entries()].filter(([, t]) => t.total >= 5);
    expect(busy.length).toBeGreaterThan(15);
    expect(busy.filter(([p, t]) => latentTop.get(p) === t.i).length / busy.length).toBeGreaterThan(0.6);
  });

  it('seasonal issue mix: the theme’s seasonal issue peaks in its months (B2B renewals before fiscal year-end anniversaries, B2C holiday shipping delays)', () => {
    // Renewals come in the month before the anniversary of mostly fiscal year-end orders; at this small
    // scale (about 45 renewal cases) the B2B margin is smaller than at scale 1, where it is about 2.5x.
    const [issue, months, margin] = kind === 'b2b' ? ['Subscription Renewal', ['11', '12'], 1.3] : ['Shipping Delay', ['11', '12'], 1.6];
    const rows = s.all<{ m: string; i: string }>(`SELECT substr(c.CreatedDate, 6, 2) AS m, i.Name AS i FROM "Case" c JOIN Issue__c i ON i.Id = c.IssueId__c`);
    const inMonths = rows.filter((r) => months.includes(r.m));
    const rest = rows.filter((r) => !months.includes(r.m));
    const shareIn = inMonths.filter((r) => r.i === issue).length / inMonths.length;
    const shareRest = rest.filter((r) => r.i === issue).length / rest.length;
    expect(shareIn).toBeGreaterThan(margin * shareRest);
  });

  it('regional closure speed: the fast states close cases faster', () => {
    const rows = s.all<{ state: string; hours: number }>(`
      SELECT a.ShippingState AS state, (julianday(c.ClosedDate) - julianday(c.CreatedDate)) * 24 AS hours FROM "Case" c JOIN Account a ON a.Id = c.AccountId
      WHERE c.Status = 'Closed' AND (SELECT COUNT(*) FROM CaseHistory__c h WHERE h.CaseId__c = c.Id AND h.Field__c = 'Owner Assignment') = 1`);
    const factor = new Map(s.latent.regions.map((r) => [r.state, r.closureSpeedFactor]));
    const fast = rows.filter((r) => factor.get(r.state)! < 0.7).map((r) => r.hours);
    const slow = rows.filter((r) => factor.get(r.state)! >= 1).map((r) => r.hours);
    expect(fast.length).toBeGreaterThan(10);
    expect(mean(fast)).toBeLessThan(0.75 * mean(slow));
  });

  it('policy violations: every recorded violation is the agent’s statement in the message, contradicting the governing article', () => {
    const v = s.latent.violations;
    expect(v.length).toBeGreaterThan(10);
    for (const x of v.slice(0, 40)) {
      const body = x.messageObject === 'EmailMessage'
        ? s.all<{ t: string }>('SELECT TextBody AS t FROM EmailMessage WHERE Id = ?', x.messageId)[0]!.t
        : s.all<{ t: string }>('SELECT Body AS t FROM LiveChatTranscript WHERE Id = ?', x.messageId)[0]!.t;
      expect(body).toContain(x.statement);
      expect(x.claimedValue).not.toBe(x.correctValue);
      const article = s.all<{ a: string }>('SELECT FAQ_Answer__c AS a FROM Knowledge__kav WHERE Id = ?', x.articleId)[0]!.a;
      expect(article).toContain(x.correctValue);
    }
  });
});
