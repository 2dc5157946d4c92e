/**
 * sObject Collections, `/composite/sobjects` (reference/salesforce-api.md §5.6): create, update,
 * upsert and delete up to 200 records, and retrieve by Ids. Results come back in input order with
 * HTTP 200 even when items fail; item errors use `statusCode`, not `errorCode`. With allOrNone, one
 * failure rolls every item back and the others report ALL_OR_NONE_OPERATION_ROLLED_BACK.
 */
import { getObject, objectForKeyPrefix } from '../../schema/index.ts';
import { notFound } from '../../src/errors/codes.ts';
import { isSalesforceError, SalesforceError } from '../../src/errors/salesforce-error.ts';
import { normalizeId } from '../../src/org/ids.ts';
import { createRecord, deleteRecord, requireLiveRecord, updateRecord, upsertRecord, type WriteOptions } from '../../src/org/validate-write.ts';
import { missingBodyError } from '../json-body.ts';
import { fieldsParam, objectOf, type OpContext, type OpResult } from './sobjects-ops.ts';
import { recordToWire } from './sobjects-wire.ts';
import { getField } from '../../schema/index.ts';
import { isUpsertKey } from '../../src/describe/index.ts';
import { externalIdFieldNotFound } from '../../src/errors/write-errors.ts';

export const MAX_COLLECTION_RECORDS = 200;

export interface ItemError {
  statusCode: string;
  message: string;
  fields: string[];
}

export interface ItemResult {
  id?: string;
  success: boolean;
  errors: ItemError[];
  created?: boolean;
}

export function itemError(e: SalesforceError): ItemError {
  return { statusCode: e.errorCode, message: e.message, fields: e.fields ?? [] };
}

const ROLLED_BACK: ItemError = {
  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
  fields: [],
};

class Rollback extends Error {}

/** sObject Collections exist from API 42.0, their upsert from 46.0: older versions have no such resource. */
export function requireCollections(ctx: OpContext, since = 42): void {
  if (Number(ctx.apiVersion) < since) throw notFound();
}

const tooMany = (max = MAX_COLLECTION_RECORDS) =>
  new SalesforceError('EXCEEDED_ID_LIMIT', `record limit reached. cannot submit more than ${max} records into this call`, 400);

const itemFail = (code: string, message: string): SalesforceError => new SalesforceError(code, message, 400, []);

interface CollectionBody {
  allOrNone: boolean;
  records: Record<string, unknown>[];
}

/** The `{allOrNone, records}` body every write operation takes. */
function collectionBody(body: unknown): CollectionBody {
  if (body === undefined) throw missingBodyError();
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new SalesforceError('JSON_PARSER_ERROR', 'Cannot deserialize instance of SObjectCollectionRequest from START_ARRAY value [ or request may be missing a required field at [line:1, column:1]', 400);
  }
  const b = body as Record<string, unknown>;
  const records = b.records;
  if (!Array.isArray(records)) throw new SalesforceError('INVALID_FIELD', "Required field 'records' is missing", 400);
  if (records.length > MAX_COLLECTION_RECORDS) throw tooMany();
  return { allOrNone: b.allOrNone === true || b.allOrNone === 'true', records: records as Record<string, unknown>[] };
}

/**
 * Run `op` for each item, each in its own savepoint so a failed item leaves nothing behind; with
 * allOrNone, any failure undoes every item.
 */
