import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cassette, canonicalJson, RecordingModel, ReplayModel, requestHash } from '../../src/agent/model/cassette.ts';
import { ModelError, type ChatRequest } from '../../src/agent/model/chat-types.ts';
import { endpointFromEnv, OpenAIModel } from '../../src/agent/model/openai-model.ts';
import { costOf, priceFor } from '../../src/agent/model/pricing.ts';
import { samplingFor } from '../../src/agent/model/sampling.ts';
import { startFakeModelServer, type FakeModelServer } from '../support/fake-model-server.ts';

const req = (content: string): ChatRequest => ({
  model: 'fake-1',
  messages: [
    { role: 'system', content: 'sys' },
    { role: 'user', content },
  ],
  temperature: 0,
  top_p: 1,
});

describe('OpenAI model access', () => {
  let server: FakeModelServer;
  const failures = new Map<string, number>();
  beforeAll(async () => {
    server = await startFakeModelServer(({ question }) => {
      if (question.startsWith('fail')) {
        const n = failures.get(question) ?? 0;
        failures.set(question, n + 1);
        const status = question === 'fail-400' ? 400 : question === 'fail-forever' ? 503 : n === 0 ? 429 : n === 1 ? 500 : 0;
        if (status) return { httpError: status, retryAfter: status === 429 ? 0 : undefined };
      }
      if (question === 'tool') return { toolCalls: [{ name: 'get_issues', arguments: {} }] };
      return { content: `<respond> echo ${question} </respond>` };
    });
  });
  afterAll(() => server.close());

  it('calls an OpenAI-compatible endpoint through the SDK and reports usage', async () => {
    const m = new OpenAIModel({ baseURL: server.baseURL, apiKey: 'k' });
    const res = await m.complete(req('hello'));
    expect(res.message).toEqual({ role: 'assistant', content: '<respond> echo hello </respond>' });
    expect(res.usage.total_tokens).toBe(res.usage.prompt_tokens + res.usage.completion_tokens);
    expect(res.usage.prompt_tokens).toBeGreaterThan(0);
    const tool = await m.complete(req('tool'));
    expect(tool.message.tool_calls?.[0]?.function).toEqual({ name: 'get_issues', arguments: '{}' });
    expect(server.requests.at(-1)).toMatchObject({ model: 'fake-1', temperature: 0, top_p: 1 });
  });

  it('retries 429 and 5xx with backoff, and gives up on other 4xx at once', async () => {
    const delays: number[] = [];
    const m = new OpenAIModel({ baseURL: server.baseURL, apiKey: 'k', baseDelayMs: 7, sleep: async (ms) => void delays.push(ms) });
    const res = await m.complete(req('fail-then-ok'));
    expect(res.message.content).toBe('<respond> echo fail-then-ok </respond>');
    expect(delays).toEqual([0, 14]); // retry-after: 0 on the 429, then 7·2 for the 500
    await expect(m.complete(req('fail-400'))).rejects.toThrow(/HTTP 400\) after 1 attempt/);
    await expect(m.complete(req('fail-400'))).rejects.toMatchObject({ fatal: false, status: 400 });
    // A wrong key or model, or no server at all, stops the run instead of failing each episode.
    await expect(new OpenAIModel({ baseURL: server.baseURL.replace('/v1', '/nowhere'), apiKey: 'k' }).complete(req('x'))).rejects.toMatchObject({ fatal: true, status: 404 });
    const dead = new OpenAIModel({ baseURL: 'http://127.0.0.1:9/v1', apiKey: 'k', maxAttempts: 2, sleep: async () => {} });
    await expect(dead.complete(req('x'))).rejects.toMatchObject({ fatal: true, message: expect.stringMatching(/connection failed\) after 2 attempts/) });
    const capped = new OpenAIModel({ baseURL: server.baseURL, apiKey: 'k', maxAttempts: 3, sleep: async () => {} });
    await expect(capped.complete(req('fail-forever'))).rejects.toThrow(/HTTP 503\) after 3 attempts/);
  });

  it('says clearly when no endpoint is configured', () => {
    expect(() => endpointFromEnv({})).toThrow(/no model endpoint configured: set OPENAI_API_KEY .*--replay/);
    expect(endpointFromEnv({ OPENAI_BASE_URL: 'http://localhost:11434/v1' })).toEqual({ apiKey: 'not-needed', baseURL: 'http://localhost:11434/v1' });
    expect(endpointFromEnv({ OPENAI_API_KEY: 'sk-x' })).toEqual({ apiKey: 'sk-x' });
  });

  it('sends CRMArena sampling settings, adapted for reasoning models', () => {
    expect(samplingFor('gpt-4o', 2000)).toEqual({ temperature: 0, top_p: 1, max_tokens: 2000 });
    expect(samplingFor('o1-2024-12-17', 2000)).toEqual({ max_completion_tokens: 50000 });
    expect(samplingFor('openai/o3-mini', 3500)).toEqual({ max_completion_tokens: 50000 });
    expect(samplingFor('deepseek-ai/DeepSeek-R1', 2000)).toEqual({ temperature: 0, top_p: 1, max_tokens: 50000 });
    expect(samplingFor('llama3.1:8b', 3500)).toEqual({ temperature: 0, top_p: 1, max_tokens: 3500 });
  });

  it('prices known models and leaves unknown ones null', () => {
    expect(costOf(priceFor('gpt-4o-2024-08-06'), 1_000_000, 100_000)).toBeCloseTo(3.5);
    expect(costOf(priceFor('gpt-4o-mini'), 1_000_000, 0)).toBeCloseTo(0.15);
    expect(costOf(priceFor('llama3:8b'), 10, 10)).toBeNull();
    expect(costOf(priceFor('llama3:8b', { inputPerM: 1, outputPerM: 2 }), 1_000_000, 1_000_000)).toBe(3);
  });

  it('records to a cassette and replays from it without any network', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mf-cassette-'));
    try {
      const path = join(dir, 'c.json');
      const live = new OpenAIModel({ baseURL: server.baseURL, apiKey: 'k' });
      const recorder = new RecordingModel(live, new Cassette(path));
      const before = server.requests.length;
      const a = await recorder.complete(req('one'));
      await recorder.complete(req('two'));
      await recorder.complete(req('one')); // a hit: not sent again
      expect(server.requests.length - before).toBe(2);
      recorder.flush();
      const file = JSON.parse(readFileSync(path, 'utf8')) as { version: number; entries: { hash: string; last: string }[] };
      expect(file.version).toBe(1);
      expect(file.entries.map((e) => e.hash)).toEqual([...file.entries.map((e) => e.hash)].sort());
      expect(file.entries.map((e) => e.last).sort()).toEqual(['user: one', 'user: two']);

      const replay = new ReplayModel(new Cassette(path));
      expect(await replay.complete(req('one'))).toEqual(a);
      await expect(replay.complete(req('three'))).rejects.toThrow(ModelError);
      await expect(replay.complete(req('three'))).rejects.toThrow(/no recorded response .* \(user: three\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('hashes requests independently of key order', () => {
    const a = req('x');
    const b = { top_p: 1, temperature: 0, messages: a.messages, model: 'fake-1' } as ChatRequest;
    expect(requestHash(a)).toBe(requestHash(b));
    expect(requestHash(a)).not.toBe(requestHash(req('y')));
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: undefined }] })).toBe('{"a":[{"d":1}],"b":1}');
  });
});
