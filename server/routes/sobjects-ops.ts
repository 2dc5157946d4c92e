/**
 * The sObject resources as plain synchronous operations (reference/salesforce-api.md §5.1-5.5).
 * The Fastify routes in sobjects.ts and the composite resources (composite, batch) both call these,
 * so a sub-request behaves exactly like the same request sent alone, and composite can run several
 * of them inside one org transaction. Each write runs in its own transaction (a savepoint when
 * nested), so a cascade or a roll-up lands whole or not at all. Each returns status, body and
 * headers; errors are thrown as SalesforceError.
 */
import { getChildRelationship, getField, getObject, getParentRelationship, objectForKeyPrefix } from '../../schema/index.ts';
import type { FieldDef, ObjectDef } from '../../schema/types.ts';
import { describeGlobalJson, describeJson, isUpsertKey, objectDescribeJson } from '../../src/describe/index.ts';
import { listViewSummary, listViewsOf } from '../../src/describe/list-views.ts';
import { invalidField, notFound } from '../../src/errors/codes.ts';
import { SalesforceError } from '../../src/errors/salesforce-error.ts';
import { entityIsDeleted, entityTypeCannotBeDeleted, entityTypeCannotBeWritten, externalIdFieldNotFound } from '../../src/errors/write-errors.ts';
import { q } from '../../src/org/ddl.ts';
import { normalizeId } from '../../src/org/ids.ts';
import type { Org } from '../../src/org/org.ts';
import type { Row } from '../../src/org/record-store.ts';
import { createRecord, deleteRecord, findByField, updateRecord, upsertRecord, type WriteOptions } from '../../src/org/validate-write.ts';
import { datetimeToWire, parseDatetime } from '../../src/org/values.ts';
import { ensureVirtualTables, VIRTUAL_OBJECTS } from '../../src/soql/virtual-objects.ts';
import { recordToWire, recordUrl } from './sobjects-wire.ts';
import { missingBodyError } from '../json-body.ts';

export interface OpContext {
  org: Org;
  apiVersion: string;
  userId?: string;
  locate?: WriteOptions['locate'];
  /** For collections: the locator of item `index` of `records`. */
  locateItem?: (index: number) => WriteOptions['locate'];
}

export interface OpResult {
  status: number;
  /** The JSON body; undefined for 204. */
  body?: unknown;
  /** A body already serialized (cached describe payloads). */
  json?: string;
  headers?: Record<string, string>;
}

/** The object named in a URL, or Salesforce's 404 for an unknown type. */
export function objectOf(name: string): ObjectDef {
  const obj = getObject(name);
  if (!obj) throw notFound();
  return obj;
}

const virtualByName = new Map(VIRTUAL_OBJECTS.map((o) => [o.name.toLowerCase(), o]));

/**
 * The object a read-only sObject URL (basic info, describe, record GET) names: also the platform
 * objects without a table (Organization), which a real org describes and retrieves but never writes.
 */
export function describedObjectOf(name: string): ObjectDef {
  const obj = getObject(name) ?? virtualByName.get(name.toLowerCase());
  if (!obj) throw notFound();
  return obj;
}

/** `GET /sobjects/Organization/{orgId}`: the one row of the view (src/soql/virtual-objects.ts). */
/** A field by name (any case); the virtual objects are not in schema/'s field index. */
function fieldOf(obj: ObjectDef, name: string): FieldDef | undefined {
  return virtualByName.has(obj.name.toLowerCase()) ? obj.fields.find((f) => f.name.toLowerCase() === name.toLowerCase()) : getField(obj, name);
}

function virtualRecord(ctx: OpContext, obj: ObjectDef, segment: string): Row {
  const id = normalizeId(segment);
  if (!id) throw externalIdFieldNotFound(segment);
  if (id.slice(0, 3) !== obj.keyPrefix) throw wrongIdType(obj, segment);
  ensureVirtualTables(ctx.org.db);
  const row = (ctx.org.db.prepare(`SELECT * FROM ${q(obj.name)}`).all() as Row[]).find((r) => normalizeId(String(r.Id)) === id);
  if (!row) throw notFound();
  return row;
}

export function describeGlobal(ctx: OpContext): OpResult {
  return { status: 200, json: describeGlobalJson(ctx.apiVersion) };
}

/**
 * Basic info: `objectDescribe` and `recentItems`. Recent items are records the user viewed in the UI;
 * an API-only org has none.
 */
export function basicInfo(ctx: OpContext, type: string): OpResult {
  const obj = describedObjectOf(type);
  return { status: 200, json: `{"objectDescribe":${objectDescribeJson(obj, ctx.apiVersion)},"recentItems":[]}` };
}

