/**
 * Bulk API 2.0 query jobs, driven with the requests the real clients sent to mockforce:
 * simple-salesforce 1.12.6 `sf.bulk2.Case.query(soql, max_records=N)` (POST jobs/query, GET the job
 * until JobComplete, GET results?maxRecords=N&locator=... until Sforce-Locator is "null"), the sf
 * CLI's `sf data export bulk` and jsforce's `conn.bulk2.query()` (same calls, no maxRecords).
 * Before, all three got 404 NOT_FOUND.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from './sobjects-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness({ accounts: 5 });
  await h.call('POST', '/sobjects/Account', { Name: 'Quote "Inc", Ltd', Phone: null });
});
afterAll(async () => h.close());

async function create(body: unknown) {
  return h.call('POST', '/jobs/query', body, { accept: 'application/json' });
}

describe('Bulk API 2.0 query jobs', () => {
  it('creates a job, reports it complete, and pages CSV results by locator', async () => {
    const c = await create({ operation: 'query', query: 'SELECT Id, Name, Phone, CreatedDate FROM Account ORDER BY Name' });
    expect(c.status).toBe(200);
    expect(c.body).toEqual({
      id: expect.stringMatching(/^750\w{15}$/),
      operation: 'query',
      object: 'Account',
      createdById: h.userId,
      createdDate: '2024-06-01T12:00:00.000+0000',
      systemModstamp: '2024-06-01T12:00:00.000+0000',
      state: 'UploadComplete',
      concurrencyMode: 'Parallel',
      contentType: 'CSV',
      apiVersion: 59,
      lineEnding: 'LF',
      columnDelimiter: 'COMMA',
    });
    const id = c.body.id;
    const g = await h.call('GET', `/jobs/query/${id}`);
    expect(g.body).toMatchObject({ id, state: 'JobComplete', jobType: 'V2Query', numberRecordsProcessed: 6, retries: 0 });

    const p1 = await h.call('GET', `/jobs/query/${id}/results?maxRecords=4`);
    expect(p1.status).toBe(200);
    expect(p1.headers['content-type']).toMatch(/^text\/csv/);
    expect(p1.headers['sforce-numberofrecords']).toBe('4');
    const locator = String(p1.headers['sforce-locator']);
    expect(locator).not.toBe('null');
    const lines = p1.text.split('\n');
    expect(lines[0]).toBe('"Id","Name","Phone","CreatedDate"');
    expect(lines[1]).toMatch(/^"001\w{15}","First1 Last0001","","2024-06-01T12:00:00\.000Z"$/);
    expect(lines).toHaveLength(6); // header, 4 rows, trailing newline

    const p2 = await h.call('GET', `/jobs/query/${id}/results?maxRecords=4&locator=${locator}`);
    expect(p2.headers['sforce-locator']).toBe('null');
    expect(p2.headers['sforce-numberofrecords']).toBe('2');
    // Quotes are doubled inside quoted values.
    expect(p2.text).toContain('"Quote ""Inc"", Ltd"');
  });

  it('names parent fields by path and honours columnDelimiter and lineEnding', async () => {
    const c = await create({ operation: 'query', query: 'SELECT Id, Owner.Name FROM Account LIMIT 1', columnDelimiter: 'PIPE', lineEnding: 'CRLF' });
    const r = await h.call('GET', `/jobs/query/${c.body.id}/results`);
    expect(r.text).toMatch(/^"Id"\|"Owner\.Name"\r\n"001\w{15}"\|"Test Admin"\r\n$/);
    expect(r.headers['sforce-locator']).toBe('null');
  });

  it('queryAll includes deleted rows; query does not', async () => {
    const id = (await h.call('POST', '/sobjects/Account', { Name: 'Gone' })).body.id;
    await h.call('DELETE', `/sobjects/Account/${id}`);
    const q = "SELECT Id FROM Account WHERE Name = 'Gone'";
    const live = await create({ operation: 'query', query: q });
    const all = await create({ operation: 'queryAll', query: q });
    expect((await h.call('GET', `/jobs/query/${live.body.id}/results`)).text).toBe('"Id"\n');
    expect((await h.call('GET', `/jobs/query/${all.body.id}/results`)).text).toBe(`"Id"\n"${id}"\n`);
  });

  it('rejects what Bulk 2.0 cannot run, with the SOQL errors of /query for bad queries', async () => {
    const bad = await create({ operation: 'query', query: 'SELECT Bogus FROM Account' });
    expect(bad.status).toBe(400);
    expect(bad.body[0].errorCode).toBe('INVALID_FIELD');
    for (const query of ['SELECT COUNT() FROM Account', 'SELECT Id, (SELECT Id FROM Cases) FROM Account', 'SELECT Name, COUNT(Id) FROM Account GROUP BY Name']) {
      const r = await create({ operation: 'query', query });
      expect(r.status).toBe(400);
      expect(r.body[0].errorCode).toBe('INVALIDJOB');
    }
    expect((await create({ operation: 'insert', query: 'SELECT Id FROM Account' })).body[0].errorCode).toBe('INVALIDJOB');
    expect((await create({ operation: 'query' })).body[0].errorCode).toBe('INVALIDJOB');
    expect((await create({ operation: 'query', query: 'SELECT Id FROM Account', columnDelimiter: 'COLON' })).status).toBe(400);
    expect((await create('[1]')).status).toBe(400);
  });

  it('unknown jobs are NOT_FOUND; abort and delete work; bad locators are refused', async () => {
    expect((await h.call('GET', '/jobs/query/750Mf0000000999IAA')).status).toBe(404);
    const done = await create({ operation: 'query', query: 'SELECT Id FROM Account' });
    expect((await h.call('GET', `/jobs/query/${done.body.id}/results?locator=!!`)).status).toBe(400);
    const c = await create({ operation: 'query', query: 'SELECT Id FROM Account' });
    const a = await h.call('PATCH', `/jobs/query/${c.body.id}`, { state: 'Aborted' });
    expect(a.status).toBe(200);
    expect(a.body.state).toBe('Aborted');
    expect((await h.call('GET', `/jobs/query/${c.body.id}/results`)).status).toBe(400);
    const list = await h.call('GET', '/jobs/query');
    expect(list.body.done).toBe(true);
    expect(list.body.records.map((j: { id: string }) => j.id)).toContain(c.body.id);
    expect((await h.call('DELETE', `/jobs/query/${c.body.id}`)).status).toBe(204);
    expect((await h.call('GET', `/jobs/query/${c.body.id}`)).status).toBe(404);
  });

  it('does not exist before API v47.0', async () => {
    const r = await h.call('POST', '/services/data/v46.0/jobs/query', { operation: 'query', query: 'SELECT Id FROM Account' });
    expect(r.status).toBe(404);
  });
});

describe('job retention', () => {
  it('drops the oldest jobs past 200 jobs or a million rows, never the newest', async () => {
    const { evict } = await import('../../server/routes/bulk2-query.ts');
    const jobs = new Map<string, number>();
    for (let i = 0; i < 205; i++) jobs.set(`j${i}`, 1);
    evict(jobs, (n) => n);
    expect(jobs.size).toBe(200);
    expect(jobs.has('j0')).toBe(false);
    const big = new Map([['a', 600_000], ['b', 600_000]]);
    evict(big, (n) => n);
    expect([...big.keys()]).toEqual(['b']);
    const huge = new Map([['only', 5_000_000]]);
    evict(huge, (n) => n);
    expect(huge.size).toBe(1);
  });
});
