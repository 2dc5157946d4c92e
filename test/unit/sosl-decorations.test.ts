/**
 * WITH HIGHLIGHT, WITH SNIPPET and WITH METADATA='LABELS': the keys Salesforce's REST search adds.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { search } from '../../src/sosl/index.ts';
import { makeSoslOrg, type SoslTestOrg } from './sosl-org.ts';

let t: SoslTestOrg;
beforeAll(() => {
  t = makeSoslOrg();
});

describe('search decorations', () => {
  it('WITH HIGHLIGHT marks matching words in returned text and e-mail fields of accounts', () => {
    const r = search(t.org, 'FIND {smith} RETURNING Account(Id, Name, LastName, PersonEmail, Phone WHERE FirstName = \'John\') WITH HIGHLIGHT', {}).searchRecords;
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ 'highlight.LastName': '<mark>Smith</mark>', 'highlight.PersonEmail': 'john.<mark>smith</mark>@acme.com' });
    // The compound Name and phone fields are not highlighted; highlight keys come after the fields.
    expect(Object.keys(r[0]!)).toEqual(['attributes', 'Id', 'Name', 'LastName', 'PersonEmail', 'Phone', 'highlight.LastName', 'highlight.PersonEmail']);
  });

  it('WITH HIGHLIGHT leaves wildcard terms and other objects alone', () => {
    const wild = search(t.org, 'FIND {smi*} RETURNING Account(LastName) WITH HIGHLIGHT', {}).searchRecords;
    expect(wild.every((x) => !('highlight.LastName' in x))).toBe(true);
    const product = search(t.org, 'FIND {rope} RETURNING Product2(Name) WITH HIGHLIGHT', {}).searchRecords;
    expect(product.every((x) => Object.keys(x).every((k) => !k.startsWith('highlight.')))).toBe(true);
    const issue = search(t.org, 'FIND {zipper} RETURNING Issue__c(Name) WITH HIGHLIGHT', {}).searchRecords;
    expect(issue[0]).toMatchObject({ Name: 'Zipper defect', 'highlight.Name': '<mark>Zipper</mark> defect' });
  });

  it('WITH SNIPPET gives articles and cases an excerpt around the match, and articles a title highlight', () => {
    const a = search(t.org, "FIND {return policy} RETURNING Knowledge__kav(Id, Title WHERE PublishStatus='Online') WITH SNIPPET (target_length=60)", {}).searchRecords;
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({ Title: 'Return Policy', 'highlight.Title': '<mark>Return</mark> <mark>Policy</mark>' });
    const c = search(t.org, 'FIND {zipper} RETURNING Case(Subject) WITH SNIPPET', {}).searchRecords;
    expect(c).toEqual([
      {
        attributes: { type: 'Case', url: `/services/data/v59.0/sobjects/Case/${t.ids.CS1}` },
        Subject: 'Broken zipper on racing suit',
        'snippet.text': 'The <mark>zipper</mark> broke on first use.',
      },
    ]);
    const k = search(t.org, "FIND {refund} RETURNING Knowledge__kav(Id WHERE PublishStatus='Online') WITH SNIPPET", {}).searchRecords;
    expect(k[0]!['snippet.text']).toContain('<mark>refund</mark>');
  });

  it("WITH METADATA='LABELS' adds the labels of the returned fields per object", () => {
    const r = search(t.org, "FIND {smith} RETURNING Account(Id, Name), Case(Subject) WITH METADATA='LABELS'", {});
    expect(r.searchResultsMetadata).toEqual({
      entityLabelMetadata: [
        { entityName: 'Account', entityFieldLabels: [{ name: 'Id', value: 'Record ID' }, { name: 'Name', value: 'Account Name' }] },
        { entityName: 'Case', entityFieldLabels: [{ name: 'Subject', value: 'Subject' }] },
      ],
    });
    expect(search(t.org, 'FIND {smith} RETURNING Account', {})).not.toHaveProperty('searchResultsMetadata');
  });
});
