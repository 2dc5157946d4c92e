/**
 * The SOQL engine beyond single answers: pagination and query locators (batch sizes, expiry on the org
 * clock, the cap on open cursors, queryAll URLs), API versions in URLs, the SOSL Id filter, hostile
 * literals, and an independent check of every emitted SQL statement with node-sql-parser.
 */
import NSP from 'node-sql-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { SalesforceError } from '../../src/errors/salesforce-error.ts';
import { Org } from '../../src/org/index.ts';
import { OBJECTS } from '../../schema/index.ts';
import { compiled, query, queryMore } from '../../src/soql/index.ts';
import { corpusCases } from '../fixtures-soql/corpus-cases.ts';
import { corpusCases2 } from '../fixtures-soql/corpus-cases-2.ts';
import { fill } from '../fixtures-soql/corpus-helpers.ts';
import { buildSoqlOrg } from '../fixtures-soql/soql-org.ts';

function bigOrg(n: number): Org {
  const org = Org.create(':memory:', { now: '2024-06-01T12:00:00.000Z' });
  org.store.transaction(() => {
    for (let i = 0; i < n; i++) org.store.insert('Issue__c', { Name: `Issue ${String(i).padStart(5, '0')}` });
  });
  return org;
}

function sfError(fn: () => unknown): SalesforceError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SalesforceError) return e;
    throw e;
  }
  throw new Error('expected a SalesforceError');
}

describe('pagination', () => {
  let org: Org;
  beforeAll(() => {
    org = bigOrg(2500);
  });

  it('returns 2000 rows, the full totalSize and a locator; queryMore returns the rest', () => {
    const first = query(org, 'SELECT Name FROM Issue__c ORDER BY Name');
    expect(first.totalSize).toBe(2500);
    expect(first.done).toBe(false);
    expect(first.records).toHaveLength(2000);
    expect(first.nextRecordsUrl).toMatch(/^\/services\/data\/v59\.0\/query\/01g[0-9A-Za-z]{15}-2000$/);
    const locator = first.nextRecordsUrl!.split('/').pop()!;
    const second = queryMore(org, locator);
    expect(second).toMatchObject({ totalSize: 2500, done: true });
    expect(second.nextRecordsUrl).toBeUndefined();
    expect(second.records).toHaveLength(500);
    expect(second.records[0]!.Name).toBe('Issue 02000');
    expect(second.records[499]!.Name).toBe('Issue 02499');
  });

  it('honours batchSize 200..2000 and clamps other values', () => {
    let r = query(org, 'SELECT Id FROM Issue__c', { batchSize: 500 });
    const seen = new Set<string>();
    let pages = 0;
    for (;;) {
      pages++;
      r.records.forEach((x) => seen.add(x.Id as string));
      if (r.done) break;
      expect(r.records).toHaveLength(500);
      r = queryMore(org, r.nextRecordsUrl!, { batchSize: 500 });
    }
    expect(pages).toBe(5);
    expect(seen.size).toBe(2500);
    expect(query(org, 'SELECT Id FROM Issue__c', { batchSize: 10 }).records).toHaveLength(200);
    expect(query(org, 'SELECT Id FROM Issue__c', { batchSize: 9000 }).records).toHaveLength(2000);
  });

  it('puts the API version and queryAll in nextRecordsUrl', () => {
    const r = query(org, 'SELECT Id FROM Issue__c', { apiVersion: '62.0', includeDeleted: true });
    expect(r.nextRecordsUrl).toMatch(/^\/services\/data\/v62\.0\/queryAll\/01g/);
    expect(r.records[0]!.attributes).toEqual({ type: 'Issue__c', url: `/services/data/v62.0/sobjects/Issue__c/${r.records[0]!.Id}` });
  });

  it('rejects unknown, malformed and expired locators with INVALID_QUERY_LOCATOR', () => {
    for (const bad of ['01gMf0000000999AAA-2000', 'nonsense', '', '../etc', '01gMf0000000001AAA-99999']) {
      const e = sfError(() => queryMore(org, bad));
      expect([e.errorCode, e.message, e.status]).toEqual(['INVALID_QUERY_LOCATOR', 'invalid query locator', 400]);
    }
    const r = query(org, 'SELECT Id FROM Issue__c');
    org.clock.advance(14 * 60 * 1000);
    const again = query(org, 'SELECT Id FROM Issue__c');
    expect(queryMore(org, again.nextRecordsUrl!).done).toBe(true);
    org.clock.advance(2 * 60 * 1000); // r has now been idle 16 minutes
    expect(sfError(() => queryMore(org, r.nextRecordsUrl!)).errorCode).toBe('INVALID_QUERY_LOCATOR');
  });

  it('keeps at most 100 open cursors per org, closing the oldest', () => {
    const urls = Array.from({ length: 101 }, () => query(org, 'SELECT Id FROM Issue__c').nextRecordsUrl!);
    expect(sfError(() => queryMore(org, urls[0]!)).errorCode).toBe('INVALID_QUERY_LOCATOR');
    expect(queryMore(org, urls[1]!).records).toHaveLength(500);
    expect(queryMore(org, urls[100]!).records).toHaveLength(500);
  });

  it('refuses to page aggregate results', () => {
    const e = sfError(() => query(org, 'SELECT Name, COUNT(Id) FROM Issue__c GROUP BY Name'));
    expect([e.errorCode, e.message]).toEqual(['EXCEEDED_ID_LIMIT', 'Aggregate query does not support queryMore(), use LIMIT to restrict the results to a single batch']);
    expect(query(org, 'SELECT Name, COUNT(Id) FROM Issue__c GROUP BY Name LIMIT 2000').records).toHaveLength(2000);
  });

  it('COUNT() counts beyond one batch', () => {
    expect(query(org, 'SELECT COUNT() FROM Issue__c')).toEqual({ totalSize: 2500, done: true, records: [] });
  });
});

