/**
 * The mockforce command line: a thin dispatcher. Each command lives in its own module and is loaded
 * only when asked for, so `mockforce serve` never pays for the seed generator or the eval harness.
 */
import { CliError } from './cli-error.ts';

const COMMANDS: Record<string, () => Promise<{ run(argv: string[]): Promise<void> }>> = {
  serve: () => import('./serve-command.ts'),
  mcp: () => import('./mcp-command.ts'),
  seed: () => import('./seed-command.ts'),
  tasks: () => import('./tasks-command.ts'),
  eval: () => import('./eval-command.ts'),
  bench: () => import('./bench-command.ts'),
};

const USAGE = `usage: mockforce <${Object.keys(COMMANDS).join('|')}> [options]`;

async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    console.log(USAGE);
    return;
  }
  const load = COMMANDS[name];
  if (!load) throw new CliError(`unknown command '${name}'. ${USAGE}`);
  const command = await load();
  await command.run(rest);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  // Users get one line, never a stack trace, for anything they can fix themselves.
  if (err instanceof CliError) {
    console.error(`mockforce: ${err.message}`);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
