/**
 * The CPQ stage on a generated B2B org (scale 0.2): the latent propensities show in the data (heavy
 * discounters' quotes break the pricing articles more often, careless agents' the configuration
 * ones), every quote the latent file calls violating breaks its article's numbers in the stored rows
 * (checked here by plain SQL per rule) and compliant ones break none, the ground truth of the three
 * tasks matches hand-built cases, and the same seed gives the same rows and the same task bytes.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CpqRule } from '../../seed/pro/cpq/rules.ts';
import type { ProLatentFile } from '../../seed/pro/latent.ts';
import { generateOrgWithLatents } from '../../seed/index.ts';
import type { Org } from '../../src/org/index.ts';
import { routeLead } from '../../src/tasks/pro/cpq/lead-routing.ts';
import { liveArticles, storedQuote } from '../../src/tasks/pro/cpq/quote-policy.ts';
import { violatedRules } from '../../seed/pro/cpq/rules.ts';
import { generateProTasks } from '../../src/tasks/pro/generate.ts';

const TASKS = ['quote_approval', 'invalid_config', 'lead_routing'] as const;
let org: Org;
let latent: ProLatentFile;

beforeAll(() => {
  const g = generateOrgWithLatents({ seed: 3, scale: 0.2, out: ':memory:', org: 'b2b' });
  org = g.org;
  latent = g.latents as ProLatentFile;
}, 120_000);
afterAll(() => org?.close());

const prepared = new Map<string, ReturnType<Org['db']['prepare']>>();

/** Whether the stored quote breaks the rule, by SQL written per rule (independent of rules.ts). */
function sqlBreaks(quoteId: string, r: CpqRule): boolean {
  const one = (sql: string, ...args: unknown[]) => {
    const st = prepared.get(sql) ?? prepared.set(sql, org.db.prepare(sql)).get(sql)!;
    return (st.get(...args) as { n: number }).n > 0;
  };
  const L = `FROM "QuoteLineItem" WHERE "QuoteId" = ? AND "IsDeleted" = 0`;
  switch (r.kind) {
    case 'discount_ceiling':
      return one(`SELECT COUNT(*) n ${L} AND "Product2Id" = ? AND COALESCE("Discount", 0) > ?`, quoteId, r.productId, r.maxDiscount);
    case 'price_floor':
      return one(`SELECT COUNT(*) n ${L} AND "Product2Id" = ? AND "UnitPrice" * (1 - COALESCE("Discount", 0) / 100.0) < ?`, quoteId, r.productId, r.minNetPrice);
    case 'volume_band':
      return one(`SELECT COUNT(*) n ${L} AND "Product2Id" = ? AND "Quantity" < ? AND COALESCE("Discount", 0) > ?`, quoteId, r.productId, r.belowQuantity, r.maxDiscount);
    case 'validity':
      return one(`SELECT COUNT(*) n FROM "Quote" WHERE "Id" = ? AND julianday("ExpirationDate") - julianday(substr("CreatedDate", 1, 10)) > ?`, quoteId, r.maxDays);
    case 'min_quantity':
      return one(`SELECT COUNT(*) n ${L} AND "Product2Id" = ? AND "Quantity" < ?`, quoteId, r.productId, r.min);
    case 'max_quantity':
      return one(`SELECT COUNT(*) n ${L} AND "Product2Id" = ? AND "Quantity" > ?`, quoteId, r.productId, r.max);
    case 'companion':
      return one(`SELECT COUNT(*) n ${L} AND "Product2Id" = ?`, quoteId, r.productId) && !one(`SELECT COUNT(*) n ${L} AND "Product2Id" = ?`, quoteId, r.requiresId);
  }
}

