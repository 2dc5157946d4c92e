/**
 * Open any org file a user may hand us: a mockforce org, or CRMArena's official snapshot (imported
 * into memory, leaving the file untouched).
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { importCrmArenaSnapshot, isCrmArenaSnapshot } from './crmarena-snapshot.ts';
import { META_TABLE } from './ddl.ts';
import { Org, type OrgOptions } from './org.ts';

export function openAnyOrg(file: string, opts: OrgOptions = {}): Org {
  if (!existsSync(file)) throw new Error(`no org file at ${file}`);
  const probe = new Database(file, { readonly: true, fileMustExist: true });
  let snapshot: boolean;
  let mockforce: boolean;
  try {
    snapshot = isCrmArenaSnapshot(probe);
    mockforce = probe.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(META_TABLE) !== undefined;
  } catch {
    throw new Error(`${file} is not a SQLite database`);
  } finally {
    probe.close();
  }
  if (!snapshot && !mockforce) throw new Error(`${file} is neither a mockforce org nor a CRMArena snapshot`);
  return snapshot ? importCrmArenaSnapshot(file, { now: opts.now }) : Org.open(file, opts);
}
