/**
 * A scripted, OpenAI-compatible chat-completions server for tests: real HTTP, so the harness goes
 * through the `openai` SDK exactly as with a real endpoint. A script decides each reply from the
 * request (the task's question, the turn number, the last observation), so concurrent episodes stay
 * deterministic. It can also fail on purpose (429/500 with retry-after) to exercise retries.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { ChatMessage, ChatRequest } from '../../src/agent/model/chat-types.ts';
import { Org } from '../../src/org/index.ts';

export type ScriptedReply =
  | { content: string }
  | { toolCalls: { name: string; arguments: string | Record<string, unknown> }[]; content?: string }
  | { httpError: number; retryAfter?: number; body?: unknown };

export interface ScriptInput {
  request: ChatRequest;
  /** The first user message: the task question (after the system prompt). */
  question: string;
  /** 0 for the first call of an episode, then one more per assistant message already sent. */
  turn: number;
  /** The content of the last message (an observation, a tool result or the question). */
  last: string;
}

export type Script = (input: ScriptInput) => ScriptedReply;

export interface FakeModelServer {
  /** Base URL to use as OPENAI_BASE_URL (ends in /v1). */
  baseURL: string;
  requests: ChatRequest[];
  close(): Promise<void>;
}

/** Tokens as a crude but deterministic count: 1 per 4 characters. */
const tokens = (s: string) => Math.ceil(s.length / 4);

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function questionOf(messages: ChatMessage[]): string {
  const firstUser = messages.find((m) => m.role === 'user');
  return firstUser?.content ?? '';
}

export async function startFakeModelServer(script: Script): Promise<FakeModelServer> {
  const requests: ChatRequest[] = [];
  let counter = 0;
  const server: Server = createServer(async (req, res) => {
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') return send(404, { error: { message: 'not found' } });
    const request = JSON.parse(await readBody(req)) as ChatRequest;
    requests.push(request);
    const messages = request.messages;
    const turn = messages.filter((m) => m.role === 'assistant').length;
    const last = messages.at(-1)?.content ?? '';
    const reply = script({ request, question: questionOf(messages), turn, last });
    if ('httpError' in reply) {
      return send(reply.httpError, reply.body ?? { error: { message: `scripted ${reply.httpError}`, type: 'scripted' } }, reply.retryAfter !== undefined ? { 'retry-after': String(reply.retryAfter) } : {});
    }
    const id = ++counter;
    // Call ids derive from the conversation, not from arrival order, so recordings made with
    // concurrent episodes are byte-identical.
    const callBase = createHash('sha256').update(JSON.stringify(messages)).digest('hex').slice(0, 16);
    const toolCalls =
      'toolCalls' in reply
        ? reply.toolCalls.map((c, i) => ({
            id: `call_${callBase}_${i}`,
            type: 'function',
            function: { name: c.name, arguments: typeof c.arguments === 'string' ? c.arguments : JSON.stringify(c.arguments) },
          }))
        : undefined;
    const content = 'content' in reply && reply.content !== undefined ? reply.content : null;
    const prompt = tokens(JSON.stringify(messages));
    const completion = tokens((content ?? '') + JSON.stringify(toolCalls ?? ''));
    send(200, {
      id: `chatcmpl-fake-${id}`,
      object: 'chat.completion',
      created: 1_700_000_000,
      model: request.model,
      choices: [{ index: 0, finish_reason: toolCalls ? 'tool_calls' : 'stop', message: { role: 'assistant', content, ...(toolCalls ? { tool_calls: toolCalls } : {}) } }],
      usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion },
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

// ---------------------------------------------------------------------------------------------------
// The tiny org the scripted episodes talk about (kept here so every eval test builds the same one).


export const EVAL_LOGIN = { username: 'eval@test.mockforce.dev', password: 'EvalPassw0rd', securityToken: 'EVALTOKEN' };

export interface EvalOrgFacts {
  agentA: string;
  agentB: string;
  sizeMismatch: string;
  closedCases: number;
}

/**
 * One API user, two agents, two issues and three closed cases in January 2021: agent A closed two
 * (1 h and 3 h), agent B one (30 min). Ids are allocated deterministically, so the same org (and the
 * same observations, hence the same cassette hashes) comes back every time.
 */
export function makeEvalOrg(file = ':memory:'): { org: Org; facts: EvalOrgFacts } {
  const org = Org.create(file, { now: '2024-06-01T12:00:00.000Z' });
  let facts!: EvalOrgFacts;
  org.store.transaction(() => {
    const user = (first: string, last: string, username: string) =>
      org.store.insert('User', {
        Username: username,
        FirstName: first,
        LastName: last,
        Alias: first.slice(0, 5).toLowerCase(),
        Email: username,
        LanguageLocaleKey: 'en_US',
        EmailEncodingKey: 'UTF-8',
        TimeZoneSidKey: 'America/Los_Angeles',
        LocaleSidKey: 'en_US',
      });
    const api = user('Eval', 'Admin', EVAL_LOGIN.username);
    org.setLoginIdentity({ userId: api, ...EVAL_LOGIN });
    const agentA = user('Ada', 'Agent', 'ada@example.com');
    const agentB = user('Bo', 'Agent', 'bo@example.com');
    org.store.insert('Issue__c', { Name: 'Billing/Payment Issue' });
    const sizeMismatch = org.store.insert('Issue__c', { Name: 'Size Mismatch' });
    const closed = (owner: string, created: string, closedAt: string, subject: string) => {
      const id = org.store.insert('Case', { Subject: subject, Status: 'Closed', OwnerId: owner, IssueId__c: sizeMismatch }, { CreatedDate: created, ClosedDate: closedAt });
      org.store.insert('CaseHistory__c', { CaseId__c: id, Field__c: 'Owner Assignment', NewValue__c: owner }, { CreatedDate: created });
    };
    closed(agentA, '2021-01-05T10:00:00.000Z', '2021-01-05T11:00:00.000Z', 'Wrong size shoes');
    closed(agentA, '2021-01-12T09:00:00.000Z', '2021-01-12T12:00:00.000Z', 'Jacket too small');
    closed(agentB, '2021-01-20T15:00:00.000Z', '2021-01-20T15:30:00.000Z', 'Gloves too large');
    facts = { agentA, agentB, sizeMismatch, closedCases: 3 };
  });
  return { org, facts };
}
