/**
 * Running a SOSL search: parse → resolve RETURNING objects against schema/ → one FTS5 MATCH per object
 * (ranked by bm25) → the RETURNING clause's fields/WHERE/ORDER BY through the SOQL engine, restricted to
 * the hits (`idFilter`) → Salesforce's per-object and overall limits → `{"searchRecords": [...]}`
 * (reference/soql.md §3, reference/salesforce-api.md §4).
 */
import { getField, getObject } from '../../schema/index.ts';
import type { FieldDef, ObjectDef } from '../../schema/types.ts';
import { SalesforceError } from '../errors/salesforce-error.ts';
import { q } from '../org/ddl.ts';
import { normalizeId } from '../org/ids.ts';
import { toWire } from '../org/values.ts';
import type { Org } from '../org/org.ts';
import { COLUMN_WEIGHTS, ensureIndexes, type ObjectIndex, searchableObjects } from './fts-index.ts';
import { addHighlights, addSnippets, type EntityLabels, entityLabels, searchWords } from './decorations.ts';
import { articleRestrictionError, satisfiesArticleRestriction } from './knowledge-restriction.ts';
import { parseSosl, type ReturningSpec, type Scope, type SoslQuery } from './parse.ts';
import { checkTermLength, normalizeToken, parseSearchTerm, type TermNode, toFts, withoutOperators } from './search-term.ts';
import { malformedSearch, searchErrorAt, searchErrorHeader, searchMsg } from './sosl-errors.ts';

export interface SearchOptions {
  /** '59.0': used in every `attributes.url`. */
  apiVersion?: string;
}

export type SearchRecord = Record<string, unknown>;

export interface SearchResult {
  searchRecords: SearchRecord[];
  /** Only with `WITH METADATA='LABELS'`. */
  searchResultsMetadata?: { entityLabelMetadata: EntityLabels[] };
}

/** The SOQL engine's `query`, as src/soql exports it (only what SOSL needs of it). */
export type SoqlQueryFn = (
  org: Org,
  soql: string,
  opts?: { apiVersion?: string; includeDeleted?: boolean; batchSize?: number; idFilter?: readonly string[] },
) => { records: Record<string, unknown>[] };

/** Salesforce considers at most 2,000 matching records per search (Ref p.93). */
const MAX_ROWS = 2000;
/** Default rows per object without WHERE/ORDER BY or when several objects are returned (Ref p.107). */
const DEFAULT_OBJECT_ROWS = 250;
const MAX_OFFSET = 2000;
/** Wildcard expansions considered per wildcard token. */
const MAX_EXPANSIONS = 256;
const DEFAULT_API_VERSION = '59.0';
const MAX_TERM_CHARS = 10_000;
const MAX_TERM_CHARS_WITH_OPERATORS = 4_000;

/** Article objects: `IN … FIELDS` does not apply to them, nor to products (Ref p.107). */
const SCOPE_EXEMPT = new Set(['Knowledge__kav', 'Product2']);
const ARTICLE_OBJECTS = new Set(['Knowledge__kav']);

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
    // Rows per object (Ref p.107): 250 by default, up to 2,000 for one object with WHERE or ORDER BY,
    // an even share of 2,000 over several objects; a per-object LIMIT overrides, and an explicit
    // overall LIMIT is shared out instead of the defaults (distribute() below).
    const cap =
      spec?.limit !== undefined
        ? Math.min(spec.limit, MAX_ROWS)
        : ast.limit !== undefined || (n === 1 && filtered)
          ? MAX_ROWS
          : n === 1
            ? DEFAULT_OBJECT_ROWS
            : Math.min(Math.floor(MAX_ROWS / n), DEFAULT_OBJECT_ROWS);
    const offset = spec?.offset ?? 0;
    let ranked = t.index && tree ? matchIds(org, t, tree, ast) : [];
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

/**
 * "LIMIT n … is evenly distributed among the objects returned" (Ref p.108): each object gets an equal
 * share, and what an object cannot use goes to the others, in RETURNING order.
 */
