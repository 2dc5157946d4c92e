/**
 * The SOSL clause parser: `FIND {term} [IN x FIELDS] [RETURNING Obj(fields WHERE … ORDER BY … LIMIT n
 * OFFSET n), …] [WITH …]… [LIMIT n] [UPDATE TRACKING|VIEWSTAT]` (reference/soql.md §3.1, SOQL and SOSL
 * Reference v66 p.97–99, 109–124). Hand-written: no npm package parses SOSL. The search term itself is
 * kept as raw text (with its offset) for ./search-term.ts; each RETURNING body is split into its SOQL
 * pieces (field list, WHERE, ORDER BY…) with offsets, so ./execute.ts can run them through the SOQL
 * engine and report errors at the right place in the SOSL text.
 */
import { Lexer, readCount, type Tok } from './clause-lexer.ts';
import { malformedSearch, mismatchedCharacter, searchMsg } from './sosl-errors.ts';
import { readWith } from './with-clauses.ts';

export type Scope = 'ALL' | 'NAME' | 'EMAIL' | 'PHONE' | 'SIDEBAR';

/** A piece of the SOSL text and where it starts. */
export interface Span {
  text: string;
  offset: number;
}

export interface ReturningSpec {
  objectName: string;
  objectOffset: number;
  /** Raw field list; undefined for a bare `Obj` (records then carry only Id). */
  fields?: Span;
  /** `USING ListView = name`. */
  listView?: Span;
  where?: Span;
  orderBy?: Span;
  limit?: number;
  offset?: number;
  offsetAt?: number;
}

export interface DataCategoryFilter {
  group: string;
  operator: 'AT' | 'ABOVE' | 'BELOW' | 'ABOVE_OR_BELOW';
  categories: string[];
}

export interface WithClauses {
  division?: string;
  dataCategory?: DataCategoryFilter[];
  snippet?: { targetLength?: number };
  network?: string[];
  pricebookId?: { value: string; offset: number };
  metadata?: string;
  highlight?: boolean;
  spellCorrection?: boolean;
  userMode?: 'USER_MODE' | 'SYSTEM_MODE';
}

export interface SoslQuery {
  text: string;
  /** The search query between the braces (or the Apex quotes), escapes untouched. */
  term: Span;
  scope: Scope;
  returning?: ReturningSpec[];
  with: WithClauses;
  limit?: number;
  updateTracking?: boolean;
  updateViewstat?: boolean;
}

/** Characters the search query must escape with `\` (Ref p.104): all but the five with a meaning. */
export const RESERVED_IN_TERM = new Set(['&', '|', '!', '{', '}', '[', ']', '^', '~', ':', '\\', "'", '+', '-']);

