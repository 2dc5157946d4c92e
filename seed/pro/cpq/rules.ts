/**
 * The CPQ policy rules of a Pro org: one checkable rule with numbers per knowledge article. Pro's
 * `quote_approval` asks which article a quote's pricing breaks (discounts, price floors, volume
 * bands, validity); `invalid_config` asks which article its product setup breaks (quantities and
 * required companion products) (reference/crmarena.md §12.3). `violatedRules` is the one definition
 * of "breaks": the seed uses it to plant exactly one violation, the task generator re-checks the
 * stored rows with it.
 */

export type CpqCategory = 'approval' | 'config';

export type CpqRule =
  /** A line of the product may carry a Discount of at most `maxDiscount` percent. */
  | { kind: 'discount_ceiling'; productId: string; productName: string; maxDiscount: number }
  /** A line's net unit price, UnitPrice × (1 − Discount/100), may not fall below `minNetPrice`. */
  | { kind: 'price_floor'; productId: string; productName: string; minNetPrice: number }
  /** A line of fewer than `belowQuantity` units may carry a Discount of at most `maxDiscount` percent. */
  | { kind: 'volume_band'; productId: string; productName: string; belowQuantity: number; maxDiscount: number }
  /** ExpirationDate at most `maxDays` days after the quote's creation date. */
  | { kind: 'validity'; maxDays: number }
  /** Every line of the product has Quantity ≥ `min`. */
  | { kind: 'min_quantity'; productId: string; productName: string; min: number }
  /** Every line of the product has Quantity ≤ `max`. */
  | { kind: 'max_quantity'; productId: string; productName: string; max: number }
  /** A quote with the product also has a line of `requiresName`. */
  | { kind: 'companion'; productId: string; productName: string; requiresId: string; requiresName: string };

export type CpqRuleKind = CpqRule['kind'];

export const CATEGORY_OF: Record<CpqRuleKind, CpqCategory> = {
  discount_ceiling: 'approval',
  price_floor: 'approval',
  volume_band: 'approval',
  validity: 'approval',
  min_quantity: 'config',
  max_quantity: 'config',
  companion: 'config',
};

export interface RuleArticle {
  articleId: string;
  rule: CpqRule;
}

export interface CheckLine {
  productId: string;
  quantity: number;
  unitPrice: number;
  /** Percent; null reads as 0 (Salesforce's QuoteLineItem.Discount is optional). */
  discount: number | null;
}

export interface CheckQuote {
  /** YYYY-MM-DD of the quote's CreatedDate and its ExpirationDate. */
  createdDay: string;
  expirationDate: string | null;
  lines: readonly CheckLine[];
}

/** Net unit price of a line, to the cent. */
export function netUnitPrice(l: CheckLine): number {
  return Math.round(l.unitPrice * (1 - (l.discount ?? 0) / 100) * 100) / 100;
}

export function daysBetween(fromDay: string, toDay: string): number {
  return Math.round((Date.parse(toDay) - Date.parse(fromDay)) / 86_400_000);
}

/** Whether the quote breaks the rule. */
export function breaks(rule: CpqRule, q: CheckQuote): boolean {
  const of = (id: string) => q.lines.filter((l) => l.productId === id);
  switch (rule.kind) {
    case 'discount_ceiling':
      return of(rule.productId).some((l) => (l.discount ?? 0) > rule.maxDiscount);
    case 'price_floor':
      return of(rule.productId).some((l) => netUnitPrice(l) < rule.minNetPrice);
    case 'volume_band':
      return of(rule.productId).some((l) => l.quantity < rule.belowQuantity && (l.discount ?? 0) > rule.maxDiscount);
    case 'validity':
      return q.expirationDate !== null && daysBetween(q.createdDay, q.expirationDate) > rule.maxDays;
    case 'min_quantity':
      return of(rule.productId).some((l) => l.quantity < rule.min);
    case 'max_quantity':
      return of(rule.productId).some((l) => l.quantity > rule.max);
    case 'companion':
      return of(rule.productId).length > 0 && of(rule.requiresId).length === 0;
  }
}

/**
 * Whether the quote is within a margin of the rule's edge (a discount one point from the ceiling, a
 * net price within a dollar of the floor...): such quotes are never planted, so no reader's rounding
 * can flip the answer.
 */
export function nearEdge(rule: CpqRule, q: CheckQuote): boolean {
  const of = (id: string) => q.lines.filter((l) => l.productId === id);
  switch (rule.kind) {
    case 'discount_ceiling':
      return of(rule.productId).some((l) => Math.abs((l.discount ?? 0) - rule.maxDiscount) < 1);
    case 'price_floor':
      return of(rule.productId).some((l) => Math.abs(netUnitPrice(l) - rule.minNetPrice) < 1);
    case 'volume_band':
      return of(rule.productId).some((l) => l.quantity < rule.belowQuantity && Math.abs((l.discount ?? 0) - rule.maxDiscount) < 1);
    case 'validity':
      return q.expirationDate !== null && daysBetween(q.createdDay, q.expirationDate) === rule.maxDays;
    default:
      return false;
  }
}

/** The articles whose rule the quote breaks, in article order. */
export function violatedRules(articles: readonly RuleArticle[], q: CheckQuote): RuleArticle[] {
  return articles.filter((a) => breaks(a.rule, q));
}
