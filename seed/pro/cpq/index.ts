/** The CPQ stage: quotes, quote line items, and the quote/configuration policy articles. (Stub: writes nothing yet.) */
import type { ProOrgKind } from '../../../src/org/org-kind.ts';
import type { GenContext } from '../../context.ts';
import type { ServiceData } from '../../service-data.ts';
import type { SalesResult } from '../sales/types.ts';
import type { CpqLatent } from './latent.ts';

export interface CpqResult {
  latent: CpqLatent;
}

export function generateCpq(_ctx: GenContext, _kind: ProOrgKind, _service: ServiceData, _sales: SalesResult): CpqResult {
  return { latent: {} };
}
