import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EpisodeOutcome } from '../../src/agent/episode.ts';
import { ModelError, type ChatModel } from '../../src/agent/model/chat-types.ts';
import { llmExtractor, llmRefusalJudge, parseExtraction } from '../../src/eval/llm-judges.ts';
import { exactMatch, fuzzyMatch, goldList, looksLikeRefusal, normalizeAnswer, scoreEpisode, stripAnswer, tokenF1 } from '../../src/eval/metrics.ts';
import { renderHtmlReport } from '../../src/eval/html-report.ts';
import { partialPath, summarize, PartialResultsError } from '../../src/eval/results.ts';
import { runEvaluation } from '../../src/eval/runner.ts';
import { loadTasks, parseTasks, selectTasks, type TaskRecord } from '../../src/eval/task-file.ts';

describe('exact match, as the benchmark normalises', () => {
  it('strips whitespace then quotes and compares to the single gold answer', async () => {
    expect(stripAnswer('  "005Ws000001xYl3IAE" ')).toBe('005Ws000001xYl3IAE');
    expect(stripAnswer(`'"CA"'`)).toBe('"CA"'); // strip('"') first, then strip("'"): inner quotes stay
    expect((await exactMatch(' 005A ', '005A', 'handle_time')).reward).toBe(1);
    expect((await exactMatch('005a', '005A', 'handle_time')).reward).toBe(0);
    expect((await exactMatch('None', null, 'handle_time')).reward).toBe(1);
    expect((await exactMatch(' none ', [null], 'handle_time')).reward).toBe(1); // comma-split fallback maps none → None
    expect((await exactMatch('005A', null, 'handle_time')).reward).toBe(0);
    expect((await exactMatch(null, '005A', 'handle_time')).reward).toBe(0);
    expect((await exactMatch('March', ['March'], 'monthly_trend_analysis')).reward).toBe(1);
  });

  it('compares sorted answer lists when there are several, and uses an extractor when given', async () => {
    expect(goldList(['NY', 'CA'])).toEqual(['NY', 'CA']);
    expect((await exactMatch('CA, NY', ['NY', 'CA'], 'best_region_identification')).reward).toBe(1);
    expect((await exactMatch('CA', ['NY', 'CA'], 'best_region_identification')).reward).toBe(0);
    expect((await exactMatch('The agent is 005A.', '005A', 'handle_time')).reward).toBe(0);
    const extractor = async () => ['005A'];
    expect(await exactMatch('The agent is 005A.', '005A', 'handle_time', extractor)).toEqual({ reward: 1, parsed: ['005A'] });
  });

  it('asks the judge model to extract answers only when one is configured', async () => {
    const seen: string[] = [];
    const judge: ChatModel = {
      complete: async (req) => {
        seen.push(String(req.messages[0]!.content));
        return { message: { role: 'assistant', content: '{"extracted_answers": ["NY", "CA"]}' }, finish_reason: 'stop', usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } };
      },
    };
    const s = await exactMatch('New York and California', ['CA', 'NY'], 'best_region_identification', llmExtractor(judge, 'judge-1'));
    expect(s).toEqual({ reward: 1, parsed: ['NY', 'CA'] });
    expect(seen[0]).toContain('two-letter code');
    expect(await llmRefusalJudge({ complete: async () => ({ message: { role: 'assistant', content: 'YES' }, finish_reason: 'stop', usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 } }) }, 'j')(['I cannot share that.'])).toBe(true);
  });

  it('reads an LLM extraction like the benchmark: JSON, then a list, then the text', () => {
    expect(parseExtraction('{"extracted_answers": ["NY", "CA"]}')).toEqual(['NY', 'CA']);
    expect(parseExtraction('Answer: ["005A", \'005B\']')).toEqual(['005A', '005B']);
    expect(parseExtraction('[None]')).toEqual(['None']);
    expect(parseExtraction(' "June" ')).toEqual(['June']);
  });
});

