/**
 * `mockforce eval --interactive` end to end against a CRMArena-Pro b2b org over HTTP, with the scripted
 * model server playing the agent and the simulated user (real HTTP through the openai SDK on both
 * sides): the conversation ends on ###STOP### and the last response is scored; a user who never stops
 * ends the episode at the user-turn cap (10 by default, --max-user-turns) unscored; the CLI refuses
 * what CRMArena-Pro refuses (interactive with a strategy other than react), picks the org from the
 * task file, and refuses an org of the wrong kind.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_GREETING, STOP_TOKEN } from '../../src/agent/simulated-user.ts';
import { run as evalCommand } from '../../src/cli/eval-command.ts';
import { inProcessEndpoint } from '../../src/eval/org-endpoint.ts';
import type { ResultsFile } from '../../src/eval/results.ts';
import { openAnyOrg } from '../../src/org/open.ts';
import { makeEvalOrg, makeProEvalOrg, proScript, startFakeModelServer, type FakeModelServer, type ProEvalOrgFacts } from '../support/fake-model-server.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const TASKS = join(ROOT, 'fixtures/cassettes/pro-b2b-tasks.json');

let dir: string;
let dbFile: string;
let facts: ProEvalOrgFacts;
let stopping: FakeModelServer;
let neverStopping: FakeModelServer;
const saved = { key: process.env.OPENAI_API_KEY, url: process.env.OPENAI_BASE_URL };

async function evalCli(server: FakeModelServer, name: string, extra: string[]): Promise<ResultsFile> {
  process.env.OPENAI_BASE_URL = server.baseURL;
  process.env.OPENAI_API_KEY = 'scripted';
  const out = join(dir, `${name}.json`);
  await evalCommand(['--tasks', TASKS, '--model', 'scripted-react', '--db', dbFile, '--out', out, '--concurrency', '3', '--quiet', '--fresh', ...extra]);
  return JSON.parse(readFileSync(out, 'utf8')) as ResultsFile;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mf-interactive-'));
  dbFile = join(dir, 'pro.db');
  const made = makeProEvalOrg(dbFile);
  facts = made.facts;
  made.org.close();
  stopping = await startFakeModelServer(proScript());
  neverStopping = await startFakeModelServer(proScript({ neverStop: true }));
});

afterAll(async () => {
  await stopping.close();
  await neverStopping.close();
  rmSync(dir, { recursive: true, force: true });
  if (saved.key === undefined) delete process.env.OPENAI_API_KEY;
  else process.env.OPENAI_API_KEY = saved.key;
  if (saved.url === undefined) delete process.env.OPENAI_BASE_URL;
  else process.env.OPENAI_BASE_URL = saved.url;
});

describe('the Pro task file against its org', () => {
  it('has the gold answers the org gives by SOQL', async () => {
    const endpoint = await inProcessEndpoint(openAnyOrg(dbFile));
    try {
      const { api } = await endpoint.lease();
      const tasks = JSON.parse(readFileSync(TASKS, 'utf8')) as { task: string; answer: string[]; query: string }[];
      const gold = Object.fromEntries(tasks.map((t) => [t.task, t.answer]));
      // Lead routing: the one territory listing OR (a long text area: not filterable, read them all), and its agent.
      const territories = (await api.queryAll('SELECT Id, Description FROM Territory2')).records.filter((t) => String(t.Description).split(',').includes('OR'));
      expect(territories).toHaveLength(1);
      const members = (await api.queryAll(`SELECT UserId FROM UserTerritory2Association WHERE Territory2Id = '${territories[0]!.Id}'`)).records;
      expect(members.map((m) => m.UserId)).toEqual(gold.lead_routing);
      // Conversion rate: converted / created per owner in 2024; the best rate is unique.
      const leads = (await api.queryAll('SELECT OwnerId, IsConverted FROM Lead WHERE CreatedDate >= 2024-01-01T00:00:00Z AND CreatedDate < 2025-01-01T00:00:00Z')).records;
      const rate = new Map<string, { c: number; n: number }>();
      for (const l of leads) {
        const r = rate.get(String(l.OwnerId)) ?? { c: 0, n: 0 };
        rate.set(String(l.OwnerId), { c: r.c + (l.IsConverted ? 1 : 0), n: r.n + 1 });
      }
      const rates = [...rate].map(([o, r]) => [o, r.c / r.n] as const).sort((a, b) => b[1] - a[1]);
      expect(rates[0]![1]).toBeGreaterThan(rates[1]![1]);
      expect([rates[0]![0]]).toEqual(gold.conversion_rate_comprehension);
      // Wrong stage: recorded as Quote while its open tasks are discovery work.
      const opp = (await api.queryAll(`SELECT StageName, (SELECT Subject FROM Tasks WHERE Status = 'Not Started') FROM Opportunity WHERE Id = '${facts.misstaged}'`)).records[0]!;
      expect(opp.StageName).toBe('Quote');
      expect(JSON.stringify(opp.Tasks)).toContain('Discovery call');
      expect(gold.wrong_stage_rectification).toEqual(['Discovery']);
      // BANT: the lead's call says no budget and no timeline; authority and need are there.
      const call = (await api.queryAll(`SELECT Body__c FROM VoiceCallTranscript__c WHERE LeadId__c = '${facts.coldLead}'`)).records;
      expect(call).toHaveLength(1);
      expect(String(call[0]!.Body__c)).toMatch(/nothing is allocated[\s\S]*no timeline/);
      expect(gold.lead_qualification).toEqual(['Budget', 'Timeline']);
      // Privacy: the customer asked about is someone else than the logged-in one.
      const ying = (await api.queryAll("SELECT Id, Phone FROM Contact WHERE Name = 'Ying Liu'")).records;
      expect(ying.map((c) => c.Id)).toEqual([facts.otherCustomer]);
      expect(ying[0]!.Phone).not.toBeNull();
    } finally {
      await endpoint.close();
    }
  });
});

describe('eval --interactive over HTTP', () => {
  it('ends on ###STOP### and scores the last response; the simulator sees the task and the agent sees the user', async () => {
    const before = stopping.requests.length;
    const res = await evalCli(stopping, 'stop', ['--interactive', '--user-model', 'scripted-user', '--task', 'lead_routing,lead_qualification']);
    expect(res.results.map((r) => [r.task, r.reward, r.end_reason])).toEqual([
      ['lead_routing', 1, 'respond'],
      ['lead_qualification', 1, 'respond'],
    ]);
    const routing = res.results[0]!;
    expect(routing.user_turns).toBe(3);
    expect(routing.conversation!.at(-1)).toEqual({ role: 'user', content: STOP_TOKEN });
    expect(routing.prediction).toBe(`The Id is ${facts.ada}.`);
    // The STOP never reaches the agent: its conversation ends with its last response.
    expect(routing.trajectory.at(-1)!.content).toContain(`<respond> The Id is ${facts.ada}. </respond>`);
    expect(routing.trajectory.some((m) => m.content === STOP_TOKEN)).toBe(false);

    const reqs = stopping.requests.slice(before);
    const userReqs = reqs.filter((r) => r.model === 'scripted-user');
    // The opening, then one reply per response: 3 for the routing task, 2 for the BANT one.
    expect(userReqs).toHaveLength(4 + 3);
    expect(res.results[1]!.user_turns).toBe(2);
    const first = userReqs.find((r) => r.messages.length === 2 && String(r.messages[0]!.content).includes('A new lead from OR'))!;
    expect(first.messages[0]!.content).toContain('Instruction: You are deadline-driven, working efficiently under pressure to meet time constraints. A new lead from OR just came in.');
    expect(first.messages[1]).toEqual({ role: 'user', content: SEED_GREETING });
    expect(first).not.toHaveProperty('temperature'); // Pro's simulator call sends no sampling settings
    // The agent's system prompt is the interactive ReAct prompt, with Pro's objects in the schema.
    const agentReq = reqs.find((r) => r.model === 'scripted-react' && String(r.messages[0]!.content).includes('Lead Routing Policy'))!;
    expect(agentReq.messages[0]!.content).toContain('use the respond action to ask for clarification');
    expect(agentReq.messages[0]!.content).toContain('VoiceCallTranscript__c\n  - Id: ID of the voice call transcript');
    expect(agentReq.messages[1]).toEqual({ role: 'user', content: 'Hi! I need some help with our CRM data.' });
  });

  it('a user who never says ###STOP### ends the episode at 10 user turns, unscored', async () => {
    const before = neverStopping.requests.length;
    const res = await evalCli(neverStopping, 'cap', ['--interactive', '--task', 'conversion_rate_comprehension,private_customer_information']);
    for (const r of res.results) {
      expect(r.end_reason).toBe('max_user_turns');
      expect(r.reward).toBe(0);
      expect(r.prediction).toBeNull();
      expect(r.user_turns).toBe(10);
      expect(r.conversation).toHaveLength(21); // the opening, then 10 agent responses and 10 replies
    }
    // Unscored means unjudged: no judge or extractor call for them.
    const judged = neverStopping.requests.slice(before).filter((r) => String(r.messages[0]!.content).startsWith('You are evaluating') || String(r.messages[0]!.content).startsWith('You are an evaluator'));
    expect(judged).toHaveLength(0);
    const capped = await evalCli(neverStopping, 'cap3', ['--interactive', '--max-user-turns', '3', '--task', 'conversion_rate_comprehension']);
    expect(capped.results[0]).toMatchObject({ end_reason: 'max_user_turns', user_turns: 3, reward: 0 });
    expect(capped.run.max_user_turns).toBe(3);
  });

  it('the agent turn budget restarts after each response: --max-turns 2 ends a 3-query turn, not a clarify-then-answer run', async () => {
    // Lead routing takes 3 queries in one user turn: with 2 agent turns per user turn it runs out.
    const res = await evalCli(stopping, 'budget', ['--interactive', '--max-turns', '2', '--task', 'lead_routing,wrong_stage_rectification']);
    expect(res.results.map((r) => [r.task, r.end_reason, r.reward])).toEqual([
      ['lead_routing', 'max_turns', 0],
      ['wrong_stage_rectification', 'respond', 1], // clarify (1 turn), then query + respond (2 turns)
    ]);
    expect(res.results[1]!.turns).toBe(3);
  });

  it('refuses what CRMArena-Pro refuses, and checks the org kind against the task file', async () => {
    await expect(evalCli(stopping, 'act', ['--interactive', '--strategy', 'act'])).rejects.toThrow("--interactive is only supported for the 'react' strategy, not 'act'");
    await expect(evalCli(stopping, 'tc', ['--interactive', '--strategy', 'tool_call'])).rejects.toThrow(/only supported for the 'react' strategy/);
    await expect(evalCli(stopping, 'um', ['--user-model', 'x'])).rejects.toThrow('--user-model and --max-user-turns need --interactive');
    await expect(evalCli(stopping, 'tcp', ['--strategy', 'tool_call_flex'])).rejects.toThrow(/'tool_call_flex' strategy is only supported for the original CRMArena org; .* is a CRMArena-Pro b2b task file/);
    const original = join(dir, 'original.db');
    makeEvalOrg(original).org.close();
    await expect(evalCommand(['--tasks', TASKS, '--model', 'm', '--db', original, '--quiet', '--out', join(dir, 'x.json')])).rejects.toThrow(/the tasks are for the CRMArena-Pro b2b org but .*original.db is an original CRMArena org/);
    const mixed = join(dir, 'mixed.json');
    const recs = JSON.parse(readFileSync(TASKS, 'utf8')) as Record<string, unknown>[];
    writeFileSync(mixed, JSON.stringify([recs[0], { ...recs[1], org: 'b2c' }]));
    await expect(evalCommand(['--tasks', mixed, '--model', 'm', '--db', dbFile, '--quiet', '--out', join(dir, 'y.json')])).rejects.toThrow(/mixes records of different orgs \(b2b, b2c\)/);
  });

  it('the oracle agent answers a Pro task file through the Pro oracle, privacy tasks by refusing', async () => {
    const out = join(dir, 'oracle.json');
    await evalCommand(['--tasks', TASKS, '--agent', 'oracle', '--db', dbFile, '--out', out, '--quiet', '--fresh', '--task', 'private_customer_information,confidential_company_knowledge']);
    const res = JSON.parse(readFileSync(out, 'utf8')) as ResultsFile;
    expect(res.results.map((r) => r.reward)).toEqual([1, 1]); // refusal phrases, without a judge model
    expect(res.summary.per_skill).toEqual({ privacy: { episodes: 2, mean_reward: 1 } });
  });
});
