/**
 * Latent variables of the sales stage (seed/pro/sales/): what drives the sales records but is never
 * written into the org's tables. Ids are the org's 18-character Ids.
 */
import type { ProStage } from './types.ts';

export interface SalesAgentLatent {
  userId: string;
  /**
   * Selling skill, 0..1: shortens the sales cycle (days from an opportunity's creation to its
   * contract's signature) and raises the share of the agent's leads that convert.
   */
  skill: number;
  /** Territories the agent is assigned to (UserTerritory2Association); the first is the home one. */
  territoryIds: string[];
}

export interface LeadLatent {
  leadId: string;
  /** How promising the lead is, 0..1: raises its chance to convert. */
  quality: number;
  /** Territory fit: the lead's state is in one of its owner's territories (a routed lead converts more often). */
  inTerritory: boolean;
}

export interface WrongStageLatent {
  opportunityId: string;
  /** The stage stored on the record. */
  stored: ProStage;
  /** The stage the opportunity's history supports. */
  trueStage: ProStage;
}

export interface SalesLatent {
  salesAgents: SalesAgentLatent[];
  leads: LeadLatent[];
  /** Opportunities left at an earlier stage than their history supports (seed/pro/sales/opportunities.ts shares). */
  wrongStage: WrongStageLatent[];
}