export function describe(ctx: OpContext, type: string): OpResult {
  return { status: 200, json: describeJson(describedObjectOf(type), ctx.apiVersion) };
}

/**
 * The record a `/sobjects/T/{segment}` URL names. A segment that is not an Id is, to Salesforce, an
 * external Id field name with no value: 404 "Provided external ID field does not exist..." (§5.4).
 */
function recordFor(ctx: OpContext, obj: ObjectDef, segment: string, forWrite: boolean): Row {
  const id = normalizeId(segment);
  if (!id) throw externalIdFieldNotFound(segment);
  // An Id of another object: `Contact ID: id value of incorrect type: 001...` (MALFORMED_ID, fields
  // [Id]), as real sObject Rows responses quoted in public client tests and docs say.
  if (id.slice(0, 3) !== obj.keyPrefix) throw wrongIdType(obj, segment);
  const row = ctx.org.store.get(obj.name, id, true);
  if (!row) throw notFound();
  if (row.IsDeleted === 1) throw forWrite ? entityIsDeleted(404) : notFound();
  return row;
}

function wrongIdType(obj: ObjectDef, segment: string): SalesforceError {
  const label = fieldOf(obj, 'Id')?.label ?? 'Record ID';
  return new SalesforceError('MALFORMED_ID', `${label}: id value of incorrect type: ${segment}`, 400, ['Id']);
}

