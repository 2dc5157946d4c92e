/**
 * The SOQL engine the query routes call (src/soql: query, queryMore; optionally columnMetadata for
 * the sf CLI's `columns=true`). Loaded once, lazily, so the server starts without paying for it
 * until the first query.
 */
import type { Org } from '../src/org/index.ts';

export interface EngineOptions {
  apiVersion?: string;
  includeDeleted?: boolean;
  batchSize?: number;
}

export interface SoqlEngine {
  query(org: Org, soql: string, opts?: EngineOptions): unknown;
  queryMore(org: Org, locator: string, opts?: EngineOptions): unknown;
  columnMetadata?(org: Org, soql: string, opts?: EngineOptions): unknown;
}

let engine: Promise<SoqlEngine> | undefined;

export function soqlEngine(): Promise<SoqlEngine> {
  // A computed specifier keeps tsc from requiring the module while src/soql is being written.
  const spec = ['..', 'src', 'soql', 'index.ts'].join('/');
  engine ??= import(spec) as Promise<SoqlEngine>;
  return engine;
}
