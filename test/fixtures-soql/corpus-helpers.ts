/** Helpers for the table-driven SOQL corpus: placeholder Ids, attribute stripping, expectations. */
import { expect } from 'vitest';
import { SalesforceError } from '../../src/errors/salesforce-error.ts';
import { query, type QueryResult } from '../../src/soql/index.ts';
import type { SoqlFixture } from './soql-org.ts';

export type Expect =
  /** Top-level record Ids, by fixture name; order matters when `ordered`. */
  | { ids: string[]; ordered?: boolean }
  | { count: number }
  /** Records with every `attributes` removed (deeply), exact. */
  | { rows: unknown[] }
  /** errorCode and the text after the position header (or whole message). */
  | { err: [string, string] }
  | { check: (r: QueryResult, f: SoqlFixture) => void };

export type CorpusCase = [string, Expect];

export function fill(soql: string, f: SoqlFixture): string {
  return soql.replace(/\{(\w+)\}/g, (_, k: string) => {
    const id = f.ids[k];
    if (!id) throw new Error(`no fixture id ${k}`);
    return id;
  });
}

export function strip(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(strip);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (k !== 'attributes') out[k] = strip(x);
    return out;
  }
  return v;
}

/** The message text after Salesforce's `ERROR at Row:r:Column:c` header. */
export function detail(message: string): string {
  const m = /ERROR at Row:\d+:Column:\d+\n([\s\S]*)$/.exec(message);
  return m ? m[1]! : message;
}

export function runCase(f: SoqlFixture, soql: string, exp: Expect): void {
  const text = fill(soql, f);
  if ('err' in exp) {
    let caught: unknown;
    try {
      query(f.org, text);
    } catch (e) {
      caught = e;
    }
    expect(caught, `expected ${exp.err[0]} for ${text}`).toBeInstanceOf(SalesforceError);
    const e = caught as SalesforceError;
    expect([e.errorCode, detail(e.message)]).toEqual(exp.err);
    return;
  }
  const r = query(f.org, text);
  if ('count' in exp) {
    expect(r.totalSize).toBe(exp.count);
    expect(r.records).toEqual([]);
  } else if ('ids' in exp) {
    const byId = new Map(Object.entries(f.ids).map(([k, v]) => [v, k]));
    const got = r.records.map((x) => byId.get(x.Id as string) ?? String(x.Id));
    if (exp.ordered) expect(got).toEqual(exp.ids);
    else expect([...got].sort()).toEqual([...exp.ids].sort());
    expect(r.totalSize).toBe(exp.ids.length);
  } else if ('rows' in exp) {
    expect(strip(r.records)).toEqual(exp.rows);
    expect(r.totalSize).toBe(exp.rows.length);
  } else {
    exp.check(r, f);
  }
}