/** `?fields=A,B` of a record GET: canonical fields, or INVALID_FIELD naming the unknown one. */
export function fieldsParam(obj: ObjectDef, param: string | undefined): FieldDef[] | undefined {
  if (param === undefined) return undefined;
  const out: FieldDef[] = [];
  for (const name of param.split(',').map((s) => s.trim()).filter(Boolean)) {
    const f = fieldOf(obj, name);
    if (!f) {
      throw invalidField(
        `No such column '${name}' on entity '${obj.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
      );
    }
    if (!out.includes(f)) out.push(f);
  }
  return out.length ? out : undefined;
}

export function retrieve(ctx: OpContext, type: string, segment: string, fields?: string): OpResult {
  const obj = describedObjectOf(type);
  const wanted = fieldsParam(obj, fields);
  const row = virtualByName.has(obj.name.toLowerCase()) ? virtualRecord(ctx, obj, segment) : recordFor(ctx, obj, segment, false);
  return { status: 200, body: recordToWire(obj, row, ctx.apiVersion, wanted) };
}

function writeOpts(ctx: OpContext): WriteOptions {
  return { userId: ctx.userId, locate: ctx.locate };
}

function requireBody(body: unknown): unknown {
  if (body === undefined) throw missingBodyError();
  return body;
}

/**
 * The object a write URL names: a platform object without a table (Organization) is a real object
 * that refuses the write (entityTypeCannotBeWritten), not an unknown type.
 */
function writableObjectOf(type: string, op: 'inserted' | 'updated' | 'deleted'): ObjectDef {
  const virtual = getObject(type) ? undefined : virtualByName.get(type.toLowerCase());
  if (virtual) throw op === 'deleted' ? entityTypeCannotBeDeleted() : entityTypeCannotBeWritten(op, virtual.label);
  return objectOf(type);
}

export function create(ctx: OpContext, type: string, body: unknown): OpResult {
  const obj = writableObjectOf(type, 'inserted');
  const id = ctx.org.store.transaction(() => createRecord(ctx.org, obj.name, requireBody(body), writeOpts(ctx)));
  return { status: 201, body: { id, success: true, errors: [] }, headers: { Location: recordUrl(ctx.apiVersion, obj.name, id) } };
}

export function update(ctx: OpContext, type: string, segment: string, body: unknown): OpResult {
  const obj = writableObjectOf(type, 'updated');
  const row = recordFor(ctx, obj, segment, true);
  ctx.org.store.transaction(() => updateRecord(ctx.org, obj.name, row.Id as string, requireBody(body), writeOpts(ctx)));
  return { status: 204 };
}

export function remove(ctx: OpContext, type: string, segment: string): OpResult {
  const obj = writableObjectOf(type, 'deleted');
  const row = recordFor(ctx, obj, segment, true);
  ctx.org.store.transaction(() => deleteRecord(ctx.org, obj.name, row.Id as string, writeOpts(ctx)));
  return { status: 204 };
}

/** The field of `/sobjects/T/{field}/{value}`: an external Id (or idLookup, or Id) field. */
function upsertKey(obj: ObjectDef, fieldName: string): FieldDef {
  const f = getField(obj, fieldName);
  if (!f || !isUpsertKey(obj, f)) throw externalIdFieldNotFound(fieldName);
  return f;
}

/**
 * sObject Relationships, `GET /sobjects/T/{id}/{relationshipName}`: the parent record of a lookup,
 * or the children as a query result (`{totalSize, done, records}`).
 */
function relationship(ctx: OpContext, obj: ObjectDef, segment: string, relName: string, fields?: string): OpResult {
  const row = recordFor(ctx, obj, segment, false);
  const parentField = getParentRelationship(obj, relName);
  if (parentField) {
    const parentId = row[parentField.name];
    // A polymorphic lookup (Task.What, Case.Owner) names its parent's object by the Id's key prefix.
    const target = parentField.referenceTo.length > 1
      ? typeof parentId === 'string' ? objectForKeyPrefix(parentId.slice(0, 3)) : undefined
      : getObject(parentField.referenceTo[0] ?? '');
    const parent = target && typeof parentId === 'string' ? ctx.org.store.get(target.name, parentId) : undefined;
    if (!target || !parent) throw notFound();
    return { status: 200, body: recordToWire(target, parent, ctx.apiVersion, fieldsParam(target, fields)) };
  }
  const rel = getChildRelationship(obj, relName);
  if (!rel) throw notFound();
  const child = getObject(rel.childSObject)!;
  const wanted = fieldsParam(child, fields);
  const del = child.fields.some((f) => f.name === 'IsDeleted') ? ' AND "IsDeleted" = 0' : '';
  const rows = ctx.org.store.prepare(`SELECT * FROM ${q(child.name)} WHERE ${q(rel.field)} = ?${del} ORDER BY "Id"`).all(row.Id) as Row[];
  return { status: 200, body: { totalSize: rows.length, done: true, records: rows.map((r) => recordToWire(child, r, ctx.apiVersion, wanted)) } };
}

/** `GET /sobjects/T/listviews`: the object's standard list views (src/describe/list-views.ts). */
export function listviews(ctx: OpContext, type: string): OpResult {
  const obj = objectOf(type);
  const views = listViewsOf(obj).map((v) => listViewSummary(v, ctx.apiVersion));
  return { status: 200, body: { done: true, listviews: views, nextRecordsUrl: null, size: views.length, sobjectType: obj.name } };
}

/** `GET /sobjects/T/quickActions`: no actions are defined in this org. */
export function quickActions(_ctx: OpContext, type: string): OpResult {
  objectOf(type);
  return { status: 200, body: [] };
}

/** `GET /sobjects/T/describe/approvalLayouts`: no approval processes, so no layouts. */
export function approvalLayouts(_ctx: OpContext, type: string): OpResult {
  objectOf(type);
  return { status: 200, body: { approvalLayouts: [] } };
}

/** 300 Multiple Choices: the URLs of every matching record (§5.4). */
function multipleChoices(ctx: OpContext, obj: ObjectDef, ids: string[]): OpResult {
  return { status: 300, body: ids.map((id) => recordUrl(ctx.apiVersion, obj.name, id)) };
}

export function getByExternalId(ctx: OpContext, type: string, fieldName: string, value: string, fields?: string): OpResult {
  const obj = objectOf(type);
  if (normalizeId(fieldName)?.startsWith(obj.keyPrefix)) return relationship(ctx, obj, fieldName, value, fields);
  const f = upsertKey(obj, fieldName);
  const wanted = fieldsParam(obj, fields);
  const ids = findByField(ctx.org, obj, f, value);
  if (ids.length === 0) throw notFound();
  if (ids.length > 1) return multipleChoices(ctx, obj, ids);
  return { status: 200, body: recordToWire(obj, ctx.org.store.get(obj.name, ids[0]!)!, ctx.apiVersion, wanted) };
}

/**
 * Upsert (dome_upsert): 201 `{id, success, errors, created: true}` when created; when updated,
 * 200 with `created: false` from API 46.0 on and 204 before it; 300 on several matches.
 */
export function upsert(ctx: OpContext, type: string, fieldName: string, value: string, body: unknown, updateOnly = false): OpResult {
  const obj = objectOf(type);
  const f = upsertKey(obj, fieldName);
  const out = ctx.org.store.transaction(() => upsertRecord(ctx.org, obj, f, value, requireBody(body), { ...writeOpts(ctx), updateOnly }));
  if (out.kind === 'multiple') return multipleChoices(ctx, obj, out.ids);
  if (out.kind === 'created') {
    return {
      status: 201,
      // `created` appears from API 46.0 on (dome_upsert).
      body: { id: out.id, success: true, errors: [], ...(Number(ctx.apiVersion) >= 46 ? { created: true } : {}) },
      headers: { Location: recordUrl(ctx.apiVersion, obj.name, out.id) },
    };
  }
  if (Number(ctx.apiVersion) < 46) return { status: 204 };
  return { status: 200, body: { id: out.id, success: true, errors: [], created: false } };
}

const replicationError = (message: string) => new SalesforceError('INVALID_REPLICATION_DATE', message, 400);

/**
 * start/end of the updated/deleted feeds, floored to the minute as Salesforce does. A `+` of an
 * offset that reached us unescaped has become a space. latestDateCovered never passes the org
 * clock; rows stamped at the clock's own minute are still listed, because an org's clock may stand
 * still (a real org's moves on and covers them a minute later).
 */
function replicationWindow(ctx: OpContext, start: string | undefined, end: string | undefined): { start: string; end: string; covered: string } {
  const parse = (name: string, v: string | undefined): string => {
    if (v === undefined || v.trim() === '') throw new SalesforceError('MISSING_ARGUMENT', `${name} parameter is required`, 400);
    const d = parseDatetime(v.trim().replace(/ (\d{2}:?\d{2})$/, '+$1'));
    if (!d) throw replicationError(`Invalid ${name} date: ${v}`);
    return d.slice(0, 17) + '00.000Z';
  };
  const s = parse('start', start);
  const e = parse('end', end);
  const now = ctx.org.clock.nowIso().slice(0, 17) + '00.000Z';
  if (Date.parse(e) - Date.parse(s) < 60_000) throw replicationError('startDate must chronologically precede endDate by more than one minute');
  if (Date.parse(now) - Date.parse(s) > 30 * 86_400_000) throw replicationError('startDate cannot be more than 30 days ago');
  return { start: s, end: e, covered: e < now ? e : now };
}

/** `GET /sobjects/T/updated/?start=&end=`: Ids of live records changed in the window. */
export function updated(ctx: OpContext, type: string, start?: string, end?: string): OpResult {
  const obj = objectOf(type);
  const w = replicationWindow(ctx, start, end);
  const del = obj.fields.some((f) => f.name === 'IsDeleted') ? ' AND "IsDeleted" = 0' : '';
  const rows = ctx.org.store
    .prepare(`SELECT "Id" FROM ${q(obj.name)} WHERE "SystemModstamp" >= ? AND "SystemModstamp" < ?${del} ORDER BY "Id"`)
    .all(w.start, w.end) as { Id: string }[];
  return { status: 200, body: { ids: rows.map((r) => r.Id), latestDateCovered: datetimeToWire(w.covered) } };
}

/** `GET /sobjects/T/deleted/?start=&end=`: records moved to the recycle bin in the window. */
export function deleted(ctx: OpContext, type: string, start?: string, end?: string): OpResult {
  const obj = objectOf(type);
  const w = replicationWindow(ctx, start, end);
  if (!obj.fields.some((f) => f.name === 'IsDeleted')) {
    return { status: 200, body: { deletedRecords: [], earliestDateAvailable: datetimeToWire(w.start), latestDateCovered: datetimeToWire(w.covered) } };
  }
  const rows = ctx.org.store
    .prepare(`SELECT "Id", "SystemModstamp" AS d FROM ${q(obj.name)} WHERE "IsDeleted" = 1 AND "SystemModstamp" >= ? AND "SystemModstamp" < ? ORDER BY "SystemModstamp", "Id"`)
    .all(w.start, w.end) as { Id: string; d: string }[];
  const earliest = ctx.org.store.prepare(`SELECT MIN("SystemModstamp") AS m FROM ${q(obj.name)} WHERE "IsDeleted" = 1`).get() as { m: string | null };
  const earliestDate = earliest.m ? earliest.m.slice(0, 17) + '00.000Z' : w.start;
  return {
    status: 200,
    body: {
      deletedRecords: rows.map((r) => ({ id: r.Id, deletedDate: datetimeToWire(r.d) })),
      earliestDateAvailable: datetimeToWire(earliestDate),
      latestDateCovered: datetimeToWire(w.covered),
    },
  };
}

/** `DELETE /sobjects/T/{field}/{value}`: delete the one record the external Id names. */
export function removeByExternalId(ctx: OpContext, type: string, fieldName: string, value: string): OpResult {
  const obj = objectOf(type);
  const f = upsertKey(obj, fieldName);
  const ids = findByField(ctx.org, obj, f, value);
  if (ids.length === 0) throw notFound();
  if (ids.length > 1) return multipleChoices(ctx, obj, ids);
  ctx.org.store.transaction(() => deleteRecord(ctx.org, obj.name, ids[0]!, writeOpts(ctx)));
  return { status: 204 };
}
