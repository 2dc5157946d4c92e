/**
 * Price books (45) and their entries (~22,000 at scale 1, reference/crmarena.md §2.1): the standard
 * book with every product, seasonal catalogs, dated promotions and a few standing books. An order
 * uses the book in force on its date, so prices move with seasons and promotions.
 */
import { streams, type GenContext } from '../context.ts';
import { DAY, HISTORY_START, iso } from '../time.ts';
import type { ServiceTheme } from '../text/theme.ts';
import type { Product } from './catalog.ts';

export interface Pricebook {
  id: string;
  name: string;
  kind: 'standard' | 'season' | 'promo' | 'standing';
  fromMs: number;
  toMs: number;
  /** PricebookEntry Id and unit price per product index; missing when the book lacks the product. */
  entries: Map<number, { id: string; price: number }>;
}

export interface PricebookDef {
  name: string;
  description: string;
  kind: Pricebook['kind'];
  fromMs: number;
  toMs: number;
  factor: [number, number];
}

export const d = (y: number, m: number, day: number) => Date.UTC(y, m - 1, day);

/** The retailer's books: standard, seasonal collections, dated promotions, standing programs. */
export function bookDefs(): PricebookDef[] {
  const defs: PricebookDef[] = [
    { name: 'Standard Price Book', description: 'List prices for every product.', kind: 'standard', fromMs: d(2019, 1, 1), toMs: d(2030, 12, 31), factor: [1, 1] },
  ];
  const seasons: [string, number, number][] = [['Spring', 3, 5], ['Summer', 6, 8], ['Fall', 9, 11]];
  defs.push({ name: 'Winter 2019 Collection', description: 'Winter 2019-2020 catalog prices.', kind: 'season', fromMs: d(2019, 12, 1), toMs: d(2020, 3, 1) - DAY, factor: [0.95, 1.05] });
  for (let y = 2020; y <= 2024; y++) {
    for (const [s, m0, m1] of seasons) {
      if (y === 2024 && s === 'Fall') continue;
      defs.push({ name: `${s} ${y} Collection`, description: `${s} ${y} catalog prices.`, kind: 'season', fromMs: d(y, m0, 1), toMs: d(y, m1 + 1, 1) - DAY, factor: [0.95, 1.05] });
    }
    if (y < 2024) defs.push({ name: `Winter ${y} Collection`, description: `Winter ${y}-${y + 1} catalog prices.`, kind: 'season', fromMs: d(y, 12, 1), toMs: d(y + 1, 3, 1) - DAY, factor: [0.95, 1.05] });
  }
  for (let y = 2020; y <= 2023; y++) {
    defs.push({ name: `New Year Fitness Sale ${y}`, description: 'January training gear promotion.', kind: 'promo', fromMs: d(y, 1, 2), toMs: d(y, 1, 15), factor: [0.75, 0.85] });
    defs.push({ name: `Summer Clearance ${y}`, description: 'End-of-summer clearance.', kind: 'promo', fromMs: d(y, 7, 20), toMs: d(y, 8, 10), factor: [0.6, 0.75] });
    defs.push({ name: `Back to School ${y}`, description: 'Back-to-school promotion.', kind: 'promo', fromMs: d(y, 8, 11), toMs: d(y, 9, 5), factor: [0.8, 0.9] });
    defs.push({ name: `Black Friday ${y}`, description: 'Black Friday and Cyber Monday deals.', kind: 'promo', fromMs: d(y, 11, 20), toMs: d(y, 12, 2), factor: [0.6, 0.75] });
    defs.push({ name: `Holiday Gift Guide ${y}`, description: 'Holiday season prices.', kind: 'promo', fromMs: d(y, 12, 3), toMs: d(y, 12, 24), factor: [0.85, 0.95] });
  }
  for (const [name, description, f] of [
    ['Trailmark Rewards Member Pricing', 'Prices for loyalty members.', [0.88, 0.92]],
    ['Outlet Store Pricing', 'Outlet store prices.', [0.6, 0.7]],
    ['Employee Pricing', 'Employee purchase program.', [0.55, 0.6]],
    ['Team & Club Pricing', 'Volume prices for running clubs and school teams.', [0.8, 0.85]],
    ['Corporate Wellness Pricing', 'Prices for partner employers and their staff.', [0.85, 0.9]],
  ] as const) {
    defs.push({ name, description, kind: 'standing', fromMs: d(2019, 6, 1), toMs: d(2030, 12, 31), factor: [f[0], f[1]] });
  }
  return defs;
}

export function generatePricebooks(ctx: GenContext, products: Product[], theme: ServiceTheme): Pricebook[] {
  const { org } = ctx;
  const { rng } = streams(ctx, 'Pricebook2');
  const entryRng = streams(ctx, 'PricebookEntry').rng;
  const books: Pricebook[] = [];
  for (const def of theme.pricebooks.defs) {
    const created = iso(Math.min(def.fromMs, HISTORY_START) - 20 * DAY);
    const active = def.kind === 'standard' || def.kind === 'standing' || (def.fromMs <= ctx.nowMs && ctx.nowMs <= def.toMs);
    const id = org.store.insert(
      'Pricebook2',
      { Name: def.name, Description: def.description, IsActive: active ? 1 : 0, ValidFrom: iso(def.fromMs), ValidTo: iso(def.toMs + DAY - 1000) },
      { IsStandard: def.kind === 'standard' ? 1 : 0, CreatedDate: created },
    );
    const book: Pricebook = { id, name: def.name, kind: def.kind, fromMs: def.fromMs, toMs: def.toMs + DAY - 1, entries: new Map() };
    const discount = rng.real(def.factor[0], def.factor[1]);
    products.forEach((p, i) => {
      // Every product is in the standard book; other books carry ~97.7% of the catalog (22,000 at scale 1).
      if (def.kind !== 'standard' && !entryRng.chance(theme.pricebooks.coverage)) return;
      const price = def.kind === 'standard' ? p.listPrice : Math.max(4.99, Math.round(p.listPrice * discount * entryRng.real(0.98, 1.02)) - 0.01);
      const eid = org.store.insert(
        'PricebookEntry',
        { Pricebook2Id: id, Product2Id: p.id, UnitPrice: price, IsActive: 1, UseStandardPrice: 0 },
        { Name: p.name, ProductCode: p.code, CreatedDate: created },
      );
      book.entries.set(i, { id: eid, price });
    });
    books.push(book);
    ctx.progress('PricebookEntry', book.entries.size + 1);
  }
  return books;
}