/** Parse a SOSL statement. Throws MALFORMED_SEARCH (SalesforceError) on anything Salesforce refuses. */
export function parseSosl(text: string): SoslQuery {
  const lx = new Lexer(text);
  const unexpected = (t: Tok): never => {
    throw malformedSearch(text, t.offset, t.kind === 'eof' ? searchMsg.unexpected('<EOF>') : searchMsg.unexpected(t.text));
  };
  const find = lx.next();
  if (find.kind !== 'word' || find.upper !== 'FIND') unexpected(find);

  const term = readSearchTerm(lx);
  const query: SoslQuery = { text, term, scope: 'ALL', with: {} };

  let t = lx.peek();
  if (t.kind === 'word' && t.upper === 'IN') {
    lx.next();
    const group = lx.next();
    const scopes: Scope[] = ['ALL', 'NAME', 'EMAIL', 'PHONE', 'SIDEBAR'];
    if (group.kind !== 'word' || !scopes.includes(group.upper as Scope)) {
      throw malformedSearch(text, group.offset, searchMsg.malformedToken(group.text));
    }
    const fields = lx.next();
    if (fields.kind !== 'word' || fields.upper !== 'FIELDS') throw malformedSearch(text, fields.offset, searchMsg.malformedToken(fields.text));
    query.scope = group.upper as Scope;
    t = lx.peek();
  }

  if (t.kind === 'word' && t.upper === 'RETURNING') {
    lx.next();
    query.returning = [];
    for (;;) {
      query.returning.push(readReturning(lx, text));
      const sep = lx.peek();
      if (sep.kind === 'punct' && sep.text === ',') {
        lx.next();
        continue;
      }
      break;
    }
    t = lx.peek();
  }

  // WITH clauses and the overall LIMIT; Salesforce documents WITH … before LIMIT, and takes either order.
  while (t.kind === 'word' && (t.upper === 'WITH' || (t.upper === 'LIMIT' && query.limit === undefined))) {
    lx.next();
    if (t.upper === 'WITH') readWith(lx, text, query);
    else query.limit = readCount(lx, text);
    t = lx.peek();
  }

  if (t.kind === 'word' && t.upper === 'UPDATE') {
    lx.next();
    for (;;) {
      const what = lx.next();
      if (what.kind === 'word' && what.upper === 'TRACKING') query.updateTracking = true;
      else if (what.kind === 'word' && what.upper === 'VIEWSTAT') query.updateViewstat = true;
      else unexpected(what);
      const sep = lx.peek();
      if (sep.kind === 'punct' && sep.text === ',') {
        lx.next();
        continue;
      }
      break;
    }
    t = lx.peek();
  }

  if (t.kind !== 'eof') unexpected(t);
  return query;
}

/** `{…}` (API form) or `'…'` (Apex form): the raw search query, with reserved characters checked. */
function readSearchTerm(lx: Lexer): Span {
  lx.skipSpace();
  const s = lx.src;
  const open = s[lx.pos];
  if (open !== '{' && open !== "'") throw mismatchedCharacter(s, lx.pos, '{');
  const close = open === '{' ? '}' : "'";
  const start = lx.pos + 1;
  let i = start;
  let inPhrase = false;
  for (;;) {
    if (i >= s.length) throw mismatchedCharacter(s, i, close);
    const c = s[i]!;
    if (c === '\\') {
      if (i + 1 >= s.length) throw mismatchedCharacter(s, i + 1, close);
      i += 2;
      continue;
    }
    if (c === close) break;
    if (c === '"') inPhrase = !inPhrase;
    // "An error occurs if you do not precede reserved characters with a backslash. This is true even
    // if the SearchQuery is enclosed in double quotes." (Ref p.104)
    else if (RESERVED_IN_TERM.has(c)) throw mismatchedCharacter(s, i, close);
    i++;
  }
  if (inPhrase) throw mismatchedCharacter(s, i, '"');
  lx.pos = i + 1;
  return { text: s.slice(start, i), offset: start };
}

/** One `Obj` or `Obj(fields [USING ListView=x] [WHERE …] [ORDER BY …] [LIMIT n] [OFFSET n])`. */
function readReturning(lx: Lexer, text: string): ReturningSpec {
  const name = lx.next();
  if (name.kind !== 'word' || name.text.includes('.')) {
    throw malformedSearch(text, name.offset, searchMsg.unexpected(name.text));
  }
  const spec: ReturningSpec = { objectName: name.text, objectOffset: name.offset };
  const paren = lx.peek();
  if (!(paren.kind === 'punct' && paren.text === '(')) return spec;
  lx.next();
  const bodyStart = paren.end;
  const bodyEnd = matchParen(text, paren.offset);
  parseReturningBody(text, bodyStart, bodyEnd, spec);
  lx.pos = bodyEnd + 1;
  return spec;
}

/** Offset of the `)` closing the `(` at `open`, skipping quoted strings and nested parentheses. */
function matchParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length) throw mismatchedCharacter(text, text.length, c);
      i = j;
    } else if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  throw malformedSearch(text, text.length, searchMsg.unexpected('<EOF>'));
}

const BODY_CLAUSES = ['USING', 'WHERE', 'WITH', 'ORDER', 'LIMIT', 'OFFSET'] as const;
type BodyClause = (typeof BODY_CLAUSES)[number];

