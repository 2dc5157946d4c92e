/**
 * The SOQL engine: `query(org, soql, opts)` answers as Salesforce's REST query resource does, and
 * `queryMore(org, locator)` pages through large results. Pipeline (DESIGN.md "SOQL"): parse
 * (@jetstreamapp/soql-parser-js) -> bind against schema/ with Salesforce's errors -> plan -> SQLite
 * with bound parameters only -> shape. Compiled plans (with prepared statements) are cached per org
 * and query text.
 */
import type { Org } from '../org/org.ts';
import { SalesforceError } from '../errors/salesforce-error.ts';
import { compile } from './compile.ts';
import { CHILD_BATCH_SIZE, runAggregate, runCount, runRecords } from './execute.ts';
import { closeCursor, findCursor, openCursor } from './locators.ts';
import { errorForVersion } from './parse.ts';
import type { Compiled } from './plan-types.ts';
import type { ExecContext } from './sql-fragment.ts';
import { ensureFunctions } from './udf.ts';
import { ensureVirtualTables } from './virtual-objects.ts';

export interface QueryOptions {
  /** e.g. '59.0'; used in attributes.url and nextRecordsUrl. */
  apiVersion?: string;
  /** queryAll: include soft-deleted rows. */
  includeDeleted?: boolean;
  /** Sforce-Query-Options batchSize, 200..2000, default 2000. */
  batchSize?: number;
  /** Restrict the top-level rows to these Ids (SOSL RETURNING). */
  idFilter?: readonly string[];
}

export interface QueryResult {
  totalSize: number;
  done: boolean;
  records: Record<string, unknown>[];
  nextRecordsUrl?: string;
}

export const DEFAULT_API_VERSION = '59.0';
export const DEFAULT_BATCH_SIZE = 2000;
const MIN_BATCH_SIZE = 200;
const CACHE_LIMIT = 500;

export { SalesforceError };

const caches = new WeakMap<Org, Map<string, Compiled>>();

/** A compiled plan for `soql`, from the org's cache when this exact text was seen before. */
export function compiled(org: Org, soql: string, includeDeleted: boolean, idFilter: boolean): Compiled {
  let cache = caches.get(org);
  if (!cache) caches.set(org, (cache = new Map()));
  const key = `${includeDeleted ? 1 : 0}${idFilter ? 1 : 0}${soql}`;
  let plan = cache.get(key);
  if (plan) {
    // Refresh recency for LRU eviction.
    cache.delete(key);
    cache.set(key, plan);
    return plan;
  }
  ensureFunctions(org.db);
  ensureVirtualTables(org.db);
  plan = compileSafely(org, soql, includeDeleted, idFilter);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, plan);
  return plan;
}

function compileSafely(org: Org, soql: string, includeDeleted: boolean, idFilter: boolean): Compiled {
  try {
    return compile(org.db, soql, { includeDeleted, idFilter });
  } catch (e) {
    if (e instanceof SalesforceError) throw e;
    // SQLite refusing the statement means it is too big (e.g. more than 32,766 bound values), which is
    // Salesforce's QUERY_TOO_COMPLICATED (reference/salesforce-api.md §6.2).
    if (e instanceof Error && e.name === 'SqliteError') {
      throw new SalesforceError('QUERY_TOO_COMPLICATED', 'Query is either selecting too many fields or the filter conditions are too complicated.', 400);
    }
    // A query we failed to translate is still the client's malformed query, never a 500.
    throw new SalesforceError('MALFORMED_QUERY', `unexpected token: '${soql.trim().split(/\s+/).pop() ?? ''}'`, 400);
  }
}

/** '59.0' (a leading 'v' is tolerated: callers may pass the URL segment). */
function versionOf(opts: QueryOptions): string {
  const v = opts.apiVersion ?? DEFAULT_API_VERSION;
  return v.startsWith('v') || v.startsWith('V') ? v.slice(1) : v;
}

