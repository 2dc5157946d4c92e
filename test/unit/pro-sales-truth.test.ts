/**
 * Ground truth of the sales analytics tasks (src/tasks/pro/sales/truth.ts) on a tiny hand-built Pro
 * org, worked out by hand: closed deals by contract signature (company's in B2B, customer's in B2C),
 * order amounts Quantity × UnitPrice, cycles in days, conversion rates; ties within the margin and
 * window-edge or reading disagreements rejected, no qualified agent → None.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { applyOrgProfile } from '../../schema/orgs/profile.ts';
import { Org } from '../../src/org/index.ts';
import type { Period } from '../../src/tasks/periods.ts';
import { agreedExtreme, closedDealScores, conversionScores } from '../../src/tasks/pro/sales/truth.ts';

const A = '005000000000001AAA';
const B = '005000000000002AAA';
const C = '005000000000003AAA';
const D = '005000000000004AAA';
const Q1: Period = { kind: 'quarter', year: 2023, quarter: 1 };
const TODAY = '2023-05-01';
let org: Org;
let account: string;

/** A closed deal: opportunity created at `created`, contract signed by the company at `company` (customer at `customer`), order lines [qty, price]. */
function deal(owner: string, created: string, company: string, lines: [number, number][], customer = company): void {
  const contract = org.store.insert('Contract', { AccountId: account, Status: 'Activated', StartDate: company.slice(0, 10), CompanySignedDate: company, CustomerSignedDate: customer, OwnerId: owner });
  org.store.insert('Opportunity', { Name: 'Deal', AccountId: account, StageName: 'Closed', CloseDate: company.slice(0, 10), ContractID__c: contract, OwnerId: owner }, { CreatedDate: created });
  const order = org.store.insert('Order', { AccountId: account, ContractId: contract, Status: 'Activated', EffectiveDate: company.slice(0, 10), OwnerId: owner });
  for (const [q, p] of lines) org.store.insert('OrderItem', { OrderId: order, Quantity: q, UnitPrice: p });
}

function lead(owner: string, created: string, convertedDate: string | null): void {
  org.store.insert('Lead', { LastName: 'L', Company: 'Co', Status: convertedDate ? 'Converted' : 'Working', OwnerId: owner }, { CreatedDate: created, IsConverted: convertedDate ? 1 : 0, ConvertedDate: convertedDate });
}

beforeAll(() => {
  applyOrgProfile('b2b');
  org = Org.create(':memory:', { now: '2023-06-30T00:00:00.000Z' });
  account = org.store.insert('Account', { Name: 'Acme' });
  // A: 250 (20 days) + 1000 (71 days) = 1250, cycle 45.5, two deals.
  deal(A, '2023-01-05T10:00:00.000Z', '2023-01-25T10:00:00.000Z', [[2, 100], [1, 50]]);
  deal(A, '2022-12-01T00:00:00.000Z', '2023-02-10T00:00:00.000Z', [[1, 1000]]);
  // B: 600 (30 days); its 5000 deal is signed after the quarter.
  deal(B, '2023-02-01T00:00:00.000Z', '2023-03-03T00:00:00.000Z', [[3, 200]]);
  deal(B, '2023-03-01T00:00:00.000Z', '2023-04-02T00:00:00.000Z', [[1, 5000]]);
  // C: 1500 (30.5 days); the customer signed only in April (outside the quarter for a B2C reading).
  deal(C, '2023-03-01T00:00:00.000Z', '2023-03-31T12:00:00.000Z', [[10, 150]], '2023-04-05T00:00:00.000Z');
  // Leads created in Q1: A 2/4, B 2/2, C 1/3; D 1/2 but converted after "today"; one lead of B in April.
  for (const [i, conv] of [['2023-01-10', '2023-01-20'], ['2023-02-10', '2023-03-01'], ['2023-02-11', null], ['2023-03-10', null]] as const) lead(A, `${i}T09:00:00.000Z`, conv);
  lead(B, '2023-01-03T09:00:00.000Z', '2023-01-09');
  lead(B, '2023-03-30T09:00:00.000Z', '2023-04-20');
  lead(B, '2023-04-03T09:00:00.000Z', null);
  for (const [i, conv] of [['2023-01-15', '2023-02-01'], ['2023-02-15', null], ['2023-03-15', null]] as const) lead(C, `${i}T09:00:00.000Z`, conv);
  lead(D, '2023-02-20T09:00:00.000Z', '2023-06-10');
  lead(D, '2023-02-21T09:00:00.000Z', null);
});

