/**
 * Bulk API 1.0 with JSON content (`/services/async/{version}/job...`), as simple-salesforce's
 * `sf.bulk.<Object>.query/query_all/insert/update/upsert/delete` drives it: create a job, add a
 * batch (SOQL text, or a JSON array of records), poll the batch, read its results, close the job.
 * Authentication is the `X-SFDC-Session` header. Errors are Bulk's own shape,
 * `{"exceptionCode": ..., "exceptionMessage": ...}` with HTTP 400, an invalid session included
 * (jsforce's bulk client recognises an expired session by that 400 + InvalidSessionId).
 * An offline org has no queue: a batch runs when it is added and is `Completed` when first polled.
 * Query results are one JSON array of records; Bulk 1.0 JSON carries dates and datetimes as epoch
 * milliseconds. DML results are `{success, created, id, errors[{message, fields, statusCode}]}` per
 * record, each record written on its own (one failure does not undo the others), as Bulk does.
 * Only JSON jobs are modelled (XML and CSV jobs answer InvalidJob); jobs live in memory per org and
 * the oldest are dropped past the same bounds as Bulk 2.0 jobs (bulk2-query.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getObject } from '../../schema/index.ts';
import { isSalesforceError, SalesforceError } from '../../src/errors/salesforce-error.ts';
import type { Org } from '../../src/org/index.ts';
import { makeId } from '../../src/org/ids.ts';
import { datetimeToWire } from '../../src/org/values.ts';
import { query, queryMore } from '../../src/soql/index.ts';
import { parseJsonBody } from '../json-body.ts';
import type { OrgRegistry } from '../org-registry.ts';
import { JSON_TYPE } from '../reply.ts';
import { evict } from './bulk2-query.ts';
import { columnMetadata, type ColumnMetadata } from './query-columns.ts';
import { create, remove, update, upsert, type OpContext } from './sobjects-ops.ts';

const OPERATIONS = new Set(['query', 'queryAll', 'insert', 'update', 'upsert', 'delete']);
const VERSION_RE = /^(\d{1,3}\.\d)$/;

class BulkError extends Error {
  constructor(readonly exceptionCode: string, message: string) {
    super(message);
  }
}

interface Batch {
  id: string;
  state: 'Queued' | 'Completed' | 'Failed';
  stateMessage: string | null;
  createdDate: string;
  processed: number;
  failed: number;
  result: unknown;
  resultId?: string;
  request: unknown;
}

interface Job {
  id: string;
  operation: string;
  object: string;
  externalIdFieldName: string | null;
  concurrencyMode: 'Parallel' | 'Serial';
  state: 'Open' | 'Closed' | 'Aborted';
  createdById: string;
  createdDate: string;
  apiVersion: number;
  batches: Map<string, Batch>;
}

interface OrgBulk {
  nextJob: number;
  nextBatch: number;
  nextResult: number;
  jobs: Map<string, Job>;
}

const byOrg = new WeakMap<Org, OrgBulk>();

function bulkOf(org: Org): OrgBulk {
  let b = byOrg.get(org);
  if (!b) byOrg.set(org, (b = { nextJob: 1, nextBatch: 1, nextResult: 1, jobs: new Map() }));
  return b;
}

interface Ctx {
  org: Org;
  userId: string;
  apiVersion: string;
}

function jobInfo(job: Job): Record<string, unknown> {
  const batches = [...job.batches.values()];
  const count = (s: Batch['state']) => batches.filter((b) => b.state === s).length;
  return {
    apexProcessingTime: 0,
    apiActiveProcessingTime: 0,
    apiVersion: job.apiVersion,
    assignmentRuleId: null,
    concurrencyMode: job.concurrencyMode,
    contentType: 'JSON',
    createdById: job.createdById,
    createdDate: job.createdDate,
    externalIdFieldName: job.externalIdFieldName,
    fastPathEnabled: false,
    id: job.id,
    numberBatchesCompleted: count('Completed'),
    numberBatchesFailed: count('Failed'),
    numberBatchesInProgress: 0,
    numberBatchesQueued: count('Queued'),
    numberBatchesTotal: batches.length,
    numberRecordsFailed: batches.reduce((n, b) => n + b.failed, 0),
    numberRecordsProcessed: batches.reduce((n, b) => n + b.processed, 0),
    numberRetries: 0,
    object: job.object,
    operation: job.operation,
    state: job.state,
    systemModstamp: job.createdDate,
    totalProcessingTime: 0,
  };
}

function batchInfo(job: Job, b: Batch): Record<string, unknown> {
  return {
    apexProcessingTime: 0,
    apiActiveProcessingTime: 0,
    createdDate: b.createdDate,
    id: b.id,
    jobId: job.id,
    numberRecordsFailed: b.failed,
    numberRecordsProcessed: b.processed,
    state: b.state,
    stateMessage: b.stateMessage,
    systemModstamp: b.createdDate,
    totalProcessingTime: 0,
  };
}

function parse(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  try {
    return parseJsonBody(text);
  } catch (e) {
    throw new BulkError('InvalidBatch', `Failed to parse JSON: ${(e as Error).message}`);
  }
}

function createJob(ctx: Ctx, body: unknown): Job {
  const b = parse(body) as Record<string, unknown> | undefined;
  if (!b || typeof b !== 'object' || Array.isArray(b)) throw new BulkError('InvalidJob', 'The job definition must be a JSON object');
  if (typeof b.operation !== 'string' || !OPERATIONS.has(b.operation)) {
    throw new BulkError('InvalidJob', `Invalid operation: ${b.operation === undefined ? 'null' : String(b.operation)}`);
  }
  const obj = typeof b.object === 'string' ? getObject(b.object) : undefined;
  if (!obj) throw new BulkError('InvalidJob', `Unable to find object: ${b.object === undefined ? 'null' : String(b.object)}`);
  if (b.contentType !== 'JSON') throw new BulkError('InvalidJob', `mockforce models JSON bulk jobs only, not ${String(b.contentType ?? 'XML')}`);
  let ext: string | null = null;
  if (b.operation === 'upsert') {
    const f = typeof b.externalIdFieldName === 'string' ? obj.fields.find((x) => x.name.toLowerCase() === (b.externalIdFieldName as string).toLowerCase()) : undefined;
    if (!f) throw new BulkError('InvalidJob', `External ID was blank for ${obj.name}. An External ID must be specified for upsert.`);
    ext = f.name;
  }
  // simple-salesforce sends concurrencyMode as 0 (parallel) or 1 (serial).
  const serial = b.concurrencyMode === 'Serial' || b.concurrencyMode === 1;
  const state = bulkOf(ctx.org);
  const job: Job = {
    id: makeId('750', state.nextJob++),
    operation: b.operation,
    object: obj.name,
    externalIdFieldName: ext,
    concurrencyMode: serial ? 'Serial' : 'Parallel',
    state: 'Open',
    createdById: ctx.userId,
    createdDate: datetimeToWire(ctx.org.clock.nowIso()),
    apiVersion: Number(ctx.apiVersion),
    batches: new Map(),
  };
  state.jobs.set(job.id, job);
  evict(state.jobs, rowsOfJob);
  return job;
}

function rowsOfJob(j: Job): number {
  return [...j.batches.values()].reduce((n, b) => n + b.processed, 0);
}

/** Bulk 1.0 JSON: dates and datetimes as epoch milliseconds, walked along the query's columns. */
function toBulkRecord(rec: Record<string, unknown>, cols: ColumnMetadata[]): Record<string, unknown> {
  for (const c of cols) {
    const v = rec[c.columnName];
    if (c.joinColumns.length && v && typeof v === 'object' && !Array.isArray(v)) {
      toBulkRecord(v as Record<string, unknown>, c.joinColumns);
    } else if (typeof v === 'string' && (c.apexType === 'Datetime' || c.apexType === 'Date')) {
      rec[c.columnName] = Date.parse(c.apexType === 'Date' ? `${v}T00:00:00.000Z` : v.replace(/\+0000$/, 'Z'));
    }
  }
  return rec;
}

