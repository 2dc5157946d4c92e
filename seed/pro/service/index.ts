/**
 * The service half of a Pro org: CRMArena's 16 objects for the B2B vendor or the B2C brand.
 * (For now the original org's pipeline unchanged; the B2B/B2C themes replace it.)
 */
import type { ProOrgKind } from '../../../src/org/org-kind.ts';
import type { GenContext } from '../../context.ts';
import type { LatentFile } from '../../latent.ts';
import { generateServiceData, serviceLatents, type ServiceData } from '../../service-data.ts';

export interface ProServiceResult {
  data: ServiceData;
  latent: LatentFile;
}

export function generateProService(ctx: GenContext, _kind: ProOrgKind, now: string): ProServiceResult {
  const data = generateServiceData(ctx);
  return { data, latent: serviceLatents(ctx, data, now) };
}
