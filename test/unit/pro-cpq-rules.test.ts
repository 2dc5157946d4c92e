/**
 * The CPQ policy rules without an org: each article's text reads back (by the oracle's reader) as the
 * rule it was written from, the checker agrees with hand-worked quotes, and the quote builder's
 * compliant quotes break nothing while each planted quote breaks exactly its one article.
 */
import { describe, expect, it } from 'vitest';
import type { Product } from '../../seed/generators/catalog.ts';
import type { Pricebook } from '../../seed/generators/pricebooks.ts';
import { articleText, money } from '../../seed/pro/cpq/articles.ts';
import { chooseRules } from '../../seed/pro/cpq/policies.ts';
import { asCheck, QuoteBuilder } from '../../seed/pro/cpq/quotes.ts';
import { breaks, violatedRules, type CheckQuote, type CpqRule, type RuleArticle } from '../../seed/pro/cpq/rules.ts';
import type { SalesOpportunity } from '../../seed/pro/sales/types.ts';
import { streamFor } from '../../seed/rng.ts';
import { quoteBreaks, readPolicy, type ReadRule } from '../../src/oracle/pro/cpq/read-policy.ts';

const P = (id: string, name: string) => ({ productId: id, productName: name });
const SAMPLE: CpqRule[] = [
  { kind: 'discount_ceiling', ...P('01tA', 'AI Cirku-Tech'), maxDiscount: 15 },
  { kind: 'price_floor', ...P('01tB', 'OptiPower Manager'), minNetPrice: 1234 },
  { kind: 'volume_band', ...P('01tC', 'SecureAnalytics Pro'), belowQuantity: 10, maxDiscount: 8 },
  { kind: 'validity', maxDays: 45 },
  { kind: 'min_quantity', ...P('01tD', 'Signal Integrity Suite'), min: 5 },
  { kind: 'max_quantity', ...P('01tE', 'Thermal Sim Cloud'), max: 200 },
  { kind: 'companion', ...P('01tF', 'Layout Assist Add-on'), requiresId: '01tG', requiresName: 'Layout Studio' },
];

/** The seed's rule in the reader's form (names instead of Ids). */
function asRead(r: CpqRule): ReadRule {
  switch (r.kind) {
    case 'validity':
      return r;
    case 'companion':
      return { kind: r.kind, product: r.productName, requires: r.requiresName };
    default: {
      const { productId: _id, productName, ...rest } = r;
      return { ...rest, product: productName } as ReadRule;
    }
  }
}

describe('CPQ article text', () => {
  it.each(['b2b', 'b2c'] as const)('reads back as its rule (%s)', (kind) => {
    for (const r of SAMPLE) {
      const t = articleText(r, kind, 'Acme');
      expect(readPolicy(t.title, t.body)).toEqual(asRead(r));
      expect(t.title).toMatch(r.kind === 'min_quantity' || r.kind === 'max_quantity' || r.kind === 'companion' ? /^Configuration Policy: / : /^Pricing Policy: /);
    }
  });

  it('formats money with thousands separators', () => {
    expect(money(1234)).toBe('$1,234.00');
    expect(money(98.5)).toBe('$98.50');
    expect(money(1234567.891)).toBe('$1,234,567.89');
  });
});

describe('CPQ rule checker', () => {
  const q = (lines: CheckQuote['lines'], exp = '2024-02-10'): CheckQuote => ({ createdDay: '2024-01-01', expirationDate: exp, lines });
  const L = (productId: string, quantity: number, unitPrice: number, discount: number | null) => ({ productId, quantity, unitPrice, discount });
  it('hand-worked quotes', () => {
    const [ceiling, floor, band, validity, min, max, companion] = SAMPLE as [CpqRule, CpqRule, CpqRule, CpqRule, CpqRule, CpqRule, CpqRule];
    expect(breaks(ceiling, q([L('01tA', 3, 100, 15)]))).toBe(false); // at the ceiling is allowed
    expect(breaks(ceiling, q([L('01tA', 3, 100, 16)]))).toBe(true);
    expect(breaks(floor, q([L('01tB', 1, 1500, 17)]))).toBe(false); // nets 1245
    expect(breaks(floor, q([L('01tB', 1, 1500, 18)]))).toBe(true); // nets 1230
    expect(breaks(band, q([L('01tC', 9, 50, 9)]))).toBe(true);
    expect(breaks(band, q([L('01tC', 10, 50, 30)]))).toBe(false); // ten or more: not limited
    expect(breaks(band, q([L('01tC', 2, 50, null)]))).toBe(false);
    expect(breaks(validity, q([], '2024-02-15'))).toBe(false); // 45 days
    expect(breaks(validity, q([], '2024-02-16'))).toBe(true); // 46 days
    expect(breaks(min, q([L('01tD', 4, 10, 0)]))).toBe(true);
    expect(breaks(min, q([L('01tX', 1, 10, 0)]))).toBe(false); // product not on the quote
    expect(breaks(max, q([L('01tE', 201, 10, 0)]))).toBe(true);
    expect(breaks(companion, q([L('01tF', 1, 10, 0)]))).toBe(true);
    expect(breaks(companion, q([L('01tF', 1, 10, 0), L('01tG', 1, 10, 0)]))).toBe(false);
    expect(breaks(companion, q([L('01tG', 1, 10, 0)]))).toBe(false);
  });
});

