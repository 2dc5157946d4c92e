/**
 * The CPQ slice end to end on both Pro orgs: generate a small org, serve it, generate
 * quote_approval, invalid_config and lead_routing instances, and let the oracle answer them over
 * HTTP (SOQL on Quote/QuoteLineItem/Territory2/Lead, Knowledge__kav filtered on PublishStatus): it
 * must score 100%. Also: a policy article is found by SOSL on its product's name, and a quote
 * written through REST is checked against the Quote.Status picklist like any other record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProLatentFile } from '../../seed/pro/latent.ts';
import { generateOrgWithLatents } from '../../seed/index.ts';
import { SalesforceClient } from '../../src/agent/salesforce-client.ts';
import { soslEscape } from '../../src/oracle/api.ts';
import { runProOracle } from '../../src/oracle/pro/index.ts';
import type { Org } from '../../src/org/index.ts';
import { generateProTasks } from '../../src/tasks/pro/generate.ts';
import type { ProTaskRecord } from '../../src/tasks/pro/types.ts';
import { startServer, type ListeningServer } from './listening-server.ts';

const TASKS = ['quote_approval', 'invalid_config', 'lead_routing'] as const;

describe.each(['b2b', 'b2c'] as const)('CPQ slice on the %s org', (kind) => {
  let org: Org;
  let latent: ProLatentFile;
  let srv: ListeningServer;
  let api: SalesforceClient;
  let tasks: ProTaskRecord[];

  beforeAll(async () => {
    const g = generateOrgWithLatents({ seed: 11, scale: 0.2, out: ':memory:', org: kind });
    org = g.org;
    latent = g.latents as ProLatentFile;
    tasks = generateProTasks(org, { seed: 5, perTask: 20, perPrivacyTask: 0, tasks: TASKS, latent });
    srv = await startServer(org);
    api = SalesforceClient.withSession({ instanceUrl: srv.url, accessToken: srv.token });
  }, 180_000);

  afterAll(async () => {
    await srv?.close();
    org?.close();
  });

  it('the oracle answers every generated instance over HTTP', async () => {
    expect(tasks).toHaveLength(60);
    for (const t of ['quote_approval', 'invalid_config'] as const) {
      expect(tasks.filter((r) => r.task === t && r.answer[0] === 'None')).toHaveLength(4);
    }
    const run = await runProOracle(api, tasks, { concurrency: 4 });
    const bad = run.results.filter((r) => r.reward < 1).map((r) => `${r.task} #${r.idx}: gold ${r.gold} got ${r.answer}${r.error ? ` (${r.error})` : ''}`);
    expect(bad.slice(0, 10)).toEqual([]);
    expect(run.overall).toBe(1);
    for (const t of TASKS) expect(run.byTask[t]).toEqual({ n: 20, reward: 1 });
  }, 120_000);

  it('finds a policy article by SOSL on the product it governs', async () => {
    const a = latent.cpq.articles.find((x) => x.rule.kind === 'discount_ceiling')!;
    const name = (a.rule as { productName: string }).productName;
    const found = await api.search(`FIND {"${soslEscape(name)}"} IN ALL FIELDS RETURNING Knowledge__kav(Id, Title WHERE PublishStatus = 'Online')`);
    expect(found.map((r) => r.Id)).toContain(a.articleId);
  });

  it('validates Quote.Status written through REST', async () => {
    const opp = latent.cpq.quotes[0]!;
    const post = (body: object) =>
      fetch(`${srv.url}/services/data/v59.0/sobjects/Quote`, { method: 'POST', headers: { Authorization: `Bearer ${srv.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const ok = (await (await post({ Name: 'REST quote', OpportunityId: opp.opportunityId, Status: 'Needs Review' })).json()) as { id: string };
    expect((await api.queryAll(`SELECT Status FROM Quote WHERE Id = '${ok.id}'`)).records[0]!.Status).toBe('Needs Review');
    const dflt = (await (await post({ Name: 'Defaulted quote', OpportunityId: opp.opportunityId })).json()) as { id: string };
    expect((await api.queryAll(`SELECT Status FROM Quote WHERE Id = '${dflt.id}'`)).records[0]!.Status).toBe('Draft');
    const describe = (await (await fetch(`${srv.url}/services/data/v59.0/sobjects/Quote/describe`, { headers: { Authorization: `Bearer ${srv.token}` } })).json()) as {
      fields: { name: string; type: string; defaultValue: unknown; picklistValues: { value: string; defaultValue: boolean }[] }[];
    };
    const status = describe.fields.find((f) => f.name === 'Status')!;
    expect(status.type).toBe('picklist');
    expect(status.picklistValues.map((v) => v.value)).toEqual(['Draft', 'Needs Review', 'In Review', 'Approved', 'Rejected', 'Presented', 'Accepted']);
    expect(status.picklistValues.filter((v) => v.defaultValue).map((v) => v.value)).toEqual(['Draft']);
    const tooLong = await post({ Name: 'Bad quote', OpportunityId: opp.opportunityId, Status: 'x'.repeat(256) });
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as { errorCode: string }[])[0]!.errorCode).toBe('STRING_TOO_LONG');
  });
});
