import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OBJECTS } from '../../schema/index.ts';
import { VIRTUAL_OBJECTS } from '../../src/soql/virtual-objects.ts';
import { makeHarness, type Harness } from './sobjects-harness.ts';

const GOLDEN_DIR = join(import.meta.dirname, '../../fixtures/describe');
/** `UPDATE_GOLDENS=1` rewrites the golden files after an intended schema or describe change. */
const UPDATE = process.env.UPDATE_GOLDENS === '1';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
});
afterAll(async () => h.close());

function golden(name: string, actual: unknown): void {
  const file = join(GOLDEN_DIR, `${name}.json`);
  const text = JSON.stringify(actual, null, 2) + '\n';
  if (UPDATE || !existsSync(file)) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, text);
  }
  expect(text, `${file} differs; rerun with UPDATE_GOLDENS=1 if the change is intended`).toBe(readFileSync(file, 'utf8'));
}

describe('describe payloads', () => {
  it('describeGlobal matches its golden file and lists every object', async () => {
    const r = await h.call('GET', '/sobjects/');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/json;charset=UTF-8');
    expect(r.body.encoding).toBe('UTF-8');
    expect(r.body.maxBatchSize).toBe(200);
    // Plus Organization, a view rather than a table (src/soql/virtual-objects.ts), as a real org lists it.
    expect(r.body.sobjects.map((s: any) => s.name)).toEqual([...OBJECTS, ...VIRTUAL_OBJECTS].map((o) => o.name).sort());
    golden('describe-global', r.body);
  });

  it.each(OBJECTS.map((o) => o.name))('%s describe matches its golden file', async (name) => {
    const r = await h.call('GET', `/sobjects/${name}/describe`);
    expect(r.status).toBe(200);
    golden(name, r.body);
  });

  it('answers If-Modified-Since with 304 when the metadata has not changed since', async () => {
    const r = await h.call('GET', '/sobjects/Account/describe', undefined, { 'If-Modified-Since': 'Wed, 01 May 2024 00:00:00 GMT' });
    expect(r.status).toBe(304);
    expect(r.text).toBe('');
    expect((await h.call('GET', '/sobjects', undefined, { 'If-Modified-Since': 'Wed, 01 May 2024 00:00:00 GMT' })).status).toBe(304);
    expect((await h.call('GET', '/sobjects/Account/describe', undefined, { 'If-Modified-Since': 'Sun, 01 Jan 2023 00:00:00 GMT' })).status).toBe(200);
    expect((await h.call('GET', '/sobjects/Nope/describe', undefined, { 'If-Modified-Since': 'Wed, 01 May 2024 00:00:00 GMT' })).status).toBe(404);
  });

  it('echoes the requested API version in urls', async () => {
    const r = await h.call('GET', '/services/data/v50.0/sobjects/Case/describe');
    expect(r.body.urls.sobject).toBe('/services/data/v50.0/sobjects/Case');
    expect(r.body.recordTypeInfos[0].urls.layout).toBe('/services/data/v50.0/sobjects/Case/describe/layouts/012000000000000AAA');
  });

  it('carries the keys clients read, with Salesforce values', async () => {
    const r = await h.call('GET', '/sobjects/case/describe');
    const d = r.body;
    expect(d).toMatchObject({ name: 'Case', label: 'Case', labelPlural: 'Cases', keyPrefix: '500', custom: false, createable: true, queryable: true });
    const field = (n: string) => d.fields.find((f: any) => f.name === n);
    expect(field('Id')).toMatchObject({ type: 'id', soapType: 'tns:ID', length: 18, createable: false, updateable: false, idLookup: true, nillable: false, defaultedOnCreate: true });
    expect(field('AccountId')).toMatchObject({ type: 'reference', soapType: 'tns:ID', referenceTo: ['Account'], relationshipName: 'Account', nillable: true, createable: true });
    expect(field('OwnerId')).toMatchObject({ relationshipName: 'Owner', defaultedOnCreate: true, nillable: false });
    expect(field('Description')).toMatchObject({ type: 'textarea', filterable: false, sortable: false, groupable: false, length: 32000, byteLength: 96000 });
    expect(field('Subject')).toMatchObject({ type: 'string', soapType: 'xsd:string', length: 255, byteLength: 765 });
    expect(field('IsEscalated')).toMatchObject({ type: 'boolean', soapType: 'xsd:boolean', defaultValue: false, nillable: false });
    expect(field('CreatedDate')).toMatchObject({ type: 'datetime', soapType: 'xsd:dateTime', createable: false, groupable: false });
    expect(field('CaseNumber')).toMatchObject({ autoNumber: true, nameField: true, idLookup: true, createable: false });
    expect(field('IssueId__c')).toMatchObject({ custom: true, relationshipName: 'IssueId__r', referenceTo: ['Issue__c'] });
    expect(field('Status').picklistValues[0]).toEqual({ active: true, defaultValue: true, label: 'New', validFor: null, value: 'New' });
    expect(d.childRelationships).toContainEqual({
      cascadeDelete: true,
      childSObject: 'EmailMessage',
      deprecatedAndHidden: false,
      field: 'ParentId',
      junctionIdListNames: [],
      junctionReferenceTo: [],
      relationshipName: 'EmailMessages',
      restrictedDelete: false,
    });
    expect(d.recordTypeInfos).toEqual([
      {
        active: true,
        available: true,
        defaultRecordTypeMapping: true,
        developerName: 'Master',
        master: true,
        name: 'Master',
        recordTypeId: '012000000000000AAA',
        urls: { layout: '/services/data/v59.0/sobjects/Case/describe/layouts/012000000000000AAA' },
      },
    ]);
    expect(d.supportedScopes).toContainEqual({ label: 'All cases', name: 'everything' });
    const order = await h.call('GET', '/sobjects/OrderItem/describe');
    const qty = order.body.fields.find((f: any) => f.name === 'Quantity');
    expect(qty).toMatchObject({ type: 'double', soapType: 'xsd:double', precision: 18, scale: 2 });
    const issue = await h.call('GET', '/sobjects/Issue__c/describe');
    expect(issue.body.custom).toBe(true);
  });

  it('basic info has objectDescribe and recentItems; unknown types are NOT_FOUND', async () => {
    const r = await h.call('GET', '/sobjects/Account/');
    expect(r.status).toBe(200);
    expect(Object.keys(r.body)).toEqual(['objectDescribe', 'recentItems']);
    expect(r.body.objectDescribe).toMatchObject({ name: 'Account', keyPrefix: '001', urls: { rowTemplate: '/services/data/v59.0/sobjects/Account/{ID}' } });
    expect(r.body.recentItems).toEqual([]);
    const bad = await h.call('GET', '/sobjects/Nope/describe');
    expect(bad.status).toBe(404);
    expect(bad.body).toEqual([{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }]);
  });
});
