/**
 * Bulk API 2.0 query jobs (`/services/data/vXX.X/jobs/query`, API v47.0+; Salesforce "Bulk API 2.0
 * and Bulk API Developer Guide", Query Jobs). Used by simple-salesforce `sf.bulk2.T.query()`,
 * jsforce `conn.bulk2.query()` and the sf CLI's bulk export. An offline org has no queue: a job runs
 * the whole SOQL query when it is created (so SOQL errors surface then, as the REST query's errors),
 * answers `UploadComplete` to the create call and `JobComplete` afterwards, and serves its rows as
 * CSV pages: every value quoted, nulls as empty quotes, datetimes in Bulk's `...000Z` form, parent
 * fields named by path (`Account.Name`), `Sforce-Locator` naming the next page or `null`.
 * Only query jobs are modelled (ingest jobs are not). Jobs live in memory per org; the oldest
 * jobs are dropped past MAX_JOBS jobs or MAX_ROWS rows, so a long-running server stays bounded.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SalesforceError } from '../../src/errors/salesforce-error.ts';
import { notFound } from '../../src/errors/codes.ts';
import type { Org } from '../../src/org/index.ts';
import { makeId } from '../../src/org/ids.ts';
import { datetimeToWire } from '../../src/org/values.ts';
import { query, queryMore } from '../../src/soql/index.ts';
import { JSON_TYPE } from '../reply.ts';
import { columnMetadata, type ColumnMetadata } from './query-columns.ts';
import '../types.ts';

const MAX_JOBS = 200;
/** Rows kept across an org's jobs; past it the oldest jobs go (their results are gone, 404). */
const MAX_ROWS = 1_000_000;

/** Drops the oldest jobs past MAX_JOBS or MAX_ROWS, never the newest one. */
export function evict<J>(jobs: Map<string, J>, rowsOf: (j: J) => number): void {
  let rows = 0;
  for (const j of jobs.values()) rows += rowsOf(j);
  while (jobs.size > 1 && (jobs.size > MAX_JOBS || rows > MAX_ROWS)) {
    const [oldest, j] = jobs.entries().next().value!;
    rows -= rowsOf(j);
    jobs.delete(oldest);
  }
}
export const DELIMITERS: Record<string, string> = { BACKQUOTE: '`', CARET: '^', COMMA: ',', PIPE: '|', SEMICOLON: ';', TAB: '\t' };
export const LINE_ENDINGS: Record<string, string> = { LF: '\n', CRLF: '\r\n' };

export interface Column {
  path: string[];
  datetime: boolean;
}

interface Job {
  id: string;
  operation: 'query' | 'queryAll';
  object: string;
  createdById: string;
  createdDate: string;
  systemModstamp: string;
  state: 'UploadComplete' | 'JobComplete' | 'Aborted';
  apiVersion: number;
  lineEnding: string;
  columnDelimiter: string;
  columns: Column[];
  rows: unknown[][];
}

interface OrgJobs {
  next: number;
  jobs: Map<string, Job>;
}

const byOrg = new WeakMap<Org, OrgJobs>();

function jobsOf(org: Org): OrgJobs {
  let j = byOrg.get(org);
  if (!j) byOrg.set(org, (j = { next: 1, jobs: new Map() }));
  return j;
}

function invalidJob(message: string): SalesforceError {
  return new SalesforceError('INVALIDJOB', message, 400);
}

/** Flattened CSV columns: parent paths become `Account.Name` (same walk as `sf data query`). */
export function flatten(cols: ColumnMetadata[], prefix: string[] = []): Column[] {
  const out: Column[] = [];
  for (const c of cols) {
    if (c.aggregate) {
      // Parent-to-child subqueries and aggregate functions cannot be rows of a CSV file.
      throw invalidJob(
        c.joinColumns.length
          ? `Parent-to-child relationship queries are not supported by Bulk API 2.0: ${c.columnName}`
          : `Aggregate functions are not supported by Bulk API 2.0: ${c.displayName}`,
      );
    }
    if (c.joinColumns.length) out.push(...flatten(c.joinColumns, [...prefix, c.columnName]));
    else out.push({ path: [...prefix, c.columnName], datetime: c.apexType === 'Datetime' });
  }
  return out;
}

