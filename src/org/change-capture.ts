/**
 * Change capture for an episode's own copy of its base: TEMP triggers on every sObject table record,
 * per record, whether the episode created it and, before the first update or delete, the row as the
 * base had it. The diff of an episode is then read from that log alone, without comparing the org
 * against its base and without keeping a second copy of anything the episode did not touch.
 * TEMP objects live in the connection, not in the database image, so a clone of the org carries none.
 */
import type Database from 'better-sqlite3';
import { getObject } from '../../schema/index.ts';
import { q } from './ddl.ts';
import { to18 } from './ids.ts';

const id18 = (id: string): string => (id.length === 15 ? to18(id) : id);
import type { SqlValue } from './values.ts';

const LOG = 'temp."_mf_changes"';
const before = (table: string): string => `temp.${q(`_mf_before_${table}`)}`;

/** Fields every write stamps: reported as changes they would drown the ones a grader looks for. */
const AUDIT = new Set(['LastModifiedDate', 'LastModifiedById', 'SystemModstamp']);

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

/** The sObject tables of `db` (tables schema/ knows with an Id column). */
function objectTables(db: Database.Database): string[] {
  const names = db.prepare(`SELECT name FROM main.sqlite_master WHERE type = 'table'`).pluck().all() as string[];
  return names.filter((n) => getObject(n) !== undefined);
}

export function installChangeCapture(db: Database.Database): void {
  const ddl = [`CREATE TEMP TABLE "_mf_changes" (obj TEXT NOT NULL, id TEXT NOT NULL, created INTEGER NOT NULL, PRIMARY KEY (obj, id)) WITHOUT ROWID;`];
  for (const t of objectTables(db)) {
    const lit = `'${t.replace(/'/g, "''")}'`;
    const trig = (kind: string) => q(`_mf_${kind}_${t}`);
    ddl.push(
      `CREATE TEMP TABLE ${q(`_mf_before_${t}`)} AS SELECT * FROM main.${q(t)} WHERE 0;`,
      `CREATE UNIQUE INDEX temp.${q(`_mf_before_${t}_id`)} ON ${q(`_mf_before_${t}`)} ("Id");`,
      `CREATE TEMP TRIGGER ${trig('ins')} AFTER INSERT ON main.${q(t)} BEGIN INSERT OR IGNORE INTO "_mf_changes" VALUES (${lit}, NEW."Id", 1); END;`,
      ...(['UPDATE', 'DELETE'] as const).map(
        (op) =>
          `CREATE TEMP TRIGGER ${trig(op.toLowerCase())} BEFORE ${op} ON main.${q(t)} BEGIN ` +
          `INSERT OR IGNORE INTO "_mf_changes" VALUES (${lit}, OLD."Id", 0); ` +
          // Only a record the episode did not create has a base version worth keeping.
          `INSERT OR IGNORE INTO ${q(`_mf_before_${t}`)} SELECT * FROM main.${q(t)} WHERE rowid = OLD.rowid AND NOT EXISTS (SELECT 1 FROM "_mf_changes" WHERE obj = ${lit} AND id = OLD."Id" AND created = 1); END;`,
      ),
    );
  }
  db.exec(ddl.join('\n'));
}

/** What the captured log says the episode changed: created, updated (field: before -> after), deleted. */
export function readChanges(db: Database.Database): EpisodeDiff {
  const out: EpisodeDiff = {};
  const entries = db.prepare(`SELECT obj, id, created FROM ${LOG} ORDER BY obj, id`).all() as { obj: string; id: string; created: number }[];
  const of = (obj: string): ObjectDiff => (out[obj] ??= { created: [], updated: {}, deleted: [] });
  for (const { obj, id, created } of entries) {
    const after = db.prepare(`SELECT * FROM main.${q(obj)} WHERE "Id" = ?`).get(id) as Record<string, SqlValue> | undefined;
    const live = after !== undefined && after.IsDeleted !== 1;
    if (created) {
      if (live) of(obj).created.push(id18(id));
      continue;
    }
    const was = db.prepare(`SELECT * FROM ${before(obj)} WHERE "Id" = ?`).get(id) as Record<string, SqlValue> | undefined;
    if (!was) continue;
    const wasLive = was.IsDeleted !== 1;
    if (wasLive && !live) {
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
