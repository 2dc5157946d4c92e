/** Task files: our format round-trips, CRMArena's official formats load, and the metadata is verbatim. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOMAIN_DETAILS } from '../../src/tasks/domain-text.ts';
import { parseTasks, serializeTasks, TaskFileError } from '../../src/tasks/task-file.ts';

const fixture = (f: string) => readFileSync(new URL(`../../fixtures/tasks/${f}`, import.meta.url), 'utf8');

describe('official CRMArena task files', () => {
  const natural = JSON.parse(fixture('crmarena-natural-sample.json')) as Record<string, unknown>[];
  const fromRaw = parseTasks(fixture('crmarena-raw-sample.jsonl'), 'raw');
  const loaded = parseTasks(fixture('crmarena-natural-sample.json'), 'natural');

  it('loads tasks_natural.json (key "type", renamed task names kept as the benchmark names them)', () => {
    expect(loaded).toHaveLength(18);
    expect(new Set(loaded.map((r) => r.task)).size).toBe(9);
    expect(loaded.find((r) => r.task === 'knowledge_qa')!.reward_metric).toBe('fuzzy_match');
    expect(loaded.filter((r) => r.answer === null).length).toBeGreaterThan(0);
  });

  it("rewrites raw query lines exactly as CRMArena's create_tasks.py did (metadata and suffixes verbatim)", () => {
    for (const want of natural) {
      const got = fromRaw.find((r) => r.task === want.type && r.answer === want.answer && r.metadata.required === (want.metadata as { required: string }).required && r.query === want.query);
      expect(got, `no rewrite matches ${String(want.type)}: ${String(want.query).slice(0, 60)}`).toBeDefined();
      expect(got!.metadata.optional).toBe((want.metadata as { optional: string }).optional);
      expect(got!.reward_metric).toBe(want.reward_metric);
    }
    expect(fromRaw[0]!.metadata.optional).toBe(DOMAIN_DETAILS);
  });

  it('accepts HF-style records: key "task", answer as a one-element list', () => {
    const [r] = parseTasks(JSON.stringify([{ idx: 7, task: 'handle_time', answer: ['005x'], metadata: { required: 'r', optional: 'o' }, reward_metric: 'exact_match', query: 'q' }]));
    expect(r).toEqual({ idx: 7, answer: '005x', task: 'handle_time', metadata: { required: 'r', optional: 'o' }, reward_metric: 'exact_match', query: 'q' });
    const [n] = parseTasks(JSON.stringify([{ task: 'transfer_time', answer: [null], metadata: { required: 'r' }, query: 'q' }]));
    expect(n!.task).toBe('transfer_count');
    expect(n!.answer).toBeNull();
  });

  it('rejects malformed files with a clear error', () => {
    expect(() => parseTasks('[{"task":"nope","query":"q","metadata":{"required":""}}]')).toThrow(TaskFileError);
    expect(() => parseTasks('[{"task":"handle_time","metadata":{"required":""}}]')).toThrow(/query must be a string/);
    expect(() => parseTasks('{not json')).toThrow(TaskFileError);
    expect(() => parseTasks('[{"task":"handle_time","query":"q","answer":["a","b"],"metadata":{"required":""}}]')).toThrow(/single answers/);
  });

  it('serializes deterministically and round-trips', () => {
    const text = serializeTasks(loaded);
    expect(parseTasks(text)).toEqual(loaded);
    expect(serializeTasks(parseTasks(text))).toBe(text);
  });
});