function fixture(kind: 'b2b' | 'b2c') {
  const products = Array.from({ length: 70 }, (_, i) => ({ id: `01tP${String(i).padStart(3, '0')}`, name: `Product ${i}`, listPrice: 40 + i * 17 }) as Product);
  const entries = new Map(products.map((p, i) => [i, { id: `01uE${String(i).padStart(3, '0')}`, price: p.listPrice }]));
  const promo = new Map(products.map((p, i) => [i, { id: `01uF${String(i).padStart(3, '0')}`, price: Math.round(p.listPrice * 0.7 * 100) / 100 }]));
  const books = [
    { id: '01sSTD', name: 'Standard', kind: 'standard', fromMs: 0, toMs: 1e13, entries },
    { id: '01sPROMO', name: 'Promo', kind: 'promo', fromMs: 0, toMs: 1e13, entries: promo },
  ] as Pricebook[];
  const rng = streamFor(7, 'test/opps');
  const opps: SalesOpportunity[] = Array.from({ length: 80 }, (_, i) => {
    const book = rng.chance(0.7) ? books[0]! : books[1]!;
    const picked = rng.sample([...Array(30).keys()], rng.int(1, 3));
    // Only the fields the CPQ stage reads (the sales stage hands more).
    return {
      id: `006O${i}`,
      name: `Opp ${i}`,
      accountId: '001A',
      contactId: null,
      ownerId: `005U${i % 6}`,
      stage: 'Negotiation',
      trueStage: rng.pick(['Quote', 'Negotiation', 'Closed'] as const),
      createdDate: '2023-03-01T10:00:00.000+0000',
      closeDate: '2023-06-01',
      amount: 0,
      pricebookId: book.id,
      contractId: rng.chance(0.5) ? '800C' : null,
      lines: picked.map((p, j) => {
        const e = book.entries.get(p)!;
        const quantity = kind === 'b2b' ? rng.int(1, 60) : rng.int(1, 3);
        return { id: `00kL${i}_${j}`, productId: products[p]!.id, pricebookEntryId: e.id, quantity, unitPrice: e.price, totalPrice: quantity * e.price };
      }),
    } as SalesOpportunity;
  });
  const rules = chooseRules(streamFor(7, 'test/rules'), kind, products, books, opps);
  const articles: RuleArticle[] = rules.map((rule, i) => ({ articleId: `ka0A${i}`, rule }));
  const builder = new QuoteBuilder({ kind, nowMs: Date.UTC(2024, 5, 1), articles, books, productIndex: new Map(products.map((p, i) => [p.id, i])) });
  return { products, opps, articles, builder };
}

describe('CPQ quote builder', () => {
  it.each(['b2b', 'b2c'] as const)('compliant quotes break nothing; each planted quote breaks exactly its article (%s)', (kind) => {
    const { opps, articles, builder, products } = fixture(kind);
    expect(articles).toHaveLength(23);
    // No product is governed by two product rules.
    const governed = articles.flatMap((a) => ('productId' in a.rule ? [a.rule.productId] : []));
    expect(new Set(governed).size).toBe(governed.length);
    const rng = streamFor(7, 'test/build');
    const name = new Map(products.map((p) => [p.id, p.name]));
    const planted = new Map<string, number>();
    const read = articles.map((b) => {
      const t = articleText(b.rule, kind, 'Acme');
      return readPolicy(t.title, t.body)!;
    });
    for (const o of opps) {
      const q = builder.baseline(rng, o);
      expect(violatedRules(articles, asCheck(q))).toEqual([]);
      for (const a of articles) {
        const v = builder.plant(rng, q, a);
        if (!v) continue;
        planted.set(a.articleId, (planted.get(a.articleId) ?? 0) + 1);
        const c = asCheck(v);
        expect(violatedRules(articles, c)).toEqual([a]);
        // The oracle's reader of the article text agrees with the seed's checker.
        const lines = c.lines.map((l) => ({ product: name.get(l.productId)!, quantity: l.quantity, unitPrice: l.unitPrice, discount: l.discount ?? 0 }));
        const byReader = articles.filter((_, i) => quoteBreaks(read[i]!, c.createdDay, c.expirationDate, lines));
        expect(byReader).toEqual([a]);
      }
    }
    // Every article can be broken on many quotes.
    for (const a of articles) expect(planted.get(a.articleId) ?? 0, JSON.stringify(a.rule)).toBeGreaterThan(opps.length / 2);
  });
});
