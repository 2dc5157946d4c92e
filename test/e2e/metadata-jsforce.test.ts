/**
 * `mockforce serve --metadata` as a user runs it: a child process over a file org built WITHOUT the
 * metadata (so the org file gets its new tables and columns at startup), with the committed sample
 * SFDX project and Metadata API `.object` file, driven by jsforce: describe, `__r` parents and child
 * subqueries, creates with required / restricted-picklist errors, formula fields, upsert by external
 * id, SOSL on a custom text field, cascade delete; then a restart (nothing to apply, data kept) and
 * bad metadata stopping startup with one line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestOrg } from '../http/test-org.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SFDX = join(ROOT, 'fixtures', 'metadata', 'sfdx-project');
const MDAPI = join(ROOT, 'fixtures', 'metadata', 'mdapi');
let dir: string;
let orgFile: string;
const children: ChildProcess[] = [];
let server: { child: ChildProcess; output: () => string };
let conn: jsforce.Connection;

function spawnServe(metadata: string[], extra: string[] = []): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const args = ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--db', orgFile, '--data-dir', join(dir, 'data'), '--port', '0', '--https-port', '-1', ...extra];
  for (const m of metadata) args.push('--metadata', m);
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, output: () => out, exited };
}

async function startServe(metadata: string[], extra: string[] = []): Promise<{ child: ChildProcess; output: () => string; conn: jsforce.Connection }> {
  const s = spawnServe(metadata, extra);
  const t0 = Date.now();
  while (!s.output().includes('Ctrl-C stops the server.')) {
    if (s.child.exitCode !== null) throw new Error(`serve exited early: ${s.output()}`);
    if (Date.now() - t0 > 30_000) throw new Error(`serve did not start: ${s.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const info = JSON.parse(readFileSync(join(dir, 'data', 'connection.json'), 'utf8')) as { instanceUrl: string; accessToken: string };
  return { ...s, conn: new jsforce.Connection({ instanceUrl: info.instanceUrl, accessToken: info.accessToken, version: '59.0' }) };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function sfError(p: Promise<unknown>): Promise<{ errorCode: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { errorCode: string; message: string };
  }
  throw new Error('expected a Salesforce error');
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mockforce-metadata-'));
  orgFile = join(dir, 'org.db');
  makeTestOrg({ file: orgFile, accounts: 3 }).close();
  const s = await startServe([SFDX, MDAPI]);
  server = s;
  conn = s.conn;
}, 60_000);
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('serve --metadata (SFDX source + Metadata API)', () => {
  it('applies the metadata to the org file once and names the unsupported formula in one warning', () => {
    expect(server.output()).toMatch(/metadata applied to .*org\.db: 3 new object\(s\), 2 new column\(s\)/);
    const warnings = server.output().split('\n').filter((l) => l.includes('warning'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('Account_Name__c.field-meta.xml: formula field Project__c.Account_Name__c is not supported');
  });

  it('describes custom objects, custom fields and formula fields', async () => {
    const g = await conn.describeGlobal();
    const names = g.sobjects.map((o) => o.name);
    expect(names).toEqual(expect.arrayContaining(['Project__c', 'Milestone__c', 'Vendor__c']));
    const p = await conn.sobject('Project__c').describe();
    expect(p.custom).toBe(true);
    expect(p.label).toBe('Project');
    expect(p.labelPlural).toBe('Projects');
    expect(p.keyPrefix).toMatch(/^a[0-9A-Za-z]{2}$/);
    const f = new Map(p.fields.map((x) => [x.name, x]));
    expect(f.get('Name')).toMatchObject({ type: 'string', autoNumber: true, nameField: true, createable: false });
    expect(f.get('Title__c')).toMatchObject({ type: 'string', length: 120, nillable: false, custom: true, inlineHelpText: 'What the project delivers' });
    expect(f.get('Account__c')).toMatchObject({ type: 'reference', referenceTo: ['Account'], relationshipName: 'Account__r' });
    expect(f.get('Status__c')).toMatchObject({ type: 'picklist', restrictedPicklist: true, defaultedOnCreate: true });
    expect(f.get('Status__c')!.picklistValues!.map((v) => [v.value, v.defaultValue])).toEqual([['Planned', true], ['Active', false], ['Done', false]]);
    expect(f.get('Code__c')).toMatchObject({ externalId: true, unique: true, idLookup: true });
    expect(f.get('Budget__c')).toMatchObject({ type: 'currency', precision: 16, scale: 2 });
    expect(f.get('Notes__c')).toMatchObject({ type: 'textarea', length: 32768, filterable: false });
    expect(f.get('Budget_K__c')).toMatchObject({ type: 'double', calculated: true, createable: false, updateable: false, calculatedFormula: 'Budget__c / 1000' });
    expect(f.get('Is_Big__c')).toMatchObject({ type: 'boolean', calculated: true });
    const m = await conn.sobject('Milestone__c').describe();
    const project = m.fields.find((x) => x.name === 'Project__c')!;
    expect(project).toMatchObject({ type: 'reference', nillable: false, cascadeDelete: true, relationshipName: 'Project__r', updateable: false });
    expect(m.fields.some((x) => x.name === 'OwnerId')).toBe(false);
    expect(m.fields.find((x) => x.name === 'Tags__c')).toMatchObject({ type: 'multipicklist' });
    expect(p.childRelationships).toEqual(expect.arrayContaining([expect.objectContaining({ childSObject: 'Milestone__c', field: 'Project__c', relationshipName: 'Milestones__r', cascadeDelete: true })]));
    const acct = await conn.sobject('Account').describe();
    expect(acct.fields.find((x) => x.name === 'Tier__c')).toMatchObject({ type: 'picklist', custom: true, restrictedPicklist: false });
    expect(acct.childRelationships).toEqual(expect.arrayContaining([expect.objectContaining({ childSObject: 'Project__c', relationshipName: 'Projects__r' })]));
    const v = await conn.sobject('Vendor__c').describe();
    expect(v.fields.find((x) => x.name === 'Rating__c')).toMatchObject({ type: 'percent', precision: 5, scale: 2 });
    expect(v.fields.find((x) => x.name === 'Primary_Contact__c')).toMatchObject({ referenceTo: ['Contact'], relationshipName: 'Primary_Contact__r' });
  });

  it('creates records with autonumbers, defaults and formulas, and queries __r parents and child relationships', async () => {
    const [acct] = (await conn.query<{ Id: string; Name: string }>('SELECT Id, Name FROM Account ORDER BY Name LIMIT 1')).records;
    await conn.sobject('Account').update({ Id: acct!.Id, Tier__c: 'Gold' });
    const created = await conn.sobject('Project__c').create({ Title__c: 'Zebrafish migration', Account__c: acct!.Id, Budget__c: 250000, Kickoff__c: '2024-05-02' });
    expect(created.success).toBe(true);
    const ms = await conn.sobject('Milestone__c').create([
      { Name: 'Design done', Project__c: created.id, Due__c: '2024-07-01', Tags__c: 'Design;Build' },
      { Name: 'Launch', Project__c: created.id },
    ]);
    expect(ms.every((r) => r.success)).toBe(true);

    const rows = (
      await conn.query<Record<string, unknown>>(
        `SELECT Name, Status__c, Display_Name__c, Budget_K__c, Is_Big__c, Days_Since_Kickoff__c, Account_Name__c, Account__r.Name, Account__r.Tier__c, (SELECT Name, Done__c FROM Milestones__r ORDER BY Name) FROM Project__c WHERE Id = '${created.id}'`,
      )
    ).records;
    expect(rows[0]).toMatchObject({
      Name: 'PRJ-0001',
      Status__c: 'Planned',
      Display_Name__c: 'PRJ-0001 - Zebrafish migration',
      Budget_K__c: 250,
      Is_Big__c: true,
      // The org clock of the test org: 2024-06-01.
      Days_Since_Kickoff__c: 30,
      Account_Name__c: null,
      Account__r: { Name: acct!.Name, Tier__c: 'Gold' },
    });
    const kids = rows[0]!.Milestones__r as { totalSize: number; records: { Name: string; Done__c: boolean }[] };
    expect(kids.totalSize).toBe(2);
    expect(kids.records.map((r) => [r.Name, r.Done__c])).toEqual([['Design done', false], ['Launch', false]]);

    const parents = (await conn.query<Record<string, unknown>>(`SELECT Name, (SELECT Title__c FROM Projects__r) FROM Account WHERE Id = '${acct!.Id}'`)).records;
    expect((parents[0]!.Projects__r as { records: unknown[] }).records).toEqual([expect.objectContaining({ Title__c: 'Zebrafish migration' })]);

    // Formulas follow updates.
    await conn.sobject('Project__c').update({ Id: created.id!, Budget__c: 5000, Title__c: 'Zebrafish move' });
    const after = (await conn.query<Record<string, unknown>>(`SELECT Budget_K__c, Is_Big__c, Display_Name__c FROM Project__c WHERE Id = '${created.id}'`)).records[0];
    expect(after).toMatchObject({ Budget_K__c: 5, Is_Big__c: false, Display_Name__c: 'PRJ-0001 - Zebrafish move' });

    // A new Account gets the custom field's default.
    const a2 = await conn.sobject('Account').create({ Name: 'Defaulted Co' });
    expect((await conn.sobject('Account').retrieve(a2.id!)) as Record<string, unknown>).toMatchObject({ Region_Code__c: 'EMEA', Tier__c: null });
  });

  it('refuses missing required fields and bad restricted picklist values, Salesforce-shaped', async () => {
    const missing = await sfError(conn.sobject('Project__c').create({ Status__c: 'Active' }));
    expect(missing.errorCode).toBe('REQUIRED_FIELD_MISSING');
    expect(missing.message).toContain('Title__c');
    const bad = await sfError(conn.sobject('Project__c').create({ Title__c: 'x', Status__c: 'Bogus' }));
    expect(bad.errorCode).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
    const noMaster = await sfError(conn.sobject('Milestone__c').create({ Name: 'orphan' }));
    expect(noMaster.errorCode).toBe('REQUIRED_FIELD_MISSING');
    await conn.sobject('Project__c').create({ Title__c: 'a', Code__c: 'SAME' });
    const dup = await sfError(conn.sobject('Project__c').create({ Title__c: 'b', Code__c: 'same' }));
    expect(dup.errorCode).toBe('DUPLICATE_VALUE');
    const formula = await sfError(conn.sobject('Project__c').create({ Title__c: 'x', Budget_K__c: 3 }));
    expect(formula.errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
  });

  it('upserts by external id on custom objects', async () => {
    const first = await conn.sobject('Project__c').upsert({ Code__c: 'EXT-1', Title__c: 'Upserted' }, 'Code__c');
    expect(first).toMatchObject({ success: true, created: true });
    const second = await conn.sobject('Project__c').upsert({ Code__c: 'EXT-1', Title__c: 'Upserted again' }, 'Code__c');
    expect(second).toMatchObject({ success: true, created: false });
    const v = await conn.sobject('Vendor__c').upsert({ Vendor_Key__c: 'V-9', Name: 'Acme Parts', Email__c: 'parts@acme.test' }, 'Vendor_Key__c');
    expect(v).toMatchObject({ success: true, created: true });
    const rows = (await conn.query<Record<string, unknown>>(`SELECT Title__c FROM Project__c WHERE Code__c = 'EXT-1'`)).records;
    expect(rows).toEqual([expect.objectContaining({ Title__c: 'Upserted again' })]);
    const vendor = (await conn.query<Record<string, unknown>>(`SELECT Name, Preferred__c FROM Vendor__c WHERE Vendor_Key__c = 'V-9'`)).records[0];
    expect(vendor).toMatchObject({ Name: 'Acme Parts', Preferred__c: true });
  });

  it('finds custom text fields with SOSL', async () => {
    const r = await conn.search('FIND {Zebrafish} IN ALL FIELDS RETURNING Project__c(Title__c), Account(Name)');
    expect(r.searchRecords.map((x) => [x.attributes!.type, (x as Record<string, unknown>).Title__c])).toEqual([['Project__c', 'Zebrafish move']]);
    const byTitle = await conn.search('FIND {Upserted} IN ALL FIELDS RETURNING Project__c(Title__c)');
    expect(byTitle.searchRecords.map((x) => (x as Record<string, unknown>).Title__c)).toEqual(['Upserted again']);
  });

  it('Bulk API 2.0 ingest and query see the custom objects (upsert by external id too)', async () => {
    const res = await conn.bulk2.loadAndWaitForResults({
      object: 'Vendor__c',
      operation: 'upsert',
      externalIdFieldName: 'Vendor_Key__c',
      input: [
        // jsforce takes the CSV header from the first record: every record carries every column.
        { Vendor_Key__c: 'V-9', Name: 'Acme Parts Renamed', Score__c: '3' },
        { Vendor_Key__c: 'V-10', Name: 'Bolt Supply', Score__c: '7' },
        { Vendor_Key__c: '', Name: 'No key', Score__c: '1' },
      ],
      pollInterval: 10,
      pollTimeout: 10_000,
    });
    expect(res.successfulResults.map((r) => [(r as Record<string, unknown>).Vendor_Key__c, r.sf__Created])).toEqual([['V-9', 'false'], ['V-10', 'true']]);
    expect(res.failedResults).toHaveLength(1);
    const out = await conn.bulk2.query('SELECT Name, Vendor_Key__c, Score__c FROM Vendor__c ORDER BY Vendor_Key__c', { pollInterval: 10, pollTimeout: 10_000 });
    const rows = (typeof (out as { toArray?: unknown }).toArray === 'function' ? await (out as unknown as { toArray(): Promise<unknown[]> }).toArray() : out) as Record<string, string>[];
    expect(rows).toEqual([
      { Name: 'Bolt Supply', Vendor_Key__c: 'V-10', Score__c: '7' },
      { Name: 'Acme Parts Renamed', Vendor_Key__c: 'V-9', Score__c: '3' },
    ]);
  });

  it('cascades a master delete to its details', async () => {
    const p = await conn.sobject('Project__c').create({ Title__c: 'Short-lived' });
    await conn.sobject('Milestone__c').create({ Name: 'only', Project__c: p.id });
    await conn.sobject('Project__c').destroy(p.id!);
    expect((await conn.query(`SELECT Id FROM Milestone__c WHERE Project__c = '${p.id}'`)).totalSize).toBe(0);
  });

  it('restarts with the same directories without re-applying, keeping the data', async () => {
    await stop(server.child);
    // Ten days later on the org clock: the TODAY() formula follows.
    const again = await startServe([SFDX, MDAPI], ['--now', '2024-06-11T12:00:00Z']);
    try {
      expect(again.output()).not.toContain('metadata applied');
      expect((await again.conn.query(`SELECT Id FROM Project__c WHERE Code__c = 'EXT-1'`)).totalSize).toBe(1);
      const p = (await again.conn.query<Record<string, unknown>>(`SELECT Days_Since_Kickoff__c FROM Project__c WHERE Name = 'PRJ-0001'`)).records;
      expect(p).toEqual([expect.objectContaining({ Days_Since_Kickoff__c: 40 })]);
    } finally {
      await stop(again.child);
    }
  }, 60_000);

  it('applies a metadata change on restart: a new field on an existing object is added, nothing lost', async () => {
    const extra = join(dir, 'extra');
    const fields = join(extra, 'objects', 'Project__c', 'fields');
    mkdirSync(fields, { recursive: true });
    writeFileSync(join(fields, 'Risk__c.field-meta.xml'), '<CustomField><fullName>Risk__c</fullName><label>Risk</label><type>Number</type><precision>3</precision><scale>0</scale></CustomField>');
    const changed = await startServe([SFDX, MDAPI, extra]);
    try {
      expect(changed.output()).toMatch(/metadata applied to .*: 0 new object\(s\), 1 new column\(s\)/);
      await changed.conn.sobject('Project__c').upsert({ Code__c: 'EXT-1', Risk__c: 4 }, 'Code__c');
      const rows = (await changed.conn.query<Record<string, unknown>>(`SELECT Title__c, Risk__c FROM Project__c WHERE Code__c = 'EXT-1'`)).records;
      expect(rows).toEqual([expect.objectContaining({ Title__c: 'Upserted again', Risk__c: 4 })]);
    } finally {
      await stop(changed.child);
    }
  }, 60_000);

  it('stops startup with one line naming the file on bad metadata', async () => {
    const bad = join(dir, 'bad');
    const fields = join(bad, 'objects', 'Account', 'fields');
    mkdirSync(fields, { recursive: true });
    writeFileSync(join(fields, 'Broken__c.field-meta.xml'), '<?xml version="1.0"?>\n<CustomField>\n  <fullName>Broken__c</fullName>\n  <type>Text</typo>\n</CustomField>\n');
    const s = spawnServe([bad]);
    expect(await s.exited).toBe(2);
    const lines = s.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^mockforce: bad metadata: .*Broken__c\.field-meta\.xml: invalid XML at line 4, column \d+: closing tag <\/typo> does not match <type>$/);

    const missing = join(dir, 'missing-target');
    const f2 = join(missing, 'objects', 'Account', 'fields');
    mkdirSync(f2, { recursive: true });
    writeFileSync(join(f2, 'Partner__c.field-meta.xml'), '<CustomField><fullName>Partner__c</fullName><type>Lookup</type><referenceTo>Nowhere__c</referenceTo></CustomField>');
    const s2 = spawnServe([missing]);
    expect(await s2.exited).toBe(2);
    expect(s2.output().trim()).toMatch(/^mockforce: bad metadata: .*Partner__c\.field-meta\.xml: lookup Account\.Partner__c points at object 'Nowhere__c', which does not exist$/);
  }, 60_000);
});