describe('CPQ latent signature', () => {
  it('writes the quotes, lines and articles the latent file describes', () => {
    const n = (sql: string) => (org.db.prepare(sql).get() as { n: number }).n;
    expect(n(`SELECT COUNT(*) n FROM "Quote"`)).toBe(latent.cpq.quotes.length);
    expect(n(`SELECT COUNT(*) n FROM "Quote" q WHERE NOT EXISTS (SELECT 1 FROM "QuoteLineItem" l WHERE l."QuoteId" = q."Id")`)).toBe(0);
    expect(n(`SELECT COUNT(*) n FROM "Knowledge__kav" WHERE "PublishStatus" = 'Online' AND ("Title" LIKE 'Pricing Policy:%' OR "Title" LIKE 'Configuration Policy:%')`)).toBe(23);
    // Quotes only on deals at or past the Quote stage; Accepted ones on deals closed with a contract.
    expect(n(`SELECT COUNT(*) n FROM "Quote" q JOIN "Opportunity" o ON o."Id" = q."OpportunityId" WHERE q."Status" = 'Accepted' AND o."ContractID__c" IS NULL`)).toBe(0);
    expect(n(`SELECT COUNT(*) n FROM "Quote" WHERE "Status" NOT IN ('Draft', 'Needs Review', 'In Review', 'Approved', 'Rejected', 'Presented', 'Accepted')`)).toBe(0);
  });

  it('violating quotes break their article by the numbers; compliant ones break none', () => {
    const rules = latent.cpq.articles;
    let violating = 0;
    for (const q of latent.cpq.quotes) {
      const broken = rules.filter((a) => sqlBreaks(q.quoteId, a.rule)).map((a) => a.articleId);
      expect(broken, q.quoteId).toEqual(q.violatedArticleId ? [q.violatedArticleId] : []);
      if (q.violatedArticleId) violating++;
    }
    expect(violating).toBeGreaterThan(latent.cpq.quotes.length / 5);
  });

  it("heavy discounters' quotes break the pricing articles more often; careless agents' the configuration ones", () => {
    const agents = new Map(latent.cpq.agents.map((a) => [a.userId, a]));
    const rate = (pred: (ownerId: string) => boolean, cat: 'approval' | 'config') => {
      const qs = latent.cpq.quotes.filter((q) => pred(q.ownerId));
      return { n: qs.length, r: qs.filter((q) => q.category === cat).length / Math.max(1, qs.length) };
    };
    const heavy = rate((u) => agents.get(u)!.heavyDiscounter, 'approval');
    const rest = rate((u) => !agents.get(u)!.heavyDiscounter, 'approval');
    expect(heavy.n).toBeGreaterThan(20);
    expect(rest.n).toBeGreaterThan(20);
    expect(heavy.r).toBeGreaterThan(rest.r + 0.15);
    const careless = rate((u) => agents.get(u)!.careless, 'config');
    const careful = rate((u) => !agents.get(u)!.careless, 'config');
    expect(careless.n).toBeGreaterThan(20);
    expect(careful.n).toBeGreaterThan(20);
    expect(careless.r).toBeGreaterThan(careful.r + 0.1);
  });
});

