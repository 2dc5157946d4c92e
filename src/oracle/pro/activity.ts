/**
 * The oracle's solvers for the Pro tasks of the activity slice. Each reads the Id from the question,
 * the threshold or category list from the policy text, and the calls and tasks through SOQL; what a
 * transcript or task subject states is read with the cue readers of seed/pro/activity/cues.ts (the
 * structured lines the templates write), never from the latent file.
 */
import { BANT_FACTORS, readBant, readStageEvidence, readSubtopics, stageOfSubject } from '../../../seed/pro/activity/cues.ts';
import type { OracleApi } from '../api.ts';
import { soqlString } from '../api.ts';
import { UnreadableQuery } from '../read-query.ts';
import type { ProSolver } from './solver.ts';

function readId(text: string, prefix: string, what: string): string {
  const m = new RegExp(`\\b(${prefix}[0-9A-Za-z]{12,15})\\b`).exec(text);
  if (!m) throw new UnreadableQuery(`no ${what} Id in: ${text}`);
  return m[1]!;
}

async function calls(api: OracleApi, field: 'LeadId__c' | 'OpportunityId__c', id: string): Promise<string[]> {
  const r = await api.queryAll(`SELECT Id, Body__c FROM VoiceCallTranscript__c WHERE ${field} = ${soqlString(id)} ORDER BY CreatedDate, Id`);
  return r.records.map((x) => String(x.Body__c ?? ''));
}

async function stageOf(api: OracleApi, id: string): Promise<string> {
  const r = await api.queryAll(`SELECT StageName FROM Opportunity WHERE Id = ${soqlString(id)}`);
  if (r.records.length !== 1) throw new Error(`opportunity ${id} not found`);
  return String(r.records[0]!.StageName);
}

const leadQualification: ProSolver = async (api, { query, required }) => {
  const leadId = readId(query, '00Q', 'lead');
  const m = /purchase within (\d+) months/.exec(required);
  if (!m) throw new UnreadableQuery('no Timeline threshold in the policy');
  const found = new Map<string, boolean>();
  for (const body of await calls(api, 'LeadId__c', leadId)) for (const [f, met] of readBant(body, Number(m[1]))) found.set(f, met);
  const missing = BANT_FACTORS.filter((f) => !found.has(f));
  if (missing.length) throw new Error(`lead ${leadId}: the calls do not discuss ${missing.join(', ')}`);
  const unmet = BANT_FACTORS.filter((f) => found.get(f) === false);
  return unmet.length ? unmet : ['None'];
};

const wrongStage: ProSolver = async (api, { query }) => {
  const oppId = readId(query, '006', 'opportunity');
  const bodies = await calls(api, 'OpportunityId__c', oppId);
  if (bodies.length === 0) throw new Error(`opportunity ${oppId} has no calls`);
  const evidenced = readStageEvidence(bodies[bodies.length - 1]!);
  if (!evidenced) throw new Error(`the latest call of ${oppId} shows no stage`);
  return evidenced === (await stageOf(api, oppId)) ? ['None'] : [evidenced];
};

const salesInsight: ProSolver = async (api, { query, required }) => {
  const oppId = readId(query, '006', 'opportunity');
  const m = /may cover these subtopics: ([^\n]+)\./.exec(required);
  if (!m) throw new UnreadableQuery('no subtopic list in the policy');
  const order = m[1]!.split(';').map((s) => s.trim());
  const seen = new Set((await calls(api, 'OpportunityId__c', oppId)).flatMap(readSubtopics));
  const out = order.filter((s) => seen.has(s));
  if (out.length !== seen.size) throw new Error(`opportunity ${oppId}: a subtopic outside the policy's list`);
  return [out.join(', ')];
};

const activityPriority: ProSolver = async (api, { query }) => {
  const oppId = readId(query, '006', 'opportunity');
  const stage = await stageOf(api, oppId);
  const r = await api.queryAll(`SELECT Id, Subject FROM Task WHERE WhatId = ${soqlString(oppId)} AND Status = 'Not Started' ORDER BY Id`);
  const misfits = r.records.filter((t) => {
    const s = stageOfSubject(String(t.Subject ?? ''));
    if (!s) throw new Error(`task ${String(t.Id)}: no guide activity in '${String(t.Subject)}'`);
    return s !== stage;
  });
  return misfits.length ? misfits.map((t) => String(t.Id)) : ['None'];
};

export const ACTIVITY_SOLVERS: Record<string, ProSolver> = {
  lead_qualification: leadQualification,
  wrong_stage_rectification: wrongStage,
  sales_insight_mining: salesInsight,
  activity_priority: activityPriority,
};
