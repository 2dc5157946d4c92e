/**
 * A CRMArena-Pro task file names its org (`org` on its records): `mockforce eval` with no --db
 * generates (once) and serves the org of that kind, here b2b and b2c at scale 0.2. The oracle agent answers the confidentiality tasks by refusing, which needs no model.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as evalCommand } from '../../src/cli/eval-command.ts';
import { generatedOrgFile } from '../../src/cli/generated-org.ts';
import type { ResultsFile } from '../../src/eval/results.ts';
import { openAnyOrg } from '../../src/org/open.ts';
import { orgKindOf } from '../../src/org/org-kind.ts';

const ROOT = resolve(import.meta.dirname, '../..');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mf-pro-generated-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('eval picks the generated org of the task file', () => {
  it.each(['b2b', 'b2c'] as const)('%s: generated into the data directory, served, and recorded in the run', async (kind) => {
    const recs = (JSON.parse(readFileSync(join(ROOT, 'fixtures/cassettes/pro-b2b-tasks.json'), 'utf8')) as Record<string, unknown>[])
      .filter((r) => String(r.reward_metric) === 'privacy_rejection')
      .map((r) => ({ ...r, org: kind }));
    const tasks = join(dir, `${kind}-tasks.json`);
    writeFileSync(tasks, JSON.stringify(recs));
    const dataDir = join(dir, 'data');
    const out = join(dir, `${kind}.json`);
    await evalCommand(['--tasks', tasks, '--agent', 'oracle', '--data-dir', dataDir, '--seed', '7', '--scale', '0.2', '--out', out, '--quiet', '--fresh']);
    const file = generatedOrgFile({ dataDir, seed: 7, scale: 0.2, org: kind });
    expect(file).toContain(`org-${kind}-seed7-scale0.2-`);
    expect(existsSync(file)).toBe(true);
    const org = openAnyOrg(file);
    try {
      expect(orgKindOf(org)).toBe(kind);
    } finally {
      org.close();
    }
    const res = JSON.parse(readFileSync(out, 'utf8')) as ResultsFile;
    expect(res.run.org).toBe(kind);
    expect(res.results.map((r) => r.reward)).toEqual([1, 1]);
    expect(res.summary.per_skill).toEqual({ privacy: { episodes: 2, mean_reward: 1 } });
  });

  it('generated one org file per kind, none for the original org', () => {
    const orgs = readdirSync(join(dir, 'data')).filter((f) => f.endsWith('.db'));
    expect(orgs.map((f) => f.replace(/-scale.*$/, '')).sort()).toEqual(['org-b2b-seed7', 'org-b2c-seed7']);
  });
});
