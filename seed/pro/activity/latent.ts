/**
 * Latent variables of the activity stage: what the calls and tasks were written to say. Never
 * written into the org tables; the task generators read them with the org's rows.
 */
import type { ProStage } from '../sales/types.ts';
import type { BantFactor } from './text/bant-bank.ts';

export interface LeadCallLatent {
  leadId: string;
  callIds: string[];
  /** BANT factors the calls show unmet (BANT order); empty when the lead is fully qualified. */
  unmet: BantFactor[];
  /** The purchase horizon the lead states (Timeline is met within TIMELINE_MONTHS). */
  timelineMonths: number;
}

export interface OpportunityCallLatent {
  opportunityId: string;
  /** Oldest first; the last one carries the evidence of the true stage. */
  callIds: string[];
  /** Subtopics discussed per call (same order as callIds). */
  subtopicsByCall: string[][];
  /** Stage each call evidences; the last is the opportunity's true stage. */
  evidencedStages: ProStage[];
}

export interface OpportunityTasksLatent {
  opportunityId: string;
  /** The stage stored on the record, which the open tasks were planned against. */
  stage: ProStage;
  taskIds: string[];
  eventIds: string[];
  /** Tasks whose activity the stage guide lists under another stage than `stage` (any status). */
  misfitTaskIds: string[];
}

export interface ActivityLatent {
  /** Planning horizon that meets Timeline, in months (the policy text states it). */
  timelineMonths: number;
  leadCalls: LeadCallLatent[];
  opportunityCalls: OpportunityCallLatent[];
  opportunityTasks: OpportunityTasksLatent[];
  /** Opportunities stored at a stage their history does not support (from the sales stage). */
  wrongStage: { opportunityId: string; stage: ProStage; trueStage: ProStage }[];
}
