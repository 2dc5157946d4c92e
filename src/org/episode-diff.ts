/**
 * What a writing episode changed against its base, for state-based grading: per object, created /
 * updated (field: before -> after) / deleted record Ids. Each table an episode copies gets TEMP
 * triggers logging the Ids its statements write; the diff then compares only those rows of the copy
 * with the same rows of the snapshot the episode attached (src/org/episode-connection.ts), which
 * never changes, so "before" is always the base as the episode first saw it.
 *
 * Audit stamps are left out of `updated`, a record created and deleted in the episode does not appear, a soft
 * delete (IsDeleted = 1) counts as deleted. TEMP objects live in the connection only.
 */
import type Database from 'better-sqlite3';
import { getObject } from '../../schema/index.ts';
import { q } from './ddl.ts';
import { to18 } from './ids.ts';
import type { SqlValue } from './values.ts';

export interface FieldChange {
  before: SqlValue;
  after: SqlValue;
}

export interface ObjectDiff {
  created: string[];
  updated: Record<string, Record<string, FieldChange>>;
  deleted: string[];
}

/** Per object API name, what the episode changed against its base. Objects it did not touch are absent. */
export type EpisodeDiff = Record<string, ObjectDiff>;

/** The TEMP table of (object, Id) pairs the episode wrote. */
export const CHANGE_LOG = 'temp."_mf_changes"';

/** Fields every write stamps: reported as changes they would drown the ones a grader looks for. */
const AUDIT = new Set(['LastModifiedDate', 'LastModifiedById', 'SystemModstamp']);

const id18 = (id: string): string => (id.length === 15 ? to18(id) : id);

/** Log every Id written to main.`table` (an sObject table the episode just copied). */
export function logChanges(db: Database.Database, table: string): void {
  if (!getObject(table)) return;
  const lit = `'${table.replace(/'/g, "''")}'`;
  const trig = (kind: string) => `temp.${q(`_mf_${kind}_${table}`)}`;
  const log = (row: 'NEW' | 'OLD') => `INSERT OR IGNORE INTO ${CHANGE_LOG} VALUES (${lit}, ${row}."Id");`;
  db.prepare(`CREATE TRIGGER ${trig('ins')} AFTER INSERT ON main.${q(table)} BEGIN ${log('NEW')} END`).run();
  db.prepare(`CREATE TRIGGER ${trig('upd')} AFTER UPDATE ON main.${q(table)} BEGIN ${log('OLD')} ${log('NEW')} END`).run();
  db.prepare(`CREATE TRIGGER ${trig('del')} AFTER DELETE ON main.${q(table)} BEGIN ${log('OLD')} END`).run();
}

/** The diff of the episode on `db`, whose snapshot is attached as `baseSchema`. */
export function readChanges(db: Database.Database, baseSchema: string): EpisodeDiff {
  const out: EpisodeDiff = {};
  const entries = db.prepare(`SELECT obj, id FROM ${CHANGE_LOG} ORDER BY obj, id`).all() as { obj: string; id: string }[];
  const of = (obj: string): ObjectDiff => (out[obj] ??= { created: [], updated: {}, deleted: [] });
  for (const { obj, id } of entries) {
    const after = db.prepare(`SELECT * FROM main.${q(obj)} WHERE "Id" = ?`).get(id) as Record<string, SqlValue> | undefined;
    const was = db.prepare(`SELECT * FROM ${baseSchema}.${q(obj)} WHERE "Id" = ?`).get(id) as Record<string, SqlValue> | undefined;
    const live = after !== undefined && after.IsDeleted !== 1;
    if (!was) {
      if (live) of(obj).created.push(id18(id));
      continue;
    }
    if (was.IsDeleted !== 1 && !live) {
      of(obj).deleted.push(id18(id));
      continue;
    }
    if (!after) continue;
    const fields: Record<string, FieldChange> = {};
    for (const [k, v] of Object.entries(after)) {
      if (AUDIT.has(k) || v === was[k]) continue;
      fields[k] = { before: was[k] ?? null, after: v };
    }
    if (Object.keys(fields).length) of(obj).updated[id18(id)] = fields;
  }
  for (const [k, d] of Object.entries(out)) {
    if (!d.created.length && !d.deleted.length && !Object.keys(d.updated).length) delete out[k];
  }
  return out;
}
