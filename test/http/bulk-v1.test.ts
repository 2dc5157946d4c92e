/**
 * Bulk API 1.0 JSON jobs, driven with the requests simple-salesforce 1.12.6 sent to mockforce for
 * `sf.bulk.Case.query(...)`, `sf.bulk.Account.insert/update/delete(...)` and
 * `sf.bulk.Product2.upsert(..., 'External_ID__c')`: POST job (JSON job info, `concurrencyMode`
 * 0/1, `contentType: JSON`), POST job/{id}/batch (SOQL text or a JSON array, both sent as
 * application/json), GET the batch until Completed, GET .../result (and .../result/{id} for
 * queries), all with `X-SFDC-Session`; and with the XML job info and CSV batches jsforce 3's
 * `conn.bulk.query()` / `conn.bulk.load()` send. Before, every call was 404 NOT_FOUND.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from './sobjects-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness({ accounts: 3 });
});
afterAll(async () => h.close());

async function bulk(method: 'GET' | 'POST', path: string, payload?: string, token = h.token) {
  const r = await h.app.inject({
    method,
    url: `/services/async/59.0/${path}`,
    headers: { 'x-sfdc-session': token, 'content-type': 'application/json', 'x-prettyprint': '1' },
    ...(payload !== undefined ? { payload } : {}),
  });
  return { status: r.statusCode, body: r.body ? JSON.parse(r.body) : undefined };
}

async function run(operation: string, object: string, batch: string, extra: Record<string, unknown> = {}) {
  const job = await bulk('POST', 'job', JSON.stringify({ operation, object, concurrencyMode: 0, contentType: 'JSON', ...extra }));
  expect(job.status).toBe(201);
  const b = await bulk('POST', `job/${job.body.id}/batch`, batch);
  expect(b.status).toBe(201);
  expect(b.body.state).toBe('Queued');
  const polled = await bulk('GET', `job/${job.body.id}/batch/${b.body.id}`);
  return { job: job.body, batch: polled.body, result: await bulk('GET', `job/${job.body.id}/batch/${b.body.id}/result`) };
}

describe('Bulk API 1.0 (JSON)', () => {
  it('query: job info, batch completed, result ids, records with epoch-millisecond datetimes', async () => {
    const { job, batch, result } = await run('query', 'Account', 'SELECT Id, Name, CreatedDate, Owner.Name FROM Account ORDER BY Name LIMIT 2');
    expect(job).toMatchObject({ id: expect.stringMatching(/^750/), operation: 'query', object: 'Account', state: 'Open', contentType: 'JSON', concurrencyMode: 'Parallel', apiVersion: 59 });
    expect(batch).toMatchObject({ jobId: job.id, state: 'Completed', numberRecordsProcessed: 2, numberRecordsFailed: 0 });
    expect(result.body).toEqual([expect.stringMatching(/^752/)]);
    const rows = await bulk('GET', `job/${job.id}/batch/${batch.id}/result/${result.body[0]}`);
    expect(rows.body[0]).toEqual({
      attributes: { type: 'Account', url: expect.stringMatching(/^\/services\/data\/v59\.0\/sobjects\/Account\/001/) },
      Id: expect.any(String),
      Name: 'First1 Last0001',
      CreatedDate: Date.parse('2024-06-01T12:00:00.000Z'),
      Owner: { attributes: { type: 'User', url: expect.any(String) }, Name: 'Test Admin' },
    });
    const closed = await bulk('POST', `job/${job.id}`, JSON.stringify({ state: 'Closed' }));
    expect(closed.body).toMatchObject({ state: 'Closed', numberBatchesCompleted: 1, numberRecordsProcessed: 2 });
    expect((await bulk('POST', `job/${job.id}/batch`, 'SELECT Id FROM Account')).body.exceptionCode).toBe('InvalidJobState');
  });

  it('insert, update, upsert and delete report one result per record, failures included', async () => {
    const ins = await run('insert', 'Account', JSON.stringify([{ Name: 'B1' }, { Name: 'B2' }, { Phone: '1' }]), { concurrencyMode: 1 });
    expect(ins.job.concurrencyMode).toBe('Serial');
    expect(ins.batch).toMatchObject({ numberRecordsProcessed: 3, numberRecordsFailed: 1 });
    expect(ins.result.body).toEqual([
      { success: true, created: true, id: expect.stringMatching(/^001/), errors: [] },
      { success: true, created: true, id: expect.stringMatching(/^001/), errors: [] },
      { success: false, created: false, id: null, errors: [{ message: expect.any(String), fields: expect.any(Array), statusCode: 'REQUIRED_FIELD_MISSING' }] },
    ]);
    const ids = ins.result.body.slice(0, 2).map((r: { id: string }) => r.id);
    const upd = await run('update', 'Account', JSON.stringify([{ Id: ids[0], Phone: '555' }, { Phone: '1' }]));
    expect(upd.result.body[0]).toEqual({ success: true, created: false, id: ids[0], errors: [] });
    expect(upd.result.body[1]).toMatchObject({ success: false, errors: [{ statusCode: 'MISSING_ARGUMENT' }] });
    expect((await h.call('GET', `/sobjects/Account/${ids[0]}`)).body.Phone).toBe('555');

    const ups = await run('upsert', 'Account', JSON.stringify([{ Id: ids[1], Name: 'B2 renamed' }]), { externalIdFieldName: 'Id' });
    expect(ups.result.body).toEqual([{ success: true, created: false, id: ids[1], errors: [] }]);

    const del = await run('delete', 'Account', JSON.stringify(ids.map((Id: string) => ({ Id }))));
    expect(del.result.body.map((r: { success: boolean }) => r.success)).toEqual([true, true]);
    expect((await h.call('GET', `/sobjects/Account/${ids[0]}`)).status).toBe(404);
  });

  it('a bad query fails its batch with the reason in stateMessage', async () => {
    const { batch, result } = await run('query', 'Account', 'SELECT Bogus FROM Account');
    expect(batch.state).toBe('Failed');
    expect(batch.stateMessage).toMatch(/^InvalidBatch : INVALID_FIELD : /);
    expect(result.status).toBe(400);
  });

  it("errors use Bulk's shape with HTTP 400, an invalid session included", async () => {
    expect(await bulk('POST', 'job', '{}', 'bogus')).toEqual({ status: 400, body: { exceptionCode: 'InvalidSessionId', exceptionMessage: 'Invalid session id' } });
    expect((await bulk('POST', 'job', JSON.stringify({ operation: 'query', object: 'Nope__c', contentType: 'JSON' }))).body.exceptionCode).toBe('InvalidJob');
    expect((await bulk('POST', 'job', JSON.stringify({ operation: 'merge', object: 'Account', contentType: 'JSON' }))).body.exceptionCode).toBe('InvalidJob');
    expect((await bulk('POST', 'job', JSON.stringify({ operation: 'query', object: 'Account', contentType: 'XML' }))).body.exceptionCode).toBe('InvalidJob');
    expect((await bulk('POST', 'job', '{not json')).body.exceptionCode).toBe('InvalidBatch');
    expect((await bulk('GET', 'job/750Mf0000000999IAA')).body.exceptionCode).toBe('InvalidJob');
    expect((await bulk('POST', 'job', JSON.stringify({ operation: 'upsert', object: 'Account', contentType: 'JSON' }))).body.exceptionCode).toBe('InvalidJob');
  });
});

describe('Bulk API 1.0 (XML job info, CSV batches), as jsforce sends them', () => {
  const xmlJob = (op: string, object: string) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<jobInfo  xmlns="http://www.force.com/2009/06/asyncapi/dataload">\n  <operation>${op}</operation>\n  <object>${object}</object>\n  <contentType>CSV</contentType>\n</jobInfo>`;
  async function raw(method: 'GET' | 'POST', path: string, contentType?: string, payload?: string) {
    const r = await h.app.inject({
      method,
      url: `/services/async/59.0/${path}`,
      headers: { 'x-sfdc-session': h.token, ...(contentType ? { 'content-type': contentType } : {}) },
      ...(payload !== undefined ? { payload } : {}),
    });
    return { status: r.statusCode, type: String(r.headers['content-type']), text: r.body };
  }
  const tag = (xml: string, t: string) => new RegExp(`<${t}>([^<]*)</${t}>`).exec(xml)?.[1];

  it('query: XML job and batch info, XML result list, CSV records', async () => {
    const job = await raw('POST', 'job', 'application/xml; charset=utf-8', xmlJob('query', 'Account'));
    expect(job.status).toBe(201);
    expect(job.type).toMatch(/^application\/xml/);
    expect(job.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><jobInfo xmlns="http:\/\/www.force.com\/2009\/06\/asyncapi\/dataload"><id>750/);
    expect(tag(job.text, 'state')).toBe('Open');
    expect(tag(job.text, 'contentType')).toBe('CSV');
    expect(tag(job.text, 'apiVersion')).toBe('59.0');
    const jobId = tag(job.text, 'id')!;
    const batch = await raw('POST', `job/${jobId}/batch`, 'text/csv', 'SELECT Id, Name, CreatedDate, Owner.Name FROM Account ORDER BY Name LIMIT 2');
    const batchId = tag(batch.text, 'id')!;
    expect(tag(batch.text, 'state')).toBe('Queued');
    expect(tag((await raw('GET', `job/${jobId}/batch/${batchId}`)).text, 'state')).toBe('Completed');
    const list = await raw('GET', `job/${jobId}/batch/${batchId}/result`);
    const resultId = tag(list.text, 'result')!;
    expect(list.text).toContain('<result-list xmlns="http://www.force.com/2009/06/asyncapi/dataload">');
    const csv = await raw('GET', `job/${jobId}/batch/${batchId}/result/${resultId}`);
    expect(csv.type).toMatch(/^text\/csv/);
    expect(csv.text.split('\n')[0]).toBe('"Id","Name","CreatedDate","Owner.Name"');
    expect(csv.text.split('\n')[1]).toMatch(/^"001\w{15}","First1 Last0001","2024-06-01T12:00:00\.000Z","Test Admin"$/);
    const closed = await raw('POST', `job/${jobId}`, 'application/xml; charset=utf-8', '<?xml version="1.0" encoding="UTF-8"?><jobInfo xmlns="http://www.force.com/2009/06/asyncapi/dataload"><state>Closed</state></jobInfo>');
    expect(tag(closed.text, 'state')).toBe('Closed');
  });

  it('insert from CSV answers "Id","Success","Created","Error" rows', async () => {
    const job = await raw('POST', 'job', 'application/xml', xmlJob('insert', 'Account'));
    const jobId = tag(job.text, 'id')!;
    const batch = await raw('POST', `job/${jobId}/batch`, 'text/csv', 'Name,Phone\r\n"Csv ""One""",555\r\n,1\r\n');
    const batchId = tag(batch.text, 'id')!;
    const res = await raw('GET', `job/${jobId}/batch/${batchId}/result`);
    expect(res.type).toMatch(/^text\/csv/);
    const lines = res.text.trim().split('\n');
    expect(lines[0]).toBe('"Id","Success","Created","Error"');
    expect(lines[1]).toMatch(/^"001\w{15}","true","true",""$/);
    expect(lines[2]).toMatch(/^"","false","false","REQUIRED_FIELD_MISSING:Required fields are missing: \[.+\]:.+ --"$/);
    const id = /"(001\w{15})"/.exec(lines[1]!)![1];
    expect((await h.call('GET', `/sobjects/Account/${id}`)).body.Name).toBe('Csv "One"');
  });

  it('errors come back as XML for XML clients', async () => {
    const r = await raw('GET', 'job/750Mf0000000999IAA', 'application/xml');
    expect(r.status).toBe(400);
    expect(r.text).toContain('<error xmlns="http://www.force.com/2009/06/asyncapi/dataload"><exceptionCode>InvalidJob</exceptionCode>');
  });
});
