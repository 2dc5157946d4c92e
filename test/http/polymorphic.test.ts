/**
 * Polymorphic relationships over HTTP, as a client meets them: Task/Event Who and What, Case Owner
 * (User or queue), the Name object's fields, What.Type filters, Tasks/Events child relationships,
 * TYPEOF record shapes and its refusals, and describe's view of the polymorphic lookups.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './test-org.ts';

let t: TestApp;
const V = '/services/data/v59.0';
const ids: Record<string, string> = {};

async function post(obj: string, body: Record<string, unknown>): Promise<string> {
  const r = await t.app.inject({ method: 'POST', url: `${V}/sobjects/${obj}`, headers: t.auth, payload: body });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}

async function query(soql: string) {
  const r = await t.app.inject({ url: `${V}/query?q=${encodeURIComponent(soql)}`, headers: t.auth });
  return { status: r.statusCode, body: r.json() };
}

async function records(soql: string): Promise<Record<string, unknown>[]> {
  const r = await query(soql);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.records;
}

/** errorCode and the message without the position header. */
async function refusal(soql: string): Promise<[string, string]> {
  const r = await query(soql);
  expect(r.status, JSON.stringify(r.body)).toBe(400);
  const e = r.body[0] as { errorCode: string; message: string };
  return [e.errorCode, e.message.replace(/^[\s\S]*ERROR at Row:\d+:Column:\d+\n/, '')];
}

const url = (type: string, id: string) => `${V}/sobjects/${type}/${id}`;

beforeAll(async () => {
  t = await startTestApp({ accounts: 0 });
  ids.acc = await post('Account', { Name: 'Acme', Industry: 'Energy' });
  ids.opp = await post('Opportunity', { Name: 'Acme deal', StageName: 'Prospecting', CloseDate: '2024-07-01', AccountId: ids.acc });
  ids.con = await post('Contact', { FirstName: 'Cora', LastName: 'Cole', Email: 'cora@example.com', AccountId: ids.acc });
  ids.lead = await post('Lead', { FirstName: 'Lee', LastName: 'Lamb', Company: 'Lamb Co', Title: 'CTO' });
  ids.case = await post('Case', { Subject: 'Broken', AccountId: ids.acc });
  ids.t1 = await post('Task', { Subject: 'A call', WhatId: ids.opp, WhoId: ids.con });
  ids.t2 = await post('Task', { Subject: 'B email', WhatId: ids.acc, WhoId: ids.lead });
  ids.t3 = await post('Task', { Subject: 'C follow-up', WhatId: ids.case });
  ids.t4 = await post('Task', { Subject: 'D nothing' });
  ids.e1 = await post('Event', { Subject: 'Meeting', WhatId: ids.opp, DurationInMinutes: 30, ActivityDateTime: '2024-06-02T10:00:00.000Z' });
});
afterAll(() => t.close());

