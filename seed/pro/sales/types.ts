/**
 * What the sales stage hands to the stages after it (CPQ, activity): the records it wrote, with the
 * facts later stages build on. Ids are the 18-character Ids in the org.
 */
import type { SalesLatent } from './latent.ts';

/** CRMArena-Pro's opportunity stages (reference/crmarena.md §12.2, B2B picklist). */
export const PRO_STAGES = ['Qualification', 'Discovery', 'Quote', 'Negotiation', 'Closed'] as const;
export type ProStage = (typeof PRO_STAGES)[number];

export interface SalesLine {
  id: string;
  productId: string;
  pricebookEntryId: string;
  quantity: number;
  unitPrice: number;
  totalPrice: number;
}

export interface SalesOpportunity {
  id: string;
  name: string;
  accountId: string;
  contactId: string | null;
  ownerId: string;
  /** The stage stored on the record. */
  stage: ProStage;
  /** The stage the opportunity's history supports; differs from `stage` when it was left at a wrong one. */
  trueStage: ProStage;
  /** Stored datetime (`2023-04-01T10:00:00.000Z`) and date (`2023-05-01`). */
  createdDate: string;
  closeDate: string;
  amount: number;
  pricebookId: string;
  contractId: string | null;
  lines: SalesLine[];
  /** The lead it was converted from, if any. */
  leadId: string | null;
  /** The contract's signature dates (stored datetimes), for closed deals. B2C contracts have no company signature. */
  customerSignedDate: string | null;
  companySignedDate: string | null;
  /** The contract's StartDate (`2023-05-01`), for closed deals. */
  contractStartDate: string | null;
  /** The order placed under the contract (Order.ContractId), for closed deals. */
  orderId: string | null;
}

export interface SalesLead {
  id: string;
  ownerId: string;
  status: string;
  createdDate: string;
  isConverted: boolean;
  convertedDate: string | null;
  convertedAccountId: string | null;
  convertedContactId: string | null;
  convertedOpportunityId: string | null;
  /** Two-letter state of the lead's region (Lead.State). */
  state: string;
  firstName: string;
  lastName: string;
  /** B2B only (B2C leads have no Company). */
  company: string | null;
  email: string;
}

export interface SalesTerritory {
  id: string;
  name: string;
  /** State codes in the territory (its Description holds them comma-separated, "MO,KS,OK"). */
  states: string[];
  userIds: string[];
}

export interface SalesResult {
  latent: SalesLatent;
  /** The agents who work sales (own leads and opportunities). */
  salesAgentIds: string[];
  opportunities: SalesOpportunity[];
  leads: SalesLead[];
  territories: SalesTerritory[];
}
