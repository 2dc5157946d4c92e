/**
 * SOSL corpus: searches with the hits Salesforce's documented semantics give on a small hand-made org
 * (test/unit/sosl-org.ts). Hits are record labels; `ordered` cases also assert the order.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { search } from '../../src/sosl/index.ts';
import { makeSoslOrg, type SoslTestOrg } from './sosl-org.ts';

let t: SoslTestOrg;
beforeAll(() => {
  t = makeSoslOrg();
});

const ids = (sosl: string): string[] =>
  search(t.org, sosl, { apiVersion: '59.0' }).searchRecords.map((r) => t.label((r.Id as string) ?? '?'));

interface Case {
  q: string | ((ids: Record<string, string>) => string);
  hits: string[];
  ordered?: boolean;
}

const CORPUS: Case[] = [
  // Plain words, per object; case-insensitive (Ref p.102).
  { q: 'FIND {smith} RETURNING Account', hits: ['A1', 'A2'] },
  { q: 'FIND {SMITH} RETURNING Account', hits: ['A1', 'A2'] },
  { q: 'FIND {smith} RETURNING Contact', hits: [] },
  { q: 'FIND {smith*} RETURNING Contact', hits: ['C3'] },
  { q: 'FIND {smith} RETURNING Case', hits: ['CS1'] },
  { q: 'FIND {smith} RETURNING EmailMessage', hits: ['E1'] },
  { q: 'FIND {john} RETURNING Account, Contact', hits: ['A1', 'C1'], ordered: true },
  { q: 'FIND {john} RETURNING Contact, Account', hits: ['C1', 'A1'], ordered: true },
  { q: 'FIND {admin} RETURNING User', hits: ['U1'] },
  { q: 'FIND {support lead} RETURNING User(Id, Title)', hits: ['U1'] },
  { q: 'FIND {outdoor} RETURNING Pricebook2', hits: ['PB1'] },
  { q: 'FIND {climber OR runner} RETURNING Contact', hits: ['C2', 'C3'] },
  { q: 'FIND {zipper} RETURNING Issue__c, Case, EmailMessage', hits: ['I1', 'CS1', 'E1'], ordered: true },
  { q: 'FIND {zip*} RETURNING Issue__c', hits: ['I1'] },
  { q: 'FIND {shipping} RETURNING LiveChatTranscript, Case', hits: ['L1', 'CS2'], ordered: true },
  { q: "FIND {express} RETURNING LiveChatTranscript, Knowledge__kav(Id WHERE PublishStatus='Online')", hits: ['L1', 'K2'], ordered: true },
  // Accents and case fold away (unicode61 remove_diacritics 2).
  { q: 'FIND {jose} RETURNING Account', hits: ['A3'] },
  { q: 'FIND {JOSÉ} RETURNING Account', hits: ['A3'] },
  { q: 'FIND {alvarez} RETURNING Account', hits: ['A3'] },
  { q: 'FIND {cafe} RETURNING Account', hits: ['A3'] },
  { q: 'FIND {Café} RETURNING Account', hits: ['A3'] },
  // Operators: implicit AND, AND, OR, AND NOT (any case), parentheses, precedence (Ref p.103).
  { q: 'FIND {john smith} RETURNING Account', hits: ['A1'] },
  { q: 'FIND {john AND smith} RETURNING Account', hits: ['A1'] },
  { q: 'FIND {john and smith} RETURNING Account', hits: ['A1'] },
  { q: 'FIND {john OR joan} RETURNING Account', hits: ['A1', 'A2'] },
  { q: 'FIND {john or joan} RETURNING Account', hits: ['A1', 'A2'] },
  { q: 'FIND {smith AND NOT joan} RETURNING Account', hits: ['A1'] },
  { q: 'FIND {smith and not john} RETURNING Account', hits: ['A2'] },
  { q: 'FIND {(john OR joan) AND smith} RETURNING Account', hits: ['A1', 'A2'] },
  { q: 'FIND {mary OR john smith} RETURNING Account', hits: ['A1', 'A4'] },
  { q: 'FIND {(mary OR john) smith} RETURNING Account', hits: ['A1'] },
  // AND / AND NOT evaluate right to left: smith AND NOT (joan AND john).
  { q: 'FIND {smith AND NOT joan AND john} RETURNING Account', hits: ['A1', 'A2'] },
  { q: 'FIND {((smith))} RETURNING Account', hits: ['A1', 'A2'] },
  { q: 'FIND {john OR mary OR jon} RETURNING Account', hits: ['A1', 'A4', 'A5'] },
  // Phrases: words in order, never across two fields.
  { q: 'FIND {"john smith"} RETURNING Account', hits: ['A1'] },
  { q: 'FIND {"smith john"} RETURNING Account', hits: [] },
  { q: 'FIND {"trail running"} RETURNING Product2', hits: ['P4'] },
  { q: 'FIND {"running trail"} RETURNING Product2', hits: [] },
  { q: 'FIND {"racing suit"} RETURNING Product2, Case', hits: ['P1', 'CS1'], ordered: true },
  { q: 'FIND {"winter is coming"} RETURNING Account', hits: ['A5'] },
  { q: 'FIND {"and" OR "or"} RETURNING Account', hits: [] },
  // Wildcards: * (zero or more) and ? (exactly one), at the middle or end (Ref p.103).
  { q: 'FIND {jo?n} RETURNING Account', hits: ['A1', 'A2'] },
  { q: 'FIND {jo?n} RETURNING Contact', hits: ['C1'] },
  { q: 'FIND {jo*n} RETURNING Contact', hits: ['C1', 'C3'] },
  { q: 'FIND {jo*n} RETURNING Account', hits: ['A1', 'A2', 'A4', 'A5'] },
  { q: 'FIND {sneak*} RETURNING Account', hits: ['A4'] },
  { q: 'FIND {sn?w} RETURNING Account', hits: ['A5'] },
  { q: 'FIND {w*r} RETURNING Account', hits: ['A5'] },
  { q: 'FIND {rac* suit} RETURNING Product2', hits: ['P1'] },
  { q: 'FIND {ro?e OR bottl*} RETURNING Product2', hits: ['P2', 'P5', 'P6'] },
  // Escaped reserved characters are literal (Ref p.104).
  { q: 'FIND {415\\-555\\-1212} IN PHONE FIELDS RETURNING Account', hits: ['A1'] },
  { q: 'FIND {\\(415\\)} IN PHONE FIELDS RETURNING Account', hits: ['A1'] },
  { q: 'FIND {rs\\-100} RETURNING Product2', hits: ['P1'] },
  { q: 'FIND {100} RETURNING Product2', hits: ['P1', 'P6'] },
  { q: 'FIND {60} RETURNING Product2', hits: ['P2'] },
  // Scopes (Ref p.106): NAME, EMAIL, PHONE fields; products and articles ignore IN.
  { q: 'FIND {enthusiast} IN NAME FIELDS RETURNING Account', hits: [] },
  { q: 'FIND {enthusiast} IN ALL FIELDS RETURNING Account', hits: ['A2'] },
  { q: 'FIND {smith} IN NAME FIELDS RETURNING Account, Case', hits: ['A1', 'A2', 'CS1'] },
  { q: 'FIND {acme} IN EMAIL FIELDS RETURNING Account, Contact', hits: ['A1', 'C1'], ordered: true },
  { q: 'FIND {john.smith@acme.com} IN EMAIL FIELDS RETURNING Account', hits: ['A1'] },
  { q: 'FIND {john} IN EMAIL FIELDS RETURNING Contact', hits: [] },
  { q: 'FIND {4155551212} IN PHONE FIELDS RETURNING Account', hits: ['A1'] },
  { q: 'FIND {555} IN PHONE FIELDS RETURNING Account, Contact', hits: ['A1', 'A2', 'C1', 'C2'] },
  { q: 'FIND {6465557788} IN PHONE FIELDS RETURNING Contact', hits: ['C2'] },
  { q: 'FIND {oakland} IN PHONE FIELDS RETURNING Contact', hits: [] },
  { q: 'FIND {clean} IN NAME FIELDS RETURNING Product2', hits: ['P5'] },
  { q: 'FIND {smith} IN SIDEBAR FIELDS RETURNING Account', hits: ['A1', 'A2'] },
  // CRMArena's tools (reference/crmarena.md §7): knowledge articles and products by keyword.
  { q: "FIND {return policy} IN ALL FIELDS RETURNING Knowledge__kav(Id, Title, FAQ_Answer__c WHERE PublishStatus='Online' AND Language='en_US')", hits: ['K1'] },
  { q: "FIND {size} IN ALL FIELDS RETURNING Knowledge__kav(Id, Title, FAQ_Answer__c WHERE PublishStatus='Online' AND Language='en_US')", hits: ['K5'] },
  { q: "FIND {racing suit} IN ALL FIELDS RETURNING Knowledge__kav(Id, Title, FAQ_Answer__c WHERE PublishStatus='Online' AND Language='en_US')", hits: ['K6'] },
  { q: "FIND {refund} IN ALL FIELDS RETURNING Knowledge__kav(Id, Title, FAQ_Answer__c WHERE PublishStatus='Online' AND Language='en_US')", hits: ['K1'] },
  { q: 'FIND {racing suit} IN ALL FIELDS RETURNING Product2(Id, Name, Description)', hits: ['P1'] },
  { q: 'FIND {rope} IN ALL FIELDS RETURNING Product2(Id, Name, Description)', hits: ['P2', 'P5'] },
  { q: 'FIND {Yoga} IN ALL FIELDS RETURNING Product2(Id, Name, Description)', hits: ['P3', 'P7'], ordered: true },
  { q: 'FIND {running} IN ALL FIELDS RETURNING Product2(Id, Name, Description)', hits: ['P4', 'P7'], ordered: true },
  // Article versions by PublishStatus.
  { q: "FIND {returned} RETURNING Knowledge__kav(Id WHERE PublishStatus='Online')", hits: ['K1'] },
  { q: "FIND {returned} RETURNING Knowledge__kav(Id WHERE PublishStatus='Draft')", hits: ['K3'] },
  { q: "FIND {returned} RETURNING Knowledge__kav(Id WHERE PublishStatus='Archived')", hits: ['K4'] },
  { q: (i) => `FIND {returned} RETURNING Knowledge__kav(Id WHERE Id = '${i.K3}')`, hits: ['K3'] },
  { q: (i) => `FIND {returned} RETURNING Knowledge__kav(Id WHERE Id IN ('${i.K1}', '${i.K4}'))`, hits: ['K1', 'K4'] },
  // RETURNING clauses: WHERE, ORDER BY, LIMIT, OFFSET through the SOQL engine.
  { q: 'FIND {rope} RETURNING Product2(Id WHERE IsActive = true)', hits: ['P2'] },
  { q: 'FIND {rope} RETURNING Product2(Id ORDER BY Name)', hits: ['P2', 'P5'], ordered: true },
  { q: 'FIND {rope} RETURNING Product2(Id ORDER BY Name DESC)', hits: ['P5', 'P2'], ordered: true },
  { q: 'FIND {rope} RETURNING Product2(Id ORDER BY Name LIMIT 1)', hits: ['P2'] },
  { q: 'FIND {rope} RETURNING Product2(Id ORDER BY Name LIMIT 1 OFFSET 1)', hits: ['P5'] },
  { q: 'FIND {rope} RETURNING Product2(Id ORDER BY Name OFFSET 1)', hits: ['P5'] },
  { q: 'FIND {rope} RETURNING Product2(Id LIMIT 0)', hits: [] },
  { q: "FIND {smith} RETURNING Account(Id WHERE ShippingState = 'NY')", hits: ['A2'] },
  { q: "FIND {smith} RETURNING Account(Id WHERE ShippingState IN ('NY', 'CA') ORDER BY FirstName DESC)", hits: ['A1', 'A2'], ordered: true },
  { q: "FIND {smith} RETURNING Account(Id WHERE Name LIKE 'jo%')", hits: ['A1', 'A2'] },
  { q: 'FIND {smith} RETURNING Account(Id WHERE CreatedDate = TODAY)', hits: ['A1', 'A2'] },
  { q: 'FIND {smith} RETURNING Account(Id WHERE CreatedDate < LAST_N_DAYS:30)', hits: [] },
  { q: "FIND {family} RETURNING Product2(Id WHERE Family = 'Apparel')", hits: [] },
  { q: "FIND {suit OR socks} RETURNING Product2(Id WHERE Family = 'Apparel' ORDER BY ProductCode)", hits: ['P1', 'P7'], ordered: true },
  { q: 'FIND {rope OR bottle} RETURNING Product2(Id ORDER BY ProductCode DESC NULLS LAST LIMIT 2)', hits: ['P6', 'P5'], ordered: true },
  // Overall LIMIT, no RETURNING, deleted records, statement forms.
  { q: 'FIND {smith} RETURNING Account LIMIT 0', hits: [] },
  { q: 'FIND {zipper}', hits: ['I1', 'CS1', 'E1'], ordered: true },
  { q: 'FIND {ghost}', hits: [] },
  { q: 'FIND {deleted} RETURNING Account', hits: [] },
  { q: "FIND 'smith' RETURNING Account", hits: ['A1', 'A2'] },
  { q: 'find {smith} in all fields returning account(id)', hits: ['A1', 'A2'] },
  { q: 'FIND {smith}\nIN ALL FIELDS\nRETURNING Account(Id)', hits: ['A1', 'A2'] },
  { q: '  FIND   {smith}   RETURNING   Account  ', hits: ['A1', 'A2'] },
  { q: 'FIND {in} RETURNING Account', hits: [] },
  { q: 'FIND {returning} RETURNING Account', hits: [] },
  // WITH clauses Salesforce accepts (Ref p.118–124).
  { q: 'FIND {smith} RETURNING Account WITH SPELL_CORRECTION = false', hits: ['A1', 'A2'] },
  { q: 'FIND {smith} RETURNING Account WITH HIGHLIGHT', hits: ['A1', 'A2'] },
  { q: 'FIND {smith} RETURNING Account WITH SNIPPET(target_length=120)', hits: ['A1', 'A2'] },
  { q: 'FIND {smith} RETURNING Account WITH SNIPPET', hits: ['A1', 'A2'] },
  { q: "FIND {smith} RETURNING Account WITH METADATA='LABELS'", hits: ['A1', 'A2'] },
  { q: "FIND {smith} RETURNING Account WITH DIVISION = 'Global'", hits: ['A1', 'A2'] },
  { q: "FIND {smith} RETURNING Account WITH NETWORK IN ('0DBMf0000000001') LIMIT 10", hits: ['A1', 'A2'] },
  { q: (i) => `FIND {rope OR bottle} RETURNING Product2 WITH PricebookId = '${i.PB1}'`, hits: ['P2', 'P5'] },
  { q: "FIND {returned} RETURNING Knowledge__kav(Id WHERE PublishStatus='Online') WITH DATA CATEGORY Geography__c AT usa__c", hits: [] },
  { q: "FIND {returned} RETURNING Knowledge__kav(Id WHERE PublishStatus='Online') UPDATE TRACKING, VIEWSTAT", hits: ['K1'] },
];

describe('SOSL corpus on a hand-made org', () => {
  it('has at least 80 searches', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(80);
  });
  for (const c of CORPUS) {
    const name = typeof c.q === 'string' ? c.q : c.q({ K1: '<K1>', K3: '<K3>', K4: '<K4>', PB1: '<PB1>' });
    it(name, () => {
      const sosl = typeof c.q === 'string' ? c.q : c.q(t.ids);
      const got = ids(sosl);
      if (c.ordered) expect(got).toEqual(c.hits);
      else expect([...got].sort()).toEqual([...c.hits].sort());
    });
  }
});

describe('SOSL result shape', () => {
  it('carries attributes and exactly the RETURNING fields, in order', () => {
    const r = search(t.org, 'FIND {buyer} RETURNING Contact(Title, Id, Account.Name)', { apiVersion: '60.0' });
    expect(r).toEqual({
      searchRecords: [
        {
          attributes: { type: 'Contact', url: `/services/data/v60.0/sobjects/Contact/${t.ids.C1}` },
          Title: 'Buyer',
          Id: t.ids.C1,
          Account: { attributes: { type: 'Account', url: `/services/data/v60.0/sobjects/Account/${t.ids.A1}` }, Name: 'John Smith' },
        },
      ],
    });
    expect(Object.keys(r.searchRecords[0]!)).toEqual(['attributes', 'Title', 'Id', 'Account']);
  });

  it('gives only Id without a field list, and no Id when the list leaves it out', () => {
    const bare = search(t.org, 'FIND {yoga} RETURNING Account', { apiVersion: '59.0' }).searchRecords;
    expect(bare).toEqual([{ attributes: { type: 'Account', url: `/services/data/v59.0/sobjects/Account/${t.ids.A2}` }, Id: t.ids.A2 }]);
    const named = search(t.org, 'FIND {yoga} RETURNING Account(Name)', { apiVersion: '59.0' }).searchRecords;
    expect(named).toEqual([{ attributes: { type: 'Account', url: `/services/data/v59.0/sobjects/Account/${t.ids.A2}` }, Name: 'Joan Smith' }]);
  });

  it('answers {"searchRecords": []} when nothing matches', () => {
    expect(search(t.org, 'FIND {nothingmatchesthis}', {})).toEqual({ searchRecords: [] });
    expect(search(t.org, 'FIND {nothing*} RETURNING Account(Id, Name)', {})).toEqual({ searchRecords: [] });
  });

  it('mixes object types in RETURNING order, each with its own fields', () => {
    const r = search(t.org, 'FIND {yoga} RETURNING Product2(Name ORDER BY Name), Account(Id, PersonEmail)', { apiVersion: '59.0' }).searchRecords;
    expect(r.map((x) => (x.attributes as { type: string }).type)).toEqual(['Product2', 'Product2', 'Account']);
    expect(r.map((x) => x.Name ?? x.PersonEmail)).toEqual(['Sock Pack', 'Yoga Mat', 'joan@example.org']);
  });

  it('spreads an overall LIMIT evenly over the objects returned (Ref p.108)', () => {
    const r = search(t.org, 'FIND {smith OR john} RETURNING Account, Contact, Case LIMIT 3', {}).searchRecords;
    expect(r.map((x) => (x.attributes as { type: string }).type)).toEqual(['Account', 'Contact', 'Case']);
    const r2 = search(t.org, 'FIND {smith OR jane} RETURNING Account, Contact LIMIT 3', {}).searchRecords;
    // Contact has one hit (Jane Roe): Account takes the share Contact cannot use.
    expect(r2.map((x) => (x.attributes as { type: string }).type)).toEqual(['Account', 'Account', 'Contact']);
  });

  it('ranks name hits above text hits (bm25 with name fields weighted)', () => {
    expect(ids('FIND {yoga} RETURNING Product2')).toEqual(['P3', 'P7']);
    expect(ids('FIND {running} RETURNING Product2')).toEqual(['P4', 'P7']);
  });
});

describe('long search queries (Ref p.105)', () => {
  it('runs a query of many words without hitting FTS5 parser limits', () => {
    const many = Array.from({ length: 300 }, () => 'smith').join(' ');
    expect(ids(`FIND {${many}} RETURNING Account`).sort()).toEqual(['A1', 'A2']);
    const nested = `${'('.repeat(20)}smith${')'.repeat(20)}`;
    expect(ids(`FIND {${nested}} RETURNING Account`).sort()).toEqual(['A1', 'A2']);
  });

  it('drops AND/AND NOT over 4,000 characters and returns nothing over 10,000', () => {
    const pad = Array.from({ length: 420 }, () => 'zzzzzzzzz').join(' '); // ~4,200 characters of a word no record has
    expect(ids(`FIND {joan AND ${pad}} RETURNING Account`)).toEqual(['A2']);
    const huge = Array.from({ length: 1100 }, () => 'smith smith').join(' ');
    expect(huge.length).toBeGreaterThan(10_000);
    expect(ids(`FIND {${huge}} RETURNING Account`)).toEqual([]);
  });
});

describe('clause order', () => {
  it('takes the overall LIMIT before or after WITH clauses, once', () => {
    expect(ids('FIND {smith} RETURNING Account LIMIT 1 WITH HIGHLIGHT')).toHaveLength(1);
    expect(ids('FIND {smith} RETURNING Account WITH HIGHLIGHT LIMIT 1')).toHaveLength(1);
    expect(() => ids('FIND {smith} RETURNING Account LIMIT 1 LIMIT 2')).toThrow(/unexpected token: 'LIMIT'/);
  });
});
