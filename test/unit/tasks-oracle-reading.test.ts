/** The oracle reads CRMArena's own questions (first-commit raw query files) as well as ours. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readExtreme, readMinCases, readPeriod } from '../../src/oracle/read-query.ts';
import { readDescription, readPurchaseDay } from '../../src/oracle/solvers/named-entity.ts';

const raw = readFileSync(new URL('../../fixtures/tasks/crmarena-raw-sample.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { metadata: { task: string; today?: string }; query: string });
const q = (task: string) => raw.filter((r) => r.metadata.task === task);

describe("reading CRMArena's questions", () => {
  it('periods', () => {
    const [b1, b2] = q('best_region_identification');
    expect(readPeriod(b1!.query, b1!.metadata.today!)).toEqual({ kind: 'past', n: 5, unit: 'month', today: '2024-09-22' });
    expect(readPeriod(b2!.query, b2!.metadata.today!)).toEqual({ kind: 'season', year: 2021, season: 'Summer' });
    const [m1, m2] = q('seasonality_identification');
    expect(readPeriod(m1!.query, m1!.metadata.today!)).toMatchObject({ kind: 'past', n: 3, unit: 'quarter' });
    expect(readPeriod(m2!.query, m2!.metadata.today!)).toMatchObject({ kind: 'past', n: 10, unit: 'month' });
    for (const t of q('top_issue_identification')) expect(readPeriod(t.query, t.metadata.today!)).toEqual({ kind: 'season', year: 2021, season: 'Winter' });
  });

  it('case-count filters and extremes', () => {
    const [h1, h2] = q('handle_time');
    expect(readMinCases(h1!.query)).toBe(2);
    expect(readMinCases(h2!.query)).toBe(1);
    expect(readExtreme(h1!.query, ['shortest'], ['longest'])).toBe('min');
    const [t1, t2] = q('transfer_time');
    expect(readMinCases(t1!.query)).toBe(1);
    expect(readMinCases(t2!.query)).toBe(1);
    expect(readPeriod(t2!.query, '2024-07-27')).toEqual({ kind: 'past', n: 5, unit: 'quarter', today: '2024-07-27' });
  });

  it('named entity descriptions and days', () => {
    const [n1, n2] = q('named_entity_disambiguation');
    expect(readDescription(n1!.query)).toBe("women's trail jacket");
    expect(readPurchaseDay(n1!.query, '2020-06-15')).toBe('2020-06-01');
    expect(readDescription(n2!.query)).toBe('waterproof swim cap');
    expect(readPurchaseDay(n2!.query, '2021-03-20')).toBe('2021-03-17');
  });
});
