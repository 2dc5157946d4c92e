/**
 * The seeded org for tests: seed 42, scale 1, generated once per run by test/global-setup.ts.
 * Open it read-only, or clone it into memory to write:
 *   const org = openSeededOrg();            // read-only Org on the shared file
 *   const mine = cloneSeededOrg();          // private in-memory copy
 */
import { existsSync, readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { Org } from '../../src/org/index.ts';
import type { LatentFile } from '../../seed/latent.ts';

export function getSeededOrgPath(): string {
  const path = inject('seededOrgPath');
  if (!path || !existsSync(path)) throw new Error('seeded org missing: is test/global-setup.ts configured as globalSetup in vitest.config.ts?');
  return path;
}

/** The seeded org opened read-only (never write to the shared file; clone() to get a writable copy). */
export function openSeededOrg(): Org {
  return Org.open(getSeededOrgPath(), { readonly: true });
}

/** A private, writable in-memory copy of the seeded org: write freely, nothing reaches other tests. */
export function cloneSeededOrg(): Org {
  const shared = openSeededOrg();
  try {
    return shared.clone();
  } finally {
    shared.close();
  }
}

/** The latent variables of the seeded org (`<path>.latent.json`). */
export function seededLatents(): LatentFile {
  return JSON.parse(readFileSync(`${getSeededOrgPath()}.latent.json`, 'utf8')) as LatentFile;
}
