/**
 * `mockforce eval --agent oracle` goes through the same runner as the models: here over the official
 * CRMArena snapshot fixture and the official sample questions (whose gold answers belong to the real
 * benchmark org, so only the wiring and the shape of the results are checked, not the score).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run as evalCommand } from '../../src/cli/eval-command.ts';
import type { ResultsFile } from '../../src/eval/results.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'mf-eval-oracle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('eval --agent oracle', () => {
  it('answers every task through the REST API of an in-process server and writes results + report', async () => {
    const out = join(dir, 'oracle.json');
    await evalCommand([
      '--agent', 'oracle',
      '--tasks', join(ROOT, 'fixtures/tasks/crmarena-natural-sample.json'),
      '--db', join(ROOT, 'fixtures/crmarena-snapshot/crmarena_data.db'),
      '--out', out,
      '--quiet',
    ]);
    const res = JSON.parse(readFileSync(out, 'utf8')) as ResultsFile;
    expect(res.run).toMatchObject({ agent: 'oracle', strategy: null, model: null });
    expect(res.results).toHaveLength(18);
    // An oracle that throws (e.g. case routing cannot place a product of the real benchmark org in this
    // small snapshot) scores 0 with its message kept, like a crashing episode in run_tasks.py.
    for (const r of res.results) {
      if (r.end_reason === 'respond') expect(typeof r.prediction).toBe('string');
      else expect(r).toMatchObject({ end_reason: 'error', reward: 0, error: expect.any(String) });
    }
    expect(res.results.filter((r) => r.end_reason === 'respond').length).toBeGreaterThan(9);
    expect(Object.keys(res.summary.per_task).sort()).toHaveLength(9);
    expect(readFileSync(join(dir, 'oracle.html'), 'utf8')).toContain('mockforce evaluation: oracle');
  });

  it('needs no model endpoint, and a model run needs one', async () => {
    const saved = { key: process.env.OPENAI_API_KEY, url: process.env.OPENAI_BASE_URL };
    delete process.env.OPENAI_API_KEY;
    delete process.env.OPENAI_BASE_URL;
    try {
      await expect(evalCommand(['--tasks', join(ROOT, 'fixtures/cassettes/tiny-org-tasks.json'), '--model', 'gpt-4o', '--out', join(dir, 'x.json')])).rejects.toThrow(
        /no model endpoint configured: set OPENAI_API_KEY/,
      );
    } finally {
      if (saved.key !== undefined) process.env.OPENAI_API_KEY = saved.key;
      if (saved.url !== undefined) process.env.OPENAI_BASE_URL = saved.url;
    }
  });
});
