/**
 * The CPQ stage: the quote and product-configuration policy articles (Knowledge__kav, published
 * online like seed/generators/knowledge.ts inserts them), then one Quote with its QuoteLineItems per
 * opportunity at or past the Quote stage. Sales agents differ in how often their quotes break a
 * pricing policy (a few are habitual heavy discounters) and a configuration policy; which quote
 * breaks which article goes to the latent file, never into the org tables.
 */
import { makeId } from '../../../src/org/index.ts';
import type { ProOrgKind } from '../../../src/org/org-kind.ts';
import { streams, type GenContext } from '../../context.ts';
import type { ServiceData } from '../../service-data.ts';
import { DAY, HISTORY_START, iso } from '../../time.ts';
import type { SalesResult } from '../sales/types.ts';
import { articleQa, articleText } from './articles.ts';
import type { CpqAgentLatent, CpqLatent } from './latent.ts';
import { chooseRules } from './policies.ts';
import { QuoteBuilder, type DraftQuote } from './quotes.ts';
import { CATEGORY_OF, type RuleArticle } from './rules.ts';

/** A quote the stage wrote, for the stages after it (activity). */
export interface CpqQuote {
  id: string;
  opportunityId: string;
  ownerId: string;
  status: string;
  /** Stored datetime (`2023-04-01T10:00:00.000Z`) and date. */
  createdDate: string;
  expirationDate: string;
  lineIds: string[];
}

export interface CpqResult {
  latent: CpqLatent;
  quotes: CpqQuote[];
  /** Knowledge__kav Ids of the policy articles, in article order. */
  articleIds: string[];
}

/** KnowledgeArticleId numbers of the CPQ articles: clear of the service articles (1..45). */
const KA_BASE = 5000;

const slug = (title: string): string => title.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');

const money2 = (n: number): number => Math.round(n * 100) / 100;

export function generateCpq(ctx: GenContext, kind: ProOrgKind, service: ServiceData, sales: SalesResult): CpqResult {
  const { org } = ctx;
  const products = service.catalog.products;
  const eligible = sales.opportunities.filter((o) => (o.trueStage === 'Quote' || o.trueStage === 'Negotiation' || o.trueStage === 'Closed') && o.lines.length > 0);
  if (eligible.length === 0) return { latent: { agents: [], articles: [], quotes: [], knowledgeQa: [] }, quotes: [], articleIds: [] };

  // Policy articles: published before the sales history, one rule each.
  const rules = chooseRules(streams(ctx, 'pro/cpq/policies').rng, kind, products, service.books, eligible);
  const articles: RuleArticle[] = rules.map((rule, i) => {
    const t = articleText(rule, kind, service.company.name);
    const published = iso(HISTORY_START - (30 - (i % 20)) * DAY);
    const id = org.store.insert(
      'Knowledge__kav',
      { Title: t.title, UrlName: slug(t.title), Summary: t.summary, FAQ_Answer__c: t.body, Language: 'en_US', ValidationStatus: 'Validated' },
      {
        PublishStatus: 'Online',
        VersionNumber: 1,
        IsLatestVersion: 1,
        KnowledgeArticleId: makeId('kA0', KA_BASE + i + 1),
        FirstPublishedDate: published,
        LastPublishedDate: published,
        CreatedDate: published,
      },
    );
    return { articleId: id, rule };
  });
  ctx.progress('Knowledge__kav', articles.length);

  // Agents: most keep to policy; a few discount habitually, a few configure carelessly (reference/crmarena.md §4: agent habits as latent causes).
  const agentRng = streams(ctx, 'pro/cpq/agents').rng;
  const agents: CpqAgentLatent[] = sales.salesAgentIds.map((userId) => {
    const heavy = agentRng.chance(0.3);
    const careless = agentRng.chance(0.3);
    return {
      userId,
      heavyDiscounter: heavy,
      careless,
      discountPropensity: Math.round((heavy ? agentRng.real(0.4, 0.55) : agentRng.real(0.06, 0.16)) * 1000) / 1000,
      configCarelessness: Math.round((careless ? agentRng.real(0.3, 0.4) : agentRng.real(0.05, 0.12)) * 1000) / 1000,
    };
  });
  const agentById = new Map(agents.map((a) => [a.userId, a]));

  const builder = new QuoteBuilder({ kind, nowMs: ctx.nowMs, articles, books: service.books, productIndex: new Map(products.map((p, i) => [p.id, i])) });
  const { rng, faker } = streams(ctx, 'pro/cpq/quotes');
  const vrng = streams(ctx, 'pro/cpq/violations').rng;
  const quotes: CpqQuote[] = [];
  const latentQuotes: CpqLatent['quotes'] = [];
  let rows = 0;
  const revRng = streams(ctx, 'pro/cpq/revisions').rng;
  const write = (q: DraftQuote, name: string) => {
    const o = q.opp;
    const { id, lineIds } = insertQuote(ctx, q, name, faker.helpers.arrayElement(DESCRIPTIONS[kind]));
    rows += 1 + lineIds.length;
    quotes.push({ id, opportunityId: o.id, ownerId: o.ownerId, status: q.status, createdDate: iso(q.createdMs), expirationDate: q.expirationDate, lineIds });
    latentQuotes.push({
      quoteId: id,
      opportunityId: o.id,
      ownerId: o.ownerId,
      violatedArticleId: q.violated?.articleId ?? null,
      category: q.violated ? CATEGORY_OF[q.violated.rule.kind] : null,
    });
  };
  for (const o of eligible) {
    const agent = agentById.get(o.ownerId);
    const q = builder.build(rng, vrng, o, agent);
    // Some deals past the Quote stage went through a first quote the customer rejected.
    if (o.trueStage !== 'Quote' && revRng.chance(0.2)) {
      write(builder.build(rng, vrng, o, agent, q.createdMs), `${o.name} Quote v1`);
      write(q, `${o.name} Quote v2`);
    } else write(q, `${o.name} Quote`);
  }
  ctx.progress('Quote', rows);
  return {
    latent: {
      agents,
      articles: articles.map((a) => ({ articleId: a.articleId, category: CATEGORY_OF[a.rule.kind], rule: a.rule })),
      quotes: latentQuotes,
      knowledgeQa: articles.flatMap((a) => articleQa(a.rule, kind).map((x) => ({ articleId: a.articleId, ...x }))),
    },
    quotes,
    articleIds: articles.map((a) => a.articleId),
  };
}

