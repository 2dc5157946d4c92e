/**
 * jsforce 3 against a seeded org, for the standard catalogue (issue 11 item 1): every listed standard
 * object describes and queries (empty where CRMArena does not populate it), Account has its standard
 * business fields, Opportunity and Lead writes follow Salesforce's validation and derived fields, and
 * users carry a Profile that `User.Profile.Name` reaches (what `sf org list users` queries).
 */
import jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrg } from '../../seed/index.ts';
import { startServer, type ListeningServer } from './listening-server.ts';
import { errorOf } from '../support/error-of.ts';

const LISTED = [
  'Account', 'Contact', 'Lead', 'Opportunity', 'OpportunityLineItem', 'OpportunityContactRole', 'OpportunityHistory', 'Quote',
  'QuoteLineItem', 'Contract', 'Task', 'Event', 'Campaign', 'CampaignMember', 'Asset', 'Profile', 'UserRole', 'RecordType', 'Group',
  'Territory2', 'UserTerritory2Association',
];
const EMPTY = ['Lead', 'Opportunity', 'Quote', 'Contract', 'Task', 'Event', 'Campaign', 'Asset', 'Group', 'Territory2'];

let server: ListeningServer;
let conn: jsforce.Connection;

beforeAll(async () => {
  const org = generateOrg({ seed: 42, scale: 0.05, out: ':memory:' });
  const id = org.loginIdentity()!;
  server = await startServer(org);
  conn = new jsforce.Connection({ loginUrl: server.url, version: '59.0' });
  await conn.login(id.username, id.password + id.securityToken);
}, 60_000);
afterAll(async () => {
  await server?.close();
});