describe('sales amount', () => {
  const amount = (kind: 'b2b' | 'b2c') => (w: Parameters<typeof closedDealScores>[2]) => closedDealScores(org.db, kind, w, 'amount');
  it('sums Quantity × UnitPrice of the deals signed in the period', () => {
    const s = amount('b2b')({ start: '2023-01-01T00:00:00.000Z', end: '2023-04-01T00:00:00.000Z' });
    expect(Object.fromEntries(s.readings[0]!)).toEqual({ [A]: 1250, [B]: 600, [C]: 1500 });
    expect(Object.fromEntries(s.counts)).toEqual({ [A]: 2, [B]: 1, [C]: 1 });
    expect(agreedExtreme(Q1, amount('b2b'), 1, 'max', 0.01)).toBe(C);
    expect(agreedExtreme(Q1, amount('b2b'), 1, 'min', 0.01)).toBe(B);
    expect(agreedExtreme(Q1, amount('b2b'), 2, 'min', 0.01)).toBe(A);
    expect(agreedExtreme(Q1, amount('b2b'), 3, 'max', 0.01)).toBeNull();
  });
  it("reads the customer's signature in a B2C org", () => {
    expect(agreedExtreme(Q1, amount('b2c'), 1, 'max', 0.01)).toBe(A);
  });
});

describe('sales cycle', () => {
  const cycle = (w: Parameters<typeof closedDealScores>[2]) => closedDealScores(org.db, 'b2b', w, 'cycle');
  it('averages the days from creation to signature', () => {
    const s = cycle({ start: '2023-01-01T00:00:00.000Z', end: '2023-04-01T00:00:00.000Z' });
    expect(Object.fromEntries(s.readings[0]!)).toEqual({ [A]: 45.5, [B]: 30, [C]: 30.5 });
    // Whole calendar days: C's 30.5 reads as 30.
    expect(s.readings[1]!.get(C)).toBe(30);
    expect(agreedExtreme(Q1, cycle, 1, 'max', 0.5)).toBe(A);
    // B (30) and C (30.5) are within half a day: a tie, rejected.
    expect(agreedExtreme(Q1, cycle, 1, 'min', 0.5)).toBeUndefined();
    expect(agreedExtreme(Q1, cycle, 2, 'min', 0.5)).toBe(A);
  });
});

describe('conversion rate', () => {
  const conv = (w: Parameters<typeof conversionScores>[1]) => conversionScores(org.db, w, TODAY);
  it('divides converted by created leads, and rejects what "today" reads differently', () => {
    const s = conv({ start: '2023-01-01T00:00:00.000Z', end: '2023-04-01T00:00:00.000Z' });
    expect(Object.fromEntries(s.counts)).toEqual({ [A]: 4, [B]: 2, [C]: 3, [D]: 2 });
    expect(s.readings[0]!.get(B)).toBe(100);
    expect(s.readings[0]!.get(D)).toBe(50);
    expect(s.readings[1]!.get(D)).toBe(0);
    expect(agreedExtreme(Q1, conv, 1, 'max', 0.5)).toBe(B);
    // Lowest among agents with 2+ leads: C (33.3%) if D's late conversion counts, D (0%) by today's data.
    expect(agreedExtreme(Q1, conv, 2, 'min', 0.5)).toBeUndefined();
    expect(agreedExtreme(Q1, conv, 3, 'min', 0.5)).toBe(C);
    expect(agreedExtreme(Q1, conv, 3, 'max', 0.5)).toBe(A);
    expect(agreedExtreme(Q1, conv, 5, 'max', 0.5)).toBeNull();
  });
});

describe('window edges', () => {
  it('rejects an answer that a deal signed at the end instant would change', () => {
    deal(B, '2023-03-01T00:00:00.000Z', '2023-04-01T00:00:00.000Z', [[1, 9000]]);
    expect(agreedExtreme(Q1, (w) => closedDealScores(org.db, 'b2b', w, 'amount'), 1, 'max', 0.01)).toBeUndefined();
  });
});