function runQuery(ctx: Ctx, job: Job, soql: string): Record<string, unknown>[] {
  const opts = { apiVersion: ctx.apiVersion, includeDeleted: job.operation === 'queryAll' };
  let page = query(ctx.org, soql, opts);
  const meta = columnMetadata(soql);
  const cols = meta.columnMetadata as ColumnMetadata[];
  if (String(meta.entityName).toLowerCase() !== job.object.toLowerCase()) {
    throw new BulkError('InvalidBatch', `The query object ${String(meta.entityName)} does not match the job object ${job.object}`);
  }
  if (cols.some((c) => c.aggregate)) throw new BulkError('InvalidBatch', 'Aggregate queries and nested relationship queries are not supported by Bulk API');
  const out: Record<string, unknown>[] = [];
  for (;;) {
    for (const r of page.records as Record<string, unknown>[]) out.push(toBulkRecord(r, cols));
    if (page.done || !page.nextRecordsUrl) break;
    page = queryMore(ctx.org, page.nextRecordsUrl, opts);
  }
  return out;
}

function dmlOne(ctx: Ctx, job: Job, rec: unknown): Record<string, unknown> {
  const op: OpContext = { org: ctx.org, apiVersion: ctx.apiVersion, userId: ctx.userId };
  try {
    if (!rec || typeof rec !== 'object' || Array.isArray(rec)) throw new BulkError('InvalidBatch', 'Each record must be a JSON object');
    const r = { ...(rec as Record<string, unknown>) };
    const idKey = Object.keys(r).find((k) => k.toLowerCase() === 'id');
    const id = idKey ? r[idKey] : undefined;
    if (idKey) delete r[idKey];
    if (job.operation === 'insert') {
      const res = create(op, job.object, r);
      return { success: true, created: true, id: (res.body as { id: string }).id, errors: [] };
    }
    if (job.operation === 'upsert') {
      const key = Object.keys(rec as object).find((k) => k.toLowerCase() === job.externalIdFieldName!.toLowerCase());
      const value = key ? (rec as Record<string, unknown>)[key] : undefined;
      if (value === undefined || value === null || value === '') {
        throw new SalesforceError('MISSING_ARGUMENT', `External ID field ${job.externalIdFieldName} is missing or blank`);
      }
      if (key) delete r[key];
      const res = upsert(op, job.object, job.externalIdFieldName!, String(value), r);
      if (res.status === 300) throw new SalesforceError('DUPLICATE_EXTERNAL_ID', `Duplicate external id specified: ${String(value)}`);
      const body = res.body as { id: string };
      return { success: true, created: res.status === 201, id: body.id, errors: [] };
    }
    if (typeof id !== 'string' || id === '') {
      throw new SalesforceError('MISSING_ARGUMENT', 'Id not specified in an update call');
    }
    if (job.operation === 'update') update(op, job.object, id, r);
    else remove(op, job.object, id);
    return { success: true, created: false, id, errors: [] };
  } catch (e) {
    if (e instanceof BulkError) return { success: false, created: false, id: null, errors: [{ message: e.message, fields: [], statusCode: e.exceptionCode }] };
    if (!isSalesforceError(e)) throw e;
    return { success: false, created: false, id: null, errors: [{ message: e.message, fields: e.fields ?? [], statusCode: e.errorCode }] };
  }
}

