/**
 * The oracle on the tiny hand-built org (test/unit/tasks-tiny-org.ts), over HTTP: questions worded in
 * several ways (CRMArena's own phrasings among them), answers worked out by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SalesforceClient } from '../../src/agent/salesforce-client.ts';
import { solveTask } from '../../src/oracle/index.ts';
import { readPeriod } from '../../src/oracle/read-query.ts';
import { CASE_ROUTING_REQUIRED, caseRoutingQuery, handleTimeRequired, KNOWLEDGE_QA_REQUIRED, nedRequired, pviRequired, todayRequired, transferCountRequired } from '../../src/tasks/domain-text.ts';
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

const ask = (task: string, query: string, required: string, answer?: string | null) => solveTask(api, { task, query, metadata: { required }, answer });

describe('oracle reads periods like the benchmark defines them', () => {
  it.each([
    ['in February 2021', { kind: 'month', year: 2021, month: 2 }],
    ['during Q3 of 2022', { kind: 'quarter', year: 2022, quarter: 3 }],
    ['in the fourth quarter of 2022', { kind: 'quarter', year: 2022, quarter: 4 }],
    ['in Winter 2021', { kind: 'season', year: 2021, season: 'Winter' }],
    ['during the winter of 2020-2021', { kind: 'season', year: 2020, season: 'Winter' }],
    ['in the autumn of 2021', { kind: 'season', year: 2021, season: 'Fall' }],
    ['over the past two quarters', { kind: 'past', n: 2, unit: 'quarter', today: '2022-08-20' }],
    ['in the last 5 months', { kind: 'past', n: 5, unit: 'month', today: '2022-08-20' }],
    ['in the past month', { kind: 'past', n: 1, unit: 'month', today: '2022-08-20' }],
    ['during 2021', { kind: 'year', year: 2021 }],
  ])('%s', (text, period) => {
    expect(readPeriod(`Which agent ... ${text}?`, '2022-08-20')).toEqual(period);
  });
});

describe('oracle on the tiny org', () => {
  const t = handleTimeRequired('2021-05-01');
  it('handle time', async () => {
    const { ids } = tiny;
    expect(await ask('handle_time', 'Find the agent with the shortest handle time who managed at least one case in February 2021. Return only the Id of the agent.', t)).toBe(ids.U2);
    // Q1: U1, U2 (K3, K6) and U3 each first-assigned 2; U1 13h, U2 15min, U3 30min.
    expect(await ask('handle_time', 'In Q1 2021, which agent had the longest average handle time among agents who managed more than one case?', t)).toBe(ids.U1);
    expect(await ask('handle_time', 'Who had the lowest average handle time among agents who handled at least 3 cases in February 2021?', t)).toBeNull();
  });

  it('transfer count', async () => {
    const { ids } = tiny;
    const r = transferCountRequired('2021-05-01');
    expect(await ask('transfer_count', 'Which agent had the most transfers among agents who managed at least two cases in February 2021?', r)).toBe(ids.U3);
    expect(await ask('transfer_count', 'Identify the agent with the lowest number of transfers in February 2021 among those who handled more than one case.', r)).toBe(ids.U1);
  });

  it('case routing: issue, then product, then workload', async () => {
    const { ids } = tiny;
    const route = (s: string, d: string) => ask('case_routing', caseRoutingQuery(s, d), CASE_ROUTING_REQUIRED);
    expect(await route('Size mismatch for Ridgeline Waterproof Hiking Boot', 'The size chart is wrong: the Ridgeline Waterproof Hiking Boot fits too small.')).toBe(ids.U1);
    expect(await route('Late delivery of Tempo Cushioned Running Shoe', 'My Tempo Cushioned Running Shoe order is delayed and tracking has not moved.')).toBe(ids.U2);
    expect(await route('Where is my Nimbus Cushioned Running Shoe?', 'The shipping of my Nimbus Cushioned Running Shoe is delayed.')).toBe(ids.U3);
  });

  it('best region, top issue, monthly trend', async () => {
    const { ids } = tiny;
    expect(await ask('best_region_identification', 'Which state had the quickest case closures in February 2021?', todayRequired('2021-05-01'))).toBe('OR');
    expect(await ask('top_issue_identification', `What is the most frequent problem with the Tempo Cushioned Running Shoe in Q1 2021? The associated product Id is ${ids.P3}.`, todayRequired('2021-05-01'))).toBe(ids.I2);
    expect(await ask('top_issue_identification', `What was the predominant issue with the Ridgeline Waterproof Hiking Boot in Q2 2021? The associated product Id is ${ids.P1}.`, todayRequired('2021-07-01'))).toBeNull();
    expect(await ask('monthly_trend_analysis', `Is there a specific month in the past 3 months when the Tempo Cushioned Running Shoe cases we received were significantly higher than in other months? The associated product Id is ${ids.P3}.`, todayRequired('2021-04-01'))).toBe('February');
  });

  it('named entity disambiguation', async () => {
    const { ids } = tiny;
    expect(await ask('named_entity_disambiguation', 'Can you show me the waterproof hiking boot I bought two weeks ago?', nedRequired(ids.C1!, '2021-03-24'))).toBe(ids.P1);
    expect(await ask('named_entity_disambiguation', 'I bought the waterproof hiking boot a month ago. Can you pull it up?', nedRequired(ids.C1!, '2021-04-10'))).toBe(ids.P1);
    expect(await ask('named_entity_disambiguation', 'Can you display the waterproof hiking boot I purchased 10 days ago?', nedRequired(ids.C2!, '2021-03-20'))).toBe(ids.P2);
    expect(await ask('named_entity_disambiguation', 'Can you display the waterproof hiking boot I purchased 10 days ago?', nedRequired(ids.C1!, '2021-05-11'))).toBeNull();
  });

  it('policy violation and knowledge QA', async () => {
    const { ids } = tiny;
    expect(await ask('policy_violation_identification', 'Did the agent breach the policy?', pviRequired(ids.K1!))).toBe(ids.KA1);
    expect(await ask('policy_violation_identification', 'Did the agent breach the policy?', pviRequired(ids.K3!))).toBeNull();
    expect(await ask('knowledge_qa', 'How long do customers have to request a free size exchange?', KNOWLEDGE_QA_REQUIRED, '45 days of delivery')).toBe('45 days of delivery');
  });
});
