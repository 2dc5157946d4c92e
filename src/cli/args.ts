/**
 * A tiny, strict flag parser shared by every command: `--name value` or `--name=value`, booleans
 * as bare `--flag`. Unknown flags are errors, so a typo never silently runs with defaults.
 */
import { CliError } from './cli-error.ts';

/** `strings`: a repeatable string flag (`--metadata a --metadata b`), collected in order. */
export type FlagSpec = Record<string, 'string' | 'strings' | 'int' | 'number' | 'boolean'>;
export type Flags<S extends FlagSpec> = {
  [K in keyof S]?: S[K] extends 'boolean' ? boolean : S[K] extends 'string' ? string : S[K] extends 'strings' ? string[] : number;
};

export function parseFlags<S extends FlagSpec>(argv: string[], spec: S): Flags<S> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new CliError(`unexpected argument '${arg}'`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const kind = spec[name];
    if (!kind) throw new CliError(`unknown flag '--${name}' (known: ${Object.keys(spec).map((k) => '--' + k).join(', ')})`);
    if (kind === 'boolean') {
      out[name] = eq < 0 ? true : arg.slice(eq + 1) !== 'false';
      continue;
    }
    const raw = eq < 0 ? argv[++i] : arg.slice(eq + 1);
    if (raw === undefined) throw new CliError(`flag '--${name}' needs a value`);
    if (kind === 'string') out[name] = raw;
    else if (kind === 'strings') out[name] = [...((out[name] as string[] | undefined) ?? []), raw];
    else {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n) || (kind === 'int' && !Number.isInteger(n))) {
        throw new CliError(`flag '--${name}' must be ${kind === 'int' ? 'an integer' : 'a number'}, got '${raw}'`);
      }
      out[name] = n;
    }
  }
  return out as Flags<S>;
}
