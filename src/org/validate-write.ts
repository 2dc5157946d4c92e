/**
 * Record writes as the REST API sees them: a client's JSON body becomes stored values after
 * Salesforce's checks, in Salesforce's order (deserialization, field-level security, required fields,
 * value checks, uniqueness), then goes through org.store. Error codes and wording:
 * reference/salesforce-api.md §6.2 and src/errors/write-errors.ts.
 *
 * Everything here is synchronous so callers (composite, collections) can wrap several writes in one
 * org.store.transaction and roll them back together.
 */
import { childRelationships, getField, getObject, getParentRelationship, isRequiredOnCreate, objectForKeyPrefix } from '../../schema/index.ts';
import type { FieldDef, ObjectDef } from '../../schema/types.ts';
import { isUpsertKey } from '../describe/id-lookup.ts';
import { notFound, requiredFieldMissing } from '../errors/codes.ts';
import { SalesforceError } from '../errors/salesforce-error.ts';
import {
  badRestrictedPicklist,
  cannotDeserialize,
  duplicateValue,
  entityIsDeleted,
  entityTypeCannotBeDeleted,
  foreignKeyNotFound,
  idOnInsert,
  invalidCrossReference,
  invalidEmail,
  invalidTypeOnField,
  lookupWrongType,
  malformedLookup,
  noSuchColumn,
  notCreateableOrUpdateable,
  numberOutOfRange,
  stringTooLong,
} from '../errors/write-errors.ts';
import { q } from './ddl.ts';
import { normalizeId } from './ids.ts';
import type { Org } from './org.ts';
import type { Row } from './record-store.ts';
import { parseDate, parseDatetime, type SqlValue } from './values.ts';

export type WriteMode = 'create' | 'update';

/** Where a body value ends; for objects and arrays also where their opening bracket ends. */
export interface ValuePosition {
  line: number;
  column: number;
  open?: { line: number; column: number };
}

export interface WriteOptions {
  /** Line and column just after the value of `key` in the raw JSON body, for parser-error positions. */
  locate?: (key: string) => ValuePosition | undefined;
  /** The user the write is attributed to (CreatedById, default OwnerId). */
  userId?: string;
}

type Body = Record<string, unknown>;

const TEXT_TYPES = new Set(['string', 'textarea', 'picklist', 'multipicklist', 'email', 'phone', 'url', 'id', 'reference']);
// Salesforce's email validation is permissive: local@domain with a dot in the domain.
const EMAIL_RE = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
const NUMERIC_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The body must be a JSON object; anything else fails deserialization into the sObject. */
export function asRecordBody(obj: ObjectDef, body: unknown): Body {
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) return body as Body;
  const [token, value] = jsonToken(body === undefined ? null : body);
  throw cannotDeserialize(obj.name, token, value, { line: 1, column: 1 });
}

/**
 * Turn a client body into stored values for a create or an update of `current`.
 * Keys resolve case-insensitively; `attributes` is ignored; an Id key is refused on create and
 * ignored on update (the URL names the record).
 */
