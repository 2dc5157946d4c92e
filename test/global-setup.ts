/**
 * Vitest global setup: generate the default org (seed 42, scale 1) once per test run into a temp
 * directory and hand its path to every test file (`getSeededOrgPath()` in test/support/seeded-org.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { generateOrg } from '../seed/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    seededOrgPath: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'mockforce-test-'));
  const path = join(dir, 'seed42-scale1.db');
  generateOrg({ seed: 42, scale: 1, out: path }).close();
  project.provide('seededOrgPath', path);
  return () => rmSync(dir, { recursive: true, force: true });
}
