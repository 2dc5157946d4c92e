/**
 * Tasks and Events on opportunities (WhatId). The completed ones trace the deal's history through the
 * stages up to its true stage; the open ones are what the rep planned for the stored stage, with now
 * and then a 'Not Started' task the stage guide lists under another stage — left over from an earlier
 * stage or started too early. activity_priority asks for those (reference/crmarena.md §12.3); which
 * tasks they are is latent.
 */
import type { ProOrgKind } from '../../../src/org/org-kind.ts';
import { streams, type GenContext } from '../../context.ts';
import type { Stream } from '../../rng.ts';
import { DAY, HOUR, iso, MINUTE, ymd } from '../../time.ts';
import { PRO_STAGES, type ProStage, type SalesOpportunity } from '../sales/types.ts';
import type { OpportunityTasksLatent } from './latent.ts';
import { productOf, type OpportunityContext } from './opportunity-calls.ts';
import { businessHour, storedMs } from './records.ts';
import { EVENT_LOCATIONS, STAGE_GUIDE } from './text/stage-bank.ts';
import { fill } from './transcript.ts';

const OPEN_OTHER = ['In Progress', 'Waiting', 'Deferred'] as const;

const DESCRIPTIONS: Record<ProOrgKind, readonly string[]> = {
  b2b: ['Agreed on the last call with {contact}.', 'Next step for {opportunity}.', 'Keep {contact} in the loop on this.', 'Owner to update the opportunity afterwards.', 'Follow-up item for {account}.'],
  b2c: ['Agreed on the last call with {contact}.', 'Next step for {opportunity}.', 'Keep {contact} updated by email.', 'Promised during the store visit.', 'Follow-up for {contact}.'],
};

interface Planned {
  stage: ProStage;
  subject: string;
  status: string;
  /** Due date (epoch ms, a day's midnight). */
  due: number;
}

/** `k` distinct (stage, subject) picks from the stages' guide activities. */
function pickSubjects(rng: Stream, kind: ProOrgKind, stages: readonly ProStage[], k: number, used: Set<string>, vars: Record<string, string>): { stage: ProStage; subject: string }[] {
  const pool = stages.flatMap((st) => STAGE_GUIDE[kind][st].activities.flatMap((a) => a.subjects.map((s) => ({ stage: st, subject: fill(s, vars) }))));
  return rng
    .shuffle(pool.filter((p) => !used.has(p.subject)))
    .slice(0, k)
    .map((p) => {
      used.add(p.subject);
      return p;
    });
}

