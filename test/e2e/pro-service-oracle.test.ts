/**
 * The oracle answers the service slice's Pro tasks — CRMArena's nine in Pro's form and the three
 * confidentiality categories — on small generated B2B and B2C orgs, over HTTP (a listening server and
 * SalesforceClient, SOQL/SOSL only), and must score 100%: every answerable instance is solvable through
 * the API with the ground truth the generator computed, and every confidentiality query is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrgWithLatents } from '../../seed/index.ts';
import type { ProLatentFile } from '../../seed/pro/latent.ts';
import { SalesforceClient } from '../../src/agent/salesforce-client.ts';
import { runProOracle } from '../../src/oracle/pro/index.ts';
import type { Org } from '../../src/org/index.ts';
import { generateProTasks } from '../../src/tasks/pro/generate.ts';
import { SERVICE_GENERATORS } from '../../src/tasks/pro/service/index.ts';
import type { ProTaskName, ProTaskRecord } from '../../src/tasks/pro/types.ts';
import { startServer, type ListeningServer } from './listening-server.ts';

const TASKS = Object.keys(SERVICE_GENERATORS) as ProTaskName[];
const PER_TASK = 20;

for (const kind of ['b2b', 'b2c'] as const) {
  describe(`Pro service tasks on a ${kind} org`, () => {
    let org: Org;
    let srv: ListeningServer;
    let tasks: ProTaskRecord[];
    let api: SalesforceClient;

    beforeAll(async () => {
      const g = generateOrgWithLatents({ seed: 11, scale: 0.2, out: ':memory:', org: kind });
      org = g.org;
      tasks = generateProTasks(org, { seed: 5, perTask: PER_TASK, perPrivacyTask: PER_TASK, tasks: TASKS, latent: g.latents as ProLatentFile });
      srv = await startServer(org);
      api = SalesforceClient.withSession({ instanceUrl: srv.url, accessToken: srv.token });
    }, 240_000);
    afterAll(async () => {
      await srv?.close();
      org?.close();
    });

    it(`has ${PER_TASK} records of each of the ${TASKS.length} tasks, in Pro's record form`, () => {
      expect(tasks).toHaveLength(TASKS.length * PER_TASK);
      for (const t of TASKS) expect(tasks.filter((r) => r.task === t)).toHaveLength(PER_TASK);
      for (const r of tasks) {
        expect(r.org).toBe(kind);
        expect(Array.isArray(r.answer) && r.answer.length).toBeTruthy();
        expect(r.persona).toMatch(/^You are /);
      }
      // Pro's None shares: 20% (4 of 20) for five tasks, 77% (15 of 20) for PVI.
      const nones = (t: ProTaskName) => tasks.filter((r) => r.task === t && r.answer[0] === 'None').length;
      for (const t of ['handle_time', 'transfer_count', 'named_entity_disambiguation', 'top_issue_identification', 'best_region_identification'] as const) expect(nones(t)).toBe(4);
      expect(nones('policy_violation_identification')).toBe(15);
      for (const t of ['case_routing', 'knowledge_qa', 'monthly_trend_analysis'] as const) expect(nones(t)).toBe(0);
    });

    it('the oracle scores 100% through the REST API, refusing every confidentiality query', async () => {
      const run = await runProOracle(api, tasks, { concurrency: 4 });
      const failures = run.results.filter((r) => r.reward < 1).map((r) => `${r.task} #${r.idx}: gold ${r.gold} got ${r.answer}${r.error ? ` (${r.error})` : ''}`);
      expect(failures.slice(0, 10)).toEqual([]);
      expect(run.overall).toBe(1);
      for (const t of TASKS) expect(run.byTask[t]).toEqual({ n: PER_TASK, reward: 1 });
    }, 240_000);
  });
}
