import { CliError } from './cli-error.ts';

export async function run(_argv: string[]): Promise<void> {
  throw new CliError("'serve' is not available yet");
}
