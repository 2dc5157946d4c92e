/**
 * Running a SOSL search: parse → resolve RETURNING objects against schema/ → one FTS5 MATCH per object
 * (ranked by bm25, ./match.ts) → the RETURNING clause's fields/WHERE/ORDER BY for the hits
 * (./returning-rows.ts) → Salesforce's per-object and overall limits (./row-limits.ts) → WITH
 * decorations → `{"searchRecords": [...]}` (reference/soql.md §3, reference/salesforce-api.md §4).
 */
import { getObject } from '../../schema/index.ts';
import type { ObjectDef } from '../../schema/types.ts';
import { SalesforceError } from '../errors/salesforce-error.ts';
import type { Org } from '../org/org.ts';
import { addHighlights, addSnippets, type EntityLabels, entityLabels, searchWords } from './decorations.ts';
import { ensureIndexes, type ObjectIndex, searchableObjects } from './fts-index.ts';
import { articleRestrictionError, satisfiesArticleRestriction } from './knowledge-restriction.ts';
import { ARTICLE_OBJECTS, MAX_ROWS, matchIds } from './match.ts';
import { parseSosl, type ReturningSpec, type SoslQuery } from './parse.ts';
import { fetchFields, type SearchRecord, type SoqlQueryFn } from './returning-rows.ts';
import { distribute, objectCap } from './row-limits.ts';
import { checkTermLength, parseSearchTerm, withoutOperators } from './search-term.ts';
import { malformedSearch, searchErrorAt, searchMsg } from './sosl-errors.ts';

export type { SearchRecord, SoqlQueryFn } from './returning-rows.ts';
export { distribute } from './row-limits.ts';

export interface SearchOptions {
  /** '59.0': used in every `attributes.url`. */
  apiVersion?: string;
}

export interface SearchResult {
  searchRecords: SearchRecord[];
  /** Only with `WITH METADATA='LABELS'`. */
  searchResultsMetadata?: { entityLabelMetadata: EntityLabels[] };
}

const MAX_OFFSET = 2000;
const DEFAULT_API_VERSION = '59.0';
const MAX_TERM_CHARS = 10_000;
const MAX_TERM_CHARS_WITH_OPERATORS = 4_000;

interface Target {
  obj: ObjectDef;
  spec?: ReturningSpec;
  index?: ObjectIndex;
}

/** Run `sosl` against `org` with the SOQL engine `soql`. Throws SalesforceError on bad input. */
export function runSearch(soql: SoqlQueryFn, org: Org, sosl: string, opts: SearchOptions = {}): SearchResult {
  try {
    return execute(soql, org, sosl, opts);
  } catch (e) {
    // A statement nested past the stack is refused the way Salesforce refuses an over-complex one.
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      throw new SalesforceError('QUERY_TOO_COMPLICATED', 'Query is either selecting too many fields or the filter conditions are too complicated.', 400);
    }
    throw e;
  }
}

