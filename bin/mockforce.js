#!/usr/bin/env node
// `npx mockforce <command>`: the compiled CLI (`npm run build` writes dist/; `npm pack` and
// `npm publish` build first). In a source checkout, `npm run mock-org` and friends run the
// TypeScript directly through tsx, with no build.
import { existsSync } from 'node:fs';

const main = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  console.error('mockforce: dist/ is missing; run `npm run build` first (or `npx tsx src/cli/main.ts <command>` in a source checkout)');
  process.exit(2);
}
await import(main.href);
