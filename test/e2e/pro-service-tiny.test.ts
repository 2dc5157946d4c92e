/**
 * Pro's both-agents case-count filter on the tiny hand-built org (test/unit/tasks-tiny-org.ts), over
 * HTTP: the same question under CRMArena's policy text and under Pro's gives different agents, as
 * worked out by hand. February 2021: U1 first-assigned K1, K2; U2 first-assigned K3 and received K4 by
 * transfer from U3; U3 first-assigned K4, K5. Under "at least two cases":
 * - CRMArena (first agent only): U1, U3 qualify; handle time U1 13h, U3 30min (K4 transferred) → U3.
 * - Pro (first agent and transfer target): U1, U2, U3; U2's K3 took 15min → U2.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SalesforceClient } from '../../src/agent/salesforce-client.ts';
import { solveProTask } from '../../src/oracle/pro/index.ts';
import { handleTimeRequired, transferCountRequired } from '../../src/tasks/domain-text.ts';
import { proHandleTimeRequired, proTransferCountRequired } from '../../src/tasks/pro/service/domain-text.ts';
import { buildTinyOrg, type TinyOrg } from '../unit/tasks-tiny-org.ts';
import { startServer, type ListeningServer } from './listening-server.ts';

let tiny: TinyOrg;
let srv: ListeningServer;
let api: SalesforceClient;

beforeAll(async () => {
  tiny = buildTinyOrg();
  tiny.org.setLoginIdentity({ userId: tiny.ids.U1!, username: 'admin@tiny.test', password: 'pw', securityToken: 'tok' });
  srv = await startServer(tiny.org);
  api = SalesforceClient.withSession({ instanceUrl: srv.url, accessToken: srv.token });
});
afterAll(async () => {
  await srv?.close();
});

const ask = (task: 'handle_time' | 'transfer_count', query: string, required: string) => solveProTask(api, { task, query, metadata: { required, optional: '' } });

describe("Pro's case-count filter counts transferred-in cases", () => {
  const q = 'Who had the lowest average handle time among agents managing at least two cases in February 2021? Return only the Id of the agent.';
  it('handle time: U3 under the original policy text, U2 under Pro’s', async () => {
    expect(await ask('handle_time', q, handleTimeRequired('2021-05-01'))).toEqual([tiny.ids.U3]);
    expect(await ask('handle_time', q, proHandleTimeRequired('2021-05-01'))).toEqual([tiny.ids.U2]);
  });

  it('handle time: three cases qualify nobody under either rule (None)', async () => {
    const q3 = 'Who had the lowest average handle time among agents managing at least three cases in February 2021?';
    expect(await ask('handle_time', q3, proHandleTimeRequired('2021-05-01'))).toEqual(['None']);
  });

  it('transfer count: the most transfers is U3 either way; U2 now qualifies with 0', async () => {
    const most = 'Which agent had the most transfers among agents who managed at least two cases in February 2021?';
    expect(await ask('transfer_count', most, transferCountRequired('2021-05-01'))).toEqual([tiny.ids.U3]);
    expect(await ask('transfer_count', most, proTransferCountRequired('2021-05-01'))).toEqual([tiny.ids.U3]);
    // Fewest: U1 alone (0) under the original; U1 and U2 tie at 0 under Pro, which the oracle reports.
    const fewest = 'Which agent had the fewest transfers among agents who managed at least two cases in February 2021?';
    expect(await ask('transfer_count', fewest, transferCountRequired('2021-05-01'))).toEqual([tiny.ids.U1]);
    await expect(ask('transfer_count', fewest, proTransferCountRequired('2021-05-01'))).rejects.toThrow(/tie/);
  });
});
