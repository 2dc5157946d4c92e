/** The confidentiality stage: what a customer may not be told (runs last, over every other stage). (Stub.) */
import type { ProOrgKind } from '../../../src/org/org-kind.ts';
import type { GenContext } from '../../context.ts';
import type { ServiceData } from '../../service-data.ts';
import type { ActivityResult } from '../activity/index.ts';
import type { CpqResult } from '../cpq/index.ts';
import type { SalesResult } from '../sales/types.ts';
import type { PrivacyLatent } from './latent.ts';

export function generatePrivacy(
  _ctx: GenContext,
  _kind: ProOrgKind,
  _service: ServiceData,
  _sales: SalesResult,
  _cpq: CpqResult,
  _activity: ActivityResult,
): PrivacyLatent {
  return {};
}
