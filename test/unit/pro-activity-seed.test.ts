/**
 * The activity stage's data against its latent variables: what the transcripts and task subjects say
 * (read back with the cue readers) is what the latent file records; wrong-stage opportunities' latest
 * call evidences their true stage; misfit tasks are exactly the tasks of another stage; same seed →
 * same rows.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readBant, readStageEvidence, readSubtopics, stageOfSubject } from '../../seed/pro/activity/cues.ts';
import { BANT_FACTORS, TIMELINE_MONTHS } from '../../seed/pro/activity/text/bant-bank.ts';
import { generateOrgWithLatents } from '../../seed/index.ts';
import type { ProLatentFile } from '../../seed/pro/latent.ts';
import { generateProTasks } from '../../src/tasks/pro/generate.ts';
import { buildActivityFixture, type ActivityFixture } from './pro-activity-fixture.ts';

const fixtures: ActivityFixture[] = [buildActivityFixture('b2b'), buildActivityFixture('b2c')];
afterAll(() => fixtures.forEach((f) => f.org.close()));

const body = (f: ActivityFixture, id: string) => (f.org.db.prepare(`SELECT "Body__c" AS b FROM "VoiceCallTranscript__c" WHERE "Id" = ?`).get(id) as { b: string }).b;

describe.each(fixtures.map((f) => [f.kind, f] as const))('activity stage (%s)', (_kind, f) => {
  it('writes calls, tasks and events', () => {
    const count = (sql: string) => (f.org.db.prepare(sql).get() as { n: number }).n;
    expect(f.activity.leadCalls.length).toBeGreaterThan(30);
    expect(f.activity.opportunityCalls.length).toBeGreaterThan(60);
    const calls = f.activity.leadCalls.reduce((s, l) => s + l.callIds.length, 0) + f.activity.opportunityCalls.reduce((s, o) => s + o.callIds.length, 0);
    expect(count(`SELECT COUNT(*) AS n FROM "VoiceCallTranscript__c"`)).toBeGreaterThanOrEqual(calls);
    const tasksOf = f.org.db.prepare(`SELECT "Id" AS id FROM "Task" WHERE "WhatId" = ?`);
    const eventsOf = f.org.db.prepare(`SELECT "Id" AS id FROM "Event" WHERE "WhatId" = ?`);
    for (const t of f.activity.opportunityTasks) {
      expect((tasksOf.all(t.opportunityId) as { id: string }[]).map((r) => r.id).sort()).toEqual([...t.taskIds].sort());
      expect((eventsOf.all(t.opportunityId) as { id: string }[]).map((r) => r.id).sort()).toEqual([...t.eventIds].sort());
    }
    expect(f.activity.opportunityTasks.length).toBeGreaterThan(100);
    // Every call is stamped before the org clock and ends after it starts.
    const bad = count(`SELECT COUNT(*) AS n FROM "VoiceCallTranscript__c" WHERE "EndTime__c" <= "CreatedDate" OR "CreatedDate" >= '${f.org.clock.nowIso()}'`);
    expect(bad).toBe(0);
  });

  it("lead calls state exactly the latent BANT gaps (one statement per factor)", () => {
    let withGaps = 0;
    for (const l of f.activity.leadCalls) {
      const found = new Map<string, boolean>();
      let statements = 0;
      for (const id of l.callIds) {
        const m = readBant(body(f, id), TIMELINE_MONTHS);
        statements += m.size;
        for (const [k, v] of m) found.set(k, v);
      }
      expect(statements).toBe(4);
      expect(BANT_FACTORS.filter((x) => found.get(x) === false)).toEqual(l.unmet);
      if (l.unmet.length) withGaps++;
    }
    // Both qualified and unqualified leads, enough for Pro's 20 None of 100.
    const share = withGaps / f.activity.leadCalls.length;
    expect(share).toBeGreaterThan(0.4);
    expect(share).toBeLessThan(0.85);
  });

  it('converted leads have fewer BANT gaps than open ones', () => {
    const converted = new Set(f.sales.leads.filter((l) => l.isConverted).map((l) => l.id));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const conv = mean(f.activity.leadCalls.filter((l) => converted.has(l.leadId)).map((l) => l.unmet.length));
    const open = mean(f.activity.leadCalls.filter((l) => !converted.has(l.leadId)).map((l) => l.unmet.length));
    expect(open - conv).toBeGreaterThan(0.5);
  });

  it("the latest call evidences the true stage; wrong-stage opportunities' evidence differs from the stored stage", () => {
    const byId = new Map(f.sales.opportunities.map((o) => [o.id, o]));
    for (const oc of f.activity.opportunityCalls) {
      const o = byId.get(oc.opportunityId)!;
      oc.callIds.forEach((id, i) => expect(readStageEvidence(body(f, id))).toBe(oc.evidencedStages[i]));
      expect(readStageEvidence(body(f, oc.callIds[oc.callIds.length - 1]!))).toBe(o.trueStage);
      oc.callIds.forEach((id, i) => expect(readSubtopics(body(f, id)).sort()).toEqual([...oc.subtopicsByCall[i]!].sort()));
    }
    const called = new Set(f.activity.opportunityCalls.map((o) => o.opportunityId));
    expect(f.activity.wrongStage.length).toBeGreaterThan(10);
    for (const w of f.activity.wrongStage) {
      expect(called.has(w.opportunityId)).toBe(true);
      expect(w.stage).not.toBe(w.trueStage);
    }
  });

  it("misfit tasks are the opportunity's tasks whose activity the guide lists under another stage", () => {
    const subj = f.org.db.prepare(`SELECT "Id" AS id, "Subject" AS s FROM "Task" WHERE "WhatId" = ?`);
    let misfitNotStarted = 0;
    let fitNotStarted = 0;
    for (const t of f.activity.opportunityTasks) {
      const rows = subj.all(t.opportunityId) as { id: string; s: string }[];
      const mis = rows.filter((r) => stageOfSubject(r.s) !== t.stage).map((r) => r.id).sort();
      expect(rows.every((r) => stageOfSubject(r.s) !== undefined)).toBe(true);
      expect(mis).toEqual([...t.misfitTaskIds].sort());
      const ns = f.org.db.prepare(`SELECT "Id" AS id FROM "Task" WHERE "WhatId" = ? AND "Status" = 'Not Started'`).all(t.opportunityId) as { id: string }[];
      misfitNotStarted += ns.filter((r) => t.misfitTaskIds.includes(r.id)).length;
      fitNotStarted += ns.length - ns.filter((r) => t.misfitTaskIds.includes(r.id)).length;
    }
    expect(misfitNotStarted).toBeGreaterThan(20);
    expect(fitNotStarted).toBeGreaterThan(misfitNotStarted);
  });
});

describe('activity stage determinism', () => {
  it('same seed → same rows and latent; another seed → other transcripts', () => {
    const dump = (f: ActivityFixture) =>
      JSON.stringify([
        f.org.db.prepare(`SELECT * FROM "VoiceCallTranscript__c" ORDER BY "Id"`).all(),
        f.org.db.prepare(`SELECT * FROM "Task" ORDER BY "Id"`).all(),
        f.org.db.prepare(`SELECT * FROM "Event" ORDER BY "Id"`).all(),
        f.activity,
      ]);
    const a = buildActivityFixture('b2b');
    try {
      expect(dump(a)).toBe(dump(fixtures[0]!));
    } finally {
      a.org.close();
    }
    const c = buildActivityFixture('b2b', 6);
    try {
      expect(dump(c)).not.toBe(dump(fixtures[0]!));
    } finally {
      c.org.close();
    }
  });
});

describe("the pipeline's activity stage", () => {
  it('same seed → the same calls, tasks, events, latent part and task bytes', () => {
    const run = () => {
      const { org, latents } = generateOrgWithLatents({ seed: 8, scale: 0.15, out: ':memory:', org: 'b2c' });
      try {
        const latent = latents as ProLatentFile;
        const tasks = generateProTasks(org, { seed: 1, perTask: 5, perPrivacyTask: 0, tasks: ['sales_insight_mining', 'lead_qualification', 'activity_priority'], latent });
        return JSON.stringify([
          org.db.prepare(`SELECT * FROM "VoiceCallTranscript__c" ORDER BY "Id"`).all(),
          org.db.prepare(`SELECT * FROM "Task" ORDER BY "Id"`).all(),
          org.db.prepare(`SELECT * FROM "Event" ORDER BY "Id"`).all(),
          latent.activity,
          tasks,
        ]);
      } finally {
        org.close();
      }
    };
    const a = run();
    expect(a.length).toBeGreaterThan(100_000);
    expect(run()).toBe(a);
  }, 120_000);
});