describe('options', () => {
  const f = buildSoqlOrg();
  it('idFilter restricts top-level rows (SOSL RETURNING)', () => {
    const r = query(f.org, 'SELECT Id, Subject FROM Case ORDER BY Subject', { idFilter: [f.ids.C3!, f.ids.C1!, f.ids.C6!, 'junk'] });
    expect(r.records.map((x) => x.Subject)).toEqual(['Battery dies fast', 'Battery swelling']);
    expect(query(f.org, 'SELECT COUNT() FROM Case', { idFilter: [f.ids.C3!] }).totalSize).toBe(1);
    expect(query(f.org, 'SELECT Id, Title FROM Knowledge__kav', { idFilter: [f.ids.KA1!] }).records).toHaveLength(1);
  });

  it('WITH SECURITY_ENFORCED is accepted before API 61 and Apex-only from 61 on; ALL ROWS is Apex-only', () => {
    const q = "SELECT Id FROM Case WHERE Id = '" + f.ids.C1 + "' WITH SECURITY_ENFORCED";
    expect(query(f.org, q, { apiVersion: '60.0' }).totalSize).toBe(1);
    const e = sfError(() => query(f.org, q, { apiVersion: '61.0' }));
    expect(e.errorCode).toBe('MALFORMED_QUERY');
    expect(e.message).toMatch(/ERROR at Row:1:Column:\d+\nrule soqlWithIdentifierClause failed predicate/);
    const all = sfError(() => query(f.org, "SELECT Id FROM Case WHERE Status = 'New' ALL ROWS"));
    expect([all.errorCode, all.message]).toEqual(['MALFORMED_QUERY', "\nId FROM Case WHERE Status = 'New' ALL ROWS\n                                  ^\nERROR at Row:1:Column:42\nunexpected token: 'ALL'"]);
  });

  it('long lines are cut to a window around the caret, as in real Salesforce excerpts', () => {
    // Shape of forcedotcom/salesforcedx-apex#153: caret 36 characters into the excerpt.
    const q = `SELECT Id, Subject, Status, Priority, Origin, Type, Reason, IsEscalated, SuppliedName FROM Case WHERE AccountId = '7075A0000BiWZjxx'`;
    const e = sfError(() => query(f.org, q));
    const col = q.indexOf('AccountId');
    expect(e.message).toBe(`\nSuppliedName FROM Case WHERE AccountId = '7075A0000BiWZjxx'\n${' '.repeat(29)}^\nERROR at Row:1:Column:${col + 1}\ninvalid ID field: 7075A0000BiWZjxx`);
  });

  it('error headers point at the offending token, on the right row', () => {
    const e = sfError(() => query(f.org, 'SELECT Id,\n  Subject\nFROM Case\nWHERE Bogus__c = 1'));
    expect(e.message).toBe("\nWHERE Bogus__c = 1\n      ^\nERROR at Row:4:Column:7\nNo such column 'Bogus__c' on entity 'Case'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.");
    const t = sfError(() => query(f.org, 'SELECT Id FROM Contact123'));
    expect(t.message.startsWith('\nSELECT Id FROM Contact123\n               ^\nERROR at Row:1:Column:16\n')).toBe(true);
    const w = sfError(() => query(f.org, 'SELECT Subject FROM Case WHERE Subject = 5'));
    expect(w.message.startsWith('\nSELECT Subject FROM Case WHERE Subject = 5\n                               ^\nERROR at Row:1:Column:32\n')).toBe(true);
  });

  it('answers the sf CLI Organization query with the org row', () => {
    const r = query(f.org, 'SELECT Name, InstanceName, IsSandbox, TrialExpirationDate, NamespacePrefix, OrganizationType FROM Organization');
    expect(r.records).toEqual([
      { attributes: { type: 'Organization', url: `/services/data/v59.0/sobjects/Organization/${f.org.organizationId}` }, Name: 'mockforce', InstanceName: 'MF1', IsSandbox: false, TrialExpirationDate: null, NamespacePrefix: null, OrganizationType: 'Developer Edition' },
    ]);
    expect(query(f.org, `SELECT COUNT() FROM Organization WHERE Id = '${f.org.organizationId}'`).totalSize).toBe(1);
    expect(sfError(() => query(f.org, 'SELECT Id FROM ScratchOrgInfo LIMIT 1')).errorCode).toBe('INVALID_TYPE');
  });

  it('includeDeleted shows soft-deleted rows', () => {
    expect(query(f.org, "SELECT Subject FROM Case WHERE Subject = 'Deleted one'", { includeDeleted: true }).totalSize).toBe(1);
    expect(query(f.org, "SELECT Subject FROM Case WHERE Subject = 'Deleted one'").totalSize).toBe(0);
    expect(query(f.org, 'SELECT COUNT() FROM Account', { includeDeleted: true }).totalSize).toBe(4);
  });

  it('reuses the compiled plan for the same text', () => {
    const a = compiled(f.org, 'SELECT Id FROM Case', false, false);
    expect(compiled(f.org, 'SELECT Id FROM Case', false, false)).toBe(a);
    expect(compiled(f.org, 'SELECT Id FROM Case', true, false)).not.toBe(a);
  });

  it('date literals follow the org clock after the plan is cached', () => {
    const org = buildSoqlOrg().org;
    const q = 'SELECT COUNT() FROM Case WHERE CreatedDate = TODAY';
    expect(query(org, q).totalSize).toBe(1);
    org.clock.set('2024-06-05T20:00:00.000Z');
    expect(query(org, q).totalSize).toBe(1);
    org.clock.set('2024-06-06T00:00:00.000Z');
    expect(query(org, q).totalSize).toBe(0);
  });
});