export function generateOpportunityTasks(ctx: GenContext, oc: OpportunityContext, opps: readonly SalesOpportunity[]): OpportunityTasksLatent[] {
  const { rng } = streams(ctx, 'pro/activity/tasks');
  const ev = streams(ctx, 'pro/activity/events').rng;
  const out: OpportunityTasksLatent[] = [];
  const nowDay = Math.floor(ctx.nowMs / DAY) * DAY;
  let tasks = 0;
  let events = 0;
  for (const o of opps) {
    const created = storedMs(o.createdDate);
    if (created > ctx.nowMs - 2 * DAY) continue;
    const people = oc.names.opportunityPeople(o.accountId, o.contactId);
    const vars = { contact: people.full, account: people.account, product: productOf(oc, o, () => rng.pick(oc.products)), opportunity: o.name };
    const tIdx = PRO_STAGES.indexOf(o.trueStage);
    const used = new Set<string>();
    const plan: Planned[] = [];
    // History: completed activities of the stages the deal went through, spread over its life in
    // stage order (up to its close date when it has closed).
    const lifeEnd = Math.max(created + DAY, Math.min(ctx.nowMs - DAY, o.trueStage === 'Closed' ? storedMs(o.closeDate) : ctx.nowMs));
    const past = (i: number) => Math.floor((created + ((i + rng.real(0.2, 0.9)) / (tIdx + 1)) * (lifeEnd - created)) / DAY) * DAY;
    const soon = (lo: number, hi: number) => nowDay + rng.int(lo, hi) * DAY;
    for (let i = 0; i <= tIdx; i++) {
      const k = Number(rng.chance(i === tIdx ? 0.4 : 0.25));
      for (const p of pickSubjects(rng, oc.kind, [PRO_STAGES[i]!], k, used, vars)) plan.push({ ...p, status: 'Completed', due: past(i) });
    }
    // Open work planned for the stored stage.
    for (const p of pickSubjects(rng, oc.kind, [o.stage], 1 + rng.weightedIndex([0.45, 0.4, 0.15]), used, vars)) plan.push({ ...p, status: 'Not Started', due: soon(-3, 21) });
    for (const p of pickSubjects(rng, oc.kind, [o.stage], Number(rng.chance(0.3)), used, vars)) plan.push({ ...p, status: rng.pick(OPEN_OTHER), due: soon(-5, 14) });
    // Misfits: 'Not Started' tasks of another stage (the latent cause of activity_priority).
    const others = PRO_STAGES.filter((s) => s !== o.stage);
    const misfits = rng.chance(0.35) ? 0 : 1 + rng.weightedIndex([0.55, 0.25, 0.1, 0.05, 0.025, 0.0125, 0.0125]);
    for (const p of pickSubjects(rng, oc.kind, others, misfits, used, vars)) plan.push({ ...p, status: 'Not Started', due: soon(-10, 21) });
    // A few open tasks of other stages in other statuses (not 'Not Started').
    if (rng.chance(0.2)) for (const p of pickSubjects(rng, oc.kind, others, 1, used, vars)) plan.push({ ...p, status: rng.pick(OPEN_OTHER), due: soon(-10, 14) });

    const taskIds: string[] = [];
    const misfitTaskIds: string[] = [];
    for (const p of rng.shuffle(plan)) {
      const due = p.due;
      const createdAt = Math.min(ctx.nowMs - HOUR, Math.max(created + HOUR, businessHour(due - rng.int(2, 20) * DAY, rng.int(0, 479))));
      const id = ctx.org.store.insert(
        'Task',
        {
          Subject: p.subject,
          Description: fill(rng.pick(DESCRIPTIONS[oc.kind]), vars),
          Status: p.status,
          Priority: rng.weighted(['High', 'Normal', 'Low'], [0.25, 0.55, 0.2]),
          ActivityDate: ymd(Math.max(due, created)),
          WhatId: o.id,
          WhoId: o.contactId,
          OwnerId: o.ownerId,
          TaskSubtype: 'Task',
        },
        { CreatedDate: iso(createdAt) },
      );
      taskIds.push(id);
      if (p.stage !== o.stage) misfitTaskIds.push(id);
    }
    tasks += taskIds.length;

    // Events: meetings of the stages passed, and sometimes one coming up for the stored stage.
    const eventIds: string[] = [];
    const meetings: { stage: ProStage; startMs: number }[] = [];
    for (let i = 0; i <= tIdx; i++) if (ev.chance(0.18)) meetings.push({ stage: PRO_STAGES[i]!, startMs: 0 });
    if (ev.chance(0.2)) meetings.push({ stage: o.stage, startMs: businessHour(nowDay + ev.int(1, 14) * DAY, ev.int(0, 479)) });
    const span = Math.max(DAY, lifeEnd - created);
    meetings.forEach((m, i) => {
      const start = m.startMs || businessHour(created + Math.floor(((i + 1) * span) / (meetings.length + 1)), ev.int(0, 479));
      const allDay = ev.chance(0.05);
      const duration = allDay ? 1440 : ev.pick([30, 45, 60, 90]);
      const startMs = allDay ? Math.floor(start / DAY) * DAY : start;
      eventIds.push(
        ctx.org.store.insert(
          'Event',
          {
            Subject: ev.pick(STAGE_GUIDE[oc.kind][m.stage].events),
            Description: fill(ev.pick(DESCRIPTIONS[oc.kind]), vars),
            StartDateTime: iso(startMs),
            ActivityDateTime: iso(startMs),
            ActivityDate: ymd(startMs),
            EndDateTime: iso(startMs + duration * MINUTE),
            DurationInMinutes: duration,
            IsAllDayEvent: allDay ? 1 : 0,
            Location: ev.pick(EVENT_LOCATIONS[oc.kind]),
            WhatId: o.id,
            WhoId: o.contactId,
            OwnerId: o.ownerId,
            EventSubtype: 'Event',
          },
          { CreatedDate: iso(Math.min(ctx.nowMs - HOUR, Math.max(created, startMs - ev.int(1, 10) * DAY))) },
        ),
      );
    });
    events += eventIds.length;
    out.push({ opportunityId: o.id, stage: o.stage, taskIds, eventIds, misfitTaskIds });
  }
  ctx.progress('Task', tasks);
  ctx.progress('Event', events);
  return out;
}
