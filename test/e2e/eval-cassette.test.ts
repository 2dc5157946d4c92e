/**
 * CI runs a full evaluation with no key and no network: `mockforce eval --replay` over the committed
 * cassette (fixtures/cassettes/tiny-org.json, recorded against the scripted model server) and the tiny
 * eval org, for all four strategies, and checks the rewards. Set MOCKFORCE_RECORD_CASSETTES=1 to
 * re-record the cassette (needed when prompts, tools or the org's answers change).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as evalCommand } from '../../src/cli/eval-command.ts';
import { inProcessEndpoint } from '../../src/eval/org-endpoint.ts';
import type { ResultsFile } from '../../src/eval/results.ts';
import { makeEvalOrg, startFakeModelServer, type Script, type ScriptedReply } from '../support/fake-model-server.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const TASKS = join(ROOT, 'fixtures/cassettes/tiny-org-tasks.json');
const CASSETTE = join(ROOT, 'fixtures/cassettes/tiny-org.json');
const STRATEGIES = ['react', 'act', 'tool_call', 'tool_call_flex'] as const;

/** A small scripted "agent" that solves the tiny org's tasks through each strategy's actions. */
const script: Script = ({ request, question, turn, last }): ScriptedReply => {
  const strategy = request.model.replace(/^scripted-/, '');
  const chat = strategy === 'react' || strategy === 'act';
  const say = (action: string) => ({ content: strategy === 'react' ? `<thought> next step </thought>\n${action}` : action });
  const soql = (q: string): ScriptedReply =>
    chat ? say(`<execute> ${q} </execute>`) : strategy === 'tool_call_flex' ? { toolCalls: [{ name: 'issue_soql_query', arguments: { query: q } }] } : { toolCalls: [{ name: 'get_issues', arguments: {} }] };
  const respond = (a: string): ScriptedReply => (chat ? say(`<respond> ${a} </respond>`) : { toolCalls: [{ name: 'respond', arguments: { content: a } }] });
  const firstId = (prefix: string) => new RegExp(`'(${prefix}[A-Za-z0-9]{15})'`).exec(last)?.[1] ?? 'None';
  if (question.startsWith('Which agent had the shortest')) {
    if (strategy === 'tool_call') {
      if (turn === 0) return { toolCalls: [{ name: 'get_cases', arguments: { start_date: '2021-01-01T00:00:00Z', end_date: '2021-02-01T00:00:00Z', statuses: ['Closed'] } }] };
      if (turn === 1) return { toolCalls: [{ name: 'calculate_average_handle_time', arguments: { cases: JSON.parse(last.replace(/'/g, '"').replace(/None/g, 'null')) } }] };
      if (turn === 2) return { toolCalls: [{ name: 'find_id_with_min_value', arguments: { values_by_id: JSON.parse(last.replace(/'/g, '"')) } }] };
      return respond(firstId('005'));
    }
    if (turn === 0) return soql("SELECT OwnerId, CreatedDate, ClosedDate FROM Case WHERE Status = 'Closed' AND CreatedDate >= 2021-01-01T00:00:00Z AND CreatedDate < 2021-02-01T00:00:00Z ORDER BY OwnerId DESC");
    return respond(firstId('005')); // the scripted agent "knows" B's single case is the quickest
  }
  if (question.startsWith('What is the most reported issue')) {
    if (turn === 0) return soql('SELECT IssueId__c, COUNT(Id) n FROM Case GROUP BY IssueId__c ORDER BY COUNT(Id) DESC LIMIT 1');
    return respond(strategy === 'tool_call' ? /'Id': '([^']+)', 'Name': 'Size Mismatch'/.exec(last)?.[1] ?? 'None' : firstId('a1M'));
  }
  if (question.startsWith('Within how many days')) return respond('within 90 days');
  if (turn === 0) return chat ? { content: 'Let me think about transfers.' } : { content: 'Thinking.' }; // no action: a reminder, then a wrong answer
  return respond('005Mf0000000002IAA');
};

let dir: string;
let dbFile: string;

async function evalCli(strategy: string, extra: string[]): Promise<ResultsFile> {
  const out = join(dir, `${strategy}.json`);
  await evalCommand(['--tasks', TASKS, '--strategy', strategy, '--model', `scripted-${strategy}`, '--db', dbFile, '--out', out, '--concurrency', '2', '--quiet', '--fresh', ...extra]);
  return JSON.parse(readFileSync(out, 'utf8')) as ResultsFile;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mf-cassette-e2e-'));
  dbFile = join(dir, 'tiny.db');
  makeEvalOrg(dbFile).org.close();
  if (process.env.MOCKFORCE_RECORD_CASSETTES === '1' || !existsSync(CASSETTE)) {
    rmSync(CASSETTE, { force: true });
    const server = await startFakeModelServer(script);
    const saved = { ...process.env };
    process.env.OPENAI_BASE_URL = server.baseURL;
    process.env.OPENAI_API_KEY = 'scripted';
    try {
      for (const s of STRATEGIES) await evalCli(s, ['--record', CASSETTE]);
    } finally {
      process.env.OPENAI_BASE_URL = saved.OPENAI_BASE_URL;
      process.env.OPENAI_API_KEY = saved.OPENAI_API_KEY;
      if (saved.OPENAI_BASE_URL === undefined) delete process.env.OPENAI_BASE_URL;
      if (saved.OPENAI_API_KEY === undefined) delete process.env.OPENAI_API_KEY;
      await server.close();
    }
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('replayed evaluation from the committed cassette', () => {
  it.each(STRATEGIES)('%s: replays with no key and no network, same rewards every time', async (strategy) => {
    const saved = { key: process.env.OPENAI_API_KEY, url: process.env.OPENAI_BASE_URL };
    delete process.env.OPENAI_API_KEY;
    process.env.OPENAI_BASE_URL = 'http://127.0.0.1:9/v1'; // nothing listens there: any live call would fail
    try {
      const res = await evalCli(strategy, ['--replay', CASSETTE]);
      const byIdx = Object.fromEntries(res.results.map((r) => [r.idx, r]));
      expect(res.results.map((r) => r.end_reason)).toEqual(['respond', 'respond', 'respond', 'respond']);
      expect(byIdx[0]!.reward).toBe(1);
      expect(byIdx[1]!.reward).toBe(1);
      expect(byIdx[2]!.reward).toBeCloseTo(0.8); // token F1 of "within 90 days" against "90 days"
      expect(byIdx[3]!.reward).toBe(0); // gold None, answered an Id after a format reminder
      expect(byIdx[3]!.turns).toBe(2);
      expect(res.summary.per_task.handle_time).toEqual({ episodes: 1, successes: 1, mean_reward: 1 });
      expect(res.summary.mean_reward).toBeCloseTo(0.7);
      expect(res.summary.tokens.total).toBeGreaterThan(0);
      expect(res.run).toMatchObject({ agent: 'model', strategy, model: `scripted-${strategy}`, replay: CASSETTE });
      const html = readFileSync(join(dir, `${strategy}.html`), 'utf8');
      expect(html).toContain('top_issue_identification');
      expect(existsSync(join(dir, `${strategy}.json.partial.jsonl`))).toBe(false);
    } finally {
      if (saved.key !== undefined) process.env.OPENAI_API_KEY = saved.key;
      if (saved.url !== undefined) process.env.OPENAI_BASE_URL = saved.url;
      else delete process.env.OPENAI_BASE_URL;
    }
  });

  it('replays against an already running server given its connection file', async () => {
    const { org } = makeEvalOrg();
    const server = await inProcessEndpoint(org);
    try {
      const conn = join(dir, 'connection.json');
      writeFileSync(conn, JSON.stringify({ instanceUrl: server.url, accessToken: server.token, apiVersion: '59.0' }));
      const out = join(dir, 'remote.json');
      await evalCommand(['--tasks', TASKS, '--strategy', 'tool_call', '--model', 'scripted-tool_call', '--connection', conn, '--out', out, '--quiet', '--fresh', '--replay', CASSETTE]);
      const res = JSON.parse(readFileSync(out, 'utf8')) as ResultsFile;
      expect(res.results.map((r) => r.reward)).toEqual([1, 1, expect.closeTo(0.8, 5), 0]);
      await expect(evalCommand(['--tasks', TASKS, '--model', 'm', '--connection', join(dir, 'nope.json')])).rejects.toThrow(/cannot read connection file .*nope.json: ENOENT/);
    } finally {
      await server.close();
    }
  });

  it('fails loudly when the cassette lacks a request', async () => {
    await expect(evalCli('react', ['--replay', CASSETTE, '--eval-mode', 'default'])).rejects.toThrow(/missing from .*tiny-org.json .*re-record it with --record/);
  });
});
