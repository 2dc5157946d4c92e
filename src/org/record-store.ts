/**
 * The record store: raw reads and writes of rows, with the fields the org itself owns (Id, audit
 * fields, autonumbers, compound names, Case.IsClosed/ClosedDate, OrderItem.TotalPrice) filled in.
 * Client-facing validation (required fields, types, picklists) happens before this, in validate-write.
 * Statements are prepared once per (object, column set) and reused.
 */
import type Database from 'better-sqlite3';
import { getObject, onSchemaChange } from '../../schema/index.ts';
import type { FieldDef, ObjectDef } from '../../schema/types.ts';
import type { Clock } from './clock.ts';
import { q } from './ddl.ts';
import { fromBase62, makeId, MOCK_POD } from './ids.ts';
import { applyStandardDerived } from './standard-derived.ts';
import type { SqlValue } from './values.ts';

export type Row = Record<string, SqlValue>;

export class RecordStore {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly idCounters = new Map<string, number>();
  private readonly autoCounters = new Map<string, number>();

  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock,
    /** The user writes are attributed to when no other is given. */
    public defaultUserId: string,
  ) {}

  /** A prepared statement, built once per SQL text. */
  prepare(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  /** The next Id for `obj`: one past the highest Id this org minted (text order is number order). */
  nextId(obj: ObjectDef): string {
    let n = this.idCounters.get(obj.name);
    if (n === undefined) {
      const prefix = obj.keyPrefix + MOCK_POD;
      const row = this.prepare(`SELECT MAX(substr("Id", 1, 15)) AS m FROM ${q(obj.name)} WHERE "Id" >= ? AND "Id" < ?`).get(
        prefix,
        prefix + '\uffff',
      ) as { m: string | null };
      n = row.m ? fromBase62(row.m.slice(5)) : 0;
    }
    n += 1;
    this.idCounters.set(obj.name, n);
    return makeId(obj.keyPrefix, n);
  }

  private nextAutoNumber(obj: ObjectDef, f: FieldDef): string {
    const key = `${obj.name}.${f.name}`;
    const fmt = f.autoNumberFormat ?? { prefix: '', width: 8 };
    let n = this.autoCounters.get(key);
    if (n === undefined) {
      const row = this.prepare(
        `SELECT MAX(CAST(substr(${q(f.name)}, ?) AS INTEGER)) AS m FROM ${q(obj.name)} WHERE ${q(f.name)} LIKE ?`,
      ).get(fmt.prefix.length + 1, `${fmt.prefix}%`) as { m: number | null };
      n = row.m ?? 0;
    }
    n += 1;
    this.autoCounters.set(key, n);
    return fmt.prefix + String(n).padStart(fmt.width, '0');
  }

  /**
   * Insert a record. `values` holds stored-form values for client-settable fields; the org adds the
   * rest. `system` may override org-owned fields (the seed generator sets historical CreatedDate).
   * Returns the new Id.
   */
  insert(objectName: string, values: Row, system: Row = {}): string {
    const obj = mustObject(objectName);
    const now = this.clock.nowIso();
    const row: Row = { ...values };
    row.Id = (system.Id as string | undefined) ?? this.nextId(obj);
    for (const f of obj.fields) {
      if (f.name in system) row[f.name] = system[f.name]!;
      else if (f.autoNumber) row[f.name] = this.nextAutoNumber(obj, f);
      else if (!(f.name in row) && f.defaultValue !== undefined && f.defaultValue !== null) {
        row[f.name] = typeof f.defaultValue === 'boolean' ? (f.defaultValue ? 1 : 0) : f.defaultValue;
      }
    }
    const audit: Row = {
      CreatedDate: now,
      CreatedById: this.defaultUserId,
      LastModifiedDate: now,
      LastModifiedById: this.defaultUserId,
      SystemModstamp: now,
      IsDeleted: 0,
      OwnerId: this.defaultUserId,
    };
    for (const [k, v] of Object.entries(audit)) {
      if (row[k] === undefined && hasField(obj, k)) row[k] = system[k] ?? v;
    }
    if (row.LastModifiedDate === now && system.CreatedDate && !system.LastModifiedDate) {
      row.LastModifiedDate = system.CreatedDate;
      row.SystemModstamp = system.CreatedDate;
    }
    applyDerived(obj, row, undefined, now);
    const cols = Object.keys(row).filter((c) => hasField(obj, c));
    const sql = `INSERT INTO ${q(obj.name)} (${cols.map(q).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;
    this.prepare(sql).run(cols.map((c) => row[c] ?? null));
    return row.Id as string;
  }

  /** The stored row with Id `id`, including soft-deleted rows when `includeDeleted`. */
  get(objectName: string, id: string, includeDeleted = false): Row | undefined {
    const obj = mustObject(objectName);
    const del = hasField(obj, 'IsDeleted') && !includeDeleted ? ' AND "IsDeleted" = 0' : '';
    return this.prepare(`SELECT * FROM ${q(obj.name)} WHERE "Id" = ?${del}`).get(id) as Row | undefined;
  }

  /** Update fields of a live record; returns false when there is no such record. */
  update(objectName: string, id: string, values: Row, userId = this.defaultUserId): boolean {
    const obj = mustObject(objectName);
    const current = this.get(obj.name, id);
    if (!current) return false;
    const now = this.clock.nowIso();
    const row: Row = { ...values, LastModifiedDate: now, LastModifiedById: userId, SystemModstamp: now };
    applyDerived(obj, row, current, now);
    const cols = Object.keys(row).filter((c) => c !== 'Id' && hasField(obj, c));
    const sql = `UPDATE ${q(obj.name)} SET ${cols.map((c) => `${q(c)} = ?`).join(', ')} WHERE "Id" = ?`;
    this.prepare(sql).run([...cols.map((c) => row[c] ?? null), id]);
    return true;
  }

  /** Soft delete (IsDeleted = 1, visible to queryAll), as Salesforce's recycle bin does. */
  softDelete(objectName: string, id: string, userId = this.defaultUserId): boolean {
    const obj = mustObject(objectName);
    const now = this.clock.nowIso();
    const res = this.prepare(
      `UPDATE ${q(obj.name)} SET "IsDeleted" = 1, "LastModifiedDate" = ?, "LastModifiedById" = ?, "SystemModstamp" = ? WHERE "Id" = ? AND "IsDeleted" = 0`,
    ).run(now, userId, now, id);
    return res.changes > 0;
  }

  /** Hard delete, for objects without IsDeleted. */
  hardDelete(objectName: string, id: string): boolean {
    const obj = mustObject(objectName);
    return this.prepare(`DELETE FROM ${q(obj.name)} WHERE "Id" = ?`).run(id).changes > 0;
  }

  /** Run `fn` in one transaction: all its writes land, or none do. */
  transaction<T>(fn: () => T): T {
    const saved = { ids: new Map(this.idCounters), autos: new Map(this.autoCounters) };
    try {
      return this.db.transaction(fn)();
    } catch (e) {
      // Counters handed out inside a rolled-back transaction are reused, so Ids stay dense.
      this.idCounters.clear();
      saved.ids.forEach((v, k) => this.idCounters.set(k, v));
      this.autoCounters.clear();
      saved.autos.forEach((v, k) => this.autoCounters.set(k, v));
      throw e;
    }
  }
}

/** Canonical field names per object: every write filters its columns through this, so it is a Set. */
const fieldNames = new Map<ObjectDef, Set<string>>();
// User metadata (src/metadata/) appends fields to existing objects.
onSchemaChange(() => fieldNames.clear());

function hasField(obj: ObjectDef, name: string): boolean {
  let names = fieldNames.get(obj);
  if (!names) {
    names = new Set(obj.fields.map((f) => f.name));
    fieldNames.set(obj, names);
  }
  return names.has(name);
}

function mustObject(name: string): ObjectDef {
  const obj = getObject(name);
  if (!obj) throw new Error(`unknown object ${name}`);
  return obj;
}

/** Fields whose value the org derives from others on every write. */
function applyDerived(obj: ObjectDef, row: Row, current: Row | undefined, now: string): void {
  const val = (k: string): SqlValue | undefined => (k in row ? row[k] : current?.[k]);
  for (const f of obj.fields) {
    if (f.derivedFrom && f.type !== 'address' && f.derivedFrom.some((k) => k in row)) {
      row[f.name] = f.derivedFrom.map((k) => val(k)).filter((v) => v !== null && v !== undefined && v !== '').join(' ');
    }
  }
  // Formula fields (user metadata, src/metadata/): recomputed from the merged record on every write.
  for (const f of obj.fields) {
    if (!f.compute) continue;
    const v = f.compute((k) => val(k), now.slice(0, 10));
    row[f.name] = typeof v === 'boolean' ? (v ? 1 : 0) : v;
  }
  if (obj.name === 'Case' && 'Status' in row) {
    const closed = row.Status === 'Closed';
    row.IsClosed = closed ? 1 : 0;
    if (closed && !(current?.IsClosed === 1) && !row.ClosedDate) row.ClosedDate = now;
    if (!closed) row.ClosedDate = null;
  }
  applyStandardDerived(obj, row, current);
  if (obj.name === 'OrderItem' && ('Quantity' in row || 'UnitPrice' in row)) {
    const qty = Number(val('Quantity'));
    const price = Number(val('UnitPrice'));
    row.TotalPrice = Number.isFinite(qty) && Number.isFinite(price) ? Math.round(qty * price * 100) / 100 : null;
  }
}
