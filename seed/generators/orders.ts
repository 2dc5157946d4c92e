/**
 * Orders (2,070 at scale 1) and their items (~7,100). The latent shopping habit decides who orders
 * how often, in which months (holiday, summer, back-to-school shoppers...) and from which categories.
 * Every order uses the price book in force on its date; items take that book's entry and price.
 */
import { scaled, streams, type GenContext } from '../context.ts';
import { DAY, HISTORY_START, HOUR, iso, monthOf, ymd } from '../time.ts';
import { WeightedTable } from '../weighted-table.ts';
import type { Stream } from '../rng.ts';
import type { CatalogResult } from './catalog.ts';
import type { Customer } from './customers.ts';
import type { ServiceTheme } from '../text/theme.ts';
import type { Pricebook } from './pricebooks.ts';

export interface OrderLine {
  id: string;
  orderId: string;
  orderMs: number;
  customer: number;
  product: number;
}

/** Retail seasonality shared by everyone: November and December sell more. */
export const MONTH_BOOST = [0, 1.1, 0.8, 1, 1, 1.05, 1, 1, 1.05, 0.95, 1, 1.4, 1.6];

export const ITEM_COUNTS = [1, 2, 3, 4, 5, 6];
export const ITEM_WEIGHTS = [0.12, 0.18, 0.22, 0.2, 0.15, 0.13];

function bookFor(books: Pricebook[], ms: number, rng: Stream): Pricebook {
  const inForce = (kind: Pricebook['kind']) => books.filter((b) => b.kind === kind && b.fromMs <= ms && ms <= b.toMs);
  const promo = inForce('promo');
  if (promo.length && rng.chance(0.8)) return rng.pick(promo);
  const r = rng.next();
  if (r < 0.12) return rng.pick(books.filter((b) => b.kind === 'standing'));
  const season = inForce('season');
  if (season.length && r < 0.85) return season[0]!;
  return books.find((b) => b.kind === 'standard')!;
}

/** The retailer's order lines: mostly one unit, sometimes two or three. */
export const retailQuantity = (rng: Stream): number => (rng.chance(0.8) ? 1 : rng.chance(0.75) ? 2 : 3);
export const retailOrderType = (rng: Stream): string => (rng.chance(0.8) ? 'Online' : rng.chance(0.7) ? 'In Store' : 'Phone');

export function generateOrders(ctx: GenContext, customers: Customer[], catalog: CatalogResult, books: Pricebook[], theme: ServiceTheme): OrderLine[] {
  const { monthBoost: MONTH_BOOST, itemCounts: ITEM_COUNTS, itemWeights: ITEM_WEIGHTS } = theme.orders;
  // Rejection bound: a peak month (x4) of the busiest month.
  const bound = 4 * Math.max(...MONTH_BOOST);
  const { org } = ctx;
  const { rng } = streams(ctx, 'Order');
  const itemRng = streams(ctx, 'OrderItem').rng;
  const endMs = ctx.historyEndMs;
  const { products, byCategory } = catalog;
  const allProducts = new WeightedTable(products.map((_, i) => i), products.map((p) => p.popularity));
  const perCategory = byCategory.map((idx) => new WeightedTable(idx, idx.map((i) => products[i]!.popularity)));

  const n = scaled(ctx, theme.orders.count, 10);
  const starts = customers.map((c) => Math.max(HISTORY_START, c.joinedMs));
  const who = new WeightedTable(customers.map((_, i) => i), customers.map((c, i) => c.ordersPerYear * Math.max(0.05, (endMs - starts[i]!) / (365 * DAY))));
  const planned: { customer: number; ms: number }[] = [];
  for (let k = 0; k < n; k++) {
    const ci = who.draw(rng);
    const c = customers[ci]!;
    const from = starts[ci]!;
    let ms = from;
    // Rejection sampling: a uniform day, kept with probability proportional to the month's weight.
    for (let tries = 0; tries < 50; tries++) {
      ms = from + Math.floor(rng.next() * (endMs - from));
      const m = monthOf(ms);
      const w = (c.peakMonths.includes(m) ? 4 : 1) * MONTH_BOOST[m]!;
      if (rng.next() * bound < w) break;
    }
    planned.push({ customer: ci, ms: Math.floor(ms / DAY) * DAY + rng.int(7, 22) * HOUR + rng.int(0, 3599) * 1000 });
  }
  planned.sort((a, b) => a.ms - b.ms || a.customer - b.customer);

  const lines: OrderLine[] = [];
  for (const o of planned) {
    const c = customers[o.customer]!;
    const book = bookFor(books, o.ms, rng);
    const count = rng.weighted(ITEM_COUNTS, ITEM_WEIGHTS);
    const chosen: number[] = [];
    for (let tries = 0; chosen.length < count && tries < count * 20; tries++) {
      const fav = c.favoriteCategories.length && itemRng.chance(0.8) ? perCategory[itemRng.pick(c.favoriteCategories)]! : allProducts;
      const p = fav.size ? fav.draw(itemRng) : allProducts.draw(itemRng);
      if (chosen.includes(p) || !book.entries.has(p)) continue;
      chosen.push(p);
    }
    const items = chosen.map((p) => ({ p, qty: theme.orders.quantity(itemRng), entry: book.entries.get(p)! }));
    const total = Math.round(items.reduce((s, it) => s + it.qty * it.entry.price, 0) * 100) / 100;
    const orderId = org.store.insert(
      'Order',
      {
        AccountId: c.accountId,
        Pricebook2Id: book.id,
        Status: 'Activated',
        EffectiveDate: ymd(o.ms),
        Type: theme.orders.type(rng),
        ShippingCity: c.city,
        ShippingState: c.state,
        OwnerId: ctx.adminUserId,
      },
      { CreatedDate: iso(o.ms), TotalAmount: total },
    );
    for (const it of items) {
      const id = org.store.insert(
        'OrderItem',
        { OrderId: orderId, Product2Id: products[it.p]!.id, PricebookEntryId: it.entry.id, Quantity: it.qty, UnitPrice: it.entry.price, ServiceDate: ymd(o.ms) },
        { CreatedDate: iso(o.ms), ListPrice: products[it.p]!.listPrice },
      );
      lines.push({ id, orderId, orderMs: o.ms, customer: o.customer, product: it.p });
    }
    ctx.progress('Order', 1 + items.length);
  }
  return lines;
}