export function toStoredValues(org: Org, obj: ObjectDef, rawBody: unknown, mode: WriteMode, opts: WriteOptions = {}, currentId?: string): Row {
  const body = asRecordBody(obj, rawBody);
  const values: Row = {};
  const touched: FieldDef[] = [];
  // 1. Deserialization: unknown keys and values of the wrong JSON kind, in body order.
  for (const [key, raw] of Object.entries(body)) {
    if (key === 'attributes') continue;
    const f = getField(obj, key);
    if (!f) {
      const rel = getParentRelationship(obj, key);
      if (rel && raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
        values[rel.name] = resolveForeignKey(org, rel, raw as Body);
        touched.push(rel);
        continue;
      }
      throw noSuchColumn(key, obj.name);
    }
    if (f.type === 'id') {
      if (mode === 'create' && raw !== null && raw !== '') throw idOnInsert();
      continue;
    }
    values[f.name] = coerce(f, raw, opts.locate?.(key));
    touched.push(f);
  }
  // 2. Field-level security: every field the client may not write, named at once.
  const business = obj.name === 'Account' && isBusinessAccount(org, values, mode, currentId);
  const writable = (f: FieldDef) => {
    if (business && f.name === 'Name') return true;
    // A business account has no person name to set (it would re-derive Name from it).
    if (business && (f.name === 'FirstName' || f.name === 'LastName')) return false;
    return mode === 'create' ? f.createable : f.updateable;
  };
  const locked = touched.filter((f) => !writable(f)).map((f) => f.name);
  if (locked.length) throw notCreateableOrUpdateable(locked);
  // 3. Required fields: missing on create, or set to null on either.
  const missing = obj.fields
    .filter((f) => {
      if (f.type === 'boolean' || f.type === 'id') return false;
      if (business && f.name === 'LastName') return false;
      if (business && f.name === 'Name') return values.Name === null || (mode === 'create' && values.Name === undefined);
      if (mode === 'create') return isRequiredOnCreate(f) && (values[f.name] === undefined || values[f.name] === null);
      return !f.nillable && f.updateable && f.name in values && values[f.name] === null;
    })
    .map((f) => f.name);
  if (missing.length) throw requiredFieldMissing(missing);
  // 4. Value checks, field by field.
  for (const f of touched) {
    const v = values[f.name];
    if (v === null || v === undefined) continue;
    checkValue(org, f, v);
  }
  canonicalLookups(obj, values);
  if (business && mode === 'create') values.IsPersonAccount = 0;
  // 5. Uniqueness against live records.
  for (const f of touched) {
    const v = values[f.name];
    if (!f.unique || v === null || v === undefined) continue;
    const other = org.store
      .prepare(`SELECT "Id" FROM ${q(obj.name)} WHERE ${q(f.name)} = ? COLLATE NOCASE AND "Id" != ?${hasIsDeleted(obj) ? ' AND "IsDeleted" = 0' : ''} LIMIT 1`)
      .get(v, currentId ?? '') as { Id: string } | undefined;
    if (other) throw duplicateValue(f, other.Id);
  }
  return values;
}

/**
 * CRMArena's accounts are person accounts (Name derived from FirstName/LastName), but an org with
 * person accounts still holds business accounts: a create that sets Name and no person name makes
 * one (IsPersonAccount false, Name as given), as creating `{Name: 'Acme'}` does in a real org.
 * A business account's Name stays writable; a person account's does not.
 */
function isBusinessAccount(org: Org, values: Row, mode: WriteMode, currentId?: string): boolean {
  if (mode === 'create') return 'Name' in values && !('LastName' in values) && !('FirstName' in values);
  const current = currentId ? org.store.get('Account', currentId, true) : undefined;
  return current?.IsPersonAccount === 0;
}

/** Create a record from a client body; returns the new 18-character Id. */
export function createRecord(org: Org, objectName: string, body: unknown, opts: WriteOptions = {}): string {
  const obj = mustObject(objectName);
  const values = toStoredValues(org, obj, body, 'create', opts);
  const system: Row = {};
  if (opts.userId) {
    system.CreatedById = opts.userId;
    system.LastModifiedById = opts.userId;
    if (obj.fields.some((f) => f.name === 'OwnerId') && values.OwnerId === undefined) system.OwnerId = opts.userId;
  }
  applyOrgRules(org, obj, values, undefined);
  const id = org.store.insert(obj.name, values, system);
  afterWrite(org, obj, values, undefined);
  return id;
}

/** The live record `id` of `obj`, or the Salesforce error for a missing or deleted one. */
export function requireLiveRecord(org: Org, obj: ObjectDef, id: string, deletedStatus = 404): Row {
  const row = org.store.get(obj.name, id, true);
  if (!row) throw notFound();
  if (row.IsDeleted === 1) throw entityIsDeleted(deletedStatus);
  return row;
}

/** Update record `id` (canonical 18-character form) from a client body. */
export function updateRecord(org: Org, objectName: string, id: string, body: unknown, opts: WriteOptions = {}): void {
  const obj = mustObject(objectName);
  const current = requireLiveRecord(org, obj, id);
  const values = toStoredValues(org, obj, body, 'update', opts, id);
  applyOrgRules(org, obj, values, current);
  org.store.update(obj.name, id, values, opts.userId);
  afterWrite(org, obj, values, current);
}

/**
 * Soft-delete record `id` and, as Salesforce does for master-detail children, every child reached
 * through a cascadeDelete relationship.
 */
export function deleteRecord(org: Org, objectName: string, id: string, opts: WriteOptions = {}): void {
  const obj = mustObject(objectName);
  if (!obj.deletable || !hasIsDeleted(obj)) throw entityTypeCannotBeDeleted();
  const current = requireLiveRecord(org, obj, id);
  cascade(org, obj, id, opts.userId);
  afterWrite(org, obj, {}, current);
}