describe('hostile literals', () => {
  const f = buildSoqlOrg();
  const hostile = [
    `'; DROP TABLE "Case"; --`,
    `" OR 1=1 --`,
    `') OR ('1'='1`,
    `%' OR Subject LIKE '%`,
    `\u0000\u0001`,
    `Robert'); DELETE FROM "Account" WHERE ('1'='1`,
    `Wow!! 100%_done \\ ok`,
  ];
  it('values never reach SQL as text: tables survive, literals match only themselves', () => {
    const escape = (s: string) => s.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
    for (const h of hostile) {
      f.org.store.insert('Issue__c', { Name: h });
      const r = query(f.org, `SELECT Name FROM Issue__c WHERE Name = '${escape(h)}'`);
      expect(r.records.map((x) => x.Name)).toEqual([h]);
      expect(query(f.org, `SELECT COUNT() FROM Issue__c WHERE Name LIKE '${escape(h)}'`).totalSize).toBeGreaterThanOrEqual(1);
      for (const q of [`SELECT Id FROM Case WHERE Subject = '${escape(h)}'`, `SELECT Id FROM Case WHERE Subject IN ('${escape(h)}', 'x')`]) {
        expect(query(f.org, q).totalSize).toBe(0);
      }
    }
    expect(query(f.org, "SELECT Name FROM Issue__c WHERE Name LIKE 'Wow!!%\\%\\_done \\\\%'").records.map((x) => x.Name)).toEqual(['Wow!! 100%_done \\ ok']);
    expect(query(f.org, "SELECT COUNT() FROM Issue__c WHERE Name LIKE '%!%'").totalSize).toBe(1);
    expect(query(f.org, "SELECT COUNT() FROM Issue__c WHERE Name LIKE 'Wow\\%'").totalSize).toBe(0);
    expect(query(f.org, 'SELECT COUNT() FROM Case').totalSize).toBe(7);
    expect(query(f.org, 'SELECT COUNT() FROM Account').totalSize).toBe(3);
    const tables = f.org.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    for (const o of OBJECTS) expect(tables.map((t) => t.name)).toContain(o.name);
  });
});

