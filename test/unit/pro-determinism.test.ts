/**
 * CRMArena-Pro's orgs are pinned per generator version, as the original org is
 * (test/unit/seed-determinism.test.ts): the seed-42, scale-0.1 B2B and B2C orgs and their latent files
 * hash to recorded digests. A change to what a Pro stage writes must bump GENERATOR_VERSION
 * (seed/latent.ts) and record the new digests here.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { OBJECTS } from '../../schema/index.ts';
import { generateOrgWithLatents } from '../../seed/index.ts';
import { GENERATOR_VERSION } from '../../seed/latent.ts';

function digest(kind: 'b2b' | 'b2c'): string {
  const { org, latents } = generateOrgWithLatents({ seed: 42, scale: 0.1, out: ':memory:', org: kind });
  const h = createHash('sha256');
  // OBJECTS after the Pro profile is applied (generateOrgWithLatents applies it), VoiceCallTranscript__c included.
  for (const o of OBJECTS) {
    // Null columns are left out, so adding a nullable field to schema/ does not change the digest.
    for (const r of org.db.prepare(`SELECT * FROM "${o.name}" ORDER BY Id`).all() as Record<string, unknown>[]) {
      h.update(JSON.stringify(Object.entries(r).filter(([, v]) => v !== null)));
    }
  }
  h.update(JSON.stringify(latents));
  org.close();
  return h.digest('hex');
}

describe('Pro orgs are pinned per generator version', () => {
  it('b2b and b2c at seed 42, scale 0.1', () => {
    expect({ version: GENERATOR_VERSION, b2b: digest('b2b'), b2c: digest('b2c') }).toEqual({
      version: 'mockforce-seed/5',
      b2b: 'd04a2bf4290788ad5f36c1e74d9b35cc36864a9de49ecbb05832b523412d8b6e',
      b2c: '06dd3034ac6b633a626e598d2c4d471cb53135cc67500100ddf7a77ea4392539',
    });
  }, 120_000);
});