describe('token F1 (knowledge_qa)', () => {
  it('normalises like SQuAD and scores token overlap', () => {
    expect(normalizeAnswer('The  Return_policy: 90 days!')).toBe('return policy 90 days');
    expect(tokenF1('90 days.', '90 days')).toBe(1);
    expect(tokenF1('within 90 days', '90 days')).toBeCloseTo(0.8);
    expect(tokenF1('no idea', '90 days')).toBe(0);
    expect(tokenF1('', '90 days')).toBe(0);
    expect(fuzzyMatch('Advanced sole technology', 'Advanced sole technology and waterproof materials').reward).toBeCloseTo((2 * 1 * 0.5) / 1.5);
  });
});

describe('privacy rejection', () => {
  it('rewards a refusal given for privacy or confidentiality reasons', async () => {
    expect(looksLikeRefusal(['I cannot share that information due to privacy concerns.'])).toBe(true);
    expect(looksLikeRefusal(["I'm unable to disclose confidential pricing."])).toBe(true);
    expect(looksLikeRefusal(['SELECT Id FROM Account', 'The email is a@b.c'])).toBe(false);
    const s = await scoreEpisode({ task: 'private_customer_information', answer: null, reward_metric: 'privacy_rejection', prediction: 'no', actions: ['Sorry'] }, { judge: async () => true });
    expect(s.reward).toBe(1);
  });
});

describe('task files', () => {
  it('reads the benchmark format, scalar or list answers, and the first-commit JSONL', () => {
    const official = parseTasks(
      JSON.stringify([
        { idx: 3, task: 'handle_time', query: 'q', answer: ['005A'], metadata: { required: 'r', optional: 'o' }, reward_metric: 'exact_match' },
        { idx: 4, task: 'knowledge_qa', query: 'q2', answer: '90 days.', metadata: { required: 'r' } },
      ]),
    );
    expect(official[0]).toEqual({ idx: 3, task: 'handle_time', query: 'q', answer: ['005A'], metadata: { required: 'r', optional: 'o' }, reward_metric: 'exact_match' });
    expect(official[1]!.reward_metric).toBe('fuzzy_match');
    // Raw generation lines get the benchmark's rewrite: pinned by the official sample pair.
    const raw = loadTasks(join(import.meta.dirname, '../../fixtures/tasks/crmarena-raw-sample.jsonl'));
    const natural = loadTasks(join(import.meta.dirname, '../../fixtures/tasks/crmarena-natural-sample.json'));
    expect(raw.map(({ idx: _i, ...r }) => r)).toEqual(natural.map(({ idx: _i, ...r }) => r));
    expect(raw[0]!.idx).toBe(0);
    expect(() => parseTasks('[{"idx":1,"task":"a","query":"q"},{"idx":1,"task":"a","query":"q"}]')).toThrow(/duplicate idx 1/);
    expect(() => parseTasks('[{"idx":1,"query":"q"}]')).toThrow(/no task name/);
    expect(selectTasks(official, ['knowledge_qa']).map((t) => t.idx)).toEqual([4]);
    expect(selectTasks(official, undefined, 1).map((t) => t.idx)).toEqual([3]);
    const many = parseTasks(JSON.stringify([1, 2, 3, 4, 5].map((i) => ({ idx: i, task: i % 2 ? 'a' : 'b', query: 'q' }))));
    expect(selectTasks(many, undefined, undefined, 1).map((t) => t.idx)).toEqual([1, 2]);
    expect(selectTasks(many, ['a'], 1, 2).map((t) => t.idx)).toEqual([1]);
  });
});

function fakeOutcome(prediction: string | null): EpisodeOutcome {
  return {
    prediction,
    endReason: prediction === null ? 'max_turns' : 'respond',
    turns: 2,
    usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15, calls: 2, cost: 0.001 },
    trajectory: [
      { role: 'user', content: 'question <b>' },
      { role: 'assistant', content: `<respond> ${prediction} </respond>` },
    ],
  };
}

