/**
 * CRMArena-Pro's orgs (reference/crmarena.md §12): the service half (seed/pro/service/), then sales
 * (territories, leads, opportunities, contracts), CPQ (quotes and their policies) and activity (tasks,
 * events, voice calls) and confidentiality (seed/pro/privacy/), each stage from its own seeded streams, over one transaction of
 * seed/index.ts. B2B sells business software to companies; B2C sells to person accounts.
 */
import type { ProOrgKind } from '../../src/org/org-kind.ts';
import type { GenContext } from '../context.ts';
import { generateActivity } from './activity/index.ts';
import { generateCpq } from './cpq/index.ts';
import type { ProLatentFile } from './latent.ts';
import { generatePrivacy } from './privacy/index.ts';
import { generateSales } from './sales/index.ts';
import { generateProService } from './service/index.ts';

/** Rows of a Pro org relative to an original one at the same scale (progress estimate only). */
export const PRO_ROW_FACTOR = 1.6;

/**
 * Volume per unit of scale: at scale 1 the orgs hold about as many records as Pro's (B2B 29,101,
 * B2C 54,569, reference/crmarena.md §12.1); the stages size themselves by `ctx.scale`, so the factor
 * is applied once here (measured: 29.3k and 55.3k records at scale 1, seed 42).
 */
export const PRO_VOLUME: Record<ProOrgKind, number> = { b2b: 0.72, b2c: 0.72 };

export function fillPro(outer: GenContext, kind: ProOrgKind, now: string): ProLatentFile {
  const ctx: GenContext = { ...outer, scale: outer.scale * PRO_VOLUME[kind] };
  const service = generateProService(ctx, kind, now);
  const sales = generateSales(ctx, kind, service.data);
  const cpq = generateCpq(ctx, kind, service.data, sales);
  const activity = generateActivity(ctx, kind, service.data, sales, cpq);
  const privacy = generatePrivacy(ctx, kind, service.data, sales, cpq, activity);
  // The latent file records the scale the user asked for, as the org's meta does.
  return { ...service.latent, scale: outer.scale, org: kind, sales: sales.latent, cpq: cpq.latent, activity: activity.latent, privacy };
}
