/**
 * Bulk API 1.0 (`/services/async/{version}/job...`) as simple-salesforce's
 * `sf.bulk.<Object>.query/query_all/insert/update/upsert/delete` (JSON jobs) and jsforce's
 * `conn.bulk.load/query` (XML job info, CSV batches) drive it: create a job, add a batch (SOQL
 * text, or the records as a JSON array or CSV), poll the batch, read its results, close the job.
 * JSON jobs answer JSON; CSV jobs answer job and batch info as XML (dataload namespace), query
 * results as CSV (same cells as Bulk 2.0) and DML results as `"Id","Success","Created","Error"`.
 * Authentication is the `X-SFDC-Session` header. Errors are Bulk's own shape,
 * `{"exceptionCode": ..., "exceptionMessage": ...}` with HTTP 400, an invalid session included
 * (jsforce's bulk client recognises an expired session by that 400 + InvalidSessionId).
 * An offline org has no queue: a batch runs when it is added and is `Completed` when first polled.
 * Query results are one JSON array of records; Bulk 1.0 JSON carries dates and datetimes as epoch
 * milliseconds. DML results are `{success, created, id, errors[{message, fields, statusCode}]}` per
 * record, each record written on its own (one failure does not undo the others), as Bulk does.
 * XML-content jobs are not modelled (InvalidJob); jobs live in memory per org and
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
import { cell, evict, flatten, valueAt, type Column } from './bulk2-query.ts';
import { columnMetadata, type ColumnMetadata } from './query-columns.ts';
import { create, remove, update, upsert, type OpContext } from './sobjects-ops.ts';

const OPERATIONS = new Set(['query', 'queryAll', 'insert', 'update', 'upsert', 'delete']);
const VERSION_RE = /^(\d{1,3}\.\d)$/;

export class BulkError extends Error {
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
  /** Query batches of CSV jobs: the columns their CSV result is rendered with. */
  columns?: Column[];
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
  contentType: 'JSON' | 'CSV';
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