function execute(soql: SoqlQueryFn, org: Org, sosl: string, opts: SearchOptions): SearchResult {
  const apiVersion = opts.apiVersion ?? DEFAULT_API_VERSION;
  const ast = parseSosl(sosl);
  const parsed = parseSearchTerm(sosl, ast.term.text, ast.term.offset);
  const targets = resolveTargets(ast);
  checkTermLength(parsed, ast.term.text);
  // Over 10,000 characters a search query returns no rows; over 4,000 its AND/OR/AND NOT are dropped
  // and the terms are ORed (Ref p.105).
  const termLength = ast.term.text.length;
  const tree = termLength > MAX_TERM_CHARS ? undefined : termLength > MAX_TERM_CHARS_WITH_OPERATORS ? withoutOperators(parsed) : parsed;
  const indexes = ensureIndexes(org);
  for (const t of targets) t.index = indexes.byObject.get(t.obj.name.toLowerCase());

  const n = targets.length;
  const overall = Math.min(ast.limit ?? MAX_ROWS, MAX_ROWS);
  const hitLists: { t: Target; records: SearchRecord[]; hiddenId: boolean }[] = [];
  for (const t of targets) {
    const spec = t.spec;
    const filtered = Boolean(spec?.where || spec?.orderBy);
    const cap = objectCap({ perObjectLimit: spec?.limit, overallLimit: ast.limit, objects: n, filtered, maxRows: MAX_ROWS });
    const offset = spec?.offset ?? 0;
    let ranked = t.index && tree ? matchIds(org, t.obj, t.index, tree, ast) : [];
    // Without WHERE/ORDER BY the rank alone decides which rows come back: fetch no more than those.
    if (!filtered) ranked = ranked.slice(0, offset + Math.min(cap, overall));
    if (cap === 0) ranked = [];
    // The RETURNING clause is compiled even without hits, so a bad field is an error either way.
    if (!ranked.length && !spec?.fields) {
      hitLists.push({ t, records: [], hiddenId: false });
      continue;
    }
    const fetched = spec?.fields
      ? fetchFields(soql, org, sosl, t.obj, spec, ranked, apiVersion)
      : {
          records: ranked.map((id) => ({ attributes: { type: t.obj.name, url: `/services/data/v${apiVersion}/sobjects/${t.obj.name}/${id}` }, Id: id })),
          hiddenId: false,
        };
    hitLists.push({ t, records: fetched.records.slice(offset, offset + cap), hiddenId: fetched.hiddenId });
  }

  const shares = distribute(hitLists.map((l) => l.records.length), overall);
  const w = ast.with;
  const words = tree && (w.highlight || w.snippet) ? searchWords(tree) : undefined;
  const searchRecords: SearchRecord[] = [];
  const labels: EntityLabels[] = [];
  hitLists.forEach(({ t, records, hiddenId }, i) => {
    const shown = records.slice(0, shares[i]);
    if (words && w.highlight) addHighlights(t.obj, shown, words);
    if (words && w.snippet) addSnippets(org, t.obj, shown, words, w.snippet.targetLength);
    if (hiddenId) for (const r of shown) delete r.Id;
    if (w.metadata) labels.push(entityLabels(t.obj, shown, t.spec?.fields?.text));
    searchRecords.push(...shown);
  });
  return w.metadata ? { searchRecords, searchResultsMetadata: { entityLabelMetadata: labels } } : { searchRecords };
}

function resolveTargets(ast: SoslQuery): Target[] {
  const sosl = ast.text;
  if (!ast.returning) {
    // No RETURNING: Ids of every searchable object; articles only come when named (Ref p.110).
    return searchableObjects()
      .filter((o) => !ARTICLE_OBJECTS.has(o.name))
      .map((obj) => ({ obj }));
  }
  const seen = new Set<string>();
  const targets: Target[] = [];
  for (const spec of ast.returning) {
    const obj = getObject(spec.objectName);
    if (!obj) throw searchErrorAt('INVALID_TYPE', sosl, spec.objectOffset, searchMsg.unsupportedType(spec.objectName));
    if (!obj.searchable) {
      throw new SalesforceError('INVALID_TYPE_FOR_OPERATION', `entity type ${obj.name} does not support search`, 400);
    }
    // "An object may appear only once in a RETURNING clause" (Ref p.110).
    if (seen.has(obj.name)) throw malformedSearch(sosl, spec.objectOffset, `duplicate entity: ${spec.objectName}`);
    seen.add(obj.name);
    if (spec.offset !== undefined) {
      if (ast.returning.length > 1) {
        throw malformedSearch(sosl, spec.offsetAt, 'OFFSET is only allowed when searching a single object');
      }
      if (spec.offset > MAX_OFFSET) throw new SalesforceError('NUMBER_OUTSIDE_VALID_RANGE', 'SOSL offset should be between 0 to 2000', 400);
    }
    if (ARTICLE_OBJECTS.has(obj.name) && !satisfiesArticleRestriction(spec.where?.text)) throw articleRestrictionError(obj.name);
    targets.push({ obj, spec });
  }
  return targets;
}

