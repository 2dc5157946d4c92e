/** `mockforce tasks`: writes a task file from an org file, same bytes for the same seed, one-line errors. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CliError } from '../../src/cli/cli-error.ts';
import { run } from '../../src/cli/tasks-command.ts';
import { parseTasks } from '../../src/tasks/task-file.ts';
import { getSeededOrgPath } from '../support/seeded-org.ts';

const dir = mkdtempSync(join(tmpdir(), 'mf-tasks-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
vi.spyOn(console, 'log').mockImplementation(() => {});
vi.spyOn(console, 'error').mockImplementation(() => {});

const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

describe('mockforce tasks', () => {
  it('generates every task from --db with its latent file, deterministically', async () => {
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    await run(['--db', getSeededOrgPath(), '--out', a, '--per-task', '4', '--seed', '3']);
    await run(['--db', getSeededOrgPath(), '--out', b, '--per-task=4', '--seed=3']);
    const records = parseTasks(readFileSync(a, 'utf8'));
    expect(records).toHaveLength(36);
    expect(new Set(records.map((r) => r.task)).size).toBe(9);
    expect(sha(a)).toBe(sha(b));
  });

  it('--verify checks every answer with the oracle over HTTP', async () => {
    const out = join(dir, 'verified.json');
    const log = vi.spyOn(console, 'log');
    await run(['--db', getSeededOrgPath(), '--out', out, '--per-task', '3', '--verify']);
    expect(log.mock.calls.map((c) => String(c[0])).some((l) => l.startsWith('oracle over HTTP: 100.0%'))).toBe(true);
  });

  it('generates only the tasks asked for', async () => {
    const out = join(dir, 'some.json');
    await run(['--db', getSeededOrgPath(), '--out', out, '--per-task', '3', '--task', 'best_region_identification,top_issue_identification']);
    expect(parseTasks(readFileSync(out, 'utf8')).map((r) => r.task)).toEqual([...Array(3).fill('best_region_identification'), ...Array(3).fill('top_issue_identification')]);
  });

  it.each([
    [['--db', 'x.db'], /--out FILE is required/],
    [['--out', 'x.json', '--task', 'nope'], /unknown task 'nope'/],
    [['--out', 'x.json', '--per-task', '0'], /between 1 and 10000/],
    [['--out', 'x.json', '--per-task', 'ten'], /must be an integer/],
    [['--out', 'x.json', '--bogus'], /unknown flag '--bogus'/],
    [['--out', 'x.json', '--db', '/nonexistent/org.db'], /no org file/],
    [['--out', 'x.json', '--db', 'x.db', '--org-seed', '3'], /cannot be combined/],
  ])('rejects %j with a one-line error', async (argv, message) => {
    await expect(run(argv as string[])).rejects.toThrow(CliError);
    await expect(run(argv as string[])).rejects.toThrow(message);
  });

  it('refuses tasks that need a latent file the org does not have', async () => {
    await expect(run(['--db', getSeededOrgPath(), '--out', join(dir, 'x.json'), '--latent', join(dir, 'missing.json')])).rejects.toThrow(/no latent file/);
  });
});
