/**
 * The catalog: 12 ProductCategory rows, the products (500 at scale ≥ 1) with their category links,
 * and the latent product variables: sales popularity, defect rate, issue mix and a seasonal spike
 * month (which makes CRMArena's Monthly Trend and Top Issue tasks have real answers).
 */
import { makeId } from '../../src/org/index.ts';
import { streams, type GenContext } from '../context.ts';
import { ISSUE_NAMES } from '../latent.ts';
import type { CategoryDef } from '../text/catalog-bank.ts';
import type { ServiceTheme } from '../text/theme.ts';
import { DAY, HISTORY_START, iso } from '../time.ts';

export interface Product {
  id: string;
  name: string;
  code: string;
  kind: string;
  category: number;
  categories: number[];
  listPrice: number;
  popularity: number;
  defectRate: number;
  /** Weight per issue index. */
  issueMix: number[];
  spike: { month: number; factor: number } | null;
}

export interface CatalogResult {
  categoryIds: string[];
  products: Product[];
  /** Product indexes per category index (primary or secondary). */
  byCategory: number[][];
}

/** Where a product of a category may also be listed. */
export const RELATED: Record<string, string[]> = {
  RUN: ['WAW', 'MAW', 'ACC'], TRL: ['OUT', 'BOT', 'ACC'], SNK: ['KID', 'RUN'], BOT: ['TRL', 'JKT'], SDL: ['OUT', 'ACC'],
  WAW: ['YGA', 'RUN'], MAW: ['RUN', 'OUT'], OUT: ['TRL', 'JKT'], YGA: ['WAW', 'ACC'], JKT: ['OUT', 'BOT'], KID: ['SNK', 'ACC'], ACC: ['RUN', 'TRL', 'YGA'],
};

/** Issues more likely for some families (index per ISSUE_NAMES). */
export function familyIssueBias(cat: CategoryDef): number[] {
  const w = ISSUE_NAMES.map(() => 1);
  const set = (name: (typeof ISSUE_NAMES)[number], v: number) => (w[ISSUE_NAMES.indexOf(name)] = v);
  if (cat.family === 'Footwear') {
    set('Size Mismatch', 2.2);
    set('Product Defect', 1.5);
    set('Warranty Issue', 1.4);
  } else if (cat.family === 'Apparel') {
    set('Size Mismatch', 1.8);
    set('Return Policy Issue', 1.4);
    if (cat.code === 'JKT') set('Warranty Issue', 1.6);
  } else {
    set('Incorrect Item Received', 1.5);
    set('Product Availability', 1.4);
  }
  return w;
}

/** Products at scale ≥ 1 match CRMArena's 500 (or the theme's count); smaller scales shrink the catalog too. */
export function productCount(scale: number, base = 500): number {
  return scale >= 1 ? base : Math.max(48, Math.round(base * scale));
}