const DESCRIPTIONS: Record<ProOrgKind, readonly string[]> = {
  b2b: [
    'Licensing proposal prepared from the opportunity line items.',
    'Subscription quote for the seats discussed with the customer.',
    'Renewal and expansion pricing as discussed on the last call.',
    'Initial proposal for the design team rollout.',
  ],
  b2c: [
    'Quote for the items the customer asked about.',
    'Price quote prepared after the customer call.',
    'Bundle pricing requested by the customer.',
    'Order quote with current catalog prices.',
  ],
};

function insertQuote(ctx: GenContext, q: DraftQuote, name: string, description: string): { id: string; lineIds: string[] } {
  const { org } = ctx;
  const o = q.opp;
  const created = iso(q.createdMs);
  const priced = q.lines.map((l) => {
    const subtotal = money2(l.quantity * l.unitPrice);
    return { l, subtotal, total: money2(subtotal * (1 - l.discount / 100)) };
  });
  const subtotal = money2(priced.reduce((s, p) => s + p.subtotal, 0));
  const total = money2(priced.reduce((s, p) => s + p.total, 0));
  const id = org.store.insert(
    'Quote',
    {
      Name: name,
      OpportunityId: o.id,
      AccountId: o.accountId,
      ContactId: o.contactId,
      Pricebook2Id: o.pricebookId,
      Status: q.status,
      ExpirationDate: q.expirationDate,
      Description: description,
      OwnerId: o.ownerId,
    },
    { CreatedDate: created, CreatedById: o.ownerId, LastModifiedById: o.ownerId, Subtotal: subtotal, TotalPrice: total, GrandTotal: total, LineItemCount: q.lines.length },
  );
  const lineIds = priced.map(({ l, subtotal: sub, total: tot }, i) =>
    org.store.insert(
      'QuoteLineItem',
      {
        QuoteId: id,
        PricebookEntryId: l.pricebookEntryId,
        OpportunityLineItemId: l.opportunityLineItemId,
        Product2Id: l.productId,
        Quantity: l.quantity,
        UnitPrice: l.unitPrice,
        // No discount is a blank Discount, as a real quote line shows it.
        Discount: l.discount === 0 ? null : l.discount,
        SortOrder: i + 1,
      },
      { CreatedDate: created, CreatedById: o.ownerId, LastModifiedById: o.ownerId, ListPrice: l.listPrice, Subtotal: sub, TotalPrice: tot },
    ),
  );
  return { id, lineIds };
}
