/**
 * Quotes and their line items for the opportunities at or past the Quote stage: a compliant quote is
 * built from the opportunity's lines (small discounts, quantities inside every band, companions
 * added, a short validity), then, as the owner's propensities say, one policy is broken on purpose
 * (a deep discount, a long validity, a quantity out of range, a missing companion). The full rule
 * check (./rules.ts) must then find exactly that one article broken and no value near any rule's
 * edge, or the quote stays compliant: the ground truth is never ambiguous.
 */
import type { ProOrgKind } from '../../../src/org/org-kind.ts';
import type { Pricebook } from '../../generators/pricebooks.ts';
import type { Stream } from '../../rng.ts';
import { DAY, HOUR, iso, ymd } from '../../time.ts';
import type { SalesOpportunity } from '../sales/types.ts';
import type { CpqAgentLatent } from './latent.ts';
import { BASELINE_MAX_DISCOUNT } from './policies.ts';
import { CATEGORY_OF, nearEdge, violatedRules, type CheckQuote, type CpqCategory, type CpqRule, type RuleArticle } from './rules.ts';

export interface DraftLine {
  productId: string;
  pricebookEntryId: string;
  opportunityLineItemId: string | null;
  listPrice: number;
  quantity: number;
  unitPrice: number;
  discount: number;
}

export interface DraftQuote {
  opp: SalesOpportunity;
  createdMs: number;
  expirationDate: string;
  status: string;
  lines: DraftLine[];
  violated: RuleArticle | null;
}

/** Pro's Quote.Status values (reference/crmarena.md §12.2) by the stage the opportunity is truly at. */
function statusFor(rng: Stream, o: SalesOpportunity): string {
  if (o.trueStage === 'Quote') return rng.weighted(['Draft', 'Needs Review', 'In Review'], [4, 3, 3]);
  if (o.trueStage === 'Negotiation') return rng.weighted(['Approved', 'Presented'], [45, 55]);
  return o.contractId ? 'Accepted' : 'Rejected';
}

export const asCheck = (q: Pick<DraftQuote, 'createdMs' | 'expirationDate' | 'lines'>): CheckQuote => ({
  createdDay: ymd(q.createdMs),
  expirationDate: q.expirationDate,
  lines: q.lines.map((l) => ({ productId: l.productId, quantity: l.quantity, unitPrice: l.unitPrice, discount: l.discount })),
});

const clean = (articles: readonly RuleArticle[], q: DraftQuote) => violatedRules(articles, asCheck(q)).length === 0 && !articles.some((a) => nearEdge(a.rule, asCheck(q)));

export interface QuoteBuilderInput {
  kind: ProOrgKind;
  nowMs: number;
  articles: readonly RuleArticle[];
  books: readonly Pricebook[];
  /** Product2 Id → catalog index (the key of a book's entries). */
  productIndex: ReadonlyMap<string, number>;
}

export class QuoteBuilder {
  private readonly bookById: Map<string, Pricebook>;

  constructor(private readonly inp: QuoteBuilderInput) {
    this.bookById = new Map(inp.books.map((b) => [b.id, b]));
  }

  private entry(o: SalesOpportunity, productId: string): { id: string; price: number } | undefined {
    return this.bookById.get(o.pricebookId)?.entries.get(this.inp.productIndex.get(productId)!);
  }

  private newLine(rng: Stream, o: SalesOpportunity, productId: string, quantity?: number): DraftLine | undefined {
    const e = this.entry(o, productId);
    if (!e) return undefined;
    const q = quantity ?? (this.inp.kind === 'b2b' ? rng.int(5, 40) : rng.int(1, 2));
    return { productId, pricebookEntryId: e.id, opportunityLineItemId: null, listPrice: e.price, quantity: q, unitPrice: e.price, discount: 0 };
  }