describe('Who and What without TYPEOF: the Name object', () => {
  it('selects Name-object fields; the nested record is typed Name with the url of its own object', async () => {
    const rows = await records('SELECT Subject, Who.Name, Who.Email, What.Name, What.Type FROM Task ORDER BY Subject');
    expect(rows.map((r) => r.Subject)).toEqual(['A call', 'B email', 'C follow-up', 'D nothing']);
    expect(rows[0]).toEqual({
      attributes: { type: 'Task', url: url('Task', ids.t1!) },
      Subject: 'A call',
      Who: { attributes: { type: 'Name', url: url('Contact', ids.con!) }, Name: 'Cora Cole', Email: 'cora@example.com' },
      What: { attributes: { type: 'Name', url: url('Opportunity', ids.opp!) }, Name: 'Acme deal', Type: 'Opportunity' },
    });
    expect(rows[1]!.Who).toMatchObject({ attributes: { type: 'Name', url: url('Lead', ids.lead!) }, Name: 'Lee Lamb', Email: null });
    expect(rows[1]!.What).toMatchObject({ Name: 'Acme', Type: 'Account' });
    // A Case is named by its CaseNumber.
    const caseNumber = (await records(`SELECT CaseNumber FROM Case WHERE Id = '${ids.case}'`))[0]!.CaseNumber;
    expect(rows[2]).toMatchObject({ Who: null, What: { Name: caseNumber, Type: 'Case' } });
    expect(rows[3]).toMatchObject({ Who: null, What: null });
  });

  it('filters and sorts on What.Type and Who fields', async () => {
    const subjects = async (where: string) => (await records(`SELECT Subject FROM Task WHERE ${where} ORDER BY Subject`)).map((r) => r.Subject);
    expect(await subjects("What.Type = 'Opportunity'")).toEqual(['A call']);
    expect(await subjects("What.Type IN ('Account', 'Case')")).toEqual(['B email', 'C follow-up']);
    // A task without a What has a null What.Type, and null != 'Opportunity' (outer-join semantics, Ref p.72).
    expect(await subjects("What.Type != 'Opportunity'")).toEqual(['B email', 'C follow-up', 'D nothing']);
    expect(await subjects("Who.Type = 'Lead' AND Who.Title = 'CTO'")).toEqual(['B email']);
    expect(await subjects("What.Name LIKE 'Acme%'")).toEqual(['A call', 'B email']);
    expect(await subjects('What.Id = null')).toEqual(['D nothing']);
    expect((await records('SELECT Subject FROM Task WHERE What.Type != null ORDER BY What.Name DESC')).map((r) => r.Subject)[0]).toMatch(/C follow-up|A call/);
  });

  it('refuses fields outside the Name object as a real org does', async () => {
    expect(await refusal('SELECT What.StageName FROM Task')).toEqual([
      'INVALID_FIELD',
      "No such column 'StageName' on entity 'Name'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.",
    ]);
    expect((await refusal('SELECT Who.Account.Name FROM Task'))[0]).toBe('INVALID_FIELD');
    expect((await refusal('SELECT Id FROM Name'))[0]).toBe('INVALID_TYPE');
  });

  it('aggregates group by What.Type', async () => {
    const rows = await records('SELECT What.Type t, COUNT(Id) n FROM Task GROUP BY What.Type ORDER BY What.Type');
    expect(rows.map((r) => [r.t, r.n])).toEqual([[null, 1], ['Account', 1], ['Case', 1], ['Opportunity', 1]]);
  });
});

describe('child relationships of activities', () => {
  it('Tasks and Events follow WhatId on Opportunity, Account, Case and WhoId on Contact and Lead', async () => {
    const [opp] = await records(`SELECT Id, (SELECT Subject FROM Tasks), (SELECT Subject FROM Events) FROM Opportunity WHERE Id = '${ids.opp}'`);
    expect(opp).toMatchObject({ Tasks: { totalSize: 1, done: true, records: [{ Subject: 'A call' }] }, Events: { totalSize: 1, records: [{ Subject: 'Meeting' }] } });
    const [acc] = await records(`SELECT (SELECT Subject FROM Tasks ORDER BY Subject) FROM Account WHERE Id = '${ids.acc}'`);
    expect((acc!.Tasks as { records: { Subject: string }[] }).records.map((r) => r.Subject)).toEqual(['B email']);
    const [con] = await records(`SELECT (SELECT Subject, What.Name FROM Tasks) FROM Contact WHERE Id = '${ids.con}'`);
    expect(con).toMatchObject({ Tasks: { records: [{ Subject: 'A call', What: { attributes: { type: 'Name' }, Name: 'Acme deal' } }] } });
    const [lead] = await records(`SELECT (SELECT Subject FROM Tasks), (SELECT Subject FROM Events) FROM Lead WHERE Id = '${ids.lead}'`);
    expect(lead).toMatchObject({ Tasks: { records: [{ Subject: 'B email' }] }, Events: null });
    const [cs] = await records(`SELECT (SELECT Subject FROM Tasks) FROM Case WHERE Id = '${ids.case}'`);
    expect(cs).toMatchObject({ Tasks: { records: [{ Subject: 'C follow-up' }] } });
  });

  it('GET sobjects/Task/{id}/What returns the parent of its own type', async () => {
    const r = await t.app.inject({ url: `${V}/sobjects/Task/${ids.t1}/What`, headers: t.auth });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ attributes: { type: 'Opportunity' }, Id: ids.opp, StageName: 'Prospecting' });
  });
});

