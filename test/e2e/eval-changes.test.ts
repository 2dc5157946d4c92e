/**
 * State-based grading in evaluation results (issue #13): an isolated episode's lease reports what the
 * episode changed in its own org, and the runner records it as `changes` on the episode's result
 * (created Ids, updated fields before → after, deleted Ids); a read-only episode records nothing, and
 * the shared org never sees an episode's writes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EpisodeOutcome } from '../../src/agent/episode.ts';
import { inProcessEndpoint, leaseChanges, type OrgEndpoint } from '../../src/eval/org-endpoint.ts';
import { runEvaluation } from '../../src/eval/runner.ts';
import type { TaskRecord } from '../../src/eval/task-file.ts';
import { makeTestOrg } from '../http/test-org.ts';

let endpoint: OrgEndpoint;
beforeAll(async () => {
  endpoint = await inProcessEndpoint(makeTestOrg({ accounts: 3 }), { isolate: true });
});
afterAll(() => endpoint?.close());

const outcome = (prediction: string): EpisodeOutcome => ({
  prediction,
  endReason: 'respond',
  turns: 1,
  usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0, calls: 0, cost: null },
  trajectory: [],
});

async function rest(lease: { api: unknown }, method: string, path: string, body?: unknown): Promise<any> {
  const api = lease.api as { instanceUrl: string; accessToken: string };
  const res = await fetch(`${api.instanceUrl}/services/data/v62.0${path}`, {
    method,
    headers: { Authorization: `Bearer ${api.accessToken}`, 'Content-Type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return res.status === 204 ? null : res.json();
}

describe('eval results carry the changes of episodes that wrote', () => {
  it('records created, updated and deleted records per episode; read-only episodes record none', async () => {
    let createdId = '';
    let updatedId = '';
    let deletedId = '';
    const agent = async (task: TaskRecord): Promise<EpisodeOutcome> => {
      const lease = await endpoint.lease();
      try {
        if (task.task === 'write') {
          createdId = (await rest(lease, 'POST', '/sobjects/Account', { Name: 'Graded Co' })).id;
          const { records } = await rest(lease, 'GET', `/query?q=${encodeURIComponent("SELECT Id, Name FROM Account WHERE Name != 'Graded Co' ORDER BY Name LIMIT 1")}`);
          updatedId = records[0].Id;
          expect(await rest(lease, 'PATCH', `/sobjects/Account/${updatedId}`, { Description: 'Graded' })).toBeNull();
          deletedId = (await rest(lease, 'GET', `/query?q=${encodeURIComponent(`SELECT Id FROM Account WHERE Id != '${updatedId}' AND Id != '${createdId}' LIMIT 1`)}`)).records[0].Id;
          await rest(lease, 'DELETE', `/sobjects/Account/${deletedId}`);
        } else {
          await rest(lease, 'GET', `/query?q=${encodeURIComponent('SELECT Id FROM Account')}`);
        }
        const changes = leaseChanges(lease);
        return { ...outcome('done'), ...(changes ? { changes } : {}) };
      } finally {
        lease.release();
      }
    };
    const tasks: TaskRecord[] = [
      { idx: 0, task: 'write', query: 'q', answer: 'done', metadata: null, reward_metric: 'exact_match' },
      { idx: 1, task: 'read', query: 'q', answer: 'done', metadata: null, reward_metric: 'exact_match' },
    ];
    const res = await runEvaluation({ tasks, agent, key: { agent: 'test', strategy: null, model: null, tasks_file: 'x', max_turns: 1, eval_mode: 'default' }, concurrency: 1, progress: false });
    const [writer, reader] = [...res.results].sort((a, b) => a.idx - b.idx);
    expect(writer!.changes!.Account!.created).toEqual([createdId]);
    expect(writer!.changes!.Account!.updated).toEqual({ [updatedId]: { Description: expect.objectContaining({ after: 'Graded' }) } });
    expect(writer!.changes!.Account!.deleted).toEqual([deletedId]);
    expect(reader!.changes).toBeUndefined();
    // The shared org behind the endpoint never saw the episode's writes.
    const shared = await fetch(`${endpoint.url}/services/data/v62.0/query?q=${encodeURIComponent("SELECT COUNT() FROM Account WHERE Name = 'Graded Co'")}`, { headers: { Authorization: `Bearer ${endpoint.token}` } });
    expect((await shared.json()).totalSize).toBe(0);
  });
});