function addBatch(ctx: Ctx, job: Job, body: unknown): Batch {
  if (job.state !== 'Open') throw new BulkError('InvalidJobState', `Job ${job.id} is ${job.state.toLowerCase()}; no batches can be added`);
  const state = bulkOf(ctx.org);
  const batch: Batch = {
    id: makeId('751', state.nextBatch++),
    state: 'Completed',
    stateMessage: null,
    createdDate: datetimeToWire(ctx.org.clock.nowIso()),
    processed: 0,
    failed: 0,
    result: null,
    request: null,
  };
  try {
    if (job.operation === 'query' || job.operation === 'queryAll') {
      const soql = typeof body === 'string' ? body : '';
      if (soql.trim() === '') throw new BulkError('InvalidBatch', 'The batch must contain a SOQL query');
      batch.request = soql;
      const rows = runQuery(ctx, job, soql);
      batch.result = rows;
      batch.resultId = makeId('752', state.nextResult++);
      batch.processed = rows.length;
    } else {
      const records = parse(body);
      if (!Array.isArray(records)) throw new BulkError('InvalidBatch', 'The batch must be a JSON array of records');
      if (records.length > 10_000) throw new BulkError('InvalidBatch', 'Records in a batch cannot exceed 10000');
      batch.request = records;
      const results = records.map((r) => dmlOne(ctx, job, r));
      batch.result = results;
      batch.processed = results.length;
      batch.failed = results.filter((r) => !r.success).length;
    }
  } catch (e) {
    if (e instanceof BulkError && e.exceptionCode === 'InvalidJobState') throw e;
    // A batch that cannot run fails as a whole, with the reason in stateMessage (as Bulk reports
    // a bad query: `InvalidBatch : ...`).
    if (!(e instanceof BulkError) && !isSalesforceError(e)) throw e;
    batch.state = 'Failed';
    const code = e instanceof BulkError ? e.exceptionCode : (e as { errorCode: string }).errorCode;
    batch.stateMessage = `${code === 'InvalidBatch' ? 'InvalidBatch' : `InvalidBatch : ${code}`} : ${(e as Error).message}`;
  }
  job.batches.set(batch.id, batch);
  evict(state.jobs, rowsOfJob);
  return batch;
}

function send(reply: FastifyReply, status: number, body: unknown) {
  return reply.code(status).type(JSON_TYPE).send(JSON.stringify(body));
}

type BulkReq = FastifyRequest<{ Params: { version: string; jobId?: string; batchId?: string; resultId?: string } }>;

