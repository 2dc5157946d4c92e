/**
 * sObject Tree, `POST /composite/tree/{T}` (reference/salesforce-api.md §5.9): records of type T
 * with nested children under their child relationship names, created in one transaction. Success:
 * 201 with every record's referenceId and Id. Any failure rolls all back: 400 with the failing
 * records' errors only.
 */
import { getChildRelationship, getObject } from '../../schema/index.ts';
import type { ObjectDef } from '../../schema/types.ts';
import { SalesforceError, isSalesforceError } from '../../src/errors/salesforce-error.ts';
import { createRecord } from '../../src/org/validate-write.ts';
import { itemError, type ItemError } from './composite-collections.ts';
import { objectOf, type OpContext, type OpResult } from './sobjects-ops.ts';

export const MAX_TREE_RECORDS = 200;
const MAX_DEPTH = 5;

type Rec = Record<string, unknown>;
type TreeResult = { referenceId: string | null; id?: string; errors?: ItemError[] };

class Rollback extends Error {}

const invalidInput = (message: string) => new SalesforceError('INVALID_INPUT', message, 400);

function isObj(v: unknown): v is Rec {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function createTree(ctx: OpContext, type: string, body: unknown): OpResult {
  const root = objectOf(type);
  if (!isObj(body) || !Array.isArray(body.records)) throw invalidInput('The request body must be a JSON object with a records array');
  const total = countRecords(body.records, 1);
  if (total > MAX_TREE_RECORDS) throw invalidInput(`Exceeded max limit of ${MAX_TREE_RECORDS} records in the request`);

  const ok: TreeResult[] = [];
  const failed: TreeResult[] = [];
  const seenRefs = new Set<string>();

  const insert = (obj: ObjectDef, rec: unknown, parent?: { field: string; id: string }): void => {
    const attrs = isObj(rec) && isObj(rec.attributes) ? rec.attributes : {};
    const referenceId = typeof attrs.referenceId === 'string' && attrs.referenceId ? attrs.referenceId : null;
    const fail = (e: SalesforceError): void => {
      failed.push({ referenceId, errors: [itemError(e)] });
    };
    if (!isObj(rec)) return fail(invalidInput('Each record must be a JSON object'));
    if (referenceId === null) return fail(invalidInput('Include a reference ID for each record in the request.'));
    if (seenRefs.has(referenceId)) return fail(invalidInput(`Duplicate ReferenceId provided in the request: ${referenceId}`));
    seenRefs.add(referenceId);
    const declared = typeof attrs.type === 'string' ? getObject(attrs.type) : undefined;
    if (declared !== obj) return fail(invalidInput(`The type of record ${referenceId} must be ${obj.name}`));
    const fields: Rec = {};
    const children: { obj: ObjectDef; field: string; records: unknown[] }[] = [];
    for (const [k, v] of Object.entries(rec)) {
      if (k === 'attributes') continue;
      const rel = isObj(v) && Array.isArray(v.records) ? getChildRelationship(obj, k) : undefined;
      if (rel) children.push({ obj: getObject(rel.childSObject)!, field: rel.field, records: (v as Rec).records as unknown[] });
      else fields[k] = v;
    }
    if (parent) fields[parent.field] = parent.id;
    let id: string;
    try {
      id = ctx.org.store.transaction(() => createRecord(ctx.org, obj.name, fields, { userId: ctx.userId }));
    } catch (e) {
      if (!isSalesforceError(e)) throw e;
      return fail(e);
    }
    ok.push({ referenceId, id });
    for (const c of children) for (const child of c.records) insert(c.obj, child, { field: c.field, id });
  };

  try {
    ctx.org.store.transaction(() => {
      for (const rec of body.records as unknown[]) insert(root, rec);
      if (failed.length) throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
    return { status: 400, body: { hasErrors: true, results: failed } };
  }
  return { status: 201, body: { hasErrors: false, results: ok } };
}

/** Records in the tree, children included; deeper than five levels is refused. */
function countRecords(records: unknown[], depth: number): number {
  if (depth > MAX_DEPTH) throw invalidInput(`Exceeded max depth of ${MAX_DEPTH} levels of nested records`);
  let n = 0;
  for (const r of records) {
    n++;
    if (!isObj(r)) continue;
    for (const v of Object.values(r)) if (isObj(v) && Array.isArray(v.records)) n += countRecords(v.records, depth + 1);
  }
  return n;
}
