/**
 * The `required` texts of the activity slice's tasks, in CRMArena-Pro's style ("Sales Amount Policy:
 * ...", reference/crmarena.md §12.3): the policy or guide the answer follows. The stage definitions,
 * activity guide and subtopic names come from the seed's text banks (seed/pro/activity/text/), so the
 * data and the policies an agent reads share one definition.
 */
import { BANT_FACTORS, TIMELINE_MONTHS } from '../../../../seed/pro/activity/text/bant-bank.ts';
import { STAGE_GUIDE } from '../../../../seed/pro/activity/text/stage-bank.ts';
import { SUBTOPICS } from '../../../../seed/pro/activity/text/subtopic-bank.ts';
import { PRO_STAGES } from '../../../../seed/pro/sales/types.ts';
import type { ProOrgKind } from '../../../org/org-kind.ts';

export function leadQualificationRequired(timelineMonths = TIMELINE_MONTHS): string {
  return [
    `Lead Qualification Policy: a lead is qualified only when all four BANT factors (${BANT_FACTORS.join(', ')}) are met, as the lead's voice call transcripts (VoiceCallTranscript__c records whose LeadId__c is the lead) show them.`,
    "- Budget: the lead has money allocated or approved for the purchase.",
    '- Authority: the person on the call makes the purchase decision without needing anyone else to approve it.',
    '- Need: the lead has a real problem or pressing need that the product solves.',
    `- Timeline: the lead plans to purchase within ${timelineMonths} months.`,
    'A factor is unmet when what the lead says shows it is not satisfied. Answer with the names of all unmet factors; if all four are met, answer None.',
  ].join('\n');
}

export function stagePolicyRequired(kind: ProOrgKind): string {
  const guide = STAGE_GUIDE[kind];
  return [
    "Opportunity Stage Policy: an opportunity's stage must reflect where the deal actually stands, as its most recent voice call transcript (the VoiceCallTranscript__c with the latest CreatedDate whose OpportunityId__c is the opportunity) shows it. The stages are:",
    ...PRO_STAGES.map((s) => `- ${s}: ${guide[s].definition}.`),
    'If the StageName stored on the opportunity already matches, answer None; otherwise answer the correct stage.',
  ].join('\n');
}

export function salesInsightRequired(kind: ProOrgKind): string {
  return [
    `Sales Insight Categories: a sales call on an opportunity may cover these subtopics: ${SUBTOPICS[kind].map((s) => s.name).join('; ')}.`,
    "Considering every voice call transcript of the opportunity (VoiceCallTranscript__c whose OpportunityId__c is the opportunity), list the subtopics discussed, by these names, separated by commas.",
  ].join('\n');
}

export function activityGuideRequired(kind: ProOrgKind): string {
  const guide = STAGE_GUIDE[kind];
  return [
    'Activity Guide: the activities typical of each opportunity stage are:',
    ...PRO_STAGES.map((s) => `- ${s}: ${guide[s].activities.map((a) => a.name).join('; ')}.`),
    "Activity Priority Policy: a task of an opportunity (Task.WhatId) whose Status is 'Not Started' and whose activity is not one of the activities of the opportunity's current stage (its StageName) does not match the stage and should be deprioritised. Answer with the Ids of all such tasks; if every 'Not Started' task matches the stage, answer None.",
  ].join('\n');
}
