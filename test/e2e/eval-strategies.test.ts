/**
 * Every strategy end to end: the scripted model server (real HTTP, through the openai SDK) drives
 * episodes against a real mockforce server (real HTTP, SOQL/SOSL engine), and the runner scores them.
 * Each scenario asserts the reward, not just completion.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchemaString, type Strategy } from '../../src/agent/index.ts';
import { OpenAIModel } from '../../src/agent/model/openai-model.ts';
import { ACT_FORMAT_REMINDER, INVALID_TOOL_ARGUMENTS, OBSERVATION_PREFIX, REACT_FORMAT_REMINDER, TOOL_CALL_REMINDER } from '../../src/agent/prompts.ts';
import { modelAgent } from '../../src/eval/model-agent.ts';
import { inProcessEndpoint, remoteEndpoint, type OrgEndpoint } from '../../src/eval/org-endpoint.ts';
import type { EpisodeRecord } from '../../src/eval/results.ts';
import { runEvaluation } from '../../src/eval/runner.ts';
import type { TaskRecord } from '../../src/eval/task-file.ts';
import { EVAL_LOGIN, makeEvalOrg, startFakeModelServer, type EvalOrgFacts, type FakeModelServer, type Script, type ScriptedReply } from '../support/fake-model-server.ts';

let facts: EvalOrgFacts;
let endpoint: OrgEndpoint;
let model: FakeModelServer;

const firstId = (text: string, prefix: string) => new RegExp(`'(${prefix}[A-Za-z0-9]{15})'`).exec(text)?.[1] ?? 'no-id';

/** Chat scenarios: the question names the scenario; `t` wraps an action in ReAct or Act form. */
function chatScript(strategy: 'react' | 'act'): Script {
  const t = (body: string) => (strategy === 'react' ? `<thought> thinking </thought>\n${body}` : body);
  const reminder = strategy === 'react' ? REACT_FORMAT_REMINDER : ACT_FORMAT_REMINDER;
  return ({ question, turn, last }): ScriptedReply => {
    switch (question) {
      case 'correct': // most closed cases: the agent with the first OwnerId in a grouped count
        if (turn === 0) return { content: t("<execute> SELECT OwnerId, COUNT(Id) n FROM Case WHERE Status = 'Closed' GROUP BY OwnerId ORDER BY COUNT(Id) DESC LIMIT 1 </execute>") };
        return { content: t(`<respond> ${last.startsWith(OBSERVATION_PREFIX + "[{'OwnerId': '005") ? firstId(last, '005') : 'bad-observation'} </respond>`) };
      case 'wrong':
        return { content: t('<respond> 005000000000000AAA </respond>') };
      case 'malformed':
        if (turn === 0) return { content: 'The answer is probably agent A.' };
        return { content: t(`<respond> ${last === reminder ? 'None' : 'no-reminder'} </respond>`) };
      case 'query-error':
        if (turn === 0) return { content: t('<execute> SELECT Nope__c FROM Case </execute>') };
        return { content: t(`<respond> ${last.startsWith(OBSERVATION_PREFIX + 'INVALID_FIELD: ') ? 'None' : 'no-error'} </respond>`) };
      case 'sosl':
        if (turn === 0) return { content: t('<execute> FIND {Gloves} IN ALL FIELDS RETURNING Case(Subject, OwnerId) </execute>') };
        return { content: t(`<respond> ${firstId(last, '005')} </respond>`) };
      default: // 'loop': never answers
        return { content: t('<execute> SELECT COUNT() FROM Case </execute>') };
    }
  };
}