function cascade(org: Org, obj: ObjectDef, id: string, userId?: string): void {
  org.store.softDelete(obj.name, id, userId);
  for (const rel of childRelationships(obj)) {
    if (!rel.cascadeDelete) continue;
    const child = getObject(rel.childSObject)!;
    const ids = org.store.prepare(`SELECT "Id" FROM ${q(child.name)} WHERE ${q(rel.field)} = ? AND "IsDeleted" = 0`).all(id) as { Id: string }[];
    for (const c of ids) cascade(org, child, c.Id, userId);
  }
}

/** Live records of `obj` whose `field` equals `value` (Ids compare in canonical form, text without case). */
export function findByField(org: Org, obj: ObjectDef, f: FieldDef, value: string, limit = 3): string[] {
  let bound: SqlValue = value;
  if (f.type === 'id' || f.type === 'reference') {
    const id = normalizeId(value);
    if (!id) return [];
    bound = id;
  }
  const collate = TEXT_TYPES.has(f.type) && f.type !== 'id' && f.type !== 'reference' ? ' COLLATE NOCASE' : '';
  const del = hasIsDeleted(obj) ? ' AND "IsDeleted" = 0' : '';
  const rows = org.store
    .prepare(`SELECT "Id" FROM ${q(obj.name)} WHERE ${q(f.name)} = ?${collate}${del} ORDER BY "Id" LIMIT ?`)
    .all(bound, limit) as { Id: string }[];
  return rows.map((r) => r.Id);
}

export type UpsertOutcome = { kind: 'created' | 'updated'; id: string } | { kind: 'multiple'; ids: string[] };

/**
 * Upsert by `f` = `value` (dome_upsert): no match creates a record carrying the key, one match
 * updates it, several matches are the 300 case. The key in the body, if present, must not differ.
 */
export function upsertRecord(org: Org, obj: ObjectDef, f: FieldDef, value: string, body: unknown, opts: WriteOptions & { updateOnly?: boolean } = {}): UpsertOutcome {
  const record = asRecordBody(obj, body);
  const matches = findByField(org, obj, f, value);
  if (matches.length > 1) return { kind: 'multiple', ids: matches };
  if (matches.length === 1) {
    const id = matches[0]!;
    updateRecord(org, obj.name, id, omitKey(record, f.name), opts);
    return { kind: 'updated', id };
  }
  // `?updateOnly=true` (dome_upsert) and upserts on Id never create.
  if (f.type === 'id' || opts.updateOnly) throw notFound();
  const withKey: Body = { ...omitKey(record, f.name), [f.name]: value };
  return { kind: 'created', id: createRecord(org, obj.name, withKey, opts) };
}

/**
 * Values the org derives on write beyond record-store's own: an order product takes its product
 * and list price from its price book entry, whose price book must be the order's (Salesforce:
 * "field integrity exception: PricebookEntryId (pricebook entry is in a different pricebook than
 * the one assigned to the order, or Order has no pricebook assigned)").
 */
function applyOrgRules(org: Org, obj: ObjectDef, values: Row, current: Row | undefined): void {
  if (obj.name !== 'OrderItem' || current || typeof values.PricebookEntryId !== 'string') return;
  const pbe = org.store.get('PricebookEntry', values.PricebookEntryId);
  if (!pbe) return;
  const orderId = values.OrderId;
  const order = typeof orderId === 'string' ? org.store.get('Order', orderId) : undefined;
  if (order && order.Pricebook2Id !== pbe.Pricebook2Id) {
    throw new SalesforceError(
      'FIELD_INTEGRITY_EXCEPTION',
      'field integrity exception: PricebookEntryId (pricebook entry is in a different pricebook than the one assigned to the order, or Order has no pricebook assigned)',
      400,
      ['PricebookEntryId'],
    );
  }
  if (values.Product2Id === undefined || values.Product2Id === null) values.Product2Id = pbe.Product2Id ?? null;
  values.ListPrice = pbe.UnitPrice ?? null;
}

/** Roll-up summaries the org keeps: Order.TotalAmount is the sum of its live order products. */
function afterWrite(org: Org, obj: ObjectDef, values: Row, current: Row | undefined): void {
  if (obj.name !== 'OrderItem') return;
  const orders = new Set([values.OrderId, current?.OrderId].filter((v): v is string => typeof v === 'string'));
  for (const orderId of orders) {
    org.store
      .prepare(`UPDATE "Order" SET "TotalAmount" = (SELECT COALESCE(SUM("TotalPrice"), 0) FROM "OrderItem" WHERE "OrderId" = ? AND "IsDeleted" = 0) WHERE "Id" = ?`)
      .run(orderId, orderId);
  }
}

