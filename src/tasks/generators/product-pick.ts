/** Products the per-product analyst questions (TII, MTA) may name: ones with cases, named once in the catalog. */
import type { GeneratorContext } from '../context.ts';

export interface NamedProduct {
  id: string;
  name: string;
  cases: number;
}

const cache = new WeakMap<object, NamedProduct[]>();

export function productsWithCases(ctx: GeneratorContext): NamedProduct[] {
  let list = cache.get(ctx.db);
  if (!list) {
    list = ctx.db
      .prepare(
        `SELECT p."Id" AS id, p."Name" AS name, COUNT(*) AS cases FROM "Case" c
         JOIN "OrderItem" oi ON oi."Id" = c."OrderItemId__c" JOIN "Product2" p ON p."Id" = oi."Product2Id"
         WHERE +c."IsDeleted" = 0 AND +oi."IsDeleted" = 0 AND +p."IsDeleted" = 0
         GROUP BY p."Id" ORDER BY p."Id"`,
      )
      .all() as NamedProduct[];
    cache.set(ctx.db, list);
  }
  return list;
}

/** A product weighted by its case count (busy products make answerable questions), or any product. */
export function drawProduct(ctx: GeneratorContext, weighted = true): NamedProduct | undefined {
  const list = productsWithCases(ctx);
  if (list.length === 0) return undefined;
  return weighted ? ctx.rng.weighted(list, list.map((p) => p.cases)) : ctx.rng.pick(list);
}
