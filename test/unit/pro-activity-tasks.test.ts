/**
 * The activity slice's task generators on a hand-made sales stage (./pro-activity-fixture.ts): each
 * answer re-derived from the org's rows (calls read with the cue readers, tasks by subject), Pro's
 * None shares, answers following edits to the org, and the same seed giving the same bytes.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { BANT_FACTORS, readBant, readStageEvidence, readSubtopics, stageOfSubject } from '../../seed/pro/activity/cues.ts';
import { TIMELINE_MONTHS } from '../../seed/pro/activity/text/bant-bank.ts';
import { SUBTOPICS } from '../../seed/pro/activity/text/subtopic-bank.ts';
import { activityTruth } from '../../src/tasks/pro/activity/data.ts';
import { generateProTasks } from '../../src/tasks/pro/generate.ts';
import type { ProTaskName, ProTaskRecord } from '../../src/tasks/pro/types.ts';
import { buildActivityFixture, type ActivityFixture } from './pro-activity-fixture.ts';

const TASKS: ProTaskName[] = ['wrong_stage_rectification', 'sales_insight_mining', 'lead_qualification', 'activity_priority'];
const fixtures: ActivityFixture[] = [buildActivityFixture('b2b'), buildActivityFixture('b2c')];
afterAll(() => fixtures.forEach((f) => f.org.close()));

const gen = (f: ActivityFixture, seed = 3) => generateProTasks(f.org, { seed, perTask: 20, perPrivacyTask: 0, tasks: TASKS, latent: f.latent });
const idIn = (q: string, prefix: string) => new RegExp(`\\b(${prefix}[0-9A-Za-z]{15})\\b`).exec(q)![1]!;

function bodies(f: ActivityFixture, field: string, id: string): string[] {
  return (f.org.db.prepare(`SELECT "Body__c" AS b FROM "VoiceCallTranscript__c" WHERE "${field}" = ? AND "IsDeleted" = 0 ORDER BY "CreatedDate"`).all(id) as { b: string }[]).map((r) => r.b);
}

/** The answer worked out from the rows alone. */
function fromRows(f: ActivityFixture, r: ProTaskRecord): string[] {
  const db = f.org.db;
  if (r.task === 'lead_qualification') {
    const found = new Map<string, boolean>();
    for (const b of bodies(f, 'LeadId__c', idIn(r.query, '00Q'))) for (const [k, v] of readBant(b, TIMELINE_MONTHS)) found.set(k, v);
    const unmet = BANT_FACTORS.filter((x) => found.get(x) === false);
    return unmet.length ? unmet : ['None'];
  }
  const oppId = idIn(r.query, '006');
  const stage = (db.prepare(`SELECT "StageName" AS s FROM "Opportunity" WHERE "Id" = ?`).get(oppId) as { s: string }).s;
  if (r.task === 'wrong_stage_rectification') {
    const bs = bodies(f, 'OpportunityId__c', oppId);
    const ev = readStageEvidence(bs[bs.length - 1]!)!;
    return ev === stage ? ['None'] : [ev];
  }
  if (r.task === 'sales_insight_mining') {
    const seen = new Set(bodies(f, 'OpportunityId__c', oppId).flatMap(readSubtopics));
    return [SUBTOPICS[f.kind].map((s) => s.name).filter((n) => seen.has(n)).join(', ')];
  }
  const rows = db.prepare(`SELECT "Id" AS id, "Subject" AS s FROM "Task" WHERE "WhatId" = ? AND "Status" = 'Not Started' AND "IsDeleted" = 0`).all(oppId) as { id: string; s: string }[];
  const mis = rows.filter((x) => stageOfSubject(x.s) !== stage).map((x) => x.id);
  return mis.length ? mis : ['None'];
}

describe.each(fixtures.map((f) => [f.kind, f] as const))('activity tasks (%s)', (_kind, f) => {
  const records = gen(f);

  it("answers are what the org's calls and tasks show", () => {
    expect(records).toHaveLength(80);
    for (const r of records) expect([...r.answer].sort(), `${r.task}: ${r.query}`).toEqual(fromRows(f, r).sort());
  });

  it("follows Pro's None shares, answer sizes and record shape", () => {
    const none = (t: ProTaskName) => records.filter((r) => r.task === t && r.answer[0] === 'None').length;
    expect(none('wrong_stage_rectification')).toBe(4);
    expect(none('lead_qualification')).toBe(4);
    expect(none('activity_priority')).toBe(4);
    expect(none('sales_insight_mining')).toBe(0);
    for (const r of records.filter((x) => x.task === 'activity_priority' && x.answer[0] !== 'None')) {
      expect(r.answer.length).toBeGreaterThanOrEqual(1);
      expect(r.answer.length).toBeLessThanOrEqual(7);
      expect(r.answer.every((id) => id.startsWith('00T'))).toBe(true);
    }
    const stages = new Set(records.filter((x) => x.task === 'wrong_stage_rectification' && x.answer[0] !== 'None').map((x) => x.answer[0]));
    expect(stages.size).toBeGreaterThanOrEqual(3);
    for (const r of records) {
      expect(r.reward_metric).toBe(r.task === 'sales_insight_mining' ? 'fuzzy_match' : 'exact_match');
      expect(r.org).toBe(f.kind);
      expect(r.metadata.required).toMatch(/^(Lead Qualification Policy|Opportunity Stage Policy|Sales Insight Categories|Activity Guide): /);
    }
    expect(records.find((r) => r.task === 'lead_qualification')!.metadata.required).toContain(`within ${TIMELINE_MONTHS} months`);
  });

  it('same seed → same bytes; another seed → other instances', () => {
    expect(JSON.stringify(gen(f))).toBe(JSON.stringify(records));
    expect(JSON.stringify(gen(f, 4))).not.toBe(JSON.stringify(records));
  });
});

describe('ground truth follows the org, not the generator', () => {
  it('an opportunity moved to its true stage is no longer wrong; a deleted misfit task leaves the answer', () => {
    const f = buildActivityFixture('b2b', 9, 10, 60);
    try {
      const view = () => ({ db: f.org.db, latent: f.latent, kind: 'b2b' as const });
      const before = activityTruth(view());
      const wrong = before.opportunityCalls.find((o) => o.stored !== o.trueStage)!;
      const withMisfits = before.tasks.find((t) => t.misfits.length >= 2)!;
      f.org.store.update('Opportunity', wrong.opportunityId, { StageName: wrong.trueStage });
      f.org.store.softDelete('Task', withMisfits.misfits[0]!);
      const after = activityTruth(view());
      expect(after.opportunityCalls.find((o) => o.opportunityId === wrong.opportunityId)!.stored).toBe(wrong.trueStage);
      expect(after.tasks.find((t) => t.opportunityId === withMisfits.opportunityId)!.misfits).toEqual(withMisfits.misfits.slice(1));
      // A deleted call makes the opportunity's calls no longer the ones written: it is not asked about.
      const oc = f.activity.opportunityCalls.find((o) => o.opportunityId !== wrong.opportunityId)!;
      f.org.store.softDelete('VoiceCallTranscript__c', oc.callIds[oc.callIds.length - 1]!);
      expect(activityTruth(view()).opportunityCalls.some((o) => o.opportunityId === oc.opportunityId)).toBe(false);
    } finally {
      f.org.close();
    }
  });
});
