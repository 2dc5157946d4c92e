/**
 * The base orgs startOrg serves copies of, kept in memory for the life of the process so a second
 * startOrg with the same inputs clones an org (~30 ms at scale 1) instead of generating one (~1 s).
 * A base is never written: the registry serves an in-memory clone of it and episodes clone it again.
 *
 * Without a data directory the org is generated straight into memory (no file anywhere). With one,
 * it is the generated org file `mockforce serve --data-dir` uses (generated there on first use) and
 * is read into memory, so serving it never writes to the file or leaves journal files beside it.
 */
import Database from 'better-sqlite3';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { GENERATOR_VERSION } from '../../seed/latent.ts';
import { ensureGeneratedOrg, generatedOrgFile } from '../cli/generated-org.ts';
import { syncOrgSchema, type LoadedMetadata } from '../metadata/index.ts';
import { Org } from '../org/index.ts';
import type { ProOrgKind } from '../org/org-kind.ts';

export interface BaseOrgKey {
  seed: number;
  scale: number;
  /** CRMArena-Pro's b2b / b2c org; absent for the original. */
  org?: ProOrgKind;
  /** ISO datetime of the org clock, when not the generator's default. */
  now?: string;
  dataDir?: string;
}

const cache = new Map<string, Promise<Org>>();

/**
 * The base org of these inputs with the user's metadata applied: a copy of the plain base whose
 * tables were brought in line with the merged schema (syncOrgSchema), cached under the metadata's
 * hash as well.
 */
export function baseOrgWithMetadata(key: BaseOrgKey, metadata: LoadedMetadata): Promise<Org> {
  const id = `md|${metadata.hash}|${JSON.stringify(key)}`;
  let org = cache.get(id);
  if (!org) {
    org = baseOrg(key).then((plain) => {
      const copy = plain.clone();
      syncOrgSchema(copy, metadata);
      return copy;
    });
    cache.set(id, org);
    org.catch(() => cache.delete(id));
  }
  return org;
}

/** The base org for these inputs: from the process cache, else loaded or generated (then cached). */
export function baseOrg(key: BaseOrgKey): Promise<Org> {
  // The data directory's file can change between calls (another process generates or serves it):
  // key it by its identity; an in-memory generation is fixed by its inputs and generator version.
  const id = key.dataDir !== undefined ? fileKey({ ...key, dataDir: key.dataDir }) : `gen|${key.org ?? 'original'}|${key.seed}|${key.scale}|${key.now ?? ''}|${GENERATOR_VERSION}`;
  let org = cache.get(id);
  if (!org) {
    org = key.dataDir !== undefined ? loadFromDataDir(key, key.dataDir) : generateInMemory(key);
    cache.set(id, org);
    // A failed load is not cached: the next call tries again (and reports the error again).
    org.catch(() => cache.delete(id));
  }
  return org;
}

function fileKey(key: BaseOrgKey & { dataDir: string }): string {
  const file = generatedOrgFile({ dataDir: key.dataDir, seed: key.seed, scale: key.scale, ...(key.org ? { org: key.org } : {}), ...(key.now ? { now: key.now } : {}) });
  const st = existsSync(file) ? statSync(file) : undefined;
  return `file|${file}|${st ? `${st.size}|${st.mtimeMs}` : 'new'}|${key.now ?? ''}`;
}

async function generateInMemory(key: BaseOrgKey): Promise<Org> {
  // Loaded only when an org must be generated: serving a cached base never pays for the generator.
  const { generateOrg } = await import('../../seed/index.ts');
  return generateOrg({ seed: key.seed, scale: key.scale, out: ':memory:', ...(key.org ? { org: key.org } : {}), ...(key.now ? { now: key.now } : {}) });
}

async function loadFromDataDir(key: BaseOrgKey, dataDir: string): Promise<Org> {
  const file = await ensureGeneratedOrg({ dataDir, seed: key.seed, scale: key.scale, ...(key.org ? { org: key.org } : {}), ...(key.now ? { now: key.now } : {}), log: () => {} });
  return Org.fromDatabase(new Database(readImage(file)), ':memory:', key.now);
}

/**
 * The database image of `file`. A file with a live WAL beside it (a `serve` process on the same data
 * directory) is read through SQLite so the WAL's pages are included; otherwise the file's bytes
 * are the database, and reading them opens nothing (a read-only SQLite open of a WAL-mode file
 * creates -wal and -shm files next to it).
 */
function readImage(file: string): Buffer {
  let image: Buffer;
  if (existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0) {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      image = db.serialize();
    } finally {
      db.close();
    }
  } else {
    image = readFileSync(file);
  }
  // A WAL-mode header (bytes 18-19 = 2) cannot be opened in memory: mark it rollback-journal, as
  // Org.clone does.
  if (image[18] === 2 && image[19] === 2) {
    image[18] = 1;
    image[19] = 1;
  }
  return image;
}
