/**
 * The oracle answers a full generated task file (9 × 130) through a listening mockforce server, over
 * HTTP with an OAuth login, SOQL and SOSL only, and must score 100%: every task is solvable through
 * the API and the generator's ground truth is what the API shows. A slice is also solved through
 * jsforce, the client CRMArena-style Node agents use.
 */
import jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SalesforceClient } from '../../src/agent/salesforce-client.ts';
import type { OracleApi } from '../../src/oracle/api.ts';
import { runOracle, type OracleRun } from '../../src/oracle/run.ts';
import type { Org } from '../../src/org/index.ts';
import { generateTasks } from '../../src/tasks/generate.ts';
import { TASK_NAMES, type TaskRecord } from '../../src/tasks/types.ts';
import { openSeededOrg, seededLatents } from '../support/seeded-org.ts';
import { startServer, type ListeningServer } from './listening-server.ts';

let org: Org;
let srv: ListeningServer;
let tasks: TaskRecord[];
let api: SalesforceClient;

beforeAll(async () => {
  org = openSeededOrg();
  tasks = generateTasks(org, { seed: 42, perTask: 130, latent: seededLatents() });
  srv = await startServer(org);
  const id = org.loginIdentity()!;
  api = await SalesforceClient.login({ loginUrl: srv.url, username: id.username, password: id.password + id.securityToken });
}, 180_000);

afterAll(async () => {
  await srv?.close();
  org?.close();
});

function failures(run: OracleRun): string[] {
  return run.results.filter((r) => r.reward < 1).map((r) => `${r.task} #${r.idx}: gold ${r.gold} got ${r.answer}${r.error ? ` (${r.error})` : ''}`);
}

describe('oracle over HTTP', () => {
  it('scores 100% on a full generated task file (1170 tasks)', async () => {
    expect(tasks).toHaveLength(9 * 130);
    const run = await runOracle(api, tasks, { concurrency: 4 });
    expect(failures(run).slice(0, 10)).toEqual([]);
    expect(run.overall).toBe(1);
    for (const t of TASK_NAMES) expect(run.byTask[t]).toEqual({ n: 130, reward: 1 });
    console.log(`oracle: 1170 tasks in ${(run.ms / 1000).toFixed(1)}s`);
  }, 300_000);

  it('reads knowledge answers blind (no gold) well above chance', async () => {
    const kqa = tasks.filter((t) => t.task === 'knowledge_qa');
    const run = await runOracle(api, kqa, { concurrency: 4, knowledgeMode: 'blind' });
    expect(run.results.every((r) => !r.error)).toBe(true);
    // Extractive sentences carry the answer with extra words: token F1 well above 0, below 1.
    expect(run.byTask.knowledge_qa!.reward).toBeGreaterThan(0.2);
    console.log(`oracle knowledge_qa blind token F1: ${run.byTask.knowledge_qa!.reward.toFixed(3)}`);
  }, 120_000);
});

describe('oracle through jsforce', () => {
  it('solves a slice of every task with jsforce as the client', async () => {
    const conn = new jsforce.Connection({ loginUrl: srv.url, version: '59.0' });
    const id = org.loginIdentity()!;
    await conn.login(id.username, id.password + id.securityToken);
    const viaJsforce: OracleApi = {
      async queryAll(soql) {
        const res = await conn.query(soql, { autoFetch: true, maxFetch: 100_000 });
        return { totalSize: res.totalSize, records: res.records as Record<string, unknown>[] };
      },
      async search(sosl) {
        const res = (await conn.search(sosl)) as { searchRecords: Record<string, unknown>[] };
        return res.searchRecords;
      },
    };
    const slice = TASK_NAMES.flatMap((t) => tasks.filter((r) => r.task === t).slice(0, 6));
    const run = await runOracle(viaJsforce, slice, { concurrency: 3 });
    expect(failures(run)).toEqual([]);
  }, 120_000);
});
