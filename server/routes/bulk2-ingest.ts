/**
 * Bulk API 2.0 ingest jobs (`/services/data/vXX.X/jobs/ingest`, v47.0+), as simple-salesforce's
 * `sf.bulk2.T.insert/update/upsert/delete(csv)`, jsforce's `conn.bulk2.loadAndWaitForResults()` and
 * `sf data import|upsert|delete bulk` drive them: create the job (state Open), PUT the CSV data to
 * `.../batches` (201), PATCH `{"state":"UploadComplete"}`, poll until JobComplete, then read
 * `successfulResults/` (`"sf__Id","sf__Created",<columns>`), `failedResults/`
 * (`"sf__Id","sf__Error",<columns>`) and `unprocessedrecords/`. An offline org processes the data
 * when the upload completes; each record is written on its own, as Bulk does, through the same
 * validation as the REST API. Jobs live in memory with the Bulk 2.0 query jobs' bounds.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getObject } from '../../schema/index.ts';
import { notFound } from '../../src/errors/codes.ts';
import { SalesforceError } from '../../src/errors/salesforce-error.ts';
import type { Org } from '../../src/org/index.ts';
import { makeId } from '../../src/org/ids.ts';
import { datetimeToWire } from '../../src/org/values.ts';
import { JSON_TYPE } from '../reply.ts';
import { BulkError, dmlOne, parseCsv } from './bulk-v1.ts';
import { DELIMITERS, evict, LINE_ENDINGS } from './bulk2-query.ts';
import '../types.ts';

const OPERATIONS = new Set(['insert', 'update', 'upsert', 'delete']);

interface IngestJob {
  id: string;
  operation: string;
  object: string;
  externalIdFieldName: string | null;
  state: 'Open' | 'UploadComplete' | 'JobComplete' | 'Aborted' | 'Failed';
  createdById: string;
  createdDate: string;
  apiVersion: number;
  lineEnding: string;
  columnDelimiter: string;
  data: string[];
  header: string[];
  results: { row: string[]; ok: boolean; id: string | null; created: boolean; error: string }[];
}

const byOrg = new WeakMap<Org, { next: number; jobs: Map<string, IngestJob> }>();

function jobsOf(org: Org) {
  let j = byOrg.get(org);
  if (!j) byOrg.set(org, (j = { next: 1, jobs: new Map() }));
  return j;
}

const invalid = (message: string) => new SalesforceError('INVALIDJOB', message, 400);

function info(job: IngestJob, full: boolean): Record<string, unknown> {
  const base: Record<string, unknown> = {
    id: job.id,
    operation: job.operation,
    object: job.object,
    createdById: job.createdById,
    createdDate: job.createdDate,
    systemModstamp: job.createdDate,
    state: job.state,
    ...(job.externalIdFieldName ? { externalIdFieldName: job.externalIdFieldName } : {}),
    concurrencyMode: 'Parallel',
    contentType: 'CSV',
    apiVersion: job.apiVersion,
    contentUrl: `services/data/v${job.apiVersion.toFixed(1)}/jobs/ingest/${job.id}/batches`,
    lineEnding: job.lineEnding,
    columnDelimiter: job.columnDelimiter,
  };
  if (!full) return base;
  const done = job.results.length;
  return {
    ...base,
    jobType: 'V2Ingest',
    numberRecordsProcessed: done,
    numberRecordsFailed: job.results.filter((r) => !r.ok).length,
    retries: 0,
    totalProcessingTime: 0,
    apiActiveProcessingTime: 0,
    apexProcessingTime: 0,
  };
}

function send(reply: FastifyReply, status: number, body: unknown) {
  return reply.code(status).type(JSON_TYPE).send(JSON.stringify(body));
}

type JobReq = FastifyRequest<{ Params: { jobId: string } }>;

function findJob(req: JobReq): IngestJob {
  if (Number(req.apiVersion) < 47) throw notFound();
  const job = jobsOf(req.org).jobs.get(req.params.jobId);
  if (!job) throw notFound();
  return job;
}

/** Runs the uploaded CSV: one result per data row, the row kept for the result files. */
function process(req: FastifyRequest, job: IngestJob): void {
  const d = DELIMITERS[job.columnDelimiter]!;
  const rows = job.data.flatMap((chunk, k) => {
    const parsed = parseCsv(chunk, d);
    // Every upload starts with the header row; later uploads must repeat the first one.
    if (k === 0) job.header = parsed[0] ?? [];
    return parsed.slice(1);
  });
  const ctx = { org: req.org, userId: req.session.userId, apiVersion: req.apiVersion };
  for (const row of rows) {
    const rec: Record<string, unknown> = {};
    job.header.forEach((h, k) => {
      const v = row[k] ?? '';
      if (v === '#N/A') rec[h.trim()] = null;
      else if (v !== '') rec[h.trim()] = v;
    });
    const r = dmlOne(ctx, job, rec) as { success: boolean; created: boolean; id: string | null; errors: { message: string; fields: string[]; statusCode: string }[] };
    const error = r.errors.map((e) => `${e.statusCode}:${e.message}:${e.fields.join(',')} --`).join(' ');
    job.results.push({ row, ok: r.success, id: r.id, created: r.created, error });
  }
}

function csv(job: IngestJob, first: string[], rows: string[][]): string {
  const q = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const d = DELIMITERS[job.columnDelimiter]!;
  const nl = LINE_ENDINGS[job.lineEnding]!;
  return [[...first, ...job.header].map(q).join(d), ...rows.map((r) => r.map(q).join(d))].join(nl) + nl;
}