describe('hostile sizes', () => {
  const f = buildSoqlOrg();
  it('huge IN lists, OR chains, nesting and over-long text end in Salesforce errors', () => {
    const cases: [string, string][] = [
      [`SELECT Id FROM OrderItem WHERE Quantity IN (${Array(40000).fill('1').join(',')})`, 'QUERY_TOO_COMPLICATED'],
      [`SELECT Id FROM OrderItem WHERE ${Array(5500).fill('Quantity = 1').join(' OR ')}`, 'QUERY_TOO_COMPLICATED'],
      [`SELECT Id FROM OrderItem WHERE ${'('.repeat(45000)}Quantity = 1${')'.repeat(45000)}`, 'MALFORMED_QUERY'],
      [`SELECT Id FROM Case WHERE Subject = '${'x'.repeat(100_001)}'`, 'MALFORMED_QUERY'],
    ];
    for (const [q, code] of cases) expect(sfError(() => query(f.org, q)).errorCode).toBe(code);
    // Salesforce's grammar takes one NOT per level (`NOT NOT x` is a syntax error); nested ones need
    // parentheses.
    expect(query(f.org, `SELECT Id FROM OrderItem WHERE NOT (NOT (Quantity = 1))`).totalSize).toBe(1);
    expect(sfError(() => query(f.org, `SELECT Id FROM OrderItem WHERE ${'NOT '.repeat(2000)}Quantity = 1`)).message).toMatch(/unexpected token: 'NOT'$/);
  });
});

describe('emitted SQL (checked with node-sql-parser)', () => {
  const f = buildSoqlOrg();
  const parser = new NSP.Parser();
  const tableNames = new Set(OBJECTS.map((o) => o.name.toLowerCase()));
  it('every statement of the corpus parses, touches only schema tables and carries no SOQL literal', () => {
    let checked = 0;
    let parsed = 0;
    for (const [, cases] of [...corpusCases(f), ...corpusCases2(f)]) {
      for (const [soql] of cases) {
        const text = fill(soql, f);
        let plan;
        try {
          plan = compiled(f.org, text, false, false);
        } catch {
          continue; // error cases emit no SQL
        }
        const stmts = [];
        if (plan.kind === 'records') {
          const walk = (p: typeof plan.plan): void => {
            stmts.push(p.stmt.source);
            for (const n of p.nodes) if (n.t === 'c') walk(n.plan);
          };
          walk(plan.plan);
        } else stmts.push(plan.stmt.source);
        const literals = [...text.matchAll(/'((?:[^'\\]|\\.){3,})'/g)].map((m) => m[1]!);
        for (const sql of stmts) {
          // node-sql-parser 5.4 does not know `?` in LIMIT or COLLATE in expressions: numbers stand in for
          // placeholders, and statements it cannot parse fall back to a scan of FROM/JOIN targets.
          let tables: string[];
          try {
            tables = parser.tableList(sql.replace(/\?/g, '1'), { database: 'sqlite' }).map((t) => t.split('::')[2]!.toLowerCase());
            parsed++;
          } catch {
            tables = [...sql.matchAll(/(?:FROM|JOIN)\s+"([^"]+)"/g)].map((m) => m[1]!.toLowerCase());
          }
          for (const t of tables) expect(tableNames.has(t) || t === 'json_each', `${t} in ${sql}`).toBe(true);
          for (const lit of literals) expect(sql).not.toContain(`'${lit}`);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
    expect(parsed).toBeGreaterThan(100);
  });
});