  /**
   * A quote that complies with every article, from the opportunity's own lines. `supersededBy`: the
   * creation time of the quote that replaced this one (an earlier revision the customer rejected).
   */
  baseline(rng: Stream, o: SalesOpportunity, supersededBy?: number): DraftQuote {
    const { kind, nowMs, articles } = this.inp;
    const lines: DraftLine[] = o.lines.map((l) => ({
      productId: l.productId,
      pricebookEntryId: l.pricebookEntryId,
      opportunityLineItemId: l.id,
      listPrice: this.entry(o, l.productId)?.price ?? l.unitPrice,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      discount: rng.chance(0.55) ? 0 : rng.int(1, BASELINE_MAX_DISCOUNT),
    }));
    for (const { rule } of articles) {
      if (rule.kind === 'min_quantity') for (const l of lines) if (l.productId === rule.productId) l.quantity = Math.max(l.quantity, rule.min);
      if (rule.kind === 'max_quantity') for (const l of lines) if (l.productId === rule.productId) l.quantity = Math.min(l.quantity, rule.max);
    }
    for (const { rule } of articles) {
      if (rule.kind !== 'companion') continue;
      const x = lines.find((l) => l.productId === rule.productId);
      if (!x || lines.some((l) => l.productId === rule.requiresId)) continue;
      const add = this.newLine(rng, o, rule.requiresId, kind === 'b2b' ? x.quantity : 1);
      if (add) lines.push(add);
    }
    const oppCreated = Date.parse(o.createdDate.replace(/\+0000$/, 'Z'));
    let createdMs = oppCreated + rng.int(2, 21) * DAY + rng.int(0, 8) * HOUR;
    if (o.trueStage === 'Closed') createdMs = Math.min(createdMs, Date.parse(o.closeDate) - DAY);
    if (supersededBy !== undefined) createdMs = supersededBy - rng.int(3, 12) * DAY - rng.int(0, 8) * HOUR;
    createdMs = Math.max(oppCreated + HOUR, Math.min(createdMs, nowMs - 2 * HOUR));
    const validity = articles.find((a) => a.rule.kind === 'validity')?.rule as Extract<CpqRule, { kind: 'validity' }> | undefined;
    const choices = (kind === 'b2b' ? [14, 21, 30] : [7, 10, 14]).filter((d) => !validity || d <= validity.maxDays - 5);
    const expirationDate = ymd(createdMs + rng.pick(choices.length ? choices : [7]) * DAY);
    const status = supersededBy !== undefined ? 'Rejected' : statusFor(rng, o);
    const q: DraftQuote = { opp: o, createdMs, expirationDate, status, lines, violated: null };
    if (!clean(articles, q)) {
      // An opportunity line priced below a floor: quote it at the book's price, undiscounted.
      for (const l of q.lines) {
        l.discount = 0;
        l.unitPrice = Math.max(l.unitPrice, l.listPrice);
      }
      if (!clean(articles, q)) throw new Error(`CPQ: cannot build a compliant quote for opportunity ${o.id}`);
    }
    return q;
  }

  /** Break `target` on a copy of the quote; undefined when that does not break exactly it. */
  plant(rng: Stream, q: DraftQuote, target: RuleArticle): DraftQuote | undefined {
    const { articles } = this.inp;
    const v: DraftQuote = { ...q, lines: q.lines.map((l) => ({ ...l })) };
    const r = target.rule;
    const lineOf = (pid: string): DraftLine | undefined => {
      const have = v.lines.filter((l) => l.productId === pid);
      if (have.length) return rng.pick(have);
      const add = this.newLine(rng, q.opp, pid);
      if (add) v.lines.push(add);
      return add;
    };
    switch (r.kind) {
      case 'validity':
        v.expirationDate = ymd(q.createdMs + (r.maxDays + rng.int(3, 40)) * DAY);
        break;
      case 'discount_ceiling': {
        const l = lineOf(r.productId);
        if (!l) return undefined;
        l.discount = r.maxDiscount + rng.int(3, 15);
        break;
      }
      case 'price_floor': {
        const l = lineOf(r.productId);
        if (!l) return undefined;
        const need = (1 - r.minNetPrice / l.unitPrice) * 100;
        l.discount = Math.min(95, Math.ceil(need) + rng.int(3, 10));
        break;
      }
      case 'volume_band': {
        const l = lineOf(r.productId);
        if (!l) return undefined;
        if (l.quantity >= r.belowQuantity) l.quantity = rng.int(1, r.belowQuantity - 1);
        l.discount = r.maxDiscount + rng.int(3, 12);
        break;
      }
      case 'min_quantity': {
        const l = lineOf(r.productId);
        if (!l) return undefined;
        l.quantity = rng.int(1, r.min - 1);
        break;
      }
      case 'max_quantity': {
        const l = lineOf(r.productId);
        if (!l) return undefined;
        l.quantity = r.max + rng.int(1, Math.max(2, Math.ceil(r.max / 2)));
        break;
      }
      case 'companion': {
        if (!lineOf(r.productId)) return undefined;
        v.lines = v.lines.filter((l) => l.productId !== r.requiresId);
        break;
      }
    }
    if (v.lines.length === 0) return undefined;
    const broken = violatedRules(articles, asCheck(v));
    if (broken.length !== 1 || broken[0] !== target || articles.some((a) => nearEdge(a.rule, asCheck(v)))) return undefined;
    return { ...v, violated: target };
  }

  /** The quote of an opportunity: compliant, or breaking one article as the owner's propensities draw. */
  build(rng: Stream, vrng: Stream, o: SalesOpportunity, agent: CpqAgentLatent | undefined, supersededBy?: number): DraftQuote {
    const q = this.baseline(rng, o, supersededBy);
    const u = vrng.next();
    const pA = agent?.discountPropensity ?? 0.1;
    const pC = agent?.configCarelessness ?? 0.1;
    const category: CpqCategory | null = u < pA ? 'approval' : u < pA + pC ? 'config' : null;
    if (!category) return q;
    const pool = this.inp.articles.filter((a) => CATEGORY_OF[a.rule.kind] === category);
    for (let attempt = 0; attempt < 4; attempt++) {
      const planted = this.plant(vrng, q, vrng.pick(pool));
      if (planted) return planted;
    }
    return q;
  }
}
