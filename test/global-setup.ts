/**
 * Vitest global setup: provide the default org (seed 42, scale 1) to every test file of the run
 * (`getSeededOrgPath()` in test/support/seeded-org.ts). Each run gets its own copy in a temp
 * directory, so a test that writes to it cannot leak into the next run. The generated file is cached
 * under node_modules/.cache, keyed by the content of everything that shapes it (seed/, schema/,
 * src/org/ and the SQLite build), so repeated runs skip the generation.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { TestProject } from 'vitest/node';
import { generateOrg } from '../seed/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    seededOrgPath: string;
  }
}

const ROOT = join(import.meta.dirname, '..');

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? files(p) : [p];
    });
}

function cacheKey(): string {
  const h = createHash('sha256');
  for (const dir of ['seed', 'schema', join('src', 'org')]) {
    for (const f of files(join(ROOT, dir))) h.update(relative(ROOT, f)).update(readFileSync(f));
  }
  const sqlite = createRequire(import.meta.url)('better-sqlite3/package.json') as { version: string };
  h.update(`better-sqlite3@${sqlite.version}`);
  return h.digest('hex').slice(0, 16);
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'mockforce-test-'));
  const path = join(dir, 'seed42-scale1.db');
  const cacheDir = join(ROOT, 'node_modules', '.cache', 'mockforce');
  const cached = join(cacheDir, `seed42-scale1-${cacheKey()}.db`);
  if (existsSync(cached) && existsSync(`${cached}.latent.json`)) {
    copyFileSync(cached, path);
    copyFileSync(`${cached}.latent.json`, `${path}.latent.json`);
  } else {
    generateOrg({ seed: 42, scale: 1, out: path }).close();
    try {
      mkdirSync(cacheDir, { recursive: true });
      // Older generations are stale: keep only the current one.
      for (const f of readdirSync(cacheDir)) if (f.startsWith('seed42-scale1-')) rmSync(join(cacheDir, f), { force: true });
      // Copy then rename, so a concurrent run never sees half a file.
      for (const [from, to] of [[`${path}.latent.json`, `${cached}.latent.json`], [path, cached]] as const) {
        copyFileSync(from, `${to}.tmp-${process.pid}`);
        renameSync(`${to}.tmp-${process.pid}`, to);
      }
    } catch {
      // The cache is an optimisation only.
    }
  }
  project.provide('seededOrgPath', path);
  return () => rmSync(dir, { recursive: true, force: true });
}
