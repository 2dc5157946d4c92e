/**
 * Picklist values the CRMArena-Pro orgs use instead of the standard ones, for the sales slice
 * (reference/crmarena.md §12.2: Opportunity.StageName "Qualification, Discovery, Quote, Negotiation,
 * Closed", Lead.Status "New, Working, Qualified, Converted", Contract Status "Activated"). Key:
 * 'Object.Field'.
 */
import type { PicklistOverride } from './picklist-override.ts';

/**
 * Pro's five opportunity stages and what each implies for the derived fields (src/org/standard-derived.ts).
 * Pro has no "Closed Lost": its one closed stage is a won deal with a contract (ContractID__c), so it is
 * closed, won and forecast "Closed" at 100%. The open stages' default probabilities follow the
 * standard sales path they stand for (Qualification 10, Needs Analysis ~25, Proposal/Price Quote ~50,
 * Negotiation/Review ~75 in a default org's stage list, rounded to Pro's fewer steps).
 */
export const PRO_OPPORTUNITY_STAGES: readonly { stage: string; probability: number; forecast: string; closed: boolean; won: boolean }[] = [
  { stage: 'Qualification', probability: 10, forecast: 'Pipeline', closed: false, won: false },
  { stage: 'Discovery', probability: 25, forecast: 'Pipeline', closed: false, won: false },
  { stage: 'Quote', probability: 50, forecast: 'BestCase', closed: false, won: false },
  { stage: 'Negotiation', probability: 75, forecast: 'Forecast', closed: false, won: false },
  { stage: 'Closed', probability: 100, forecast: 'Closed', closed: true, won: true },
];

export const PRO_LEAD_STATUSES = ['New', 'Working', 'Qualified', 'Converted'] as const;

export const SALES_PICKLISTS: Readonly<Record<string, PicklistOverride>> = {
  // Restricted as the standard StageName is: an unknown stage is refused (INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST).
  'Opportunity.StageName': { values: PRO_OPPORTUNITY_STAGES.map((s) => s.stage), restricted: true },
  'Lead.Status': { values: PRO_LEAD_STATUSES, defaultValue: 'New' },
  'Contract.Status': { values: ['Draft', 'In Approval Process', 'Activated'], defaultValue: 'Draft' },
};