export function generateCatalog(ctx: GenContext, theme: ServiceTheme): CatalogResult {
  const { categories: CATEGORIES, colors: COLORS, productLines: PRODUCT_LINES, related: RELATED_CODES, familyOfKind } = theme.catalog;
  const { org } = ctx;
  const { rng, faker } = streams(ctx, 'Product2');
  const linkRng = streams(ctx, 'ProductCategoryProduct').rng;
  const catalogId = makeId('0ZS', 1);
  const created = iso(HISTORY_START - 30 * DAY);

  const categoryIds = CATEGORIES.map((c, i) =>
    org.store.insert('ProductCategory', { Name: c.name, CatalogId: catalogId, Description: c.description, SortOrder: i + 1, IsNavigational: 1 }, { CreatedDate: created }),
  );
  ctx.progress('ProductCategory', categoryIds.length);

  const n = productCount(ctx.scale, theme.catalog.products);
  const products: Product[] = [];
  const byCategory: number[][] = CATEGORIES.map(() => []);
  const usedNames = new Set<string>();
  const usedCombos = new Set<string>();
  // Zipf-like popularity over a random ranking: a few best sellers, a long tail.
  const ranks = rng.shuffle(Array.from({ length: n }, (_, i) => i));
  const rawPop = ranks.map((r) => 1 / Math.pow(r + 8, 1.1));
  const meanPop = rawPop.reduce((a, b) => a + b, 0) / n;
  for (let i = 0; i < n; i++) {
    const ci = i % CATEGORIES.length;
    const cat = CATEGORIES[ci]!;
    let kind = '';
    let attr = '';
    let name = '';
    for (let tries = 0; ; tries++) {
      kind = rng.pick(cat.kinds);
      attr = rng.pick(cat.attributes);
      if (kind.includes(attr)) continue; // no "Light-Up Kids' Light-Up Shoe"
      const combo = `${attr} ${kind}`;
      name = `${rng.pick(PRODUCT_LINES)} ${combo}`;
      if (usedNames.has(name)) continue;
      // Prefer a fresh attribute+kind pair so paraphrases stay distinctive; give up after a few tries.
      if (usedCombos.has(combo) && tries < 12) continue;
      break;
    }
    usedNames.add(name);
    usedCombos.add(`${attr} ${kind}`);
    const cats = [ci];
    // About half the products also appear in a related category (~760 links for 500 products).
    const related = (RELATED_CODES[cat.code] ?? []).filter((code) => !(attr === "Women's" && code === 'MAW') && !(attr === "Men's" && code === 'WAW'));
    if (linkRng.chance(0.53) && related.length) {
      const code = linkRng.pick(related);
      cats.push(CATEGORIES.findIndex((c) => c.code === code));
    }
    const [lo, hi] = cat.priceRange;
    const listPrice = Math.floor(rng.real(lo, hi)) + 0.99;
    const f1 = rng.pick(cat.features);
    const f2 = rng.pick(cat.features.filter((f) => f !== f1));
    const material = rng.pick(cat.materials);
    const color = rng.pick(COLORS);
    const description = theme.catalog.description({ name, category: cat.name, material, f1, f2, color, tail: faker.helpers.arrayElement([...theme.catalog.descriptionTails]) });
    const bias = theme.catalog.issueBias(cat);
    const issueMix = bias.map((b) => b * rng.lognormal(1, 0.5));
    // A clear top issue per product: CRMArena's Top Issue Identification asks for it.
    const top = rng.weightedIndex(bias);
    issueMix[top]! *= 7;
    const defectRate = rng.lognormal(1, 0.45) * (rng.chance(0.12) ? 4 : 1);
    const spike = rng.chance(0.4)
      ? { month: rng.chance(0.6) ? rng.pick(cat.peakMonths) : rng.int(1, 12), factor: Math.round(rng.real(9, 14) * 10) / 10 }
      : null;
    const code = `${theme.catalog.codePrefix}-${cat.code}-${String(i + 1).padStart(4, '0')}`;
    const id = org.store.insert(
      'Product2',
      {
        Name: name,
        ProductCode: code,
        Description: description,
        IsActive: rng.chance(0.95) ? 1 : 0,
        Family: familyOfKind(kind),
        StockKeepingUnit: `${theme.catalog.skuPrefix}${String(i + 1).padStart(5, '0')}`,
        External_ID__c: `${cats.map((c) => CATEGORIES[c]!.name).join(', ')}_${i + 1}`,
      },
      { CreatedDate: created },
    );
    for (const c of cats) byCategory[c]!.push(i);
    products.push({ id, name, code, kind, category: ci, categories: cats, listPrice, popularity: rawPop[i]! / meanPop, defectRate, issueMix, spike });
  }
  ctx.progress('Product2', n);

  let links = 0;
  for (const p of products) {
    p.categories.forEach((c, k) => {
      org.store.insert('ProductCategoryProduct', { ProductCategoryId: categoryIds[c]!, ProductId: p.id, IsPrimaryCategory: k === 0 ? 1 : 0 }, { CreatedDate: created });
      links++;
    });
  }
  ctx.progress('ProductCategoryProduct', links);
  return { categoryIds, products, byCategory };
}
