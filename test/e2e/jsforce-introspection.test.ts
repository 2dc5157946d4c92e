/**
 * The org-introspection calls jsforce 3 makes, against a listening server: layouts, compact and named
 * layouts, list views (listing, describe, results, explain), query explain, identity, tabs, theme.
 */
import jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestOrg } from '../http/test-org.ts';
import { startServer, type ListeningServer } from './listening-server.ts';

let server: ListeningServer;
let conn: jsforce.Connection;

beforeAll(async () => {
  server = await startServer(makeTestOrg({ accounts: 30 }));
  // An access-token connection: identity() then follows the resource map's `identity` URL.
  conn = new jsforce.Connection({ instanceUrl: server.url, accessToken: server.token, version: '61.0' });
});
afterAll(async () => {
  await server?.close();
});

describe('jsforce layouts', () => {
  it('layouts(): one layout with the fields in schema order, a Master record type mapping', async () => {
    const r = await conn.sobject('Case').layouts();
    expect(r.layouts).toHaveLength(1);
    const [layout] = r.layouts;
    const section = layout!.detailLayoutSections[0]!;
    expect(section).toMatchObject({ columns: 2, heading: 'Case Information', tabOrder: 'LeftToRight', useHeading: true });
    const names = section.layoutRows.flatMap((row) => row.layoutItems.map((i) => i.layoutComponents[0]!.value));
    const d = await conn.sobject('Case').describe();
    const expected = d.fields.map((f) => f.name).filter((n) => !['Id', 'IsDeleted', 'SystemModstamp', 'LastViewedDate', 'LastReferencedDate'].includes(n));
    expect(names.filter((n) => expected.includes(n!))).toEqual(names);
    expect(names).toContain('Subject');
    expect(section.rows).toBe(section.layoutRows.length);
    const subject = section.layoutRows.flatMap((row) => row.layoutItems).find((i) => i.layoutComponents[0]!.value === 'Subject')!;
    expect(subject.layoutComponents[0]).toMatchObject({ type: 'Field', displayLines: 1 });
    expect((subject.layoutComponents[0]!.details as { name: string }).name).toBe('Subject');
    const edit = layout!.editLayoutSections[0]!.layoutRows.flatMap((row) => row.layoutItems);
    expect(edit.find((i) => i.layoutComponents[0]!.value === 'Subject')).toMatchObject({ editableForNew: true, editableForUpdate: true });
    expect(edit.find((i) => i.layoutComponents[0]!.value === 'CreatedDate')).toBeUndefined();
    expect(r.recordTypeMappings[0]).toMatchObject({ master: true, recordTypeId: '012000000000000AAA', layoutId: layout!.id });
    expect(r.recordTypeSelectorRequired).toEqual([false]);
  });

  it('layouts(name) asks namedLayouts: User has UserAlt', async () => {
    const r = await conn.sobject('User').layouts('UserAlt');
    expect(r.layouts[0]!.detailLayoutSections[0]!.heading).toBe('User Information');
  });

  it('compactLayouts(): the System Default compact layout, name field first', async () => {
    const r = await conn.sobject('Case').compactLayouts();
    expect(r.compactLayouts[0]).toMatchObject({ name: 'SYSTEM', label: 'System Default', objectType: 'Case', id: null });
    expect(r.compactLayouts[0]!.fieldItems[0]!.layoutComponents[0]!.value).toBe('CaseNumber');
    expect(r.recordTypeCompactLayoutMappings[0]).toMatchObject({ compactLayoutName: 'SYSTEM', recordTypeName: 'Master' });
  });
});

