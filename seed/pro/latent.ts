/**
 * The latent side file of a CRMArena-Pro org (`<org>.latent.json`): the service half's variables as the
 * original org has them (seed/latent.ts), plus each Pro stage's own hidden causes. Every stage owns
 * its part's type in its own module; nothing here is written into the org tables.
 */
import type { ProOrgKind } from '../../src/org/org-kind.ts';
import type { LatentFile } from '../latent.ts';
import type { ActivityLatent } from './activity/latent.ts';
import type { CpqLatent } from './cpq/latent.ts';
import type { PrivacyLatent } from './privacy/latent.ts';
import type { SalesLatent } from './sales/latent.ts';

export interface ProLatentFile extends LatentFile {
  org: ProOrgKind;
  /** Sales agents' skill, territories, lead and opportunity facts (seed/pro/sales/). */
  sales: SalesLatent;
  /** Quote and product-configuration policies and which quotes break them (seed/pro/cpq/). */
  cpq: CpqLatent;
  /** Tasks, events and voice calls: BANT gaps, wrong stages, misfit tasks (seed/pro/activity/). */
  activity: ActivityLatent;
  /** What a customer may not be told: confidential articles, private and internal facts (seed/pro/privacy/). */
  privacy: PrivacyLatent;
}

export function isProLatent(l: LatentFile): l is ProLatentFile {
  return (l as Partial<ProLatentFile>).org === 'b2b' || (l as Partial<ProLatentFile>).org === 'b2c';
}
