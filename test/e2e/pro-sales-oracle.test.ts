/**
 * The oracle on the Pro sales analytics tasks, over HTTP: small B2B and B2C orgs, 20 instances of each
 * sales task (4 of them non-answerable), every one answered through the REST API and matching its
 * gold exactly. Also: Pro's stages over the REST API (Discovery accepted, an unknown stage refused).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrgWithLatents, type ProLatentFile } from '../../seed/index.ts';
import { SalesforceClient } from '../../src/agent/salesforce-client.ts';
import type { Org } from '../../src/org/index.ts';
import { runProOracle } from '../../src/oracle/pro/index.ts';
import { generateProTasks } from '../../src/tasks/pro/generate.ts';
import type { ProTaskName } from '../../src/tasks/pro/types.ts';
import { startServer, type ListeningServer } from './listening-server.ts';

const TASKS: ProTaskName[] = ['sales_amount_understanding', 'sales_cycle_understanding', 'conversion_rate_comprehension'];

describe.each(['b2b', 'b2c'] as const)('%s org', (kind) => {
  let org: Org;
  let latent: ProLatentFile;
  let srv: ListeningServer;
  let api: SalesforceClient;

  beforeAll(async () => {
    const g = generateOrgWithLatents({ seed: 11, scale: 0.2, out: ':memory:', org: kind });
    org = g.org;
    latent = g.latents as ProLatentFile;
    srv = await startServer(org);
    api = SalesforceClient.withSession({ instanceUrl: srv.url, accessToken: srv.token });
  }, 120_000);
  afterAll(async () => {
    await srv?.close();
    org?.close();
  });

  it('the oracle answers every sales analytics task exactly', async () => {
    const tasks = generateProTasks(org, { seed: 5, perTask: 20, perPrivacyTask: 0, tasks: TASKS, latent });
    expect(tasks).toHaveLength(60);
    for (const t of TASKS) expect(tasks.filter((r) => r.task === t && r.answer[0] === 'None')).toHaveLength(4);
    const run = await runProOracle(api, tasks, { concurrency: 4 });
    const wrong = run.results.filter((r) => r.reward !== 1).map((r) => ({ ...r, query: tasks[r.idx]!.query }));
    expect(wrong).toEqual([]);
    expect(run.overall).toBe(1);
  }, 120_000);

  it("accepts Pro's stages over the REST API and refuses an unknown one", async () => {
    const account = org.db.prepare('SELECT Id FROM Account LIMIT 1').get() as { Id: string };
    const post = (body: object) =>
      fetch(`${srv.url}/services/data/v59.0/sobjects/Opportunity`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${srv.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const ok = await post({ Name: 'REST deal', AccountId: account.Id, StageName: 'Discovery', CloseDate: '2026-01-31' });
    expect(ok.status).toBe(201);
    const { id } = (await ok.json()) as { id: string };
    const { records } = await api.queryAll(`SELECT StageName, Probability, IsClosed, IsWon, ForecastCategoryName FROM Opportunity WHERE Id = '${id}'`);
    expect(records[0]).toMatchObject({ StageName: 'Discovery', Probability: 25, IsClosed: false, IsWon: false, ForecastCategoryName: 'Pipeline' });
    const bad = await post({ Name: 'Bad deal', AccountId: account.Id, StageName: 'Closed Won Maybe', CloseDate: '2026-01-31' });
    expect(bad.status).toBe(400);
    const err = (await bad.json()) as { errorCode: string }[];
    expect(err[0]!.errorCode).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
  });
});