export async function bulk2IngestRoutes(app: FastifyInstance): Promise<void> {
  app.post('/jobs/ingest', async (req, reply) => {
    if (Number(req.apiVersion) < 47) throw notFound();
    const b = req.body as Record<string, unknown> | undefined;
    if (!b || typeof b !== 'object' || Array.isArray(b)) throw invalid('The request body must be a JSON object');
    if (typeof b.operation !== 'string' || !OPERATIONS.has(b.operation)) throw invalid(`Invalid operation: ${String(b.operation ?? null)}`);
    const obj = typeof b.object === 'string' ? getObject(b.object) : undefined;
    if (!obj) throw invalid(`Unable to find object: ${String(b.object ?? null)}`);
    if (b.contentType !== undefined && b.contentType !== 'CSV') throw invalid(`Invalid contentType: ${String(b.contentType)}`);
    const delimiter = b.columnDelimiter ?? 'COMMA';
    if (typeof delimiter !== 'string' || !(delimiter in DELIMITERS)) throw invalid(`Invalid columnDelimiter: ${String(delimiter)}`);
    const lineEnding = b.lineEnding ?? 'LF';
    if (typeof lineEnding !== 'string' || !(lineEnding in LINE_ENDINGS)) throw invalid(`Invalid lineEnding: ${String(lineEnding)}`);
    let ext: string | null = null;
    if (b.operation === 'upsert') {
      const f = typeof b.externalIdFieldName === 'string' ? obj.fields.find((x) => x.name.toLowerCase() === String(b.externalIdFieldName).toLowerCase()) : undefined;
      if (!f) throw invalid(`External ID was blank for ${obj.name}. An External ID must be specified for upsert.`);
      ext = f.name;
    }
    const state = jobsOf(req.org);
    const job: IngestJob = {
      id: makeId('750', 500_000 + state.next++),
      operation: b.operation,
      object: obj.name,
      externalIdFieldName: ext,
      state: 'Open',
      createdById: req.session.userId,
      createdDate: datetimeToWire(req.org.clock.nowIso()),
      apiVersion: Number(req.apiVersion),
      lineEnding,
      columnDelimiter: delimiter,
      data: [],
      header: [],
      results: [],
    };
    state.jobs.set(job.id, job);
    evict(state.jobs, (j) => j.results.length + j.data.reduce((n, c) => n + c.length / 64, 0));
    return send(reply, 200, info(job, false));
  });

  app.get('/jobs/ingest', async (req, reply) => {
    if (Number(req.apiVersion) < 47) throw notFound();
    return send(reply, 200, { done: true, records: [...jobsOf(req.org).jobs.values()].map((j) => info(j, false)), nextRecordsUrl: null });
  });

  app.put('/jobs/ingest/:jobId/batches', async (req: JobReq, reply) => {
    const job = findJob(req);
    if (job.state !== 'Open') throw invalid(`Job ${job.id} is not open for data upload`);
    const body = typeof req.body === 'string' ? req.body : '';
    if (body.trim() === '') throw invalid('The CSV data is empty');
    job.data.push(body);
    return reply.code(201).send();
  });

  app.patch('/jobs/ingest/:jobId', async (req: JobReq, reply) => {
    const job = findJob(req);
    const target = (req.body as Record<string, unknown> | undefined)?.state;
    if (target === 'Aborted') {
      if (job.state === 'JobComplete') throw invalid(`Job ${job.id} is already complete`);
      job.state = 'Aborted';
    } else if (target === 'UploadComplete') {
      if (job.state !== 'Open') throw invalid(`Job ${job.id} is not open`);
      if (job.data.length === 0) {
        job.state = 'Failed';
      } else {
        try {
          process(req, job);
        } catch (e) {
          if (!(e instanceof BulkError)) throw e;
          throw invalid(e.message);
        }
        job.state = 'UploadComplete';
      }
    } else {
      throw invalid(`Invalid state: ${String(target ?? null)}`);
    }
    const shown = info(job, false);
    if (job.state === 'UploadComplete') job.state = 'JobComplete';
    return send(reply, 200, shown);
  });

  app.get('/jobs/ingest/:jobId', async (req: JobReq, reply) => send(reply, 200, info(findJob(req), true)));

  app.delete('/jobs/ingest/:jobId', async (req: JobReq, reply) => {
    const job = findJob(req);
    jobsOf(req.org).jobs.delete(job.id);
    return reply.code(204).send();
  });

  const results = (kind: 'successfulResults' | 'failedResults' | 'unprocessedrecords') => async (req: JobReq, reply: FastifyReply) => {
    const job = findJob(req);
    let body: string;
    if (kind === 'successfulResults') {
      body = csv(job, ['sf__Id', 'sf__Created'], job.results.filter((r) => r.ok).map((r) => [r.id ?? '', String(r.created), ...r.row]));
    } else if (kind === 'failedResults') {
      body = csv(job, ['sf__Id', 'sf__Error'], job.results.filter((r) => !r.ok).map((r) => [r.id ?? '', r.error, ...r.row]));
    } else {
      // Aborted or failed jobs leave their uploaded rows unprocessed.
      const rows = job.results.length ? [] : job.data.flatMap((c) => parseCsv(c, DELIMITERS[job.columnDelimiter]!).slice(1));
      if (!job.header.length && job.data.length) job.header = parseCsv(job.data[0]!, DELIMITERS[job.columnDelimiter]!)[0] ?? [];
      body = csv(job, [], rows);
    }
    return reply.code(200).type('text/csv').send(body);
  };
  app.get('/jobs/ingest/:jobId/successfulResults', results('successfulResults'));
  app.get('/jobs/ingest/:jobId/failedResults', results('failedResults'));
  app.get('/jobs/ingest/:jobId/unprocessedrecords', results('unprocessedrecords'));
}
