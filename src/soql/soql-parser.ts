/**
 * @jetstreamapp/soql-parser-js, loaded on first use. Building its grammar costs about a third of a
 * second at import, which would otherwise be paid by every process that merely imports the server
 * (startup of `mockforce serve`, CLI commands that never parse SOQL). `warmSoqlParser()` lets the
 * server pay it right after it starts listening instead of on the first query.
 */
import { createRequire } from 'node:module';
import type { Query } from '@jetstreamapp/soql-parser-js';

type ParseQuery = (soql: string, options?: { logErrors?: boolean; ignoreParseErrors?: boolean }) => Query;

let loaded: ParseQuery | undefined;

function load(): ParseQuery {
  loaded ??= (createRequire(import.meta.url)('@jetstreamapp/soql-parser-js') as { parseQuery: ParseQuery }).parseQuery;
  return loaded;
}

export function parseQuery(soql: string, options?: { logErrors?: boolean; ignoreParseErrors?: boolean }): Query {
  return load()(soql, options);
}

/** Load the parser now (and parse once, to build its caches), off the request path. */
export function warmSoqlParser(): void {
  load()('SELECT Id FROM Case', { ignoreParseErrors: false });
}
