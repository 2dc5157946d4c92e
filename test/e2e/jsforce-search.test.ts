/**
 * jsforce 3 `conn.search` (GET /search?q=) and `conn.request` on parameterizedSearch against a listening
 * server: the real client parses our answers and errors unmodified.
 */
import jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSoslOrg, type SoslTestOrg } from '../unit/sosl-org.ts';
import { startServer, type ListeningServer } from './listening-server.ts';

let server: ListeningServer;
let t: SoslTestOrg;
let conn: jsforce.Connection;

beforeAll(async () => {
  t = makeSoslOrg();
  server = await startServer(t.org);
  conn = new jsforce.Connection({ instanceUrl: server.url, accessToken: server.token, version: '59.0' });
});
afterAll(async () => {
  await server?.close();
});

describe('jsforce conn.search', () => {
  it('returns searchRecords with the RETURNING fields', async () => {
    const res = await conn.search('FIND {racing suit} IN ALL FIELDS RETURNING Product2(Id, Name, Description)');
    expect(res.searchRecords).toEqual([
      {
        attributes: { type: 'Product2', url: `/services/data/v59.0/sobjects/Product2/${t.ids.P1}` },
        Id: t.ids.P1,
        Name: 'Racing Suit',
        Description: 'Aerodynamic suit for racing in the rain',
      },
    ]);
  });

  it('runs the CRMArena knowledge search', async () => {
    const res = await conn.search(
      "FIND {size} IN ALL FIELDS RETURNING Knowledge__kav(Id, Title, FAQ_Answer__c WHERE PublishStatus='Online' AND Language='en_US')",
    );
    expect(res.searchRecords.map((r) => r.Id)).toEqual([t.ids.K5]);
    expect(res.searchRecords[0]).toMatchObject({ Title: 'Size Mismatch' });
  });

  it('gives an empty list on no hits', async () => {
    const res = await conn.search('FIND {nosuchwordanywhere}');
    expect(res.searchRecords).toEqual([]);
  });

  it('mixes objects and finds a record created through jsforce', async () => {
    const created = await conn.sobject('Contact').create({ LastName: 'Vanderbilt', FirstName: 'Yolanda', Email: 'yolanda@vanderbilt.example' });
    expect(created.success).toBe(true);
    const res = await conn.search('FIND {vanderbilt} RETURNING Account(Id), Contact(Id, Name, Email)');
    expect(res.searchRecords).toEqual([
      {
        attributes: { type: 'Contact', url: `/services/data/v59.0/sobjects/Contact/${created.id}` },
        Id: created.id,
        Name: 'Yolanda Vanderbilt',
        Email: 'yolanda@vanderbilt.example',
      },
    ]);
    await conn.sobject('Contact').update({ Id: created.id!, LastName: 'Astor' });
    expect((await conn.search('FIND {vanderbilt} RETURNING Contact(Id)')).searchRecords.map((r) => r.Id)).toEqual([created.id]); // still in the e-mail
    expect((await conn.search('FIND {astor} IN NAME FIELDS RETURNING Contact(Id)')).searchRecords.map((r) => r.Id)).toEqual([created.id]);
    await conn.sobject('Contact').destroy(created.id!);
    expect((await conn.search('FIND {astor} RETURNING Contact(Id)')).searchRecords).toEqual([]);
  });

  it('surfaces Salesforce errors with errorCode', async () => {
    await expect(conn.search('FIND {John|jane_gray@uoa.edu} RETURNING Contact')).rejects.toMatchObject({
      errorCode: 'MALFORMED_SEARCH',
      message: "\nFIND {John|jane_gray@uoa.edu} RETURNING Contact\n         ^\nERROR at Row:1:Column:10\nline 1:10 mismatched character '|' expecting '}'",
    });
    await expect(conn.search('FIND {smith} RETURNING Account(Nope__c)')).rejects.toMatchObject({ errorCode: 'INVALID_FIELD' });
    await expect(conn.search('FIND {x}')).rejects.toMatchObject({ errorCode: 'INVALID_SEARCH' });
  });

  it('parameterizedSearch through conn.request, GET and POST', async () => {
    const got = await conn.request<{ searchRecords: { Id: string; Name: string }[] }>(
      '/services/data/v59.0/parameterizedSearch/?q=rope&sobject=Product2&Product2.fields=Id,Name&Product2.limit=10',
    );
    expect(got.searchRecords.map((r) => r.Name).sort()).toEqual(['Climbing Rope', 'Rope Bag']);
    const posted = await conn.request<{ searchRecords: { Name: string }[] }>({
      method: 'POST',
      url: '/services/data/v59.0/parameterizedSearch',
      body: JSON.stringify({ q: 'rope', fields: ['Name'], sobjects: [{ name: 'Product2', orderBy: 'Name', limit: 1 }] }),
      headers: { 'content-type': 'application/json' },
    });
    expect(posted.searchRecords.map((r) => r.Name)).toEqual(['Climbing Rope']);
  });
});