function omitKey(body: Body, fieldName: string): Body {
  const out: Body = {};
  for (const [k, v] of Object.entries(body)) if (k.toLowerCase() !== fieldName.toLowerCase()) out[k] = v;
  return out;
}

/** `"Product2": {"External_ID__c": "x"}` in a body: the parent's Id by one of its external Id fields. */
function resolveForeignKey(org: Org, rel: FieldDef, ref: Body): string {
  const target = getObject(rel.referenceTo[0] ?? '');
  const keys = Object.keys(ref).filter((k) => k !== 'attributes');
  if (!target || keys.length !== 1) throw invalidCrossReference([rel.name]);
  const keyField = getField(target, keys[0]!);
  if (!keyField || !isUpsertKey(target, keyField)) throw noSuchColumn(keys[0]!, target.name);
  const raw = ref[keys[0]!];
  const value = raw === null || raw === undefined ? '' : String(raw);
  const ids = findByField(org, target, keyField, value);
  if (ids.length !== 1) throw foreignKeyNotFound(value, keyField.name, target.name);
  return ids[0]!;
}

/** A JSON value as the stored form of field `f`, or the deserializer's error. */
function coerce(f: FieldDef, raw: unknown, at?: ValuePosition): SqlValue {
  // A compound address deserializes (the API has an Address type); field-level security then refuses
  // it, as compound fields are read-only (Object Reference, "Compound Fields").
  if (f.type === 'address') return null;
  if (raw === null || raw === undefined) {
    // A checkbox cannot be null: the API answers INVALID_TYPE_ON_FIELD_IN_RECORD "<label>: value not
    // of required type: " (public reports of inserts replayed through the API; Apex shows the same).
    if (f.type === 'boolean') throw invalidTypeOnField(f, '');
    return null;
  }
  const fail = (typeName: string): SalesforceError => {
    const [token, value] = jsonToken(raw);
    // Jackson reports a scalar after its token, an object or array at its opening bracket.
    const pos = at && (token.startsWith('START_') ? (at.open ?? at) : at);
    return cannotDeserialize(typeName, token, value, pos && { line: pos.line, column: pos.column });
  };
  switch (f.type) {
    case 'boolean':
      if (typeof raw === 'boolean') return raw ? 1 : 0;
      if (typeof raw === 'string' && /^(true|false)$/i.test(raw.trim())) return raw.trim().toLowerCase() === 'true' ? 1 : 0;
      if (raw === 0 || raw === 1) return raw;
      throw fail('boolean');
    case 'int': {
      const n = toNumber(raw);
      if (n === undefined || !Number.isInteger(n)) throw fail('int');
      return n;
    }
    case 'double':
    case 'currency':
    case 'percent': {
      const n = toNumber(raw);
      if (n === undefined) throw fail('double');
      // Salesforce keeps a number field's value rounded to the field's scale.
      return f.scale !== undefined ? roundTo(n, f.scale) : n;
    }
    case 'date': {
      const d = typeof raw === 'string' ? parseDate(raw) : undefined;
      if (!d || !inSalesforceRange(d)) throw fail('date');
      return d;
    }
    case 'datetime': {
      // Jackson takes a number as epoch milliseconds.
      const ms = typeof raw === 'number' ? raw : NaN;
      const d = typeof raw === 'string' ? parseDatetime(raw) : Number.isFinite(ms) && Math.abs(ms) < 8.64e15 ? new Date(ms).toISOString() : undefined;
      // Salesforce names both date and datetime 'date' here (a datetime example: "Cannot deserialize instance
      // of date from VALUE_STRING value 2017-05-30T-06:00:00X ...", quoted in public integration docs).
      if (!d || !inSalesforceRange(d)) throw fail('date');
      return d;
    }
    default: {
      // Text, picklists and Ids: scalars deserialize to their text, as Jackson coerces them.
      if (typeof raw === 'object') throw fail('string');
      const s = String(raw);
      // Salesforce stores an empty string as null.
      return s === '' ? null : s;
    }
  }
}

/** Salesforce stores dates from 1700-01-01 to 4000-12-31 only. */
function inSalesforceRange(isoDate: string): boolean {
  const y = Number(isoDate.slice(0, 4));
  return /^\d{4}-/.test(isoDate) && y >= 1700 && y <= 4000;
}