export function valueAt(record: Record<string, unknown>, col: Column): unknown {
  let v: unknown = record;
  for (const p of col.path) {
    if (v === null || typeof v !== 'object') return null;
    v = (v as Record<string, unknown>)[p];
  }
  return v ?? null;
}

export function cell(v: unknown, datetime: boolean): string {
  if (v === null || v === undefined) return '""';
  let s = typeof v === 'string' ? v : String(v);
  // REST wire form `2024-01-02T03:04:05.000+0000`; Bulk files carry `2024-01-02T03:04:05.000Z`.
  if (datetime && s.endsWith('+0000')) s = s.slice(0, -5) + 'Z';
  return `"${s.replace(/"/g, '""')}"`;
}

function jobInfo(job: Job, full: boolean): Record<string, unknown> {
  const base: Record<string, unknown> = {
    id: job.id,
    operation: job.operation,
    object: job.object,
    createdById: job.createdById,
    createdDate: job.createdDate,
    systemModstamp: job.systemModstamp,
    state: job.state,
    concurrencyMode: 'Parallel',
    contentType: 'CSV',
    apiVersion: job.apiVersion,
    lineEnding: job.lineEnding,
    columnDelimiter: job.columnDelimiter,
  };
  if (!full) return base;
  return {
    ...base,
    jobType: 'V2Query',
    numberRecordsProcessed: job.state === 'JobComplete' ? job.rows.length : 0,
    retries: 0,
    totalProcessingTime: 0,
    isPkChunkingSupported: true,
  };
}

function send(reply: FastifyReply, status: number, body: unknown) {
  return reply.code(status).type(JSON_TYPE).send(JSON.stringify(body));
}

function ensureVersion(req: FastifyRequest): void {
  if (Number(req.apiVersion) < 47) throw notFound();
}

function findJob(req: FastifyRequest<{ Params: { jobId: string } }>): Job {
  const job = jobsOf(req.org).jobs.get(req.params.jobId);
  if (!job) throw notFound();
  return job;
}

function createJob(req: FastifyRequest): Job {
  const body = req.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw invalidJob('The request body must be a JSON object');
  const b = body as Record<string, unknown>;
  if (b.operation !== 'query' && b.operation !== 'queryAll') {
    throw invalidJob(`Invalid operation: ${b.operation === undefined ? 'null' : String(b.operation)}; expected query or queryAll`);
  }
  if (typeof b.query !== 'string' || b.query.trim() === '') throw invalidJob('A query has to be specified');
  if (b.contentType !== undefined && b.contentType !== 'CSV') throw invalidJob(`Invalid contentType: ${String(b.contentType)}`);
  const delimiter = b.columnDelimiter ?? 'COMMA';
  if (typeof delimiter !== 'string' || !(delimiter in DELIMITERS)) throw invalidJob(`Invalid columnDelimiter: ${String(delimiter)}`);
  const lineEnding = b.lineEnding ?? 'LF';
  if (typeof lineEnding !== 'string' || !(lineEnding in LINE_ENDINGS)) throw invalidJob(`Invalid lineEnding: ${String(lineEnding)}`);

  const org = req.org;
  const includeDeleted = b.operation === 'queryAll';
  const opts = { apiVersion: req.apiVersion, includeDeleted };
  // The SOQL engine validates first, so a bad query fails with the REST query's error.
  let page = query(org, b.query, opts);
  const meta = columnMetadata(b.query);
  if (meta.groupBy) throw invalidJob('GROUP BY is not supported by Bulk API 2.0');
  const columns = flatten(meta.columnMetadata as ColumnMetadata[]);
  if (columns.length === 0) throw invalidJob('Aggregate functions are not supported by Bulk API 2.0: COUNT()');
  const rows: unknown[][] = [];
  for (;;) {
    for (const r of page.records as Record<string, unknown>[]) rows.push(columns.map((c) => valueAt(r, c)));
    if (page.done || !page.nextRecordsUrl) break;
    page = queryMore(org, page.nextRecordsUrl, opts);
  }
  const state = jobsOf(org);
  const now = datetimeToWire(org.clock.nowIso());
  const job: Job = {
    id: makeId('750', state.next++),
    operation: b.operation,
    object: String(meta.entityName),
    createdById: req.session.userId,
    createdDate: now,
    systemModstamp: now,
    state: 'UploadComplete',
    apiVersion: Number(req.apiVersion),
    lineEnding,
    columnDelimiter: delimiter,
    columns,
    rows,
  };
  state.jobs.set(job.id, job);
  evict(state.jobs, (j) => j.rows.length);
  return job;
}