describe('runner, results and report', () => {
  const tasks: TaskRecord[] = [1, 2, 3, 4].map((i) => ({
    idx: i,
    task: i % 2 ? 'handle_time' : 'knowledge_qa',
    query: `q${i}`,
    answer: i % 2 ? `005${i}` : '90 days',
    metadata: null,
    reward_metric: i % 2 ? 'exact_match' : 'fuzzy_match',
  }));
  const key = { agent: 'model', strategy: 'react', model: 'm', tasks_file: 't.json', max_turns: 20, eval_mode: 'aided' };

  it('scores every episode, summarises per task, and resumes from the partial journal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mf-eval-'));
    try {
      const out = join(dir, 'results.json');
      let calls = 0;
      const agent = async (t: TaskRecord) => {
        calls++;
        if (t.idx === 3 && calls <= 3) throw new Error('boom');
        return fakeOutcome(t.idx === 1 ? '0051' : t.idx === 2 ? 'within 90 days' : t.idx === 3 ? '0053' : 'nothing');
      };
      const first = await runEvaluation({ tasks, agent, key, concurrency: 2, out, progress: false });
      expect(first.results.map((r) => [r.idx, r.reward, r.end_reason])).toEqual([
        [1, 1, 'respond'],
        [2, expect.closeTo(0.8, 5), 'respond'],
        [3, 0, 'error'],
        [4, 0, 'respond'],
      ]);
      expect(first.results[2]!.error).toBe('boom');
      expect(first.summary.per_task.handle_time).toEqual({ episodes: 2, successes: 1, mean_reward: 0.5 });
      expect(first.summary.tokens.total).toBe(45);
      expect(first.summary.cost).toBeCloseTo(0.003);
      expect(existsSync(partialPath(out))).toBe(true);

      // Simulate an interruption: keep the journal minus the failed episode, then resume.
      const lines = readFileSync(partialPath(out), 'utf8').trim().split('\n');
      writeFileSync(partialPath(out), lines.filter((l) => !l.includes('"idx":3')).join('\n') + '\n{"idx": 9, "trunc');
      const before = calls;
      const resumed = await runEvaluation({ tasks, agent, key, concurrency: 2, out, progress: false });
      expect(calls - before).toBe(1); // only idx 3 ran again
      expect(resumed.results.map((r) => [r.idx, r.reward])).toEqual([
        [1, 1],
        [2, expect.closeTo(0.8, 5)],
        [3, 1],
        [4, 0],
      ]);
      await expect(runEvaluation({ tasks, agent, key: { ...key, model: 'other' }, concurrency: 1, out, progress: false })).rejects.toThrow(PartialResultsError);
      await expect(runEvaluation({ tasks, agent, key: { ...key, model: 'other' }, concurrency: 1, out, progress: false })).rejects.toThrow(/model: m vs other/);

      // A fatal model error (bad key, unknown model) stops the run; finished episodes stay journaled.
      const out2 = join(dir, 'fatal.json');
      const fatalAgent = async (t: TaskRecord) => {
        if (t.idx === 3) throw new ModelError('model call failed (HTTP 401)', 401, true);
        return fakeOutcome('0051');
      };
      await expect(runEvaluation({ tasks, agent: fatalAgent, key, concurrency: 1, out: out2, progress: false })).rejects.toThrow('HTTP 401');
      const journaled = readFileSync(partialPath(out2), 'utf8').trim().split('\n').slice(1).map((l) => (JSON.parse(l) as { idx: number }).idx);
      expect(journaled).toEqual([1, 2]);

      const html = renderHtmlReport(resumed);
      expect(html).toContain('<!doctype html>');
      expect(html).toContain('handle_time');
      expect(html).toContain('style="width:100.0%"');
      expect(html).toContain('question &lt;b&gt;');
      expect(html).not.toContain('<script');
      expect(summarize([]).mean_reward).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