export function distribute(available: number[], total: number): number[] {
  const shares = available.map(() => 0);
  let left = total;
  let open = available.map((_, i) => i).filter((i) => available[i]! > 0);
  while (left > 0 && open.length) {
    const each = Math.max(1, Math.floor(left / open.length));
    for (const i of open) {
      if (left <= 0) break;
      const give = Math.min(each, available[i]! - shares[i]!, left);
      shares[i]! += give;
      left -= give;
    }
    open = open.filter((i) => shares[i]! < available[i]!);
  }
  return shares;
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

const COLUMN_FILTER: Record<Scope, string | undefined> = {
  ALL: undefined,
  SIDEBAR: undefined,
  NAME: '{name}',
  EMAIL: '{email}',
  PHONE: '{phone}',
};

/** Ids of the records of `t` matching the search term, best first (bm25, then Id for ties). */
function matchIds(org: Org, t: Target, tree: TermNode, ast: SoslQuery): string[] {
  const index = t.index!;
  const expand = (pattern: string): string[] => expandWildcard(org, index, pattern);
  const expr = toFts(tree, expand);
  if (expr === null) return [];
  const filter = SCOPE_EXEMPT.has(t.obj.name) ? undefined : COLUMN_FILTER[ast.scope];
  const match = filter ? `${filter} : (${expr})` : expr;

  const where: string[] = [`${index.ftsName} MATCH ?`];
  const params: unknown[] = [match];
  if (index.hasIsDeleted) where.push(`b."IsDeleted" = 0`);
  const w = ast.with;
  if (w.dataCategory && ARTICLE_OBJECTS.has(t.obj.name)) {
    // mockforce has no data category groups: no article is categorized, so none is in a category.
    return [];
  }
  if (w.pricebookId && t.obj.name === 'Product2') {
    // WITH PricebookId: only products with an entry in that price book (Ref p.121).
    const pb = normalizeId(w.pricebookId.value);
    if (!pb) return [];
    where.push(`b."Id" IN (SELECT "Product2Id" FROM main."PricebookEntry" WHERE "Pricebook2Id" = ? AND "IsDeleted" = 0)`);
    params.push(pb);
  }
  const weights = COLUMN_WEIGHTS.join(', ');
  const sql =
    // FTS5 wants the table itself (not an alias) left of MATCH and inside bm25().
    `SELECT b."Id" AS id FROM ${index.fts} JOIN main.${q(t.obj.name)} b ON b.rowid = ${index.ftsName}.rowid ` +
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

/** A SOQL fragment and where it came from in the SOSL text, to map error positions back. */
interface Piece {
  soqlStart: number;
  soslStart: number;
  length: number;
}

/**
 * The RETURNING clause's fields, WHERE and ORDER BY, run by the SOQL engine over the hits only.
 * LIMIT/OFFSET are applied afterwards, on the ranked (or ordered) rows.
 */
function fetchFields(
  soql: SoqlQueryFn,
  org: Org,
  sosl: string,
  obj: ObjectDef,
  spec: ReturningSpec,
  ids: string[],
  apiVersion: string,
): { records: SearchRecord[]; hiddenId: boolean } {
  const plain = !spec.where && !spec.orderBy ? plainFields(obj, spec.fields!.text) : undefined;
  if (plain) return fetchPlain(org, obj, plain, ids, apiVersion);
  let text = '';
  const pieces: Piece[] = [];
  const add = (s: string, soslStart?: number): void => {
    if (soslStart !== undefined) pieces.push({ soqlStart: text.length, soslStart, length: s.length });
    text += s;
  };
  // Ranking needs each row's Id; when the field list lacks it, it is selected and dropped again.
  const hiddenId = !selectsId(spec.fields!.text);
  add(hiddenId ? 'SELECT Id, ' : 'SELECT ');
  add(spec.fields!.text, spec.fields!.offset);
  add(' FROM ');
  add(obj.name, spec.objectOffset);
  if (spec.where) {
    add(' WHERE ');
    add(spec.where.text, spec.where.offset);
  }
  if (spec.orderBy) {
    add(' ORDER BY ');
    add(spec.orderBy.text, spec.orderBy.offset);
  }
  let records: SearchRecord[];
  try {
    records = soql(org, text, { apiVersion, idFilter: ids, batchSize: MAX_ROWS }).records;
  } catch (e) {
    if (e instanceof SalesforceError) throw relocate(e, text, sosl, pieces);
    throw e;
  }
  if (!spec.orderBy) {
    const rank = new Map(ids.map((id, i) => [id, i]));
    records.sort((a, b) => (rank.get(a.Id as string) ?? 0) - (rank.get(b.Id as string) ?? 0));
  }
  return { records, hiddenId };
}

/**
 * The fields of a list made only of this object's own plain fields (no relationships, functions,
 * duplicates), or undefined. Such a list without WHERE/ORDER BY needs no SOQL: rows are read by Id.
 */
function plainFields(obj: ObjectDef, list: string): FieldDef[] | undefined {
  const out: FieldDef[] = [];
  for (const item of list.split(',')) {
    const name = item.trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return undefined;
    const f = getField(obj, name);
    if (!f || out.includes(f)) return undefined; // unknown or duplicate: the SOQL engine words the error
    out.push(f);
  }
  return out.length ? out : undefined;
}

/** Records for `ids` (in that order) with `fields`, shaped as the SOQL engine shapes plain fields. */
function fetchPlain(org: Org, obj: ObjectDef, fields: FieldDef[], ids: string[], apiVersion: string): { records: SearchRecord[]; hiddenId: boolean } {
  const hiddenId = !fields.some((f) => f.name === 'Id');
  if (!ids.length) return { records: [], hiddenId };
  const cols = fields.filter((f) => f.name !== 'Id').map((f) => q(f.name));
  const sql = `SELECT "Id"${cols.map((c) => `, ${c}`).join('')} FROM main.${q(obj.name)} WHERE "Id" IN (SELECT value FROM json_each(?))`;
  const rows = org.store.prepare(sql).all(JSON.stringify(ids)) as Record<string, unknown>[];
  const byId = new Map(rows.map((r) => [r.Id as string, r]));
  const prefix = `/services/data/v${apiVersion}/sobjects/${obj.name}/`;
  const records: SearchRecord[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (!row) continue;
    const rec: SearchRecord = { attributes: { type: obj.name, url: prefix + id } };
    if (hiddenId) rec.Id = id;
    for (const f of fields) rec[f.name] = f.name === 'Id' ? id : toWire(f, row[f.name]);
    records.push(rec);
  }
  return { records, hiddenId };
}

/** Whether a field list selects Id itself (top-level item `Id`, any case). */
function selectsId(fields: string): boolean {
  let depth = 0;
  let item = '';
  const items: string[] = [];
  for (const ch of fields) {
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      items.push(item);
      item = '';
    } else item += ch;
  }
  items.push(item);
  return items.some((i) => i.trim().toLowerCase() === 'id');
}

const HEADER = /^\n[^\n]*\n *\^\nERROR at Row:(\d+):Column:(\d+)\n([\s\S]*)$/;

/** A SOQL engine error re-expressed against the SOSL text: same detail, SOSL position and wording. */
function relocate(e: SalesforceError, soqlText: string, sosl: string, pieces: Piece[]): SalesforceError {
  const m = HEADER.exec(e.message);
  if (!m) {
    // Position-less syntax errors of the RETURNING clause are SOSL's too (the article restriction keeps
    // MALFORMED_QUERY, as Salesforce reports it for searches as for queries).
    if (e.errorCode === 'MALFORMED_QUERY' && !e.message.startsWith('Implementation restriction')) {
      return new SalesforceError('MALFORMED_SEARCH', e.message, e.status, e.fields);
    }
    return e;
  }
  const row = Number(m[1]);
  const col = Number(m[2]);
  let lineStart = 0;
  for (let r = 1; r < row; r++) {
    const nl = soqlText.indexOf('\n', lineStart);
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  const at = lineStart + col - 1;
  let soslAt = pieces[0]!.soslStart;
  for (const p of pieces) {
    if (at >= p.soqlStart && at <= p.soqlStart + p.length) {
      soslAt = p.soslStart + (at - p.soqlStart);
      break;
    }
    if (at > p.soqlStart + p.length) soslAt = p.soslStart + p.length;
  }
  const code = e.errorCode === 'MALFORMED_QUERY' ? 'MALFORMED_SEARCH' : e.errorCode;
  return new SalesforceError(code, searchErrorHeader(sosl, soslAt) + m[3], e.status, e.fields);
}
