/**
 * Describe payloads derived from schema/: describeGlobal, basic info and full describe.
 * Payloads depend only on (object, API version), so each is built once and kept as its JSON text;
 * callers send the text as is, which also spares a re-serialization per request.
 */
import { OBJECTS, onSchemaChange } from '../../schema/index.ts';
import type { ObjectDef } from '../../schema/types.ts';
import { VIRTUAL_OBJECTS } from '../soql/virtual-objects.ts';
import { describeSObject } from './sobject-describe.ts';
import { sobjectSummary } from './sobject-summary.ts';

export { describeField } from './field-describe.ts';
export { describeSObject, MASTER_RECORD_TYPE_ID } from './sobject-describe.ts';
export { sobjectSummary, sobjectUrls } from './sobject-summary.ts';
export { isIdLookup, isUpsertKey } from './id-lookup.ts';
export { soapType } from './soap-type.ts';

const cache = new Map<string, string>();
// User metadata (src/metadata/) changes what describe returns.
onSchemaChange(() => cache.clear());
/**
 * Bounded, least recently used first out: clients use a handful of versions, but any `vNN.N` is
 * accepted, and a client walking through thousands of them must not grow the cache without end.
 */
const MAX_CACHED = 256;

function cached(key: string, build: () => unknown): string {
  let json = cache.get(key);
  if (json === undefined) {
    json = JSON.stringify(build());
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  } else {
    cache.delete(key);
  }
  cache.set(key, json);
  return json;
}

/** `GET /sobjects`: every object, with the encoding and batch size clients read. */
export function describeGlobalJson(apiVersion: string): string {
  return cached(`global|${apiVersion}`, () => ({
    encoding: 'UTF-8',
    maxBatchSize: 200,
    // Salesforce lists objects sorted by API name.
    // Organization (a view, src/soql/virtual-objects.ts) is listed too, as a real org lists it:
    // queryable, not createable/updateable/deletable, key prefix 00D.
    sobjects: [...OBJECTS, ...VIRTUAL_OBJECTS].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((o) => sobjectSummary(o, apiVersion)),
  }));
}

/** `GET /sobjects/{T}/describe`. */
export function describeJson(obj: ObjectDef, apiVersion: string): string {
  return cached(`describe|${obj.name}|${apiVersion}`, () => describeSObject(obj, apiVersion));
}

/** The `objectDescribe` part of `GET /sobjects/{T}` (recentItems are per request). */
export function objectDescribeJson(obj: ObjectDef, apiVersion: string): string {
  return cached(`summary|${obj.name}|${apiVersion}`, () => sobjectSummary(obj, apiVersion));
}