describe('TYPEOF', () => {
  const TYPEOF_QUERY = 'SELECT Subject, TYPEOF What WHEN Opportunity THEN Name, StageName WHEN Account THEN Name, Industry ELSE Name END FROM Task ORDER BY Subject';

  it('returns the fields of the matching WHEN as a record of its own type, ELSE as Name, null without a parent', async () => {
    const rows = await records(TYPEOF_QUERY);
    expect(rows[0]).toEqual({
      attributes: { type: 'Task', url: url('Task', ids.t1!) },
      Subject: 'A call',
      What: { attributes: { type: 'Opportunity', url: url('Opportunity', ids.opp!) }, Name: 'Acme deal', StageName: 'Prospecting' },
    });
    expect(rows[1]!.What).toEqual({ attributes: { type: 'Account', url: url('Account', ids.acc!) }, Name: 'Acme', Industry: 'Energy' });
    expect(rows[2]!.What).toEqual({ attributes: { type: 'Name', url: url('Case', ids.case!) }, Name: expect.any(String) });
    expect(rows[3]!.What).toBeNull();
  });

  it('without ELSE a parent of another type is null; WHEN fields may follow parent paths', async () => {
    const rows = await records('SELECT Subject, TYPEOF What WHEN Opportunity THEN Account.Name, Amount END FROM Task ORDER BY Subject');
    expect(rows.map((r) => r.What)).toEqual([
      { attributes: { type: 'Opportunity', url: url('Opportunity', ids.opp!) }, Account: { attributes: { type: 'Account', url: url('Account', ids.acc!) }, Name: 'Acme' }, Amount: null },
      null,
      null,
      null,
    ]);
  });

  it('several TYPEOFs, with plain fields and a WHERE on What.Type, in a child subquery too', async () => {
    const rows = await records(
      "SELECT Id, TYPEOF Who WHEN Contact THEN Email WHEN Lead THEN Company END, TYPEOF What WHEN Account THEN Industry END FROM Task WHERE What.Type = 'Account'",
    );
    expect(rows).toEqual([
      {
        attributes: { type: 'Task', url: url('Task', ids.t2!) },
        Id: ids.t2,
        Who: { attributes: { type: 'Lead', url: url('Lead', ids.lead!) }, Company: 'Lamb Co' },
        What: { attributes: { type: 'Account', url: url('Account', ids.acc!) }, Industry: 'Energy' },
      },
    ]);
    const [opp] = await records(`SELECT Name, (SELECT TYPEOF Who WHEN Contact THEN LastName END FROM Tasks) FROM Opportunity WHERE Id = '${ids.opp}'`);
    expect(opp).toMatchObject({ Tasks: { records: [{ Who: { attributes: { type: 'Contact' }, LastName: 'Cole' } }] } });
  });

  it('works on a polymorphic Owner: a queue owner takes the Group branch', async () => {
    const queue = await post('Group', { Name: 'Support Queue', Type: 'Queue' });
    const queued = await post('Case', { Subject: 'Queued', OwnerId: queue });
    const where = `WHERE Id IN ('${ids.case}', '${queued}') ORDER BY Subject`;
    const user = t.org.loginIdentity()!.userId;
    expect(await records(`SELECT Subject, Owner.Name, Owner.Type FROM Case ${where}`)).toEqual([
      { attributes: { type: 'Case', url: url('Case', ids.case!) }, Subject: 'Broken', Owner: { attributes: { type: 'Name', url: url('User', user) }, Name: 'Test Admin', Type: 'User' } },
      { attributes: { type: 'Case', url: url('Case', queued) }, Subject: 'Queued', Owner: { attributes: { type: 'Name', url: url('Group', queue) }, Name: 'Support Queue', Type: 'Group' } },
    ]);
    const typed = await records(`SELECT Subject, TYPEOF Owner WHEN User THEN Username WHEN Group THEN Type END FROM Case ${where}`);
    expect(typed.map((r) => r.Owner)).toEqual([
      { attributes: { type: 'User', url: url('User', user) }, Username: 'admin@test.mockforce.dev' },
      { attributes: { type: 'Group', url: url('Group', queue) }, Type: 'Queue' },
    ]);
    expect((await records(`SELECT Subject FROM Case WHERE Owner.Type = 'Group'`)).map((r) => r.Subject)).toEqual(['Queued']);
    // "a polymorphic field in a parent of objectType" (Ref, TYPEOF): nested under the parent.
    const child = await post('Case', { Subject: 'Child', ParentId: queued });
    expect(await records(`SELECT Subject, TYPEOF Parent.Owner WHEN User THEN Username WHEN Group THEN Name, Type END FROM Case WHERE Id = '${child}'`)).toEqual([
      { attributes: { type: 'Case', url: url('Case', child) }, Subject: 'Child', Parent: { attributes: { type: 'Case', url: url('Case', queued) }, Owner: { attributes: { type: 'Group', url: url('Group', queue) }, Name: 'Support Queue', Type: 'Queue' } } },
    ]);
    expect((await refusal('SELECT Parent.Owner.Name, TYPEOF Parent.Owner WHEN User THEN Username END FROM Case'))[0]).toBe('MALFORMED_QUERY');
  });

  it('refuses misuse with Salesforce-shaped errors', async () => {
    expect((await refusal('SELECT TYPEOF Account WHEN Account THEN Name END FROM Case'))[0]).toBe('MALFORMED_QUERY');
    expect((await refusal('SELECT TYPEOF Bogus WHEN Account THEN Name END FROM Task'))[0]).toBe('INVALID_FIELD');
    expect(await refusal('SELECT TYPEOF What WHEN Bogus THEN Name END FROM Task')).toEqual([
      'INVALID_TYPE',
      "sObject type 'Bogus' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.",
    ]);
    expect(await refusal('SELECT TYPEOF What WHEN Contact THEN Name END FROM Task')).toEqual(['MALFORMED_QUERY', 'Contact is not a valid type for the polymorphic relationship What']);
    expect((await refusal('SELECT TYPEOF What WHEN Opportunity THEN Bogus END FROM Task'))[1]).toMatch(/^No such column 'Bogus' on entity 'Opportunity'/);
    expect((await refusal('SELECT TYPEOF What WHEN Opportunity THEN Name ELSE StageName END FROM Task'))[1]).toMatch(/^No such column 'StageName' on entity 'Name'/);
    expect((await refusal('SELECT What.Name, TYPEOF What WHEN Account THEN Name END FROM Task'))[0]).toBe('MALFORMED_QUERY');
    expect((await refusal('SELECT TYPEOF What WHEN Account THEN Name END, What.Name FROM Task'))[0]).toBe('MALFORMED_QUERY');
    expect((await refusal('SELECT TYPEOF What WHEN Account THEN Name WHEN Account THEN Industry END FROM Task'))[0]).toBe('MALFORMED_QUERY');
    expect(await refusal('SELECT COUNT(Id), TYPEOF What WHEN Account THEN Name END FROM Task')).toEqual(['MALFORMED_QUERY', 'TYPEOF expressions are not supported in aggregate queries']);
    expect((await refusal('SELECT TYPEOF What WHEN Account THEN Name END FROM Task GROUP BY Subject'))[0]).toBe('MALFORMED_QUERY');
    expect((await refusal('SELECT Id FROM Opportunity WHERE Id IN (SELECT TYPEOF What WHEN Opportunity THEN Id END FROM Task)'))[0]).toBe('MALFORMED_QUERY');
  });
});

