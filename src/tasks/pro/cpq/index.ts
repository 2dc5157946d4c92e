/** The Pro task generators of the cpq slice: quote_approval, invalid_config and lead_routing. */
import type { ProTaskGenerator } from '../context.ts';
import type { ProTaskName } from '../types.ts';
import { leadRouting } from './lead-routing.ts';
import { invalidConfig, quoteApproval } from './quote-policy.ts';

export const CPQ_GENERATORS: Partial<Record<ProTaskName, ProTaskGenerator>> = {
  lead_routing: leadRouting,
  quote_approval: quoteApproval,
  invalid_config: invalidConfig,
};
