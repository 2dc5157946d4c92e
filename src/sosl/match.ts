/**
 * The full-text part of a search: the search term as one FTS5 MATCH per object, scoped by
 * `IN … FIELDS` (a column filter), ranked by bm25 with name fields weighted highest, plus the WITH
 * filters that narrow the hits themselves (PricebookId, DATA CATEGORY). Wildcards in the middle of a
 * word, and `?`, are expanded against the index vocabulary (reference/soql.md §3.6).
 */
import type { ObjectDef } from '../../schema/types.ts';
import { SalesforceError } from '../errors/salesforce-error.ts';
import { q } from '../org/ddl.ts';
import { normalizeId } from '../org/ids.ts';
import type { Org } from '../org/org.ts';
import { COLUMN_WEIGHTS, type ObjectIndex } from './fts-index.ts';
import type { Scope, SoslQuery } from './parse.ts';
import { normalizeToken, type TermNode, toFts } from './search-term.ts';
import { malformedSearch } from './sosl-errors.ts';

/** Salesforce considers at most 2,000 matching records per search (Ref p.93). */
export const MAX_ROWS = 2000;
/** Wildcard expansions considered per wildcard token. */
const MAX_EXPANSIONS = 256;
/** Articles and products ignore `IN … FIELDS` (Ref p.107). */
const SCOPE_EXEMPT = new Set(['Knowledge__kav', 'Product2']);
export const ARTICLE_OBJECTS = new Set(['Knowledge__kav']);

const COLUMN_FILTER: Record<Scope, string | undefined> = {
  ALL: undefined,
  SIDEBAR: undefined,
  NAME: '{name}',
  EMAIL: '{email}',
  PHONE: '{phone}',
};

/** Ids of the records of `obj` matching the search term, best first (bm25, then Id for ties). */
export function matchIds(org: Org, obj: ObjectDef, index: ObjectIndex, tree: TermNode, ast: SoslQuery): string[] {
  const expand = (pattern: string): string[] => expandWildcard(org, index, pattern);
  const expr = toFts(tree, expand);
  if (expr === null) return [];
  const filter = SCOPE_EXEMPT.has(obj.name) ? undefined : COLUMN_FILTER[ast.scope];
  const match = filter ? `${filter} : (${expr})` : expr;

  const where: string[] = [`${index.ftsName} MATCH ?`];
  const params: unknown[] = [match];
  if (index.hasIsDeleted) where.push(`b."IsDeleted" = 0`);
  const w = ast.with;
  if (w.dataCategory && ARTICLE_OBJECTS.has(obj.name)) {
    // mockforce has no data category groups: no article is categorized, so none is in a category.
    return [];
  }
  if (w.pricebookId && obj.name === 'Product2') {
    // WITH PricebookId: only products with an entry in that price book (Ref p.121).
    const pb = normalizeId(w.pricebookId.value);
    if (!pb) return [];
    where.push(`b."Id" IN (SELECT "Product2Id" FROM "PricebookEntry" WHERE "Pricebook2Id" = ? AND "IsDeleted" = 0)`);
    params.push(pb);
  }
  const weights = COLUMN_WEIGHTS.join(', ');
  const sql =
    // FTS5 wants the table itself (not an alias) left of MATCH and inside bm25(). Object tables are
    // unqualified: an episode's connection finds a table it copied in main, others in its attached base.
    `SELECT b."Id" AS id FROM ${index.fts} JOIN ${q(obj.name)} b ON b.rowid = ${index.ftsName}.rowid ` +
    `WHERE ${where.join(' AND ')} ORDER BY bm25(${index.ftsName}, ${weights}), b."Id" LIMIT ${MAX_ROWS}`;
  try {
    return (org.store.prepare(sql).all(...params) as { id: string }[]).map((r) => r.id);
  } catch (e) {
    // FTS5's parser gives up past ~35 nested groups (deep alternations of AND NOT / OR).
    if (/parser stack overflow|expression tree is too large/.test((e as Error).message)) {
      throw new SalesforceError('QUERY_TOO_COMPLICATED', 'Query is either selecting too many fields or the filter conditions are too complicated.', 400);
    }
    // Every user term reaches FTS5 as a quoted string, so this is not expected; never a 500 either way.
    throw malformedSearch(ast.text, ast.term.offset, `Malformed search query: ${(e as Error).message}`);
  }
}

/** Index terms matching a wildcard token (`jo?n`, `sm*th`), via the fts5vocab table. */
function expandWildcard(org: Org, index: ObjectIndex, pattern: string): string[] {
  const glob = normalizeToken(pattern).replace(/[[\]]/g, '');
  const literal = /^[^*?]*/.exec(glob)![0];
  const sql = literal
    ? `SELECT term FROM ${index.vocab} WHERE term >= ? AND term < ? AND term GLOB ? LIMIT ${MAX_EXPANSIONS}`
    : `SELECT term FROM ${index.vocab} WHERE term GLOB ? LIMIT ${MAX_EXPANSIONS}`;
  const params = literal ? [literal, literal + '\u{10FFFF}', glob] : [glob];
  return (org.store.prepare(sql).all(...params) as { term: string }[]).map((r) => r.term);
}
