/**
 * SOSL over the seeded org (seed 42, scale 1, opened read-only: the index lives in the temp schema):
 * CRMArena's two tool searches (reference/crmarena.md §7) return every record whose searchable fields
 * contain every search word, as an independent scan of the same rows computes it, plus the records
 * that contain only other forms of those words (the index stems English words, as Salesforce does):
 * each extra hit must hold, for every search word, a word with the same root.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Org } from '../../src/org/index.ts';
import { search } from '../../src/sosl/index.ts';
import { searchableObjects } from '../../src/sosl/fts-index.ts';
import { openSeededOrg } from '../support/seeded-org.ts';

let org: Org;
beforeAll(() => {
  org = openSeededOrg();
});

const words = (s: string): Set<string> =>
  new Set(
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  );

/** Two words with the same root: a stemmer only strips endings, so they share their first letters. */
const sameRoot = (a: string, b: string): boolean => {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return a === b || n >= Math.min(3, a.length, b.length);
};

/**
 * Ids of `table` rows (live, passing `where`) whose `fields` contain all of `terms`' words (`exact`),
 * and of those that contain, for each word, a word of the same root (`related`, a superset).
 */
function oracle(table: string, fields: string[], terms: string, where = '1'): { exact: string[]; related: Set<string> } {
  const want = [...words(terms)];
  const rows = org.db.prepare(`SELECT * FROM "${table}" WHERE "IsDeleted" = 0 AND ${where}`).all() as Record<string, unknown>[];
  const exact: string[] = [];
  const related = new Set<string>();
  for (const r of rows) {
    const have = words(fields.map((f) => String(r[f] ?? '')).join(' '));
    if (want.every((w) => have.has(w))) exact.push(r.Id as string);
    if (want.every((w) => [...have].some((h) => sameRoot(w, h)))) related.add(r.Id as string);
  }
  return { exact: exact.sort(), related };
}

/** The hits hold every exact match, and nothing that lacks a same-root word for each search word. */
function expectHits(ids: string[], expected: { exact: string[]; related: Set<string> }): void {
  expect(ids).toEqual(expect.arrayContaining(expected.exact));
  for (const id of ids) expect(expected.related.has(id), id).toBe(true);
}

const KNOWLEDGE = (term: string) =>
  `FIND {${term}} IN ALL FIELDS RETURNING Knowledge__kav(Id, Title, FAQ_Answer__c WHERE PublishStatus='Online' AND Language='en_US')`;
const PRODUCTS = (term: string) => `FIND {${term}} IN ALL FIELDS RETURNING Product2(Id, Name, Description)`;

describe('CRMArena tool searches on the seeded org', () => {
  for (const term of ['size', 'refund', 'shipping', 'return policy', 'defective zipper', 'exchange', 'warranty', 'promo code']) {
    it(`search_knowledge_articles("${term}")`, () => {
      const res = search(org, KNOWLEDGE(term), { apiVersion: '59.0' }).searchRecords;
      const expected = oracle('Knowledge__kav', ['Title', 'Summary', 'FAQ_Answer__c', 'ArticleNumber'], term, `"PublishStatus" = 'Online' AND "Language" = 'en_US'`);
      expectHits(res.map((r) => r.Id as string), expected);
      for (const r of res) expect(Object.keys(r)).toEqual(['attributes', 'Id', 'Title', 'FAQ_Answer__c']);
    });
  }
  it('finds at least one article for common support topics', () => {
    for (const term of ['size', 'shipping', 'refund']) expect(search(org, KNOWLEDGE(term), {}).searchRecords.length, term).toBeGreaterThan(0);
  });

  for (const term of ['yoga', 'yoga mat', 'hiking boot', 'running shoe', 'leggings', 'waterproof', 'merino']) {
    it(`search_products("${term}")`, () => {
      const res = search(org, PRODUCTS(term), { apiVersion: '59.0' }).searchRecords;
      const expected = oracle('Product2', ['Name', 'ProductCode', 'Description', 'StockKeepingUnit', 'External_ID__c'], term);
      expect(expected.exact.length).toBeLessThanOrEqual(250);
      expectHits(res.map((r) => r.Id as string), expected);
    });
  }

  it('ranks products with the words in their name first', () => {
    const res = search(org, PRODUCTS('yoga mat'), {}).searchRecords;
    expect(res.length).toBeGreaterThan(1);
    const nameHit = res.map((r) => words(String(r.Name)).has('yoga') && words(String(r.Name)).has('mat'));
    const firstMiss = nameHit.indexOf(false);
    if (firstMiss >= 0) expect(nameHit.slice(firstMiss).every((x) => !x)).toBe(true);
    expect(nameHit[0]).toBe(true);
  });

  it('searches every object without RETURNING and caps each at 2000/n rows', () => {
    const res = search(org, 'FIND {the}', {}).searchRecords;
    const perType = new Map<string, number>();
    for (const r of res) {
      const type = (r.attributes as { type: string }).type;
      perType.set(type, (perType.get(type) ?? 0) + 1);
      expect(Object.keys(r)).toEqual(['attributes', 'Id']);
    }
    expect(res.length).toBeLessThanOrEqual(2000);
    for (const n of perType.values()) expect(n).toBeLessThanOrEqual(250);
  });

  it('applies the 250-row default, per-object LIMIT, overall LIMIT and the WHERE/ORDER BY allowance', () => {
    const all = oracle('Product2', ['Name', 'ProductCode', 'Description', 'StockKeepingUnit', 'External_ID__c'], 'the');
    expect(all.exact.length).toBeGreaterThan(300);
    const count = (sosl: string) => search(org, sosl, {}).searchRecords.length;
    expect(count('FIND {the} RETURNING Product2')).toBe(250);
    expect(count('FIND {the} RETURNING Product2(Id LIMIT 300)')).toBe(300);
    expect(count('FIND {the} RETURNING Product2 LIMIT 280')).toBe(280);
    expect(count('FIND {the} RETURNING Product2(Id ORDER BY Name)')).toBe(all.exact.length);
    expect(count('FIND {the} RETURNING Product2(Id LIMIT 5), Account(Id LIMIT 5)')).toBeLessThanOrEqual(10);
  });

  it('shapes plain field lists exactly as the SOQL engine does, for every field of every searchable object', () => {
    for (const obj of searchableObjects()) {
      const fields = obj.fields.map((f) => f.name).join(', ');
      const where = obj.name === 'Knowledge__kav' ? "PublishStatus = 'Online'" : 'Id != null';
      const kav = obj.name === 'Knowledge__kav' ? ` WHERE ${where}` : '';
      for (const term of ['the', 'st*', 'smith OR return OR yoga OR shipping']) {
        const direct = search(org, `FIND {${term}} RETURNING ${obj.name}(${fields}${kav} LIMIT 40)`, {}).searchRecords;
        const viaSoql = search(org, `FIND {${term}} RETURNING ${obj.name}(${fields} WHERE ${where} LIMIT 40)`, {}).searchRecords;
        expect(direct, `${obj.name} ${term}`).toEqual(viaSoql);
      }
    }
  });
});

describe('stemming', () => {
  it('matches other forms of a word, as Salesforce search does', () => {
    const ids = (term: string) => search(org, PRODUCTS(term), {}).searchRecords.map((r) => r.Id as string).sort();
    const singular = ids('boot');
    expect(singular.length).toBeGreaterThan(0);
    expect(ids('boots')).toEqual(singular);
  });
});
