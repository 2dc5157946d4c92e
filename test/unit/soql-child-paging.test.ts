/**
 * Large parent-to-child subqueries: Salesforce returns 499 child records inline, then `done: false`
 * and a `nextRecordsUrl` (`…/query/01g…-499`) whose queryMore pages deliver the rest (execute.ts
 * CHILD_BATCH_SIZE, with the observed responses it cites).
 */
import { describe, expect, it } from 'vitest';
import { Org } from '../../src/org/index.ts';
import { query, queryMore } from '../../src/soql/index.ts';

function orgWithContacts(n: number): { org: Org; account: string } {
  const org = Org.create(':memory:', { now: '2024-06-01T12:00:00.000Z' });
  const account = org.store.insert('Account', { FirstName: 'Big', LastName: 'Parent' });
  org.store.insert('Account', { FirstName: 'Small', LastName: 'Parent' });
  org.store.transaction(() => {
    for (let i = 0; i < n; i++) org.store.insert('Contact', { LastName: `C${String(i).padStart(5, '0')}`, AccountId: account });
  });
  return { org, account };
}

type Child = { totalSize: number; done: boolean; nextRecordsUrl?: string; records: { LastName: string }[] };

describe('child subquery paging', () => {
  const { org, account } = orgWithContacts(1200);

  it('returns the first 499 children inline with a locator for the rest', () => {
    const r = query(org, `SELECT Id, (SELECT LastName FROM Contacts ORDER BY LastName) FROM Account WHERE Id = '${account}'`);
    const child = r.records[0]!.Contacts as Child;
    expect(child.totalSize).toBe(1200);
    expect(child.done).toBe(false);
    expect(child.records).toHaveLength(499);
    expect(child.records[498]!.LastName).toBe('C00498');
    expect(child.nextRecordsUrl).toMatch(/^\/services\/data\/v59\.0\/query\/01g[0-9A-Za-z]{15}-499$/);
    expect(Object.keys(child)).toEqual(['totalSize', 'done', 'nextRecordsUrl', 'records']);

    const rest = queryMore(org, child.nextRecordsUrl!);
    expect(rest.totalSize).toBe(1200);
    expect(rest.done).toBe(true);
    expect(rest.records).toHaveLength(701);
    expect((rest.records[0] as { LastName: string }).LastName).toBe('C00499');
    expect((rest.records[700] as { LastName: string }).LastName).toBe('C01199');
  });

  it('pages the rest by the requested batch size, and the parent keeps its own shape', () => {
    const r = query(org, 'SELECT Name, (SELECT LastName FROM Contacts ORDER BY LastName) FROM Account ORDER BY Name', { apiVersion: '62.0' });
    expect(r.records.map((x) => x.Name)).toEqual(['Big Parent', 'Small Parent']);
    expect(r.records[1]!.Contacts).toBeNull();
    const child = r.records[0]!.Contacts as Child;
    expect(child.nextRecordsUrl).toMatch(/^\/services\/data\/v62\.0\/query\/01g[0-9A-Za-z]{15}-499$/);
    const next = queryMore(org, child.nextRecordsUrl!, { batchSize: 200 });
    expect(next.done).toBe(false);
    expect(next.records).toHaveLength(200);
    expect(next.nextRecordsUrl).toMatch(/-699$/);
  });

  it('keeps a child LIMIT, and up to 499 children come back whole', () => {
    const limited = query(org, `SELECT Id, (SELECT Id FROM Contacts LIMIT 499) FROM Account WHERE Id = '${account}'`);
    expect(limited.records[0]!.Contacts).toMatchObject({ totalSize: 499, done: true });
    const over = query(org, `SELECT Id, (SELECT Id FROM Contacts LIMIT 500) FROM Account WHERE Id = '${account}'`);
    expect(over.records[0]!.Contacts).toMatchObject({ totalSize: 500, done: false });
    expect((over.records[0]!.Contacts as Child).records).toHaveLength(499);
  });

  it('uses queryAll locators for queryAll', () => {
    const r = query(org, `SELECT Id, (SELECT Id FROM Contacts) FROM Account WHERE Id = '${account}'`, { includeDeleted: true });
    expect((r.records[0]!.Contacts as Child).nextRecordsUrl).toMatch(/\/queryAll\/01g[0-9A-Za-z]{15}-499$/);
  });
});
