/**
 * Bulk API 2.0 ingest jobs, with the requests simple-salesforce 1.12.6 `sf.bulk2.Account.insert(csv)`
 * and the sf CLI's `sf data import bulk` sent to mockforce: POST jobs/ingest, PUT the CSV to
 * `.../batches` (text/csv), PATCH `{"state":"UploadComplete"}`, GET the job until JobComplete, GET
 * successfulResults/ and failedResults/. Before, every call was 404 NOT_FOUND.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from './sobjects-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness({ accounts: 2 });
});
afterAll(async () => h.close());

async function put(id: string, csv: string) {
  const r = await h.app.inject({
    method: 'PUT',
    url: `/services/data/v59.0/jobs/ingest/${id}/batches`,
    headers: { authorization: `Bearer ${h.token}`, 'content-type': 'text/csv' },
    payload: csv,
  });
  return r.statusCode;
}

async function ingest(job: Record<string, unknown>, csv: string) {
  const c = await h.call('POST', '/jobs/ingest', { contentType: 'CSV', lineEnding: 'LF', ...job });
  expect(c.status).toBe(200);
  expect(await put(c.body.id, csv)).toBe(201);
  const closed = await h.call('PATCH', `/jobs/ingest/${c.body.id}`, { state: 'UploadComplete' });
  expect(closed.body.state).toBe('UploadComplete');
  const done = await h.call('GET', `/jobs/ingest/${c.body.id}`);
  const ok = await h.call('GET', `/jobs/ingest/${c.body.id}/successfulResults/`);
  const failed = await h.call('GET', `/jobs/ingest/${c.body.id}/failedResults/`);
  return { created: c.body, done: done.body, ok: ok.text, failed: failed.text };
}

describe('Bulk API 2.0 ingest', () => {
  it('inserts CSV rows, reporting successes and failures with the uploaded columns', async () => {
    const r = await ingest({ object: 'Account', operation: 'insert' }, 'Name,Phone\n"Ingest ""A""",1\n,2\n');
    expect(r.created).toMatchObject({
      id: expect.stringMatching(/^750/),
      operation: 'insert',
      object: 'Account',
      state: 'Open',
      contentType: 'CSV',
      apiVersion: 59,
      contentUrl: `services/data/v59.0/jobs/ingest/${r.created.id}/batches`,
      lineEnding: 'LF',
      columnDelimiter: 'COMMA',
    });
    expect(r.done).toMatchObject({ state: 'JobComplete', jobType: 'V2Ingest', numberRecordsProcessed: 2, numberRecordsFailed: 1 });
    const ok = r.ok.trim().split('\n');
    expect(ok[0]).toBe('"sf__Id","sf__Created","Name","Phone"');
    expect(ok[1]).toMatch(/^"001\w{15}","true","Ingest ""A""","1"$/);
    const failed = r.failed.trim().split('\n');
    expect(failed[0]).toBe('"sf__Id","sf__Error","Name","Phone"');
    expect(failed[1]).toMatch(/^"","REQUIRED_FIELD_MISSING:Required fields are missing: \[.+\]:.+ --","","2"$/);
  });

  it('updates, upserts and deletes by the uploaded Ids', async () => {
    const ins = await ingest({ object: 'Account', operation: 'insert' }, 'Name\nTo Change\n');
    const id = /"(001\w{15})"/.exec(ins.ok)![1]!;
    const upd = await ingest({ object: 'Account', operation: 'update' }, `Id,Phone\n${id},777\n`);
    expect(upd.done.numberRecordsFailed).toBe(0);
    expect((await h.call('GET', `/sobjects/Account/${id}`)).body.Phone).toBe('777');
    const ups = await ingest({ object: 'Account', operation: 'upsert', externalIdFieldName: 'Id' }, `Id,Phone\n${id},888\n`);
    expect(ups.ok).toContain(`"${id}","false"`);
    const del = await ingest({ object: 'Account', operation: 'delete' }, `Id\n${id}\n`);
    expect(del.done.numberRecordsFailed).toBe(0);
    expect((await h.call('GET', `/sobjects/Account/${id}`)).status).toBe(404);
  });

  it('refuses bad jobs and unknown ids', async () => {
    expect((await h.call('POST', '/jobs/ingest', { object: 'Account', operation: 'merge' })).body[0].errorCode).toBe('INVALIDJOB');
    expect((await h.call('POST', '/jobs/ingest', { object: 'Nope', operation: 'insert' })).body[0].errorCode).toBe('INVALIDJOB');
    expect((await h.call('POST', '/jobs/ingest', { object: 'Account', operation: 'upsert' })).body[0].errorCode).toBe('INVALIDJOB');
    expect((await h.call('GET', '/jobs/ingest/750Mf0000000999IAA')).status).toBe(404);
    const c = await h.call('POST', '/jobs/ingest', { object: 'Account', operation: 'insert' });
    expect((await h.call('PATCH', `/jobs/ingest/${c.body.id}`, { state: 'Aborted' })).body.state).toBe('Aborted');
    expect(await put(c.body.id, 'Name\nx\n')).toBe(400);
    expect((await h.call('DELETE', `/jobs/ingest/${c.body.id}`)).status).toBe(204);
  });
});
