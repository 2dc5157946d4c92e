/**
 * Picklist values the CRMArena-Pro orgs use instead of the standard ones, for the cpq slice
 * (reference/crmarena.md §12.2). Key: 'Object.Field'.
 */
import type { PicklistOverride } from './picklist-override.ts';

export const CPQ_PICKLISTS: Readonly<Record<string, PicklistOverride>> = {
  // Pro's B2B Quote.Status values, in the order Salesforce lists the standard ones; Draft is the
  // default a new quote gets (Salesforce Help, "Quote Fields").
  'Quote.Status': { values: ['Draft', 'Needs Review', 'In Review', 'Approved', 'Rejected', 'Presented', 'Accepted'], defaultValue: 'Draft' },
};
