/** The sales stage: territories, leads, opportunities, their line items and contracts. (Stub: writes nothing yet.) */
import type { ProOrgKind } from '../../../src/org/org-kind.ts';
import type { GenContext } from '../../context.ts';
import type { ServiceData } from '../../service-data.ts';
import type { SalesResult } from './types.ts';

export function generateSales(_ctx: GenContext, _kind: ProOrgKind, _service: ServiceData): SalesResult {
  return { latent: {}, salesAgentIds: [], opportunities: [], leads: [], territories: [] };
}