export interface Ctx {
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
    contentType: job.contentType,
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

/** The fields of an XML `<jobInfo>` (jsforce), namespace prefixes ignored. */
function parseJobXml(text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ['operation', 'object', 'contentType', 'externalIdFieldName', 'concurrencyMode', 'state']) {
    const m = new RegExp(`<(?:\\w+:)?${k}>([^<]*)</(?:\\w+:)?${k}>`).exec(text);
    if (m) out[k] = unescapeXml(m[1]!.trim());
  }
  return out;
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function jobBody(body: unknown): Record<string, unknown> | undefined {
  if (typeof body === 'string' && body.trimStart().startsWith('<')) return parseJobXml(body);
  return parse(body) as Record<string, unknown> | undefined;
}

function createJob(ctx: Ctx, body: unknown): Job {
  const b = jobBody(body);
  if (!b || typeof b !== 'object' || Array.isArray(b)) throw new BulkError('InvalidJob', 'The job definition must be a JSON object');
  if (typeof b.operation !== 'string' || !OPERATIONS.has(b.operation)) {
    throw new BulkError('InvalidJob', `Invalid operation: ${b.operation === undefined ? 'null' : String(b.operation)}`);
  }
  const obj = typeof b.object === 'string' ? getObject(b.object) : undefined;
  if (!obj) throw new BulkError('InvalidJob', `Unable to find object: ${b.object === undefined ? 'null' : String(b.object)}`);
  const contentType = b.contentType ?? 'XML';
  if (contentType !== 'JSON' && contentType !== 'CSV') throw new BulkError('InvalidJob', `mockforce models JSON and CSV bulk jobs, not ${String(contentType)}`);
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
    contentType,
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

function runQuery(ctx: Ctx, job: Job, soql: string, batch: Batch): Record<string, unknown>[] {
  const opts = { apiVersion: ctx.apiVersion, includeDeleted: job.operation === 'queryAll' };
  let page = query(ctx.org, soql, opts);
  const meta = columnMetadata(soql);
  const cols = meta.columnMetadata as ColumnMetadata[];
  if (String(meta.entityName).toLowerCase() !== job.object.toLowerCase()) {
    throw new BulkError('InvalidBatch', `The query object ${String(meta.entityName)} does not match the job object ${job.object}`);
  }
  if (cols.some((c) => c.aggregate)) throw new BulkError('InvalidBatch', 'Aggregate queries and nested relationship queries are not supported by Bulk API');
  const csv = job.contentType === 'CSV';
  if (csv) batch.columns = flatten(cols);
  const out: Record<string, unknown>[] = [];
  for (;;) {
    for (const r of page.records as Record<string, unknown>[]) out.push(csv ? r : toBulkRecord(r, cols));
    if (page.done || !page.nextRecordsUrl) break;
    page = queryMore(ctx.org, page.nextRecordsUrl, opts);
  }
  return out;
}

export function dmlOne(ctx: Ctx, job: Pick<Job, 'operation' | 'object' | 'externalIdFieldName'>, rec: unknown): Record<string, unknown> {
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
      const rows = runQuery(ctx, job, soql, batch);
      batch.result = rows;
      batch.resultId = makeId('752', state.nextResult++);
      batch.processed = rows.length;
    } else {
      const records = job.contentType === 'CSV' ? parseCsvRecords(typeof body === 'string' ? body : '') : parse(body);
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

/** RFC 4180 rows (quoted fields, doubled quotes, CRLF or LF). */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
      else if (c === '"') (quoted = false), i++;
      else (field += c), i++;
    } else if (c === '"') (quoted = true), i++;
    else if (c === delimiter) row.push(field), (field = ''), i++;
    else if (c === '\r' || c === '\n') {
      row.push(field), rows.push(row), (row = []), (field = '');
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else (field += c), i++;
  }
  if (quoted) throw new BulkError('InvalidBatch', 'Failed to parse CSV: unterminated quoted field');
  if (field !== '' || row.length) row.push(field), rows.push(row);
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** CSV batch records: empty cells are left out, `#N/A` sets a field to null (Bulk API 1.0). */
export function parseCsvRecords(text: string, delimiter = ','): Record<string, unknown>[] {
  const [header, ...rows] = parseCsv(text, delimiter);
  if (!header || header.length === 0) throw new BulkError('InvalidBatch', 'The CSV batch has no header row');
  return rows.map((r) => {
    const rec: Record<string, unknown> = {};
    header.forEach((h, k) => {
      const v = r[k] ?? '';
      if (v === '#N/A') rec[h.trim()] = null;
      else if (v !== '') rec[h.trim()] = v;
    });
    return rec;
  });
}

function csvQueryResult(b: Batch): string {
  const cols = b.columns ?? [];
  const lines = [cols.map((c) => `"${c.path.join('.').replace(/"/g, '""')}"`).join(',')];
  for (const r of b.result as Record<string, unknown>[]) lines.push(cols.map((c) => cell(valueAt(r, c), c.datetime)).join(','));
  return lines.join('\n') + '\n';
}

function csvDmlResult(b: Batch): string {
  const q = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const lines = ['"Id","Success","Created","Error"'];
  for (const r of b.result as { success: boolean; created: boolean; id: string | null; errors: { message: string; fields: string[]; statusCode: string }[] }[]) {
    // Bulk 1.0 writes an error as `CODE:message:field,field --`.
    const err = r.errors.map((e) => `${e.statusCode}:${e.message}:${e.fields.join(',')} --`).join(' ');
    lines.push([q(r.id ?? ''), q(String(r.success)), q(String(r.created)), q(err)].join(','));
  }
  return lines.join('\n') + '\n';
}

const NS = 'http://www.force.com/2009/06/asyncapi/dataload';

function toXml(root: string, info: Record<string, unknown>, order: string[]): string {
  const parts = order
    .filter((k) => info[k] !== null && info[k] !== undefined)
    .map((k) => `<${k}>${escapeXml(typeof info[k] === 'number' && k === 'apiVersion' ? (info[k] as number).toFixed(1) : String(info[k]))}</${k}>`);
  return `<?xml version="1.0" encoding="UTF-8"?><${root} xmlns="${NS}">${parts.join('')}</${root}>`;
}

const JOB_XML_ORDER = [
  'id', 'operation', 'object', 'createdById', 'createdDate', 'systemModstamp', 'state', 'externalIdFieldName', 'concurrencyMode',
  'contentType', 'numberBatchesQueued', 'numberBatchesInProgress', 'numberBatchesCompleted', 'numberBatchesFailed',
  'numberBatchesTotal', 'numberRecordsProcessed', 'numberRetries', 'apiVersion', 'numberRecordsFailed', 'totalProcessingTime',
  'apiActiveProcessingTime', 'apexProcessingTime',
];
const BATCH_XML_ORDER = [
  'id', 'jobId', 'state', 'stateMessage', 'createdDate', 'systemModstamp', 'numberRecordsProcessed', 'numberRecordsFailed',
  'totalProcessingTime', 'apiActiveProcessingTime', 'apexProcessingTime',
];

function sendJob(reply: FastifyReply, status: number, job: Job) {
  if (job.contentType === 'JSON') return send(reply, status, jobInfo(job));
  return reply.code(status).type('application/xml').send(toXml('jobInfo', jobInfo(job), JOB_XML_ORDER));
}

function sendBatch(reply: FastifyReply, status: number, job: Job, info: Record<string, unknown>) {
  if (job.contentType === 'JSON') return send(reply, status, info);
  return reply.code(status).type('application/xml').send(toXml('batchInfo', info, BATCH_XML_ORDER));
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
      if (job.contentType !== 'JSON') (req as { bulkXml?: boolean }).bulkXml = true;
      return job;
    };
    const batchOf = (job: Job, req: BulkReq): Batch => {
      const b = job.batches.get(req.params.batchId ?? '');
      if (!b) throw new BulkError('InvalidBatch', `Invalid batch id: ${req.params.batchId}`);
      return b;
    };

    app.setErrorHandler((err, req, reply) => {
      const [status, code, message] =
        err instanceof BulkError ? [400, err.exceptionCode, err.message]
        : isSalesforceError(err) ? [400, 'InvalidBatch', `${err.errorCode} : ${err.message}`]
        : [500, 'ServerUnavailable', 'Unexpected error'];
      // XML for XML/CSV clients (jsforce), JSON otherwise.
      const ct = String(req.headers['content-type'] ?? '');
      if (/xml|csv/i.test(ct) || (req as { bulkXml?: boolean }).bulkXml) {
        return reply.code(status).type('application/xml').send(toXml('error', { exceptionCode: code, exceptionMessage: message }, ['exceptionCode', 'exceptionMessage']));
      }
      return send(reply, status, { exceptionCode: code, exceptionMessage: message });
    });

    app.post('/job', async (req: BulkReq, reply) => sendJob(reply, 201, createJob(ctxOf(req), req.body)));
    app.get('/job/:jobId', async (req: BulkReq, reply) => {
      const ctx = ctxOf(req);
      return sendJob(reply, 200, jobOf(ctx, req));
    });
    app.post('/job/:jobId', async (req: BulkReq, reply) => {
      const ctx = ctxOf(req);
      const job = jobOf(ctx, req);
      const b = jobBody(req.body);
      const state = b && typeof b === 'object' ? b.state : undefined;
      if (state !== 'Closed' && state !== 'Aborted') throw new BulkError('InvalidJob', `Invalid state: ${String(state)}`);
      if (job.state !== 'Open' && job.state !== state) throw new BulkError('InvalidJobState', `Job ${job.id} is already ${job.state.toLowerCase()}`);
      job.state = state;
      return sendJob(reply, 200, job);
    });
    app.post('/job/:jobId/batch', async (req: BulkReq, reply) => {
      const ctx = ctxOf(req);
      const job = jobOf(ctx, req);
      const batch = addBatch(ctx, job, req.body);
      // The create answer shows the batch as just queued; polling sees it finished.
      return sendBatch(reply, 201, job, { ...batchInfo(job, batch), state: 'Queued', numberRecordsProcessed: 0, numberRecordsFailed: 0 });
    });
    app.get('/job/:jobId/batch', async (req: BulkReq, reply) => {
      const ctx = ctxOf(req);
      const job = jobOf(ctx, req);
      if (job.contentType !== 'JSON') {
        const inner = [...job.batches.values()].map((b) => toXml('batchInfo', batchInfo(job, b), BATCH_XML_ORDER).replace(/^<\?xml[^>]*\?>/, '').replace(` xmlns="${NS}"`, ''));
        return reply.code(200).type('application/xml').send(`<?xml version="1.0" encoding="UTF-8"?><batchInfoList xmlns="${NS}">${inner.join('')}</batchInfoList>`);
      }
      return send(reply, 200, { batchInfo: [...job.batches.values()].map((b) => batchInfo(job, b)) });
    });
    app.get('/job/:jobId/batch/:batchId', async (req: BulkReq, reply) => {
      const ctx = ctxOf(req);
      const job = jobOf(ctx, req);
      return sendBatch(reply, 200, job, batchInfo(job, batchOf(job, req)));
    });
    app.get('/job/:jobId/batch/:batchId/request', async (req: BulkReq, reply) => {
      const ctx = ctxOf(req);
      const b = batchOf(jobOf(ctx, req), req);
      return typeof b.request === 'string' ? reply.code(200).type('text/plain').send(b.request) : send(reply, 200, b.request);
    });
    app.get('/job/:jobId/batch/:batchId/result', async (req: BulkReq, reply) => {
      const ctx = ctxOf(req);
      const job = jobOf(ctx, req);
      const b = batchOf(job, req);
      if (b.state === 'Failed') throw new BulkError('InvalidBatch', `Batch failed: ${b.stateMessage}`);
      if (job.contentType === 'CSV') {
        if (b.resultId) {
          return reply.code(200).type('application/xml').send(`<?xml version="1.0" encoding="UTF-8"?><result-list xmlns="${NS}"><result>${b.resultId}</result></result-list>`);
        }
        return reply.code(200).type('text/csv').send(csvDmlResult(b));
      }
      return send(reply, 200, b.resultId ? [b.resultId] : b.result);
    });
    app.get('/job/:jobId/batch/:batchId/result/:resultId', async (req: BulkReq, reply) => {
      const ctx = ctxOf(req);
      const job = jobOf(ctx, req);
      const b = batchOf(job, req);
      if (!b.resultId || b.resultId !== req.params.resultId) throw new BulkError('InvalidBatch', `Invalid result id: ${req.params.resultId}`);
      if (job.contentType === 'CSV') return reply.code(200).type('text/csv').send(csvQueryResult(b));
      return send(reply, 200, b.result);
    });
  };
}
