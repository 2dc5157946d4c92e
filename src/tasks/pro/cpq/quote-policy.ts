/**
 * quote_approval and invalid_config (reference/crmarena.md §12.3): given a Quote Id, the knowledge
 * article its pricing (approval) or its product setup (configuration) violates, or None. The seed
 * planted at most one violation per quote (seed/pro/cpq/quotes.ts); here the stored quote and lines
 * are checked again against every rule of the latent file, so the answer is what the org holds.
 * Quotes that break an article of the other category are never asked (their answer for this task
 * would be None while the quote is not clean); so are quotes near a rule's edge.
 */
import type Database from 'better-sqlite3';
import type { ProLatentFile } from '../../../../seed/pro/latent.ts';
import { CATEGORY_OF, nearEdge, violatedRules, type CheckQuote, type CpqCategory, type RuleArticle } from '../../../../seed/pro/cpq/rules.ts';
import type { ProGeneratorContext, ProTaskGenerator } from '../context.ts';
import { INVALID_CONFIG_REQUIRED, QUOTE_APPROVAL_REQUIRED } from './policy-text.ts';

export const QUOTE_APPROVAL_TEMPLATES = [
  'Which knowledge article does quote {id} violate?',
  'Does quote {id} comply with our pricing and approval policies? If it does not, which knowledge article does it violate?',
  'Before I approve quote {id}, check it against our pricing policies: which knowledge article, if any, does it break?',
  'Can quote {id} be approved as it is? If not, give me the Id of the knowledge article it violates.',
];

export const INVALID_CONFIG_TEMPLATES = [
  'Is the product configuration of quote {id} valid? If not, which knowledge article does it violate?',
  'Which knowledge article does the product setup on quote {id} violate?',
  'Check the products and quantities on quote {id}: which configuration policy article do they break, if any?',
  'Quote {id} is about to go out. Does its product configuration violate any knowledge article? Return the article Id.',
];

export interface QuoteTruth {
  quoteId: string;
  /** Articles (live and online) the stored quote breaks. */
  broken: RuleArticle[];
  nearEdge: boolean;
}

/** The stored quote in the rule checker's form, or undefined when it is gone. */
export function storedQuote(db: Database.Database, quoteId: string): CheckQuote | undefined {
  const q = db.prepare(`SELECT "CreatedDate" AS c, "ExpirationDate" AS e FROM "Quote" WHERE "Id" = ? AND +"IsDeleted" = 0`).get(quoteId) as { c: string; e: string | null } | undefined;
  if (!q) return undefined;
  const lines = db
    .prepare(`SELECT "Product2Id" AS p, "Quantity" AS n, "UnitPrice" AS u, "Discount" AS d FROM "QuoteLineItem" WHERE "QuoteId" = ? AND +"IsDeleted" = 0`)
    .all(quoteId) as { p: string; n: number; u: number; d: number | null }[];
  return { createdDay: q.c.slice(0, 10), expirationDate: q.e ? q.e.slice(0, 10) : null, lines: lines.map((l) => ({ productId: l.p, quantity: l.n, unitPrice: l.u, discount: l.d })) };
}

/** The policy articles of the latent file that are live and published in the org. */
export function liveArticles(db: Database.Database, latent: ProLatentFile): RuleArticle[] {
  const live = db.prepare(`SELECT 1 FROM "Knowledge__kav" WHERE "Id" = ? AND "PublishStatus" = 'Online' AND +"IsDeleted" = 0`);
  return (latent.cpq?.articles ?? []).filter((a) => live.get(a.articleId)).map((a) => ({ articleId: a.articleId, rule: a.rule }));
}

const cache = new WeakMap<object, QuoteTruth[]>();

export function quoteTruths(db: Database.Database, latent: ProLatentFile): QuoteTruth[] {
  const hit = cache.get(latent);
  if (hit) return hit;
  const articles = liveArticles(db, latent);
  const out: QuoteTruth[] = [];
  for (const lq of latent.cpq?.quotes ?? []) {
    const q = storedQuote(db, lq.quoteId);
    if (!q) continue;
    out.push({ quoteId: lq.quoteId, broken: violatedRules(articles, q), nearEdge: articles.some((a) => nearEdge(a.rule, q)) });
  }
  cache.set(latent, out);
  return out;
}

function quotePolicyGenerator(task: 'quote_approval' | 'invalid_config', category: CpqCategory, templates: readonly string[], required: string): ProTaskGenerator {
  return {
    task,
    reward: 'exact_match',
    noneShare: 0.2,
    dedupeKey: (c) => c.query.match(/0Q0\w+/)![0],
    draw(ctx: ProGeneratorContext, wantNone: boolean) {
      const truths = quoteTruths(ctx.db, ctx.latent).filter((t) => !t.nearEdge);
      const pool = wantNone
        ? truths.filter((t) => t.broken.length === 0)
        : truths.filter((t) => t.broken.length === 1 && CATEGORY_OF[t.broken[0]!.rule.kind] === category);
      if (pool.length === 0) return undefined;
      const t = ctx.rng.pick(pool);
      return {
        query: ctx.rng.pick(templates).replace('{id}', t.quoteId),
        answer: wantNone ? null : [t.broken[0]!.articleId],
        required,
      };
    },
  };
}

export const quoteApproval = quotePolicyGenerator('quote_approval', 'approval', QUOTE_APPROVAL_TEMPLATES, QUOTE_APPROVAL_REQUIRED);
export const invalidConfig = quotePolicyGenerator('invalid_config', 'config', INVALID_CONFIG_TEMPLATES, INVALID_CONFIG_REQUIRED);
