import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateOrg, generateOrgWithLatents } from '../../seed/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'mockforce-seed-det-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function generate(name: string, seed: number, scale = 0.1): string {
  const out = join(dir, name);
  generateOrg({ seed, scale, out }).close();
  return out;
}

describe('seed determinism', () => {
  it('gives a byte-identical database and latent file for the same seed, scale and version', () => {
    const a = generate('a.db', 7);
    const b = generate('b.db', 7);
    expect(sha(a)).toBe(sha(b));
    expect(sha(`${a}.latent.json`)).toBe(sha(`${b}.latent.json`));
    // Only the finished files remain: no temp files, no WAL left behind.
    expect(readdirSync(dir).sort()).toEqual(['a.db', 'a.db.latent.json', 'b.db', 'b.db.latent.json']);
  });

  it('gives different data for different seeds', () => {
    const a = generateOrgWithLatents({ seed: 1, scale: 0.1, out: ':memory:' });
    const b = generateOrgWithLatents({ seed: 2, scale: 0.1, out: ':memory:' });
    const names = (org: typeof a.org) => org.db.prepare('SELECT Name FROM Account ORDER BY Id').all();
    expect(names(a.org)).not.toEqual(names(b.org));
    expect(a.latents.agents.map((x) => x.skillByIssue)).not.toEqual(b.latents.agents.map((x) => x.skillByIssue));
    a.org.close();
    b.org.close();
  });

  it('builds the same org in memory as on disk, and overwrites an existing file cleanly', () => {
    const mem = generateOrgWithLatents({ seed: 7, scale: 0.1, out: ':memory:' });
    const file = generate('c.db', 7);
    const disk = generateOrg({ seed: 7, scale: 0.1, out: file }); // overwrite in place
    for (const t of ['Case', 'EmailMessage', 'CaseHistory__c']) {
      expect(disk.db.prepare(`SELECT * FROM "${t}" ORDER BY Id`).all()).toEqual(mem.org.db.prepare(`SELECT * FROM "${t}" ORDER BY Id`).all());
    }
    disk.close();
    mem.org.close();
    expect(existsSync(`${file}.latent.json`)).toBe(true);
  });

  it('scales the volume objects roughly linearly', () => {
    const count = (scale: number) => {
      const { org } = generateOrgWithLatents({ seed: 3, scale, out: ':memory:' });
      const n = (t: string) => (org.db.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n;
      const out = { accounts: n('Account'), cases: n('Case'), orders: n('Order'), emails: n('EmailMessage') };
      org.close();
      return out;
    };
    const small = count(0.1);
    const big = count(0.3);
    expect(small.accounts).toBe(20);
    expect(big.accounts).toBe(60);
    expect(small.cases).toBe(98);
    expect(big.cases).toBe(294);
    expect(big.orders).toBe(3 * small.orders);
    expect(big.emails / small.emails).toBeGreaterThan(2.2);
    expect(big.emails / small.emails).toBeLessThan(4);
  });

  it('rejects invalid options', () => {
    expect(() => generateOrg({ seed: 1, scale: 0, out: ':memory:' })).toThrow(/scale/);
    expect(() => generateOrg({ seed: 1, scale: Number.NaN, out: ':memory:' })).toThrow(/scale/);
    expect(() => generateOrg({ seed: -1, scale: 1, out: ':memory:' })).toThrow(/seed/);
    expect(() => generateOrg({ seed: 1, scale: 1, now: 'yesterday', out: ':memory:' })).toThrow(/now/);
  });
});

describe('seed output is pinned per generator version', () => {
  it('matches the recorded digest of the seed-42, scale-0.05 org and latents', async () => {
    const { createHash: hash } = await import('node:crypto');
    const { OBJECTS } = await import('../../schema/index.ts');
    const { GENERATOR_VERSION } = await import('../../seed/latent.ts');
    const { org, latents } = generateOrgWithLatents({ seed: 42, scale: 0.05, out: ':memory:' });
    const h = hash('sha256');
    for (const o of OBJECTS) {
      // Null columns are left out, so adding a nullable field to schema/ does not change the digest.
      for (const r of org.db.prepare(`SELECT * FROM "${o.name}" ORDER BY Id`).all() as Record<string, unknown>[]) {
        h.update(JSON.stringify(Object.entries(r).filter(([, v]) => v !== null)));
      }
    }
    h.update(JSON.stringify(latents));
    org.close();
    // If you changed what the generator produces on purpose, bump GENERATOR_VERSION (seed/latent.ts)
    // and record the new digest here: the same version must always produce the same org. (Version 4
    // added a nullable column only; the digest moved because the latent file records the version.)
    expect({ version: GENERATOR_VERSION, digest: h.digest('hex') }).toEqual({ version: 'mockforce-seed/5', digest: '452f36dc75cca4cd807d5a397b80368398b0493cb201cf754d178b65a1a915e9' });
  });
});