function batchSizeOf(opts: QueryOptions): number {
  const n = opts.batchSize;
  if (n === undefined || !Number.isFinite(n)) return DEFAULT_BATCH_SIZE;
  return Math.min(DEFAULT_BATCH_SIZE, Math.max(MIN_BATCH_SIZE, Math.floor(n)));
}

function execContext(org: Org, opts: QueryOptions): ExecContext {
  return {
    nowMs: org.clock.now().getTime(),
    userId: org.store.defaultUserId,
    ...(opts.idFilter ? { idsJson: JSON.stringify(opts.idFilter) } : {}),
  };
}

export function query(org: Org, soql: string, opts: QueryOptions = {}): QueryResult {
  if (typeof soql !== 'string') throw new SalesforceError('MALFORMED_QUERY', "unexpected token: '<EOF>'", 400);
  const apiVersion = versionOf(opts);
  let plan: Compiled;
  try {
    plan = compiled(org, soql, !!opts.includeDeleted, !!opts.idFilter);
  } catch (e) {
    throw e instanceof SalesforceError ? errorForVersion(e, Number(apiVersion)) : e;
  }
  for (const v of plan.versionedErrors ?? []) {
    const n = Number(apiVersion);
    if ((v.fromVersion !== undefined && n >= v.fromVersion) || (v.beforeVersion !== undefined && n < v.beforeVersion)) throw v.error;
  }
  const ctx = execContext(org, opts);
  try {
    if (plan.kind === 'count') return { totalSize: runCount(plan, ctx), done: true, records: [] };
    if (plan.kind === 'aggregate') {
      const records = runAggregate(plan, ctx);
      if (records.length > DEFAULT_BATCH_SIZE) {
        throw new SalesforceError('EXCEEDED_ID_LIMIT', 'Aggregate query does not support queryMore(), use LIMIT to restrict the results to a single batch', 400);
      }
      return { totalSize: records.length, done: true, records };
    }
    const includeDeleted = !!opts.includeDeleted;
    const pageChildren = (children: Record<string, unknown>[]) => ({ ...page(org, children, children.length, 0, CHILD_BATCH_SIZE, apiVersion, includeDeleted) });
    const records = runRecords(plan.plan, ctx, { apiVersion, pageChildren });
    return page(org, records, records.length, 0, batchSizeOf(opts), apiVersion, !!opts.includeDeleted);
  } catch (e) {
    if (e instanceof SalesforceError) throw e;
    throw new SalesforceError('QUERY_TIMEOUT', 'Your query request was running for too long.', 400);
  }
}

function page(org: Org, all: Record<string, unknown>[], totalSize: number, position: number, batch: number, apiVersion: string, includeDeleted: boolean, cursorId?: string): QueryResult {
  const end = position + batch;
  if (end >= all.length) {
    if (cursorId) closeCursor(org, cursorId);
    return { totalSize, done: true, records: position === 0 ? all : all.slice(position) };
  }
  const id = cursorId ?? openCursor(org, all, totalSize).id;
  return {
    totalSize,
    done: false,
    nextRecordsUrl: `/services/data/v${apiVersion}/${includeDeleted ? 'queryAll' : 'query'}/${id}-${end}`,
    records: all.slice(position, end),
  };
}

/** The next page for `locator` (the last segment of nextRecordsUrl). */
export function queryMore(org: Org, locator: string, opts: QueryOptions = {}): QueryResult {
  const found = typeof locator === 'string' ? findCursor(org, locator.split('/').pop() ?? '') : undefined;
  if (!found) throw new SalesforceError('INVALID_QUERY_LOCATOR', 'invalid query locator', 400);
  const apiVersion = versionOf(opts);
  const { cursor, position } = found;
  return page(org, cursor.records, cursor.totalSize, position, batchSizeOf(opts), apiVersion, !!opts.includeDeleted, cursor.id);
}
