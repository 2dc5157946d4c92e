/**
 * Generating the nine tasks from the seeded org (seed 42, scale 1): the benchmark's shape (130 per
 * task, 30% None in five tasks, metadata texts), answers that exist in the org, distributions that are
 * not degenerate, and byte-identical output for the same seed.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { getObject } from '../../schema/index.ts';
import type { LatentFile } from '../../seed/latent.ts';
import type { Org } from '../../src/org/index.ts';
import { DOMAIN_DETAILS } from '../../src/tasks/domain-text.ts';
import { generateTasks } from '../../src/tasks/generate.ts';
import { MONTH_NAMES } from '../../src/tasks/periods.ts';
import { serializeTasks } from '../../src/tasks/task-file.ts';
import { TASK_NAMES, TASKS_WITH_NONE, type TaskRecord } from '../../src/tasks/types.ts';
import { openSeededOrg, seededLatents } from '../support/seeded-org.ts';

let org: Org;
let latent: LatentFile;
let tasks: TaskRecord[];

beforeAll(() => {
  org = openSeededOrg();
  latent = seededLatents();
  tasks = generateTasks(org, { seed: 42, perTask: 130, latent });
}, 120_000);

const of = (t: string) => tasks.filter((r) => r.task === t);
const exists = (table: string, id: string) => {
  const live = getObject(table)!.fields.some((f) => f.name === 'IsDeleted') ? ' AND "IsDeleted" = 0' : '';
  return org.db.prepare(`SELECT 1 FROM "${table}" WHERE "Id" = ?${live}`).get(id) !== undefined;
};

describe('task file shape', () => {
  it('has 130 instances of each of the nine tasks, numbered in order', () => {
    expect(tasks).toHaveLength(1170);
    expect(tasks.map((t) => t.idx)).toEqual([...Array(1170).keys()]);
    for (const t of TASK_NAMES) expect(of(t)).toHaveLength(130);
  });

  it('has 30% non-answerable instances (39 of 130) exactly in the five tasks that have them', () => {
    for (const t of TASK_NAMES) expect(of(t).filter((r) => r.answer === null).length, t).toBe(TASKS_WITH_NONE.includes(t) ? 39 : 0);
  });

  it('carries the benchmark metadata: domain details, policies, today, suffixes', () => {
    for (const r of tasks) expect(r.metadata.optional).toBe(DOMAIN_DETAILS);
    for (const r of of('handle_time')) expect(r.metadata.required).toMatch(/^## Handle Time Policy\n[\s\S]*\n\n## Today's date: \d{4}-\d{2}-\d{2}$/);
    for (const r of of('transfer_count')) expect(r.metadata.required).toMatch(/^## Transfer Count Policy\n/);
    for (const r of of('case_routing')) expect(r.query).toMatch(/^Use the case routing policy[\s\S]*\n## Given Case\n- Case Subject: .+\n- Case Description: .+$/);
    for (const r of of('named_entity_disambiguation')) expect(r.metadata.required).toMatch(/^- Contact Id interacting: 003\w{15}\n- Today's date: \d{4}-\d{2}-\d{2}$/);
    for (const r of of('policy_violation_identification')) expect(r.metadata.required).toMatch(/^- Case Id to be considered is: 500\w{15}$/);
    for (const r of of('top_issue_identification')) expect(r.query).toMatch(/The associated product Id is 01t\w{15}\. Return only the issue Id of the most reported issue for this product\.$/);
    for (const r of of('knowledge_qa')) expect(r.reward_metric).toBe('fuzzy_match');
    for (const r of tasks.filter((t) => t.task !== 'knowledge_qa')) expect(r.reward_metric).toBe('exact_match');
  });

  it('asks no question twice', () => {
    for (const t of TASK_NAMES) {
      const keys = of(t).map((r) => r.query + '|' + r.metadata.required);
      expect(new Set(keys).size, t).toBe(keys.length);
    }
  });
});

describe('answers', () => {
  it('are records of the right object, months or states', () => {
    const table: Record<string, string> = {
      case_routing: 'User',
      handle_time: 'User',
      transfer_count: 'User',
      named_entity_disambiguation: 'Product2',
      policy_violation_identification: 'Knowledge__kav',
      top_issue_identification: 'Issue__c',
    };
    for (const [t, tbl] of Object.entries(table)) for (const r of of(t)) if (r.answer !== null) expect(exists(tbl, r.answer), `${t} ${r.answer}`).toBe(true);
    for (const r of of('monthly_trend_analysis')) expect(MONTH_NAMES).toContain(r.answer);
    const states = new Set((org.db.prepare(`SELECT DISTINCT "ShippingState" AS s FROM "Account"`).all() as { s: string }[]).map((r) => r.s));
    for (const r of of('best_region_identification')) expect(states.has(r.answer!)).toBe(true);
    for (const r of of('knowledge_qa')) expect(latent.knowledgeQa.some((q) => q.answer === r.answer && r.query.includes(q.question.slice(1)))).toBe(true);
  });

  it('policy violations come from the latent record of which message broke which article', () => {
    for (const r of of('policy_violation_identification')) {
      const caseId = r.metadata.required.split(': ')[1]!;
      const v = latent.violations.filter((x) => x.caseId === caseId);
      if (r.answer === null) expect(v).toEqual([]);
      else expect(new Set(v.map((x) => x.articleId))).toEqual(new Set([r.answer]));
    }
  });

  it('are not degenerate: no answer fills more than a third of a task, and each task has several', () => {
    for (const t of TASK_NAMES) {
      const counts = new Map<string, number>();
      for (const r of of(t)) if (r.answer !== null) counts.set(r.answer, (counts.get(r.answer) ?? 0) + 1);
      expect(Math.max(...counts.values()), t).toBeLessThanOrEqual(Math.floor(130 / 3));
      expect(counts.size, t).toBeGreaterThanOrEqual(t === 'policy_violation_identification' || t === 'top_issue_identification' ? 5 : 8);
    }
  });

  it('knowledge_qa spreads over the knowledge base: at least 120 distinct answers of 130 (CRMArena has 127)', () => {
    const answers = of('knowledge_qa').map((r) => r.answer);
    expect(new Set(answers).size).toBeGreaterThanOrEqual(120);
  });

  it('vary their wording', () => {
    for (const t of TASK_NAMES.filter((x) => x !== 'case_routing')) {
      // The question with its particulars (products, periods, numbers, Ids) masked: the template used.
      const shapes = new Set(of(t).map((r) => r.query.replace(/\b(?:[A-Z0-9][\w'&-]*|\d+)\b/g, '#').split(' ').slice(0, 6).join(' ')));
      expect(shapes.size, t).toBeGreaterThanOrEqual(4);
    }
  });
});

describe('determinism', () => {
  const hash = (records: TaskRecord[]) => createHash('sha256').update(serializeTasks(records)).digest('hex');

  it('gives the same bytes for the same seed and different ones for another seed', () => {
    const a = generateTasks(org, { seed: 7, perTask: 12, latent });
    const b = generateTasks(org, { seed: 7, perTask: 12, latent });
    const c = generateTasks(org, { seed: 8, perTask: 12, latent });
    expect(hash(a)).toBe(hash(b));
    expect(hash(a)).not.toBe(hash(c));
  });

  it('keeps each task on its own random stream (generating a subset does not change a task)', () => {
    const alone = generateTasks(org, { seed: 42, perTask: 130, latent, tasks: ['best_region_identification'] });
    expect(alone.map((r) => [r.query, r.answer])).toEqual(of('best_region_identification').map((r) => [r.query, r.answer]));
  });
});