export function bulkV1Routes(registry: OrgRegistry) {
  return async function routes(app: FastifyInstance): Promise<void> {
    const ctxOf = (req: BulkReq): Ctx => {
      if (!VERSION_RE.test(req.params.version)) throw new BulkError('InvalidVersion', `Invalid API version: ${req.params.version}`);
      const token = req.headers['x-sfdc-session'];
      const session = typeof token === 'string' ? registry.session(token.trim()) : undefined;
      const entry = session ? registry.get(session.orgKey) : undefined;
      if (!session || !entry) throw new BulkError('InvalidSessionId', 'Invalid session id');
      registry.countRequest(session.orgKey);
      return { org: entry.org, userId: session.userId, apiVersion: req.params.version };
    };
    const jobOf = (ctx: Ctx, req: BulkReq): Job => {
      const job = bulkOf(ctx.org).jobs.get(req.params.jobId ?? '');
      if (!job) throw new BulkError('InvalidJob', `Invalid job id: ${req.params.jobId}`);
      return job;
    };
    const batchOf = (job: Job, req: BulkReq): Batch => {
      const b = job.batches.get(req.params.batchId ?? '');
      if (!b) throw new BulkError('InvalidBatch', `Invalid batch id: ${req.params.batchId}`);
      return b;
    };

    app.setErrorHandler((err, _req, reply) => {
      if (err instanceof BulkError) return send(reply, 400, { exceptionCode: err.exceptionCode, exceptionMessage: err.message });
      if (isSalesforceError(err)) return send(reply, 400, { exceptionCode: 'InvalidBatch', exceptionMessage: `${err.errorCode} : ${err.message}` });
      return send(reply, 500, { exceptionCode: 'ServerUnavailable', exceptionMessage: 'Unexpected error' });
    });

    app.post('/job', async (req: BulkReq, reply) => send(reply, 201, jobInfo(createJob(ctxOf(req), req.body))));
    app.get('/job/:jobId', async (req: BulkReq, reply) => {
      const ctx = ctxOf(req);
      return send(reply, 200, jobInfo(jobOf(ctx, req)));
    });
    app.post('/job/:jobId', async (req: BulkReq, reply) => {
      const ctx = ctxOf(req);
      const job = jobOf(ctx, req);
      const b = parse(req.body) as Record<string, unknown> | undefined;
      const state = b && typeof b === 'object' ? b.state : undefined;
      if (state !== 'Closed' && state !== 'Aborted') throw new BulkError('InvalidJob', `Invalid state: ${String(state)}`);
      if (job.state !== 'Open' && job.state !== state) throw new BulkError('InvalidJobState', `Job ${job.id} is already ${job.state.toLowerCase()}`);
      job.state = state;
      return send(reply, 200, jobInfo(job));
    });
    app.post('/job/:jobId/batch', async (req: BulkReq, reply) => {
      const ctx = ctxOf(req);
      const job = jobOf(ctx, req);
      const batch = addBatch(ctx, job, req.body);
      // The create answer shows the batch as just queued; polling sees it finished.
      return send(reply, 201, { ...batchInfo(job, batch), state: 'Queued', numberRecordsProcessed: 0, numberRecordsFailed: 0 });
    });
    app.get('/job/:jobId/batch', async (req: BulkReq, reply) => {
      const ctx = ctxOf(req);
      const job = jobOf(ctx, req);
      return send(reply, 200, { batchInfo: [...job.batches.values()].map((b) => batchInfo(job, b)) });
    });
    app.get('/job/:jobId/batch/:batchId', async (req: BulkReq, reply) => {
      const ctx = ctxOf(req);
      const job = jobOf(ctx, req);
      return send(reply, 200, batchInfo(job, batchOf(job, req)));
    });
    app.get('/job/:jobId/batch/:batchId/request', async (req: BulkReq, reply) => {
      const ctx = ctxOf(req);
      const b = batchOf(jobOf(ctx, req), req);
      return typeof b.request === 'string' ? reply.code(200).type('text/plain').send(b.request) : send(reply, 200, b.request);
    });
    app.get('/job/:jobId/batch/:batchId/result', async (req: BulkReq, reply) => {
      const ctx = ctxOf(req);
      const b = batchOf(jobOf(ctx, req), req);
      if (b.state === 'Failed') throw new BulkError('InvalidBatch', `Batch failed: ${b.stateMessage}`);
      return send(reply, 200, b.resultId ? [b.resultId] : b.result);
    });
    app.get('/job/:jobId/batch/:batchId/result/:resultId', async (req: BulkReq, reply) => {
      const ctx = ctxOf(req);
      const b = batchOf(jobOf(ctx, req), req);
      if (!b.resultId || b.resultId !== req.params.resultId) throw new BulkError('InvalidBatch', `Invalid result id: ${req.params.resultId}`);
      return send(reply, 200, b.result);
    });
  };
}