/** Split a RETURNING body at its top-level clause keywords, in Salesforce's fixed order. */
function parseReturningBody(text: string, start: number, end: number, spec: ReturningSpec): void {
  const lx = new Lexer(text.slice(0, end));
  lx.pos = start;
  const marks: { kw: BodyClause; tok: Tok }[] = [];
  let depth = 0;
  let first: Tok | undefined;
  for (;;) {
    const t = lx.next();
    if (t.kind === 'eof') break;
    first ??= t;
    if (t.kind === 'punct' && t.text === '(') depth++;
    else if (t.kind === 'punct' && t.text === ')') depth--;
    else if (depth === 0 && t.kind === 'word' && (BODY_CLAUSES as readonly string[]).includes(t.upper)) {
      marks.push({ kw: t.upper as BodyClause, tok: t });
    }
  }
  if (!first) throw malformedSearch(text, end, searchMsg.unexpected(')'));
  // WHERE, ORDER BY, LIMIT… "can't be used without a field list" (Ref p.110).
  if (marks.length && marks[0]!.tok.offset === first.offset) throw malformedSearch(text, first.offset, searchMsg.unexpected(first.text));
  const fieldsEnd = marks.length ? marks[0]!.tok.offset : end;
  spec.fields = trimSpan(text, start, fieldsEnd);

  let rank = -1;
  for (let m = 0; m < marks.length; m++) {
    const { kw, tok } = marks[m]!;
    const order = BODY_CLAUSES.indexOf(kw);
    if (order <= rank) throw malformedSearch(text, tok.offset, searchMsg.unexpected(tok.text));
    rank = order;
    const clauseEnd = m + 1 < marks.length ? marks[m + 1]!.tok.offset : end;
    const rest = trimSpan(text, tok.end, clauseEnd);
    const missing = (): never => {
      throw malformedSearch(text, clauseEnd, searchMsg.unexpected(clauseEnd >= end ? ')' : text.slice(clauseEnd).split(/\s/)[0]!));
    };
    switch (kw) {
      case 'USING': {
        if (!/^ListView\s*=\s*\S+$/i.test(rest.text)) throw malformedSearch(text, rest.offset, searchMsg.unexpected(rest.text.split(/\s/)[0] || ')'));
        spec.listView = rest;
        break;
      }
      case 'WHERE':
        if (!rest.text) missing();
        spec.where = rest;
        break;
      case 'WITH':
        // `WITH DIVISION = 'x'` inside an object's parentheses (Ref p.118): accepted, one division.
        if (!/^DIVISION\s*=\s*'[^']*'$/i.test(rest.text)) throw malformedSearch(text, rest.offset, searchMsg.unexpected(rest.text.split(/\s/)[0] || ')'));
        break;
      case 'ORDER': {
        const by = /^BY\b\s*/i.exec(rest.text);
        if (!by) throw malformedSearch(text, rest.offset, searchMsg.unexpected(rest.text.split(/\s/)[0] || ')'));
        const order = { text: rest.text.slice(by[0].length), offset: rest.offset + by[0].length };
        if (!order.text) missing();
        spec.orderBy = order;
        break;
      }
      case 'LIMIT':
      case 'OFFSET': {
        if (!/^\d+$/.test(rest.text) || !Number.isSafeInteger(Number(rest.text))) {
          throw malformedSearch(text, rest.text ? rest.offset : clauseEnd, searchMsg.unexpected(rest.text.split(/\s/)[0] || ')'));
        }
        if (kw === 'LIMIT') spec.limit = Number(rest.text);
        else {
          spec.offset = Number(rest.text);
          spec.offsetAt = tok.offset;
        }
        break;
      }
    }
  }
}

function trimSpan(text: string, start: number, end: number): Span {
  let a = start;
  let b = end;
  while (a < b && /\s/.test(text[a]!)) a++;
  while (b > a && /\s/.test(text[b - 1]!)) b--;
  return { text: text.slice(a, b), offset: a };
}
