/**
 * Ground truth of the service slice's Pro tasks: Pro's both-agents case-count filter on the tiny
 * hand-built org (test/unit/tasks-tiny-org.ts, answers worked out in its comments), then the generated
 * nine on a small Pro org — Pro's record form, None shares, policy texts, determinism — and the personas.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateOrgWithLatents } from '../../seed/index.ts';
import type { ProLatentFile } from '../../seed/pro/latent.ts';
import type { Org } from '../../src/org/index.ts';
import { handleTimeTruth } from '../../src/tasks/generators/handle-time.ts';
import { transferCountTruth } from '../../src/tasks/generators/transfer-count.ts';
import { readMinCases, readPeriod, readToday } from '../../src/oracle/read-query.ts';
import { Rng } from '../../src/tasks/rng.ts';
import { qualifiedAgents } from '../../src/tasks/truth/agent-metrics.ts';
import { periodWindow, type Period } from '../../src/tasks/periods.ts';
import { generateProTasks } from '../../src/tasks/pro/generate.ts';
import { BUSINESS_PERSONAS, CONSUMER_PERSONAS, INTERNAL_PERSONAS, pickPersona, personasFor } from '../../src/tasks/pro/personas.ts';
import { managedCaseCounts, qualifiedBothAgents } from '../../src/tasks/pro/service/agent-metrics.ts';
import { PRO_DOMAIN_DETAILS, proHandleTimeRequired } from '../../src/tasks/pro/service/domain-text.ts';
import { proHandleTimeTruth } from '../../src/tasks/pro/service/handle-time.ts';
import { SERVICE_GENERATORS } from '../../src/tasks/pro/service/index.ts';
import { proTransferCountTruth } from '../../src/tasks/pro/service/transfer-count.ts';
import type { ProTaskName } from '../../src/tasks/pro/types.ts';
import { buildTinyOrg, type TinyOrg } from './tasks-tiny-org.ts';

const FEB: Period = { kind: 'month', year: 2021, month: 2 };

describe("Pro's both-agents filter on the tiny org", () => {
  let tiny: TinyOrg;
  beforeAll(() => {
    tiny = buildTinyOrg();
  });

  it('counts the case U2 received by transfer (K4) as managed, under every reading', () => {
    const { ids, org } = tiny;
    const w = periodWindow(FEB);
    for (const reading of ['assigned-cases', 'assignment-rows', 'cases-created'] as const) {
      expect(Object.fromEntries(managedCaseCounts(org.db, w, reading))).toEqual({ [ids.U1!]: 2, [ids.U2!]: 2, [ids.U3!]: 2 });
    }
    expect(qualifiedAgents(org.db, w, 2)).toEqual([ids.U1, ids.U3].sort());
    expect(qualifiedBothAgents(org.db, w, 2)).toEqual([ids.U1, ids.U2, ids.U3].sort());
  });

  it('changes the handle-time answer: U3 under the original rule, U2 under Pro', () => {
    const { ids, org } = tiny;
    expect(handleTimeTruth(org, FEB, 2, 'min')).toBe(ids.U3);
    expect(proHandleTimeTruth(org, FEB, 2, 'min')).toBe(ids.U2);
    // Longest: U1 (13h) either way; nobody manages three cases (None).
    expect(proHandleTimeTruth(org, FEB, 2, 'max')).toBe(ids.U1);
    expect(proHandleTimeTruth(org, FEB, 3, 'min')).toBeNull();
  });

  it('changes the transfer-count answer: fewest is U1 originally, a U1/U2 tie (rejected) under Pro', () => {
    const { ids, org } = tiny;
    expect(transferCountTruth(org, FEB, 2, 'min')).toBe(ids.U1);
    expect(proTransferCountTruth(org, FEB, 2, 'min')).toBeUndefined();
    expect(proTransferCountTruth(org, FEB, 2, 'max')).toBe(ids.U3);
  });
});

describe('the nine on a small b2b org', () => {
  let org: Org;
  let latent: ProLatentFile;
  const NINE: ProTaskName[] = [
    'case_routing', 'handle_time', 'transfer_count', 'named_entity_disambiguation', 'policy_violation_identification',
    'knowledge_qa', 'top_issue_identification', 'monthly_trend_analysis', 'best_region_identification',
  ];
  beforeAll(() => {
    const g = generateOrgWithLatents({ seed: 3, scale: 0.2, out: ':memory:', org: 'b2b' });
    org = g.org;
    latent = g.latents as ProLatentFile;
  }, 120_000);

  it("writes Pro's records: answer lists, Pro's None shares, policy and Domain Details texts", () => {
    const recs = generateProTasks(org, { seed: 9, perTask: 30, perPrivacyTask: 0, tasks: NINE, latent });
    expect(recs).toHaveLength(9 * 30);
    const none = (t: ProTaskName) => recs.filter((r) => r.task === t && r.answer[0] === 'None').length;
    expect(none('policy_violation_identification')).toBe(Math.round(0.77 * 30));
    for (const t of ['handle_time', 'transfer_count', 'named_entity_disambiguation', 'top_issue_identification', 'best_region_identification'] as const) expect(none(t)).toBe(6);
    for (const r of recs) {
      expect(r.answer).toHaveLength(1);
      expect(r.metadata.optional).toBe(PRO_DOMAIN_DETAILS);
      expect(r.reward_metric).toBe(r.task === 'knowledge_qa' ? 'fuzzy_match' : 'exact_match');
    }
    for (const r of recs.filter((x) => x.task === 'handle_time')) expect(r.metadata.required).toBe(proHandleTimeRequired(/Today's date: (\S+)/.exec(r.metadata.required)![1]!));
    for (const r of recs.filter((x) => x.task === 'transfer_count')) expect(r.metadata.required).toContain('applies to both the first agent');
    // No answer fills more than a third of a task (the cap counts answers, not None).
    for (const t of NINE) {
      const counts = new Map<string, number>();
      for (const r of recs.filter((x) => x.task === t && x.answer[0] !== 'None')) counts.set(r.answer[0]!, (counts.get(r.answer[0]!) ?? 0) + 1);
      for (const n of counts.values()) expect(n).toBeLessThanOrEqual(10);
    }
  });

  it('asks knowledge_qa only about articles a customer may see', () => {
    const hidden = new Set(latent.privacy.confidentialArticles.map((a) => a.articleId));
    expect(hidden.size).toBeGreaterThan(0);
    const recs = generateProTasks(org, { seed: 9, perTask: 30, perPrivacyTask: 0, tasks: ['knowledge_qa'], latent });
    for (const r of recs) {
      const qa = latent.knowledgeQa.filter((q) => q.answer === r.answer[0]);
      expect(qa.length).toBeGreaterThan(0);
      expect(qa.some((q) => !hidden.has(q.articleId))).toBe(true);
    }
  });

  it('is deterministic: same seed, same bytes; another seed, another file', () => {
    const all = Object.keys(SERVICE_GENERATORS) as ProTaskName[];
    const a = generateProTasks(org, { seed: 4, perTask: 8, perPrivacyTask: 8, tasks: all, latent });
    const b = generateProTasks(org, { seed: 4, perTask: 8, perPrivacyTask: 8, tasks: all, latent });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const c = generateProTasks(org, { seed: 5, perTask: 8, perPrivacyTask: 8, tasks: ['best_region_identification', 'private_customer_information'], latent });
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(a.filter((r) => r.task === 'best_region_identification' || r.task === 'private_customer_information')));
  });

  it('makes handle_time None instances only where nobody manages enough cases, counting transfers in', () => {
    const recs = generateProTasks(org, { seed: 9, perTask: 30, perPrivacyTask: 0, tasks: ['handle_time', 'transfer_count'], latent });
    const nones = recs.filter((r) => r.answer[0] === 'None');
    expect(nones).toHaveLength(12);
    for (const r of nones) {
      // Read back as an agent would (the oracle's readers), then count with plain SQL.
      const w = periodWindow(readPeriod(r.query, readToday(r.metadata.required)));
      const min = readMinCases(r.query);
      const managed = org.db
        .prepare(
          `SELECT "NewValue__c" a, COUNT(DISTINCT "CaseId__c") n FROM "CaseHistory__c" WHERE "Field__c" = 'Owner Assignment' AND "NewValue__c" IS NOT NULL
           AND "CreatedDate" >= ? AND "CreatedDate" < ? GROUP BY "NewValue__c" HAVING n >= ?`,
        )
        .all(w.start, w.end, min);
      expect(managed).toEqual([]);
    }
  });
});

describe('personas', () => {
  it("holds Pro's 16 internal, 16 consumer and 16 business-buyer sentences", () => {
    for (const list of [INTERNAL_PERSONAS, CONSUMER_PERSONAS, BUSINESS_PERSONAS]) {
      expect(list).toHaveLength(16);
      expect(new Set(list).size).toBe(16);
      for (const p of list) expect(p).toMatch(/^You are .+\.$/);
    }
    for (const p of INTERNAL_PERSONAS) expect(p).toMatch(/^You are [a-z -]+, [a-z ]+/);
  });

  it('gives customer-facing tasks customer personas, per org kind', () => {
    expect(personasFor('handle_time', 'b2b')).toBe(INTERNAL_PERSONAS);
    expect(personasFor('internal_operation_data', 'b2c')).toBe(INTERNAL_PERSONAS);
    expect(personasFor('named_entity_disambiguation', 'b2b')).toBe(BUSINESS_PERSONAS);
    expect(personasFor('named_entity_disambiguation', 'b2c')).toBe(CONSUMER_PERSONAS);
    for (const t of ['knowledge_qa', 'private_customer_information', 'confidential_company_knowledge'] as const) expect(personasFor(t, 'b2b')).toBe(CONSUMER_PERSONAS);
  });

  it('draws personas deterministically from the seeded stream, all of a list in time', () => {
    const draw = (seed: string) => Array.from({ length: 200 }, (_, i) => pickPersona('case_routing', new Rng(`${seed}/${i}`)));
    expect(draw('a')).toEqual(draw('a'));
    expect(draw('a')).not.toEqual(draw('b'));
    expect(new Set(draw('a')).size).toBe(16);
  });
});
