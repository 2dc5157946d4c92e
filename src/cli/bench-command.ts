/**
 * `mockforce bench [name...]`: runs every `bench/*.bench.ts` (each exports `run()`), or only those
 * whose file name contains one of the given names (`mockforce bench http soql`).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CliError } from './cli-error.ts';

const BENCH_DIR = resolve(import.meta.dirname, '..', '..', 'bench');

export async function run(argv: string[]): Promise<void> {
  const names = argv.filter((a) => !a.startsWith('--'));
  if (names.length !== argv.length) throw new CliError(`usage: mockforce bench [name...]`);
  // The npm package ships the compiled server and CLI only; the benchmarks stay in the repository.
  if (!existsSync(BENCH_DIR)) throw new CliError('the benchmarks are not part of the npm package: run `npm run bench` in a clone of the repository');
  const files = readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => names.length === 0 || names.some((n) => f.includes(n)))
    .sort();
  if (files.length === 0) throw new CliError(`no benchmark matches ${names.join(', ') || 'bench/*.bench.ts'}`);
  for (const f of files) {
    console.log(`\n== ${f}`);
    const mod = (await import(pathToFileURL(join(BENCH_DIR, f)).href)) as { run?: () => Promise<void> | void };
    if (typeof mod.run !== 'function') throw new CliError(`${f} does not export run()`);
    await mod.run();
  }
}