describe('describe', () => {
  const fieldOf = async (obj: string, name: string) => {
    const r = await t.app.inject({ url: `${V}/sobjects/${obj}/describe`, headers: t.auth });
    return { field: (r.json().fields as { name: string }[]).find((f) => f.name === name) as Record<string, unknown>, body: r.json() };
  };

  it('lists every target, polymorphicForeignKey and namePointing', async () => {
    const { field: what } = await fieldOf('Task', 'WhatId');
    expect(what).toMatchObject({
      type: 'reference', relationshipName: 'What', polymorphicForeignKey: true, namePointing: true,
      referenceTo: ['Account', 'Asset', 'Campaign', 'Case', 'Contract', 'Opportunity', 'Order', 'Product2', 'Quote'],
    });
    expect((await fieldOf('Event', 'WhoId')).field).toMatchObject({ relationshipName: 'Who', referenceTo: ['Contact', 'Lead'], polymorphicForeignKey: true });
    for (const obj of ['Case', 'Lead']) {
      expect((await fieldOf(obj, 'OwnerId')).field).toMatchObject({ relationshipName: 'Owner', referenceTo: ['Group', 'User'], polymorphicForeignKey: true });
    }
    // Every custom object's owner may be a queue too.
    expect((await fieldOf('Issue__c', 'OwnerId')).field).toMatchObject({ relationshipName: 'Owner', referenceTo: ['Group', 'User'], polymorphicForeignKey: true });
    expect((await fieldOf('Account', 'OwnerId')).field).toMatchObject({ referenceTo: ['User'], polymorphicForeignKey: false });
  });

  it('names the activity child relationships after WhatId and WhoId', async () => {
    const rels = async (obj: string) =>
      ((await fieldOf(obj, 'Id')).body.childRelationships as { childSObject: string; field: string; relationshipName: string | null }[]).filter((r) => r.childSObject === 'Task' || r.childSObject === 'Event');
    expect(await rels('Opportunity')).toEqual(expect.arrayContaining([
      expect.objectContaining({ childSObject: 'Task', field: 'WhatId', relationshipName: 'Tasks' }),
      expect.objectContaining({ childSObject: 'Event', field: 'WhatId', relationshipName: 'Events' }),
    ]));
    expect(await rels('Contact')).toEqual(expect.arrayContaining([expect.objectContaining({ childSObject: 'Task', field: 'WhoId', relationshipName: 'Tasks' })]));
  });
});