function locatorFor(offset: number): string {
  return Buffer.from(String(offset)).toString('base64').replace(/=+$/, '');
}

function offsetOf(locator: string | undefined): number {
  if (locator === undefined || locator === '') return 0;
  const n = Number(Buffer.from(locator, 'base64').toString('utf8'));
  if (!/^[A-Za-z0-9+/]+$/.test(locator) || !Number.isSafeInteger(n) || n < 0) {
    throw new SalesforceError('INVALIDLOCATOR', `Invalid locator: ${locator}`, 400);
  }
  return n;
}

type JobReq = FastifyRequest<{ Params: { jobId: string }; Querystring: { locator?: string; maxRecords?: string } }>;

export async function bulk2QueryRoutes(app: FastifyInstance): Promise<void> {
  app.post('/jobs/query', async (req, reply) => {
    ensureVersion(req);
    return send(reply, 200, jobInfo(createJob(req), false));
  });

  app.get('/jobs/query', async (req, reply) => {
    ensureVersion(req);
    const records = [...jobsOf(req.org).jobs.values()].map((j) => ({ ...jobInfo(j, true) }));
    return send(reply, 200, { done: true, records, nextRecordsUrl: null });
  });

  app.get('/jobs/query/:jobId', async (req: JobReq, reply) => {
    ensureVersion(req);
    const job = findJob(req);
    // Processing is instant: once the client looks, the job is complete.
    if (job.state === 'UploadComplete') job.state = 'JobComplete';
    return send(reply, 200, jobInfo(job, true));
  });

  app.get('/jobs/query/:jobId/results', async (req: JobReq, reply) => {
    ensureVersion(req);
    const job = findJob(req);
    if (job.state === 'Aborted') throw invalidJob(`Job ${job.id} was aborted; it has no results`);
    const first = (v: unknown) => (Array.isArray(v) ? v[0] : v) as string | undefined;
    const rawMax = first(req.query?.maxRecords);
    let max = job.rows.length;
    if (rawMax !== undefined) {
      if (!/^\d+$/.test(rawMax) || Number(rawMax) < 1) throw new SalesforceError('INVALIDREQUEST', `Invalid maxRecords: ${rawMax}`, 400);
      max = Number(rawMax);
    }
    const start = Math.min(offsetOf(first(req.query?.locator)), job.rows.length);
    const end = Math.min(start + max, job.rows.length);
    job.state = 'JobComplete';
    const d = DELIMITERS[job.columnDelimiter]!;
    const nl = LINE_ENDINGS[job.lineEnding]!;
    const lines = [job.columns.map((c) => `"${c.path.join('.').replace(/"/g, '""')}"`).join(d)];
    for (let i = start; i < end; i++) lines.push(job.rows[i]!.map((v, k) => cell(v, job.columns[k]!.datetime)).join(d));
    return reply
      .code(200)
      .header('Sforce-Locator', end < job.rows.length ? locatorFor(end) : 'null')
      .header('Sforce-NumberOfRecords', String(end - start))
      .type('text/csv')
      .send(lines.join(nl) + nl);
  });

  app.patch('/jobs/query/:jobId', async (req: JobReq, reply) => {
    ensureVersion(req);
    const job = findJob(req);
    const state = (req.body as Record<string, unknown> | null)?.state;
    if (state !== 'Aborted') throw invalidJob(`Invalid state: ${state === undefined ? 'null' : String(state)}; a query job can only be set to Aborted`);
    if (job.state === 'UploadComplete') job.state = 'Aborted';
    return send(reply, 200, jobInfo(job, false));
  });

  app.delete('/jobs/query/:jobId', async (req: JobReq, reply) => {
    ensureVersion(req);
    const job = findJob(req);
    jobsOf(req.org).jobs.delete(job.id);
    return reply.code(204).send();
  });
}
