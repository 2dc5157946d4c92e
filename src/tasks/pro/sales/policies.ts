/**
 * The `required` texts of the three sales analytics tasks, in CRMArena-Pro's style ("Sales Amount
 * Policy: ...", reference/crmarena.md §12.3): what counts, which date places a record in a period, who
 * is compared. B2C contracts have no company signature (§12.2): there the customer's signature
 * (Contract.CustomerSignedDate) is the date that closes a deal, and the texts say so.
 */
import type { ProOrgKind } from '../../../org/org-kind.ts';

/** The Contract field whose date closes a deal in this org. */
export function signField(kind: ProOrgKind): 'CompanySignedDate' | 'CustomerSignedDate' {
  return kind === 'b2b' ? 'CompanySignedDate' : 'CustomerSignedDate';
}

function signedWords(kind: ProOrgKind): string {
  return kind === 'b2b' ? "company signed date (Contract.CompanySignedDate)" : "customer signed date (Contract.CustomerSignedDate)";
}

function closedDealRule(kind: ProOrgKind): string {
  return `- Closed deal: an opportunity whose contract (Opportunity.ContractID__c) has its ${signedWords(kind)} within the given time period. The deal belongs to the opportunity's owner (Opportunity.OwnerId).`;
}

export function salesAmountRequired(kind: ProOrgKind, today: string): string {
  return `## Sales Amount Policy
- Order amount: for an order, the sum over its order items of Quantity × UnitPrice.
- An opportunity's sales are the order amounts of the orders placed under its contract (Order.ContractId equals Opportunity.ContractID__c).
${closedDealRule(kind)}
- An agent's sales amount in a period is the total of the order amounts of the agent's closed deals in that period. Only agents with at least one closed deal in the period are compared.
- In queries that say 'agents who closed at least x deals', the filter counts the agent's closed deals in the period.

## Today's date: ${today}`;
}

export function salesCycleRequired(kind: ProOrgKind, today: string): string {
  return `## Sales Cycle Policy
- Sales cycle: the number of days from the creation of an opportunity (Opportunity.CreatedDate) to the ${signedWords(kind)} of its contract.
${closedDealRule(kind)}
- An agent's sales cycle in a period is the average sales cycle of the agent's closed deals in that period. Only agents with at least one closed deal in the period are compared.
- In queries that say 'agents who closed at least x deals', the filter counts the agent's closed deals in the period.

## Today's date: ${today}`;
}

export function conversionRateRequired(today: string): string {
  return `## Conversion Rate Policy
- Conversion rate of an agent in a period: the number of the agent's leads (Lead.OwnerId) created in the period (Lead.CreatedDate) that have been converted (Lead.IsConverted), divided by the total number of the agent's leads created in the period, times 100%.
- Only agents with at least one lead created in the period are compared.
- In queries that say 'agents with at least x leads', the filter counts the agent's leads created in the period.

## Today's date: ${today}`;
}