function runItems<T>(ctx: OpContext, items: T[], allOrNone: boolean, op: (item: T, index: number) => ItemResult, idOf: (item: T) => string | undefined): ItemResult[] {
  const results: ItemResult[] = [];
  let failed = false;
  try {
    ctx.org.store.transaction(() => {
      items.forEach((item, i) => {
        try {
          results.push(ctx.org.store.transaction(() => op(item, i)));
        } catch (e) {
          if (!isSalesforceError(e)) throw e;
          failed = true;
          const id = idOf(item);
          results.push({ ...(id ? { id } : {}), success: false, errors: [itemError(e)] });
        }
      });
      if (allOrNone && failed) throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
    return results.map((r, i) => {
      if (!r.success) return r;
      const id = idOf(items[i]!);
      return { ...(id ? { id } : {}), success: false, errors: [ROLLED_BACK] };
    });
  }
  return results;
}

/** The sObject type an item names in `attributes.type`. */
function itemType(rec: Record<string, unknown>): string {
  const attrs = rec.attributes as { type?: unknown } | undefined;
  const type = attrs && typeof attrs === 'object' ? attrs.type : undefined;
  if (typeof type !== 'string' || !type) throw itemFail('INVALID_TYPE', 'sObject type must be specified in attributes');
  const obj = getObject(type);
  if (!obj) throw itemFail('INVALID_TYPE', `sObject type '${type}' is not supported.`);
  return obj.name;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

const notARecord = () => itemFail('JSON_PARSER_ERROR', 'Each item of records must be a JSON object');

/**
 * The write operations that take a `{allOrNone, records}` body (create, update, upsert): each item
 * must be a JSON object, and `op` gets the write options that locate its values in the body.
 */
function writeItems(
  ctx: OpContext,
  body: unknown,
  op: (rec: Record<string, unknown>, opts: WriteOptions) => ItemResult,
  // `unknown`: it also names the items that failed for not being JSON objects.
  idOf: (item: unknown) => string | undefined = () => undefined,
): OpResult {
  const { allOrNone, records } = collectionBody(body);
  const results = runItems(
    ctx,
    records,
    allOrNone,
    (rec, i) => {
      if (!isRecord(rec)) throw notARecord();
      return op(rec, { userId: ctx.userId, locate: ctx.locateItem?.(i) });
    },
    idOf,
  );
  return { status: 200, body: results };
}

/** `POST /composite/sobjects`. */
export function collectionCreate(ctx: OpContext, body: unknown): OpResult {
  requireCollections(ctx);
  return writeItems(ctx, body, (rec, opts) => {
    const id = createRecord(ctx.org, itemType(rec), rec, opts);
    return { id, success: true, errors: [] };
  });
}

function itemId(rec: unknown): string | undefined {
  if (!isRecord(rec)) return undefined;
  const raw = rec.id ?? rec.Id ?? rec.ID;
  return typeof raw === 'string' ? raw : undefined;
}

/** The live record an item or `ids=` entry names, by its Id alone (collections span types). */
function liveRecordType(ctx: OpContext, raw: string | undefined, expectType?: string): { type: string; id: string } {
  if (raw === undefined || raw === '') throw itemFail('MISSING_ARGUMENT', 'Id not specified in an update call');
  const id = normalizeId(raw);
  if (!id) throw itemFail('MALFORMED_ID', `malformed id ${raw}`);
  const obj = objectForKeyPrefix(id.slice(0, 3));
  if (!obj || (expectType && obj.name !== expectType)) throw itemFail('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id');
  try {
    requireLiveRecord(ctx.org, obj, id, 400);
  } catch (e) {
    if (isSalesforceError(e) && e.errorCode === 'NOT_FOUND') throw itemFail('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id');
    throw e;
  }
  return { type: obj.name, id };
}

/** `PATCH /composite/sobjects`: items carry `id` (jsforce sends lowercase) and `attributes.type`. */
export function collectionUpdate(ctx: OpContext, body: unknown): OpResult {
  requireCollections(ctx);
  return writeItems(
    ctx,
    body,
    (rec, opts) => {
      const type = itemType(rec);
      const { id } = liveRecordType(ctx, itemId(rec), type);
      updateRecord(ctx.org, type, id, rec, opts);
      return { id, success: true, errors: [] };
    },
    (rec) => (itemId(rec) ? (normalizeId(itemId(rec)!) ?? itemId(rec)) : undefined),
  );
}

/** `PATCH /composite/sobjects/{T}/{ExtField}`: each item carries its external Id value. */
export function collectionUpsert(ctx: OpContext, type: string, fieldName: string, body: unknown): OpResult {
  requireCollections(ctx, 46);
  const obj = objectOf(type);
  const f = getField(obj, fieldName);
  if (!f || !isUpsertKey(obj, f)) throw externalIdFieldNotFound(fieldName);
  return writeItems(ctx, body, (rec, opts) => {
    if (itemType(rec) !== obj.name) throw itemFail('INVALID_TYPE', `sObject type must be ${obj.name}`);
    const key = Object.keys(rec).find((k) => k.toLowerCase() === f.name.toLowerCase());
    const value = key === undefined ? undefined : rec[key];
    if (value === undefined || value === null || value === '') throw itemFail('MISSING_ARGUMENT', `${f.name} not specified`);
    const out = upsertRecord(ctx.org, obj, f, String(value), rec, opts);
    if (out.kind === 'multiple') throw itemFail('DUPLICATE_EXTERNAL_ID', `${f.label}: more than one record found for external id field: [${out.ids.join(', ')}]`);
    return { id: out.id, success: true, errors: [], created: out.kind === 'created' };
  });
}

/** `DELETE /composite/sobjects?ids=a,b&allOrNone=true`. */
export function collectionDelete(ctx: OpContext, idsParam: string | undefined, allOrNoneParam: string | undefined): OpResult {
  requireCollections(ctx);
  const ids = (idsParam ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) throw new SalesforceError('MISSING_ARGUMENT', 'ids parameter is required', 400);
  if (ids.length > MAX_COLLECTION_RECORDS) throw tooMany();
  const results = runItems(
    ctx,
    ids,
    allOrNoneParam === 'true',
    (raw) => {
      const { type, id } = liveRecordType(ctx, raw);
      deleteRecord(ctx.org, type, id, { userId: ctx.userId });
      return { id, success: true, errors: [] };
    },
    (raw) => normalizeId(raw) ?? raw,
  );
  return { status: 200, body: results };
}

/**
 * Retrieve: `GET /composite/sobjects/{T}?ids=&fields=` or `POST` with `{ids, fields}`. One entry per
 * Id, null for records that do not exist.
 */
export function collectionRetrieve(ctx: OpContext, type: string, ids: unknown, fields: unknown): OpResult {
  requireCollections(ctx);
  const obj = objectOf(type);
  const list = typeof ids === 'string' ? ids.split(',') : Array.isArray(ids) ? ids.map(String) : undefined;
  const fieldList = typeof fields === 'string' ? fields : Array.isArray(fields) ? fields.map(String).join(',') : undefined;
  if (!list || list.length === 0) throw new SalesforceError('MISSING_ARGUMENT', 'ids parameter is required', 400);
  if (!fieldList) throw new SalesforceError('MISSING_ARGUMENT', 'fields parameter is required', 400);
  // Retrieve takes up to 2000 Ids (resources_composite_sobjects_collections_retrieve).
  if (list.length > 2000) throw tooMany(2000);
  const wanted = fieldsParam(obj, fieldList);
  const out = list.map((raw) => {
    const id = normalizeId(raw.trim());
    if (!id || id.slice(0, 3) !== obj.keyPrefix) return null;
    const row = ctx.org.store.get(obj.name, id);
    return row ? recordToWire(obj, row, ctx.apiVersion, wanted) : null;
  });
  return { status: 200, body: out };
}