describe('CPQ ground truth', () => {
  it('task answers are the stored quote re-checked, and the latent file agrees', () => {
    const tasks = generateProTasks(org, { seed: 9, perTask: 30, perPrivacyTask: 0, tasks: TASKS, latent });
    const byQuote = new Map(latent.cpq.quotes.map((q) => [q.quoteId, q]));
    for (const t of tasks.filter((x) => x.task !== 'lead_routing')) {
      const id = /0Q0\w+/.exec(t.query)![0];
      const lq = byQuote.get(id)!;
      expect(t.answer).toEqual(lq.violatedArticleId ? [lq.violatedArticleId] : ['None']);
      if (lq.category) expect(lq.category).toBe(t.task === 'quote_approval' ? 'approval' : 'config');
      expect(t.metadata.required).toMatch(t.task === 'quote_approval' ? /^Quote Approval Policy: / : /^Product Configuration Policy: /);
    }
    for (const t of tasks.filter((x) => x.task === 'lead_routing')) {
      const state = /Lead's region: ([A-Z]{2})$/.exec(t.metadata.required)![1]!;
      expect(t.answer).toEqual([routeLead(org.db, state)]);
    }
    expect(tasks.filter((t) => t.answer[0] === 'None').map((t) => t.task)).toEqual([...Array(6).fill('quote_approval'), ...Array(6).fill('invalid_config')]);
  });

  it('a hand-built quote breaks a discount ceiling only past the ceiling', () => {
    const articles = liveArticles(org.db, latent);
    const a = articles.find((x) => x.rule.kind === 'discount_ceiling')!;
    const r = a.rule as Extract<CpqRule, { kind: 'discount_ceiling' }>;
    const opp = latent.cpq.quotes[0]!.opportunityId;
    const qid = org.store.insert('Quote', { Name: 'Hand quote', OpportunityId: opp, Status: 'Draft', ExpirationDate: '2024-06-10' }, { CreatedDate: '2024-06-01T10:00:00.000Z' });
    const line = org.store.insert('QuoteLineItem', { QuoteId: qid, Product2Id: r.productId, Quantity: 3, UnitPrice: 100, Discount: r.maxDiscount });
    expect(violatedRules(articles, storedQuote(org.db, qid)!)).toEqual([]);
    org.store.update('QuoteLineItem', line, { Discount: r.maxDiscount + 0.5 });
    expect(violatedRules(articles, storedQuote(org.db, qid)!)).toEqual([a]);
    org.store.update('Quote', qid, { ExpirationDate: '2025-06-10' });
    expect(violatedRules(articles, storedQuote(org.db, qid)!).map((x) => x.rule.kind)).toEqual(['validity', 'discount_ceiling']);
  });

  it('lead routing: territory match, then most Accepted quotes, then fewest unconverted leads', () => {
    const users = (org.db.prepare(`SELECT "Id" AS id FROM "User" ORDER BY "Id" LIMIT 3`).all() as { id: string }[]).map((u) => u.id);
    const [u1, u2, u3] = users as [string, string, string];
    const account = (org.db.prepare(`SELECT "Id" AS id FROM "Account" LIMIT 1`).get() as { id: string }).id;
    const terr = org.store.insert('Territory2', { Name: 'Test Isles', DeveloperName: 'Test_Isles', Description: 'QX,QY' });
    for (const u of users) org.store.insert('UserTerritory2Association', { Territory2Id: terr, UserId: u, IsActive: 1 });
    const accepted = (sql: string) => (org.db.prepare(sql).all() as { u: string; n: number }[]);
    const base = new Map(
      accepted(`SELECT o."OwnerId" u, COUNT(*) n FROM "Quote" q JOIN "Opportunity" o ON o."Id" = q."OpportunityId" WHERE q."Status" = 'Accepted' GROUP BY o."OwnerId"`).map((r) => [r.u, r.n]),
    );
    // Give each user quotes so u1 and u2 tie on Accepted quotes, u3 has fewer.
    const target = Math.max(...users.map((u) => base.get(u) ?? 0)) + 2;
    const addQuotes = (owner: string, n: number, status: string) => {
      for (let i = 0; i < n; i++) {
        const opp = org.store.insert('Opportunity', { Name: `Test deal ${owner} ${i}`, StageName: 'Closed', CloseDate: '2024-05-01', AccountId: account, OwnerId: owner });
        org.store.insert('Quote', { Name: 'Test quote', OpportunityId: opp, Status: status, OwnerId: owner });
      }
    };
    addQuotes(u1, target - (base.get(u1) ?? 0), 'Accepted');
    addQuotes(u2, target - (base.get(u2) ?? 0), 'Accepted');
    addQuotes(u3, target - 1 - (base.get(u3) ?? 0), 'Accepted');
    addQuotes(u3, 5, 'Presented'); // not Accepted: does not count
    const open = new Map(accepted(`SELECT "OwnerId" u, COUNT(*) n FROM "Lead" WHERE "IsConverted" = 0 GROUP BY "OwnerId"`).map((r) => [r.u, r.n]));
    const addLeads = (owner: string, n: number) => {
      for (let i = 0; i < n; i++) org.store.insert('Lead', { LastName: `Lead ${i}`, Company: 'Test Co', Status: 'New', OwnerId: owner, State: 'QX' });
    };
    // u2 ends with one unconverted lead fewer than u1.
    const o1 = open.get(u1) ?? 0;
    const o2 = open.get(u2) ?? 0;
    addLeads(u1, Math.max(0, o2 + 1 - o1));
    addLeads(u2, Math.max(0, o1 - 1 - o2));
    expect(routeLead(org.db, 'QX')).toBe(u2);
    expect(routeLead(org.db, 'QY')).toBe(u2);
    addLeads(u2, 1); // now u1 and u2 tie on both steps
    expect(routeLead(org.db, 'QX')).toBeUndefined();
    addQuotes(u3, 2, 'Accepted'); // u3 now has the most Accepted quotes
    expect(routeLead(org.db, 'QX')).toBe(u3);
    // A region listed by two territories has no single territory match.
    org.store.insert('Territory2', { Name: 'Overlap', DeveloperName: 'Overlap', Description: 'QY' });
    expect(routeLead(org.db, 'QY')).toBeUndefined();
    expect(routeLead(org.db, 'ZZ')).toBeUndefined();
  });
});

describe('CPQ determinism', () => {
  it('same seed, same CPQ rows, latents and task bytes', () => {
    const digest = (o: Org, l: ProLatentFile) => {
      const h = createHash('sha256');
      for (const t of ['Quote', 'QuoteLineItem']) h.update(JSON.stringify(o.db.prepare(`SELECT * FROM "${t}" ORDER BY "Id"`).all()));
      h.update(JSON.stringify(o.db.prepare(`SELECT * FROM "Knowledge__kav" WHERE "Title" LIKE '%Policy:%' ORDER BY "Id"`).all()));
      h.update(JSON.stringify(l.cpq));
      h.update(JSON.stringify(generateProTasks(o, { seed: 1, perTask: 10, perPrivacyTask: 0, tasks: TASKS, latent: l })));
      return h.digest('hex');
    };
    const a = generateOrgWithLatents({ seed: 5, scale: 0.1, out: ':memory:', org: 'b2c' });
    const b = generateOrgWithLatents({ seed: 5, scale: 0.1, out: ':memory:', org: 'b2c' });
    try {
      expect(digest(a.org, a.latents as ProLatentFile)).toBe(digest(b.org, b.latents as ProLatentFile));
    } finally {
      a.org.close();
      b.org.close();
    }
  }, 120_000);
});