function roundTo(n: number, scale: number): number {
  const k = 10 ** scale;
  return Math.round(n * k) / k;
}

function toNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw === 'string' && NUMERIC_RE.test(raw.trim())) return Number(raw.trim());
  return undefined;
}

/** Jackson's token name and text for a JSON value, as in Salesforce's JSON_PARSER_ERROR messages. */
function jsonToken(raw: unknown): [string, string] {
  if (raw === null) return ['VALUE_NULL', 'null'];
  if (Array.isArray(raw)) return ['START_ARRAY', '['];
  switch (typeof raw) {
    case 'object':
      return ['START_OBJECT', '{'];
    case 'boolean':
      return [raw ? 'VALUE_TRUE' : 'VALUE_FALSE', String(raw)];
    case 'number':
      return [Number.isInteger(raw) ? 'VALUE_NUMBER_INT' : 'VALUE_NUMBER_FLOAT', String(raw)];
    default:
      return ['VALUE_STRING', String(raw)];
  }
}

/** Value checks after deserialization: lengths, picklists, emails, numeric range, lookups. */
function checkValue(org: Org, f: FieldDef, v: SqlValue): void {
  switch (f.type) {
    case 'string':
    case 'textarea':
    case 'phone':
    case 'url':
    case 'email':
    case 'picklist':
    case 'multipicklist': {
      const s = String(v);
      if (f.length > 0 && [...s].length > f.length) throw stringTooLong(f, s);
      if (f.type === 'email' && !EMAIL_RE.test(s)) throw invalidEmail(f, s);
      if (f.restrictedPicklist) {
        const allowed = new Set(f.picklistValues.map((p) => p.value));
        const parts = f.type === 'multipicklist' ? s.split(';') : [s];
        const bad = parts.find((p) => !allowed.has(p));
        if (bad !== undefined) throw badRestrictedPicklist(f, s);
      }
      return;
    }
    case 'int':
    case 'double':
    case 'currency':
    case 'percent': {
      const n = Number(v);
      const precision = f.type === 'int' ? (f.precision ?? 9) : (f.precision ?? 18);
      const scale = f.type === 'int' ? 0 : (f.scale ?? 0);
      if (Math.abs(n) >= 10 ** (precision - scale)) throw numberOutOfRange(f, javaDouble(n));
      return;
    }
    case 'reference':
      checkLookup(org, f, String(v));
      return;
    default:
      return;
  }
}

/** Java's Double.toString for the range message (`1.0E12`), as Salesforce prints numbers. */
function javaDouble(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e7) return n.toFixed(1);
  if (Math.abs(n) >= 1e7) {
    const [m, e] = n.toExponential().split('e') as [string, string];
    return `${m.includes('.') ? m : `${m}.0`}E${Number(e)}`;
  }
  return String(n);
}

/**
 * A lookup value: an Id (15 or 18) of a live record of one of the referenced objects. Unmodelled
 * targets (RecordType...) are checked for form only.
 */
function checkLookup(org: Org, f: FieldDef, value: string): void {
  const id = normalizeId(value);
  if (!id) throw malformedLookup(f, value);
  const target = objectForKeyPrefix(id.slice(0, 3));
  const allowed = f.referenceTo.map((r) => r.toLowerCase());
  if (!target) {
    const unmodelledTarget = f.referenceTo.some((r) => !getObject(r));
    if (!unmodelledTarget) throw lookupWrongType(f, value);
    return;
  }
  if (!allowed.includes(target.name.toLowerCase())) throw lookupWrongType(f, value);
  const row = org.store.get(target.name, id, true);
  if (!row) throw invalidCrossReference();
  if (row.IsDeleted === 1) throw entityIsDeleted();
}

/** Lookup values are stored in canonical 18-character form. */
function canonicalLookups(obj: ObjectDef, values: Row): Row {
  for (const f of obj.fields) {
    if (f.type === 'reference' && typeof values[f.name] === 'string') values[f.name] = normalizeId(values[f.name] as string) ?? values[f.name]!;
  }
  return values;
}

function hasIsDeleted(obj: ObjectDef): boolean {
  return obj.fields.some((f) => f.name === 'IsDeleted');
}

function mustObject(name: string): ObjectDef {
  const obj = getObject(name);
  if (!obj) throw notFound();
  return obj;
}
