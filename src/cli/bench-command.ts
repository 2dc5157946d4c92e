import { CliError } from './cli-error.ts';

export async function run(_argv: string[]): Promise<void> {
  throw new CliError("'bench' is not available yet");
}
