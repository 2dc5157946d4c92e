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

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const sb = [...b].sort();
  return [...a].sort().every((x, i) => x === sb[i]);
}

export function activityTruth(ctx: { db: Database.Database; latent: { activity: ActivityLatent }; kind: ProOrgKind }): ActivityTruth {
  const hit = cache.get(ctx);
  if (hit) return hit;
  const { db, kind } = ctx;
  const latent = ctx.latent.activity;
  // One pass over each table (grouped in memory), not a query per record: the truth is built once per task.
  const group = (rows: { k: string; id: string }[]) => {
    const m = new Map<string, string[]>();
    for (const r of rows) (m.get(r.k) ?? m.set(r.k, []).get(r.k)!).push(r.id);
    return m;
  };
  const liveLeads = new Set((db.prepare(`SELECT "Id" AS id FROM "Lead" WHERE +"IsDeleted" = 0`).all() as { id: string }[]).map((r) => r.id));
  const leadCalls = group(db.prepare(`SELECT "LeadId__c" AS k, "Id" AS id FROM "VoiceCallTranscript__c" WHERE "LeadId__c" IS NOT NULL AND +"IsDeleted" = 0`).all() as { k: string; id: string }[]);
  const stageOf = new Map((db.prepare(`SELECT "Id" AS id, "StageName" AS s FROM "Opportunity" WHERE +"IsDeleted" = 0`).all() as { id: string; s: string }[]).map((r) => [r.id, r.s]));
  const oppCalls = group(
    db.prepare(`SELECT "OpportunityId__c" AS k, "Id" AS id FROM "VoiceCallTranscript__c" WHERE "OpportunityId__c" IS NOT NULL AND +"IsDeleted" = 0 ORDER BY "CreatedDate", "Id"`).all() as { k: string; id: string }[],
  );
  const notStarted = group(db.prepare(`SELECT "WhatId" AS k, "Id" AS id FROM "Task" WHERE "Status" = 'Not Started' AND "WhatId" IS NOT NULL AND +"IsDeleted" = 0`).all() as { k: string; id: string }[]);

  const leads = latent.leadCalls
    .filter((l) => liveLeads.has(l.leadId) && sameSet(leadCalls.get(l.leadId) ?? [], l.callIds))
    .map((l) => ({ leadId: l.leadId, unmet: [...l.unmet] }));

  const order = SUBTOPICS[kind].map((s) => s.name);
  const opportunityCalls: OpportunityCallTruth[] = [];
  for (const o of latent.opportunityCalls) {
    const stored = stageOf.get(o.opportunityId);
    if (!stored || !(PRO_STAGES as readonly string[]).includes(stored)) continue;
    const live = oppCalls.get(o.opportunityId) ?? [];
    // Every call still there, and the latest one still the one written with the true stage's evidence.
    if (!sameSet(live, o.callIds) || live[live.length - 1] !== o.callIds[o.callIds.length - 1]) continue;
    const topics = new Set(o.subtopicsByCall.flat());
    opportunityCalls.push({ opportunityId: o.opportunityId, stored: stored as ProStage, trueStage: o.evidencedStages[o.evidencedStages.length - 1]!, subtopics: order.filter((n) => topics.has(n)) });
  }

  const wrong = new Set(latent.wrongStage.map((w) => w.opportunityId));
  const tasks: TaskTruth[] = [];
  for (const t of latent.opportunityTasks) {
    // Only where the stored stage is the one the open tasks were planned for, and is the right one:
    // on a wrong-stage opportunity "the opportunity's stage" would be ambiguous.
    if (stageOf.get(t.opportunityId) !== t.stage || wrong.has(t.opportunityId)) continue;
    const open = notStarted.get(t.opportunityId) ?? [];
    const misfit = new Set(t.misfitTaskIds);
    tasks.push({ opportunityId: t.opportunityId, notStarted: open.length, misfits: open.filter((id) => misfit.has(id)).sort() });
  }
  const truth = { leads, opportunityCalls, tasks };
  cache.set(ctx, truth);
  return truth;
}