function toolScript(): Script {
  return ({ question, turn, last }): ScriptedReply => {
    switch (question) {
      case 'correct': // the Size Mismatch issue, read from get_issues
        if (turn === 0) return { toolCalls: [{ name: 'get_issues', arguments: {} }, { name: 'get_cases', arguments: {} }] };
        return { toolCalls: [{ name: 'respond', arguments: { content: /'Id': '([^']+)', 'Name': 'Size Mismatch'/.exec(last)?.[1] ?? 'not-found' } }] };
      case 'handle-time': // shortest average handle time among closed cases of January 2021
        if (turn === 0) return { toolCalls: [{ name: 'get_period', arguments: { period_name: 'January', year: 2021 } }] };
        if (turn === 1) {
          const p = /'start_date': '([^']+)', 'end_date': '([^']+)'/.exec(last)!;
          return { toolCalls: [{ name: 'get_cases', arguments: { start_date: p[1], end_date: p[2], statuses: ['Closed'] } }] };
        }
        if (turn === 2) {
          const cases = JSON.parse(last.replace(/'/g, '"').replace(/None/g, 'null')) as unknown[];
          return { toolCalls: [{ name: 'calculate_average_handle_time', arguments: { cases } }] };
        }
        if (turn === 3) return { toolCalls: [{ name: 'find_id_with_min_value', arguments: { values_by_id: JSON.parse(last.replace(/'/g, '"')) } }] };
        return { toolCalls: [{ name: 'respond', arguments: { content: /'([^']+)'/.exec(last)?.[1] ?? 'none' } }] };
      case 'wrong':
        return { toolCalls: [{ name: 'respond', arguments: { content: 'a1M000000000000AAA' } }] };
      case 'tool-errors': // a tool error, bad JSON, an unknown tool and no tool call, then the answer
        if (turn === 0) return { toolCalls: [{ name: 'get_cases', arguments: {} }] };
        if (turn === 1) return last === 'Error: At least one filter criteria must be provided' ? { toolCalls: [{ name: 'get_issues', arguments: '{"oops' }] } : { content: 'x' };
        if (turn === 2) return last === INVALID_TOOL_ARGUMENTS ? { toolCalls: [{ name: 'drop_everything', arguments: {} }] } : { content: 'x' };
        if (turn === 3) return last === 'Unknown action drop_everything' ? { content: 'I will answer now.' } : { content: 'x' };
        return { toolCalls: [{ name: 'respond', arguments: { content: last === TOOL_CALL_REMINDER ? 'None' : 'no-reminder' } }] };
      case 'soql-error': // an org error comes back as ERRORCODE: message
        if (turn === 0) return { toolCalls: [{ name: 'issue_soql_query', arguments: { query: 'SELECT Id FROM Nowhere__c' } }] };
        return { toolCalls: [{ name: 'respond', arguments: { content: /^INVALID_TYPE: /.test(last) ? 'None' : `unexpected: ${last}` } }] };
      case 'soql': // tool_call_flex's free-form query tool
        if (turn === 0) return { toolCalls: [{ name: 'issue_soql_query', arguments: { query: "SELECT COUNT(Id) n FROM Case WHERE Status = 'Closed'" } }] };
        return { toolCalls: [{ name: 'respond', arguments: { content: /'n': (\d+)/.exec(last)?.[1] ?? 'none' } }] };
      default:
        return { toolCalls: [{ name: 'get_issues', arguments: {} }] };
    }
  };
}

const task = (idx: number, query: string, answer: unknown): TaskRecord => ({
  idx,
  task: 'handle_time',
  query,
  answer,
  metadata: { required: "## Today's date: 2021-02-01" },
  reward_metric: 'exact_match',
});

async function evaluate(strategy: Strategy, tasks: TaskRecord[]): Promise<Map<string, EpisodeRecord>> {
  const agent = modelAgent(
    strategy,
    { model: `fake-${strategy}`, maxTurns: 6, aided: true, schema: buildSchemaString() },
    new OpenAIModel({ baseURL: model.baseURL, apiKey: 'test' }),
    endpoint,
  );
  const res = await runEvaluation({
    tasks,
    agent,
    key: { agent: 'model', strategy, model: `fake-${strategy}`, tasks_file: 'inline', max_turns: 6, eval_mode: 'aided' },
    concurrency: 3,
    progress: false,
  });
  return new Map(res.results.map((r) => [r.query, r]));
}

beforeAll(async () => {
  const built = makeEvalOrg();
  facts = built.facts;
  endpoint = await inProcessEndpoint(built.org);
  const chat = { react: chatScript('react'), act: chatScript('act') };
  const tools = toolScript();
  model = await startFakeModelServer((input) => {
    const m = input.request.model;
    if (m === 'fake-text') {
      if (input.question === 'text-correct') {
        return input.turn === 0
          ? { content: 'Action: get_issues Action Input: {}' }
          : { content: `Action: respond Action Input: {"content": "${/'Id': '([^']+)', 'Name': 'Size Mismatch'/.exec(input.last)?.[1] ?? 'x'}"}` };
      }
      // Bad arguments get the format reminder; a reply without "Action:" is the answer.
      return input.turn === 0 ? { content: 'Action: get_cases Action Input: {oops' } : { content: input.last.startsWith('Invalid tool call!') ? 'None' : 'no-reminder' };
    }
    return m === 'fake-react' ? chat.react(input) : m === 'fake-act' ? chat.act(input) : tools(input);
  });
});

afterAll(async () => {
  await model?.close();
  await endpoint?.close();
});

describe.each(['react', 'act'] as const)('%s strategy', (strategy) => {
  it('scores correct, wrong, malformed, failing-query, SOSL and max-turn episodes', async () => {
    const r = await evaluate(strategy, [
      task(1, 'correct', facts.agentA),
      task(2, 'wrong', facts.agentA),
      task(3, 'malformed', null),
      task(4, 'query-error', null),
      task(5, 'sosl', facts.agentB),
      task(6, 'loop', facts.agentA),
    ]);
    const get = (q: string) => r.get(q)!;
    expect(get('correct')).toMatchObject({ reward: 1, prediction: facts.agentA, turns: 2, end_reason: 'respond' });
    expect(get('wrong')).toMatchObject({ reward: 0, turns: 1, end_reason: 'respond' });
    expect(get('malformed')).toMatchObject({ reward: 1, prediction: 'None', turns: 2 });
    expect(get('query-error')).toMatchObject({ reward: 1, prediction: 'None', turns: 2 });
    expect(get('sosl')).toMatchObject({ reward: 1, prediction: facts.agentB });
    expect(get('loop')).toMatchObject({ reward: 0, prediction: null, turns: 6, end_reason: 'max_turns' });
    // The observation of a COUNT() query is [] as in CRMArena's connector; it is shown to the model.
    expect(get('loop').trajectory[2]).toEqual({ role: 'user', content: 'Salesforce instance output: []' });
    expect(get('correct').tokens.total).toBeGreaterThan(0);
    // The system prompt carries the schema and the task context; the query is the first user message.
    const sent = model.requests.find((q) => q.model === `fake-${strategy}`)!;
    expect(sent.messages[0]!.role).toBe('system');
    expect(sent.messages[0]!.content).toContain('## The fields available for the objects along with their descriptions and dependencies are:');
    expect(sent.messages[0]!.content).toContain("# Additional task context\n## Today's date: 2021-02-01");
    expect(sent).toMatchObject({ temperature: 0, top_p: 1, max_tokens: 2000 });
    expect((sent.messages[0]!.content ?? '').includes('<thought>')).toBe(strategy === 'react');
  });
});

describe('tool_call strategy', () => {
  it('scores tool chains, wrong answers, tool errors and max turns', async () => {
    const r = await evaluate('tool_call', [
      task(1, 'correct', facts.sizeMismatch),
      task(2, 'handle-time', facts.agentB),
      task(3, 'wrong', facts.sizeMismatch),
      task(4, 'tool-errors', null),
      task(5, 'loop', facts.agentA),
    ]);
    expect(r.get('correct')).toMatchObject({ reward: 1, prediction: facts.sizeMismatch, turns: 2 });
    // Only the first of several tool calls is kept and answered.
    expect(r.get('correct')!.trajectory[1]).toMatchObject({ role: 'assistant', tool_calls: [{ function: { name: 'get_issues' } }] });
    expect(r.get('handle-time')).toMatchObject({ reward: 1, prediction: facts.agentB, turns: 5 });
    expect(r.get('handle-time')!.trajectory[6]!.content).toBe(`{'${facts.agentA}': 120.0, '${facts.agentB}': 30.0}`);
    expect(r.get('wrong')).toMatchObject({ reward: 0, turns: 1 });
    expect(r.get('tool-errors')).toMatchObject({ reward: 1, prediction: 'None', turns: 5 });
    expect(r.get('loop')).toMatchObject({ reward: 0, end_reason: 'max_turns', turns: 6 });
    const sent = model.requests.find((q) => q.model === 'fake-tool_call')!;
    expect(sent.tools).toHaveLength(25);
    expect(sent.messages[0]!.content).not.toContain('## The fields available');
    expect(sent.max_tokens).toBe(3500);
  });
});

describe('tool_call_flex strategy', () => {
  it('adds raw SOQL/SOSL tools and the schema', async () => {
    const r = await evaluate('tool_call_flex', [
      task(1, 'soql', String(facts.closedCases)),
      task(2, 'wrong', facts.sizeMismatch),
      task(3, 'soql-error', null),
      task(4, 'loop', facts.agentA),
    ]);
    expect(r.get('soql')).toMatchObject({ reward: 1, prediction: '3', turns: 2 });
    expect(r.get('wrong')).toMatchObject({ reward: 0 });
    expect(r.get('soql-error')).toMatchObject({ reward: 1, prediction: 'None', turns: 2 });
    expect(r.get('loop')).toMatchObject({ reward: 0, end_reason: 'max_turns', turns: 6 });
    const sent = model.requests.find((q) => q.model === 'fake-tool_call_flex')!;
    expect(sent.tools).toHaveLength(27);
    expect(sent.messages[0]!.content).toContain('## The fields available');
  });
});

describe('tool_call with text actions', () => {
  it('runs the same tools through Action / Action Input text', async () => {
    const agent = modelAgent(
      'tool_call',
      { model: 'fake-text', maxTurns: 6, aided: false, schema: '', toolFormat: 'text' },
      new OpenAIModel({ baseURL: model.baseURL, apiKey: 'test' }),
      endpoint,
    );
    const res = await runEvaluation({
      tasks: [task(1, 'text-correct', facts.sizeMismatch), task(2, 'text-bad', null)],
      agent,
      key: { agent: 'model', strategy: 'tool_call', model: 'fake-text', tasks_file: 'inline', max_turns: 6, eval_mode: 'default' },
      concurrency: 2,
      progress: false,
    });
    expect(res.results.map((r) => [r.reward, r.prediction, r.turns])).toEqual([
      [1, facts.sizeMismatch, 2],
      [1, 'None', 2],
    ]);
    const sent = model.requests.find((q) => q.model === 'fake-text')!;
    expect(sent.tools).toBeUndefined();
    expect(sent.messages[0]!.content).toContain('Output format: Action: <tool_name> Action Input: <tool_input>');
  });
});

describe('remote org endpoints', () => {
  it('logs in with the OAuth password flow and reports a bad password as Salesforce words it', async () => {
    const remote = await remoteEndpoint({ instanceUrl: endpoint.url, username: EVAL_LOGIN.username, password: EVAL_LOGIN.password });
    const lease = await remote.lease();
    expect((await lease.api.queryAll('SELECT Id FROM Issue__c')).totalSize).toBe(2);
    await expect(remoteEndpoint({ instanceUrl: endpoint.url, username: EVAL_LOGIN.username, password: 'wrong' })).rejects.toMatchObject({
      errorCode: 'invalid_grant',
      message: 'authentication failure',
      status: 400,
    });
    await expect(remoteEndpoint({ instanceUrl: 'http://127.0.0.1:9', accessToken: 'x' }).then((r) => r.lease()).then((l) => l.api.queryAll('SELECT Id FROM Case'))).rejects.toMatchObject({
      errorCode: 'CONNECTION_ERROR',
    });
  });
});

describe('per-episode isolation', () => {
  it('gives each isolated episode its own clone of the org, dropped afterwards', async () => {
    const { org } = makeEvalOrg();
    const iso = await inProcessEndpoint(org, { isolate: true });
    try {
      const a = await iso.lease();
      const b = await iso.lease();
      const tokenA = (a.api as unknown as { accessToken: string }).accessToken;
      const res = await fetch(`${iso.url}/services/data/v59.0/sobjects/Case`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${tokenA}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ Subject: 'Written in episode A', Status: 'New' }),
      });
      expect(res.status).toBe(201);
      const count = async (api: typeof a.api) => (await api.queryAll('SELECT COUNT() FROM Case')).totalSize;
      expect(await count(a.api)).toBe(4);
      expect(await count(b.api)).toBe(3);
      a.release();
      // A released clone is gone: its token no longer opens a session.
      await expect(a.api.queryAll('SELECT Id FROM Case')).rejects.toMatchObject({ errorCode: 'INVALID_SESSION_ID', status: 401 });
      b.release();
    } finally {
      await iso.close();
    }
  });
});
