import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli/cli-error.ts';
import { run as runSeed } from '../../src/cli/seed-command.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'mockforce-seed-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const MAIN = join(process.cwd(), 'src', 'cli', 'main.ts');

async function seed(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, [MAIN, 'seed', ...args], { cwd: dir, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('mockforce seed', () => {
  it('generates an org file and its latent file, quietly when not on a terminal, and prints counts and time', async () => {
    const out = join(dir, 'small.db');
    const r = await seed('--seed', '5', '--scale', '0.05', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Generated .*small\.db \(seed 5, scale 0\.05\) in \d+\.\d\d s: \d+ rows/);
    expect(r.stdout).toMatch(/Case\s+49\n/);
    expect(existsSync(`${out}.latent.json`)).toBe(true);
    // Existing file: refused without --force, replaced with it.
    const again = await seed('--seed', '5', '--scale', '0.05', '--out', out);
    expect(again.code).toBe(2);
    expect(again.stderr.trim()).toBe(`mockforce: ${out} already exists (use --force to overwrite)`);
    expect((await seed('--seed', '5', '--scale', '0.05', '--out', out, '--force')).code).toBe(0);
  });

  it('rejects bad input with one line and exit code 2, writing nothing', async () => {
    const before = readdirSync(dir).sort();
    const results = await Promise.all([seed('--colour', 'red'), seed('--scale', '0'), seed('--out', join(dir, 'missing', 'x.db'))]);
    const expected = [/^mockforce: unknown flag '--colour'/, /^mockforce: --scale must be greater than 0, got '0'$/, /^mockforce: cannot write .*x\.db: directory .* does not exist$/];
    results.forEach((r, i) => {
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr.trim()).toMatch(expected[i]!);
      expect(r.stdout).toBe('');
    });
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('explains each bad flag value', async () => {
    writeFileSync(join(dir, 'not-a-dir'), 'x');
    const cases: [string[], RegExp][] = [
      [['--seed', 'abc'], /^--seed must be a non-negative integer, got 'abc'$/],
      [['--seed', '-3'], /^--seed must be a non-negative integer, got '-3'$/],
      [['--seed', '1.5'], /^--seed must be a non-negative integer, got '1.5'$/],
      [['--scale', 'lots'], /^--scale must be a number, got 'lots'$/],
      [['--scale', '-2'], /^--scale must be greater than 0, got '-2'$/],
      [['--scale', '5000'], /^--scale must be at most 100, got '5000'$/],
      [['--scale'], /^flag '--scale' needs a value$/],
      [['--now', 'tomorrow'], /^--now must be an ISO datetime, got 'tomorrow'$/],
      [['--now', '2019-05-01'], /^--now must be on or after 2020-06-29/],
      [['--out', join(dir, 'not-a-dir', 'x.db')], /^cannot write .*: .*not-a-dir is not a directory$/],
      [['--out', dir], /^--out .* is a directory$/],
      [['--out', ''], /^--out must not be empty$/],
      [['extra'], /^unexpected argument 'extra'$/],
    ];
    for (const [args, message] of cases) {
      const err = await runSeed(['--scale', '0.05', ...args]).then(() => undefined, (e: unknown) => e);
      expect(err, args.join(' ')).toBeInstanceOf(CliError);
      expect((err as Error).message, args.join(' ')).toMatch(message);
    }
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});
