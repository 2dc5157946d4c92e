import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeHarness, type Harness } from './sobjects-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
});
afterAll(async () => h.close());

it('GET /limits reports Salesforce keys as {Max, Remaining}, DailyApiRequests following the usage header', async () => {
  await h.call('GET', '/sobjects');
  const r = await h.call('GET', '/limits/');
  expect(r.status).toBe(200);
  expect(r.headers['content-type']).toBe('application/json;charset=UTF-8');
  const used = Number(/api-usage=(\d+)\/15000/.exec(String(r.headers['sforce-limit-info']))![1]);
  expect(r.body.DailyApiRequests).toEqual({ Max: 15000, Remaining: 15000 - used });
  for (const k of ['DailyAsyncApexExecutions', 'DailyBulkApiRequests', 'DataStorageMB', 'FileStorageMB', 'SingleEmail']) {
    expect(r.body[k]).toEqual({ Max: expect.any(Number), Remaining: expect.any(Number) });
  }
  expect(Object.keys(r.body)).toEqual([...Object.keys(r.body)].sort());
});
