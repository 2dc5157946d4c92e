/**
 * The ground truth of the activity slice's tasks: the latent side file (what each call and task was
 * written to state) checked against the org's rows as they are now — live calls and tasks, the stored
 * StageName and Status — so an edited org never yields a stale answer.
 */
import type Database from 'better-sqlite3';
import type { ActivityLatent } from '../../../../seed/pro/activity/latent.ts';
import { PRO_STAGES, type ProStage } from '../../../../seed/pro/sales/types.ts';
import { SUBTOPICS } from '../../../../seed/pro/activity/text/subtopic-bank.ts';
import type { ProOrgKind } from '../../../org/org-kind.ts';

export interface LeadTruth {
  leadId: string;
  unmet: string[];
}

export interface OpportunityCallTruth {
  opportunityId: string;
  stored: ProStage;
  trueStage: ProStage;
  subtopics: string[];
}

export interface TaskTruth {
  opportunityId: string;
  notStarted: number;
  misfits: string[];
}

export interface ActivityTruth {
  leads: LeadTruth[];
  opportunityCalls: OpportunityCallTruth[];
  tasks: TaskTruth[];
}

/** Per generator context (one task's draws), so a later generation sees the org as it is then. */
const cache = new WeakMap<object, ActivityTruth>();

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

export function activityTruth(ctx: { db: Database.Database; latent: { activity: ActivityLatent }; kind: ProOrgKind }): ActivityTruth {
  const hit = cache.get(ctx);
  if (hit) return hit;
  const { db, kind } = ctx;
  const latent = ctx.latent.activity;
  const leadLive = db.prepare(`SELECT 1 FROM "Lead" WHERE "Id" = ? AND +"IsDeleted" = 0`);
  const leadCalls = db.prepare(`SELECT "Id" AS id FROM "VoiceCallTranscript__c" WHERE "LeadId__c" = ? AND +"IsDeleted" = 0`);
  const oppStage = db.prepare(`SELECT "StageName" AS s FROM "Opportunity" WHERE "Id" = ? AND +"IsDeleted" = 0`);
  const oppCalls = db.prepare(`SELECT "Id" AS id FROM "VoiceCallTranscript__c" WHERE "OpportunityId__c" = ? AND +"IsDeleted" = 0 ORDER BY "CreatedDate", "Id"`);
  const notStarted = db.prepare(`SELECT "Id" AS id FROM "Task" WHERE "WhatId" = ? AND "Status" = 'Not Started' AND +"IsDeleted" = 0`);

  const leads = latent.leadCalls
    .filter((l) => leadLive.get(l.leadId) && sameSet((leadCalls.all(l.leadId) as { id: string }[]).map((r) => r.id), l.callIds))
    .map((l) => ({ leadId: l.leadId, unmet: [...l.unmet] }));

  const order = SUBTOPICS[kind].map((s) => s.name);
  const opportunityCalls: OpportunityCallTruth[] = [];
  for (const o of latent.opportunityCalls) {
    const row = oppStage.get(o.opportunityId) as { s: string } | undefined;
    if (!row || !(PRO_STAGES as readonly string[]).includes(row.s)) continue;
    const live = (oppCalls.all(o.opportunityId) as { id: string }[]).map((r) => r.id);
    // Every call still there, and the latest one still the one written with the true stage's evidence.
    if (!sameSet(live, o.callIds) || live[live.length - 1] !== o.callIds[o.callIds.length - 1]) continue;
    const topics = new Set(o.subtopicsByCall.flat());
    opportunityCalls.push({ opportunityId: o.opportunityId, stored: row.s as ProStage, trueStage: o.evidencedStages[o.evidencedStages.length - 1]!, subtopics: order.filter((n) => topics.has(n)) });
  }

  const wrong = new Set(latent.wrongStage.map((w) => w.opportunityId));
  const tasks: TaskTruth[] = [];
  for (const t of latent.opportunityTasks) {
    const row = oppStage.get(t.opportunityId) as { s: string } | undefined;
    // Only where the stored stage is the one the open tasks were planned for, and is the right one:
    // on a wrong-stage opportunity "the opportunity's stage" would be ambiguous.
    if (!row || row.s !== t.stage || wrong.has(t.opportunityId)) continue;
    const open = (notStarted.all(t.opportunityId) as { id: string }[]).map((r) => r.id);
    const misfit = new Set(t.misfitTaskIds);
    tasks.push({ opportunityId: t.opportunityId, notStarted: open.length, misfits: open.filter((id) => misfit.has(id)).sort() });
  }
  const truth = { leads, opportunityCalls, tasks };
  cache.set(ctx, truth);
  return truth;
}