describe('jsforce list views', () => {
  it('listviews(), listview(id).describe() and .results() answer the view through SOQL', async () => {
    const lv = (await conn.sobject('Account').listviews()) as { listviews: { id: string; developerName: string; label: string }[]; size: number; sobjectType: string };
    expect(lv.sobjectType).toBe('Account');
    expect(lv.listviews.map((v) => v.label)).toEqual(['All Accounts', 'Recently Viewed Accounts']);
    const all = lv.listviews[0]!;
    const view = conn.sobject('Account').listview(all.id);
    const d = (await view.describe()) as { query: string; columns: { fieldNameOrPath: string; hidden: boolean }[]; sobjectType: string };
    expect(d.sobjectType).toBe('Account');
    expect(d.query).toMatch(/^SELECT Name, .* FROM Account ORDER BY Name ASC NULLS FIRST, Id ASC NULLS FIRST$/);
    expect(d.columns.find((c) => c.fieldNameOrPath === 'Id')!.hidden).toBe(true);
    const r = (await view.results()) as { size: number; done: boolean; records: { columns: { fieldNameOrPath: string; value: string | null }[] }[] };
    // The results resource pages 25 by default; the view's query answers all 30.
    expect(r.size).toBe(25);
    expect(r.done).toBe(false);
    const soql = await conn.query<{ Id: string; Name: string }>(d.query);
    expect(soql.totalSize).toBe(30);
    const ids = r.records.map((rec) => rec.columns.find((c) => c.fieldNameOrPath === 'Id')!.value);
    expect(ids).toEqual(soql.records.slice(0, 25).map((x) => x.Id));
    const names = r.records.map((rec) => rec.columns.find((c) => c.fieldNameOrPath === 'Name')!.value);
    expect(names).toEqual(soql.records.slice(0, 25).map((x) => x.Name));
  });

  it('listview(id).explain() explains the view’s query', async () => {
    const lv = (await conn.sobject('Account').listviews()) as { listviews: { id: string }[] };
    const plan = (await conn.sobject('Account').listview(lv.listviews[0]!.id).explain()) as { plans: { sobjectType: string; sobjectCardinality: number }[] };
    expect(plan.plans[0]).toMatchObject({ sobjectType: 'Account', sobjectCardinality: 30 });
  });
});

describe('jsforce query explain', () => {
  it('a full scan is a TableScan with the real row counts', async () => {
    const r = await conn.query("SELECT Id FROM Account WHERE ShippingState = 'CA'").explain();
    expect(r.plans).toHaveLength(1);
    expect(r.plans[0]).toMatchObject({ leadingOperationType: 'TableScan', cardinality: 15, sobjectCardinality: 30, sobjectType: 'Account', fields: [] });
    expect(r.plans[0]!.notes).toEqual([{ description: 'Not considering filter for optimization because unindexed', fields: ['ShippingState'], tableEnumOrId: 'Account' }]);
    const all = await conn.query('SELECT Id FROM Account ORDER BY Name').explain();
    expect(all.plans[0]!.notes).toEqual([]);
    expect(r.plans[0]!.relativeCost).toBeGreaterThan(1);
  });

  it('a lookup by an indexed field is an Index plan on it, ahead of the table scan', async () => {
    const r = await conn.query("SELECT Id FROM Account WHERE Id = '001000000000000AAA'").explain();
    expect(r.plans.map((p) => p.leadingOperationType)).toEqual(['Index', 'TableScan']);
    expect(r.plans[0]).toMatchObject({ fields: ['Id'], cardinality: 0, sobjectCardinality: 30 });
    expect(r.plans[0]!.relativeCost).toBeLessThan(r.plans[1]!.relativeCost);
  });
});

describe('jsforce identity, tabs, theme', () => {
  it('identity() returns every field jsforce types in IdentityInfo and fills userInfo', async () => {
    const id = await conn.identity();
    for (const k of ['user_id', 'organization_id', 'id', 'username', 'display_name', 'nick_name', 'email', 'user_type', 'language']) {
      expect(typeof (id as Record<string, unknown>)[k], k).toBe('string');
    }
    expect(Object.keys(id.photos).sort()).toEqual(['picture', 'thumbnail']);
    for (const k of ['enterprise', 'metadata', 'partner', 'rest', 'sobjects', 'search', 'query', 'profile']) expect(typeof id.urls[k as keyof typeof id.urls], k).toBe('string');
    expect(conn.userInfo).toEqual({ id: id.user_id, organizationId: id.organization_id, url: id.id });
    expect(id.id).toBe(`${server.url}/id/${id.organization_id}/${id.user_id}`);
  });

  it('tabs() lists a tab per object, theme() their icons and colours', async () => {
    const tabs = await conn.tabs();
    const account = tabs.find((t) => t.sobjectName === 'Account')!;
    expect(account).toMatchObject({ name: 'standard-Account', label: 'Accounts', custom: false, url: `${server.url}/001/o` });
    expect(account.icons.some((i) => i.theme === 'theme4')).toBe(true);
    const custom = tabs.find((t) => t.custom);
    expect(custom?.name).toBe(custom?.sobjectName);
    const theme = await conn.theme();
    expect(theme.themeItems.map((t) => t.name)).toEqual(tabs.map((t) => t.sobjectName));
  });
});
