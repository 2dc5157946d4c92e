/**
 * Choosing the CPQ rules of an org from its catalog and its opportunities: each rule governs a
 * product that is often quoted (so quotes can break it) and no product is governed by two product
 * rules, so a planted violation breaks one article only. Thresholds come from the product's own
 * prices and quantities, so compliant quotes sit well inside them.
 */
import type { ProOrgKind } from '../../../src/org/org-kind.ts';
import type { Stream } from '../../rng.ts';
import type { Pricebook } from '../../generators/pricebooks.ts';
import type { Product } from '../../generators/catalog.ts';
import type { SalesOpportunity } from '../sales/types.ts';
import type { CpqRule, CpqRuleKind } from './rules.ts';

/** How many rules of each kind an org has (one article each). */
export const RULE_COUNTS: Readonly<Record<Exclude<CpqRuleKind, 'validity'>, number>> = {
  discount_ceiling: 5,
  price_floor: 3,
  volume_band: 3,
  min_quantity: 4,
  max_quantity: 3,
  companion: 4,
};

/** The largest line discount a compliant quote gets (percent): below every ceiling and band. */
export const BASELINE_MAX_DISCOUNT = 5;

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 1;
};

export function chooseRules(rng: Stream, kind: ProOrgKind, products: readonly Product[], books: readonly Pricebook[], opps: readonly SalesOpportunity[]): CpqRule[] {
  const index = new Map(products.map((p, i) => [p.id, i]));
  const qty = new Map<string, number[]>();
  for (const o of opps) for (const l of o.lines) (qty.get(l.productId) ?? qty.set(l.productId, []).get(l.productId)!).push(l.quantity);
  const usedBooks = books.filter((b) => opps.some((o) => o.pricebookId === b.id));
  const inEveryBook = (pid: string) => usedBooks.every((b) => b.entries.has(index.get(pid)!));
  const minPrice = (pid: string) => Math.min(...books.flatMap((b) => (b.entries.has(index.get(pid)!) ? [b.entries.get(index.get(pid)!)!.price] : [])));

  // Most-quoted products first (ties by catalog order): the rules must be breakable by real quotes.
  const ranked = products
    .map((p, i) => ({ p, i, n: qty.get(p.id)?.length ?? 0 }))
    .filter((x) => inEveryBook(x.p.id) && minPrice(x.p.id) >= 10)
    .sort((a, b) => b.n - a.n || a.i - b.i)
    .map((x) => x.p);
  const needed = Object.values(RULE_COUNTS).reduce((a, b) => a + b, 0);
  if (ranked.length < needed * 2) throw new Error(`CPQ: only ${ranked.length} products fit the policy articles (need ${needed * 2})`);
  const governed = rng.shuffle(ranked.slice(0, needed));
  // Companions come from the rest of the catalog, so requiring one never stacks two product rules.
  const companions = rng.shuffle(ranked.slice(needed));

  const rules: CpqRule[] = [];
  const validityDays = kind === 'b2b' ? rng.pick([30, 45, 60]) : rng.pick([14, 21, 30]);
  rules.push({ kind: 'validity', maxDays: validityDays });
  let k = 0;
  for (const [ruleKind, count] of Object.entries(RULE_COUNTS) as [Exclude<CpqRuleKind, 'validity'>, number][]) {
    for (let j = 0; j < count; j++) {
      const p = governed[k++]!;
      const qs = qty.get(p.id) ?? [1];
      const base = { productId: p.id, productName: p.name };
      switch (ruleKind) {
        case 'discount_ceiling':
          rules.push({ kind: ruleKind, ...base, maxDiscount: kind === 'b2b' ? rng.int(12, 25) : rng.int(10, 20) });
          break;
        case 'price_floor':
          // 80% of the cheapest book price, in whole dollars: compliant discounts (≤ 5%) stay far above it.
          rules.push({ kind: ruleKind, ...base, minNetPrice: Math.floor(minPrice(p.id) * 0.8) });
          break;
        case 'volume_band':
          rules.push({ kind: ruleKind, ...base, belowQuantity: Math.max(kind === 'b2b' ? 5 : 3, quantile(qs, 0.5) + 1), maxDiscount: rng.int(BASELINE_MAX_DISCOUNT + 2, BASELINE_MAX_DISCOUNT + 5) });
          break;
        case 'min_quantity':
          rules.push({ kind: ruleKind, ...base, min: Math.max(2, quantile(qs, 0.25)) });
          break;
        case 'max_quantity': {
          const hi = quantile(qs, 0.9);
          rules.push({ kind: ruleKind, ...base, max: Math.max(kind === 'b2b' ? 10 : 3, hi) });
          break;
        }
        case 'companion': {
          const r = companions[j]!;
          rules.push({ kind: ruleKind, ...base, requiresId: r.id, requiresName: r.name });
          break;
        }
      }
    }
  }
  return rules;
}