describe('standard catalogue over jsforce', () => {
  it('describeGlobal lists every listed object and each describes', async () => {
    const g = await conn.describeGlobal();
    const names = g.sobjects.map((s) => s.name);
    for (const n of LISTED) expect(names, n).toContain(n);
    for (const n of LISTED) {
      const d = await conn.sobject(n).describe();
      expect(d.name).toBe(n);
      expect(d.fields.length, n).toBeGreaterThan(5);
    }
  });

  it('queries the objects CRMArena does not populate as empty results', async () => {
    for (const n of EMPTY) {
      const r = await conn.query(`SELECT Id FROM ${n}`);
      expect(r, n).toMatchObject({ totalSize: 0, done: true, records: [] });
    }
  });

  it("Account has a real org's business fields", async () => {
    const r = await conn.query<{ Industry: string | null; BillingCity: string | null }>('SELECT Id, Name, Industry, BillingCity, AnnualRevenue, NumberOfEmployees, Website FROM Account LIMIT 3');
    expect(r.records).toHaveLength(3);
    expect(r.records[0]!.Industry).toBeNull();
    const d = await conn.sobject('Account').describe();
    const industry = d.fields.find((f) => f.name === 'Industry')!;
    expect(industry.type).toBe('picklist');
    expect(industry.picklistValues!.map((p) => p.value)).toContain('Technology');
    expect(d.fields.find((f) => f.name === 'PersonMailingCity')!.length).toBe(40);
    const id = (await conn.sobject('Account').create({ Name: 'Acme', Industry: 'Technology', BillingCity: 'Austin' })) as { id: string };
    const acme = await conn.query<{ Industry: string; BillingCity: string }>(`SELECT Industry, BillingCity FROM Account WHERE Id = '${id.id}'`);
    expect(acme.records[0]).toMatchObject({ Industry: 'Technology', BillingCity: 'Austin' });
  });

  it('Opportunity requires Name, StageName and CloseDate', async () => {
    const e = await errorOf(conn.sobject('Opportunity').create({ Amount: 10 }));
    expect(e.errorCode).toBe('REQUIRED_FIELD_MISSING');
    expect(e.message).toMatch(/Name/);
    expect(e.message).toMatch(/StageName/);
    expect(e.message).toMatch(/CloseDate/);
    const bad = await errorOf(conn.sobject('Opportunity').create({ Name: 'x', StageName: 'Nope', CloseDate: '2024-07-01' }));
    expect(bad.errorCode).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
    const ro = await errorOf(conn.sobject('Opportunity').create({ Name: 'x', StageName: 'Prospecting', CloseDate: '2024-07-01', IsWon: true }));
    expect(ro.errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
  });

  it('derives IsClosed, IsWon, Probability and forecast category from the stage, on create and update', async () => {
    const acct = await conn.query<{ Id: string }>('SELECT Id FROM Account LIMIT 1');
    const r = (await conn.sobject('Opportunity').create({ Name: 'Big deal', StageName: 'Needs Analysis', CloseDate: '2024-08-15', Amount: 1000, AccountId: acct.records[0]!.Id })) as { id: string };
    const read = () => conn.sobject('Opportunity').retrieve(r.id) as Promise<any>;
    expect(await read()).toMatchObject({ IsClosed: false, IsWon: false, Probability: 20, ExpectedRevenue: 200, ForecastCategory: 'Pipeline', ForecastCategoryName: 'Pipeline', FiscalYear: 2024, FiscalQuarter: 3 });
    await conn.sobject('Opportunity').update({ Id: r.id, StageName: 'Closed Won' });
    expect(await read()).toMatchObject({ IsClosed: true, IsWon: true, Probability: 100, ExpectedRevenue: 1000, ForecastCategory: 'Closed' });
    await conn.sobject('Opportunity').update({ Id: r.id, Amount: 2500 });
    expect(await read()).toMatchObject({ Probability: 100, ExpectedRevenue: 2500 });
    await conn.sobject('Opportunity').update({ Id: r.id, StageName: 'Negotiation/Review', Probability: 85 });
    expect(await read()).toMatchObject({ IsClosed: false, IsWon: false, Probability: 85, ExpectedRevenue: 2125 });
    // ExpectedRevenue is calculated: described so, and a write to it is refused like any read-only field.
    const er = (await conn.sobject('Opportunity').describe()).fields.find((f) => f.name === 'ExpectedRevenue')!;
    expect(er).toMatchObject({ type: 'currency', calculated: true, createable: false, updateable: false });
    expect((await errorOf(conn.sobject('Opportunity').update({ Id: r.id, ExpectedRevenue: 1 }))).errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    const q = await conn.query<any>(`SELECT Name, Account.Name, StageName FROM Opportunity WHERE IsClosed = false AND AccountId = '${acct.records[0]!.Id}'`);
    expect(q.totalSize).toBe(1);
    expect(q.records[0].Account.Name).toBeTruthy();
    const child = await conn.query<any>(`SELECT Id, (SELECT Name FROM Opportunities) FROM Account WHERE Id = '${acct.records[0]!.Id}'`);
    expect(child.records[0].Opportunities.records[0].Name).toBe('Big deal');
  });

  it('Lead requires LastName and Company, defaults Status and keeps conversion fields read-only', async () => {
    const e = await errorOf(conn.sobject('Lead').create({ FirstName: 'Ann' }));
    expect(e.errorCode).toBe('REQUIRED_FIELD_MISSING');
    expect(e.message).toMatch(/LastName/);
    expect(e.message).toMatch(/Company/);
    const r = (await conn.sobject('Lead').create({ FirstName: 'Ann', LastName: 'Lee', Company: 'Initech' })) as { id: string };
    expect(await conn.sobject('Lead').retrieve(r.id)).toMatchObject({ Name: 'Ann Lee', Status: 'Open - Not Contacted', IsConverted: false });
    const ro = await errorOf(conn.sobject('Lead').update({ Id: r.id, IsConverted: true }));
    expect(ro.errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
  });

  it('numbers contracts and closes tasks by status', async () => {
    const acct = await conn.query<{ Id: string }>('SELECT Id FROM Account LIMIT 1');
    const c = (await conn.sobject('Contract').create({ AccountId: acct.records[0]!.Id, StartDate: '2024-07-01', ContractTerm: 12 })) as { id: string };
    expect(await conn.sobject('Contract').retrieve(c.id)).toMatchObject({ ContractNumber: '00000001', Status: 'Draft' });
    const t = (await conn.sobject('Task').create({ Subject: 'Call back', WhatId: acct.records[0]!.Id })) as { id: string };
    expect(await conn.sobject('Task').retrieve(t.id)).toMatchObject({ Status: 'Not Started', Priority: 'Normal', IsClosed: false });
    await conn.sobject('Task').update({ Id: t.id, Status: 'Completed' });
    expect(await conn.sobject('Task').retrieve(t.id)).toMatchObject({ IsClosed: true });
    const open = await conn.query(`SELECT Id FROM Task WHERE IsClosed = false AND WhatId = '${acct.records[0]!.Id}'`);
    expect(open.totalSize).toBe(0);
  });

  it('users have a Profile and a role; User.Profile.Name and the Person Account record type query', async () => {
    const r = await conn.query<any>('SELECT Id, Username, Profile.Name, UserRole.Name FROM User ORDER BY CreatedDate LIMIT 2');
    expect(r.records[0].Profile.Name).toBe('System Administrator');
    expect(r.records[1].Profile.Name).toBe('Custom: Support Profile');
    const profiles = await conn.query<any>('SELECT Name FROM Profile');
    expect(profiles.records.map((p: any) => p.Name)).toEqual(expect.arrayContaining(['System Administrator', 'Standard User', 'Read Only']));
    const person = await conn.query<any>("SELECT RecordType.DeveloperName FROM Account WHERE IsPersonAccount = true LIMIT 1");
    expect(person.records[0].RecordType.DeveloperName).toBe('PersonAccount');
  });
});

describe('polymorphic relationships over jsforce', () => {
  it('TYPEOF What returns each parent as its own type; What.Type filters; Case.Owner is a Name', async () => {
    const acct = (await conn.query<{ Id: string; Name: string }>('SELECT Id, Name FROM Account ORDER BY Id LIMIT 1')).records[0]!;
    const kase = (await conn.query<{ Id: string; CaseNumber: string; Status: string }>('SELECT Id, CaseNumber, Status FROM Case ORDER BY Id LIMIT 1')).records[0]!;
    const opp = (await conn.sobject('Opportunity').create({ Name: 'Poly deal', StageName: 'Qualification', CloseDate: '2024-09-01', AccountId: acct.Id })) as { id: string };
    const made = (await conn.sobject('Task').create([
      { Subject: 'P1 opp', WhatId: opp.id },
      { Subject: 'P2 case', WhatId: kase.Id },
      { Subject: 'P3 account', WhatId: acct.Id },
    ])) as { id: string; success: boolean }[];
    const ids = made.map((m) => `'${m.id}'`).join(', ');
    const r = await conn.query<any>(
      `SELECT Subject, TYPEOF What WHEN Opportunity THEN Name, StageName WHEN Case THEN CaseNumber, Status ELSE Name END FROM Task WHERE Id IN (${ids}) ORDER BY Subject`,
    );
    expect(r.records.map((x: any) => x.What)).toEqual([
      { attributes: { type: 'Opportunity', url: `/services/data/v59.0/sobjects/Opportunity/${opp.id}` }, Name: 'Poly deal', StageName: 'Qualification' },
      { attributes: { type: 'Case', url: `/services/data/v59.0/sobjects/Case/${kase.Id}` }, CaseNumber: kase.CaseNumber, Status: kase.Status },
      { attributes: { type: 'Name', url: `/services/data/v59.0/sobjects/Account/${acct.Id}` }, Name: acct.Name },
    ]);
    const onlyCases = await conn.query<any>(`SELECT Subject, What.Name FROM Task WHERE Id IN (${ids}) AND What.Type = 'Case'`);
    expect(onlyCases.records).toEqual([expect.objectContaining({ Subject: 'P2 case', What: expect.objectContaining({ attributes: expect.objectContaining({ type: 'Name' }), Name: kase.CaseNumber }) })]);
    const owner = await conn.query<any>(`SELECT Owner.Name, Owner.Type FROM Case WHERE Id = '${kase.Id}'`);
    expect(owner.records[0].Owner).toMatchObject({ attributes: { type: 'Name' }, Type: 'User', Name: expect.any(String) });
    // The Name object's own lookups (Profile, UserRole) traverse further.
    const profile = await conn.query<any>(`SELECT Owner.Profile.Name FROM Case WHERE Id = '${kase.Id}'`);
    expect(profile.records[0].Owner.Profile).toMatchObject({ attributes: { type: 'Profile' }, Name: expect.any(String) });
    expect(await errorOf(Promise.resolve(conn.query('SELECT Owner.Department FROM Case LIMIT 1')))).toMatchObject({ errorCode: 'INVALID_FIELD' });
    const withTasks = await conn.query<any>(`SELECT Id, (SELECT Subject FROM Tasks) FROM Opportunity WHERE Id = '${opp.id}'`);
    expect(withTasks.records[0].Tasks.records.map((x: any) => x.Subject)).toEqual(['P1 opp']);
  });
});
