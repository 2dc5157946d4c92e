/**
 * The search query inside `FIND {…}`: words, "quoted phrases", `*`/`?` wildcards, AND, OR, AND NOT and
 * parentheses (reference/soql.md §3.2, Ref p.102–105), parsed into a tree and translated to an FTS5
 * MATCH expression. Precedence as Salesforce documents it: parentheses, then AND and AND NOT (evaluated
 * right to left), then OR; adjacent terms are an implicit AND. Every user term is re-emitted as a quoted
 * FTS5 string built from its tokens, so nothing the user types is ever FTS5 syntax.
 */
import { invalidSearch, malformedSearch, searchMsg } from './sosl-errors.ts';

export type TermNode =
  | { kind: 'term'; tokens: string[]; raw: string; offset: number; phrase: boolean }
  | { kind: 'and'; left: TermNode; right: TermNode }
  | { kind: 'andNot'; left: TermNode; right: TermNode }
  | { kind: 'or'; items: TermNode[] };

interface Lex {
  kind: 'word' | 'phrase' | 'lparen' | 'rparen' | 'and' | 'or' | 'not' | 'eof';
  /** Characters of the word with escapes resolved; `wild[i]` marks an unescaped `*`/`?`. */
  chars: string[];
  wild: boolean[];
  raw: string;
  offset: number;
}

/** Characters unicode61 keeps inside tokens: letters, numbers (marks fold away). Private use is left out: the index's field separator is one (fts-index.ts). */
const TOKEN_CHAR = /[\p{L}\p{N}\p{M}]/u;

/**
 * Read the character at `i` into `chars`, resolving a backslash escape (an escaped `*`/`?` is a
 * literal, not a wildcard); returns the index after it. Words and quoted phrases read alike.
 */
function readChar(text: string, i: number, chars: string[], wild: boolean[]): number {
  if (text[i] === '\\') {
    chars.push(text[i + 1] ?? '');
    wild.push(false);
    return i + 2;
  }
  chars.push(text[i]!);
  wild.push(text[i] === '*' || text[i] === '?');
  return i + 1;
}

function lexTerms(sosl: string, text: string, base: number): Lex[] {
  const out: Lex[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === '(' || c === ')') {
      out.push({ kind: c === '(' ? 'lparen' : 'rparen', chars: [], wild: [], raw: c, offset: base + i });
      i++;
      continue;
    }
    const chars: string[] = [];
    const wild: boolean[] = [];
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i = readChar(text, i, chars, wild);
      if (i >= text.length) throw malformedSearch(sosl, base + text.length, `line 1:${base + text.length} mismatched character '<EOF>' expecting '"'`);
      i++;
      out.push({ kind: 'phrase', chars, wild, raw: text.slice(start, i), offset: base + start });
      continue;
    }
    while (i < text.length && !/[\s()"]/.test(text[i]!)) i = readChar(text, i, chars, wild);
    const raw = text.slice(start, i);
    const upper = raw.toUpperCase();
    const kind = upper === 'AND' ? 'and' : upper === 'OR' ? 'or' : upper === 'NOT' ? 'not' : 'word';
    out.push({ kind, chars, wild, raw, offset: base + start });
  }
  out.push({ kind: 'eof', chars: [], wild: [], raw: '<EOF>', offset: base + text.length });
  return out;
}

/**
 * Split a word or phrase into index tokens, the way unicode61 splits text: runs of letters and digits.
 * An unescaped `*`/`?` stays inside its token as a wildcard; leading wildcards are dropped (Salesforce
 * does not search with a wildcard at the start of a term).
 */
function tokensOf(chars: string[], wild: boolean[]): string[] {
  const tokens: string[] = [];
  let cur = '';
  for (let k = 0; k < chars.length; k++) {
    const ch = chars[k]!;
    if (wild[k]) {
      if (cur) cur += ch;
    } else if (TOKEN_CHAR.test(ch)) cur += ch;
    else if (cur) {
      tokens.push(cur);
      cur = '';
    }
  }
  if (cur) tokens.push(cur);
  return tokens.map(normalizeToken);
}

/** Case and diacritic folding as `unicode61 remove_diacritics 2` does it, wildcards kept. */
export function normalizeToken(token: string): string {
  return token.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const MAX_NESTING = 100;

/** Parse the search query of `sosl` (its text starts at `base`). */
export function parseSearchTerm(sosl: string, text: string, base: number): TermNode {
  const toks = lexTerms(sosl, text, base);
  let p = 0;
  const peek = (): Lex => toks[p]!;
  const fail = (t: Lex): never => {
    throw malformedSearch(sosl, t.offset, searchMsg.unexpected(t.raw));
  };

  const parseOr = (): TermNode => {
    const items = [parseAnd()];
    while (peek().kind === 'or') {
      p++;
      items.push(parseAnd());
    }
    return items.length === 1 ? items[0]! : { kind: 'or', items };
  };
  // Right-recursive: "AND and AND NOT are evaluated from right to left" (Ref p.103).
  const parseAnd = (): TermNode => {
    const left = parseUnary();
    const t = peek();
    if (t.kind === 'and') {
      p++;
      if (peek().kind === 'not') {
        p++;
        return { kind: 'andNot', left, right: parseAnd() };
      }
      return { kind: 'and', left, right: parseAnd() };
    }
    if (t.kind === 'not') {
      p++;
      return { kind: 'andNot', left, right: parseAnd() };
    }
    if (t.kind === 'word' || t.kind === 'phrase' || t.kind === 'lparen') return { kind: 'and', left, right: parseAnd() };
    return left;
  };
  let depth = 0;
  const parseUnary = (): TermNode => {
    const t = peek();
    if (t.kind === 'lparen') {
      // Nesting deeper than any real search is refused before it can exhaust the stack.
      if (++depth > MAX_NESTING) fail(t);
      p++;
      const inner = parseOr();
      depth--;
      if (peek().kind !== 'rparen') fail(peek());
      p++;
      return inner;
    }
    if (t.kind === 'word' || t.kind === 'phrase') {
      p++;
      return { kind: 'term', tokens: tokensOf(t.chars, t.wild), raw: t.raw, offset: t.offset, phrase: t.kind === 'phrase' };
    }
    return fail(t);
  };

  const tree = parseOr();
  if (peek().kind !== 'eof') fail(peek());
  return tree;
}

/**
 * "search term must be longer than one character" (INVALID_SEARCH; a public test fixture quoting the
 * live error): the searchable characters of the whole query, wildcards aside, must be two or more.
 */
export function checkTermLength(tree: TermNode, text: string): void {
  const letters = collectTerms(tree)
    .flatMap((n) => n.tokens)
    .join('')
    .replace(/[*?]/g, '');
  if (letters.length < 2) throw invalidSearch(searchMsg.tooShort(text.trim()));
}

/**
 * Salesforce's long-query rules (Ref p.105): a search query over 4,000 characters loses its logical
 * operators (every term becomes an OR alternative).
 */
export function withoutOperators(tree: TermNode): TermNode {
  const terms = collectTerms(tree);
  return terms.length === 1 ? terms[0]! : { kind: 'or', items: terms };
}

export function collectTerms(node: TermNode): Extract<TermNode, { kind: 'term' }>[] {
  switch (node.kind) {
    case 'term':
      return [node];
    case 'and':
    case 'andNot':
      return [...collectTerms(node.left), ...collectTerms(node.right)];
    case 'or':
      return node.items.flatMap(collectTerms);
  }
}

/** Expands a wildcard token pattern (`jo?n`, `sm*th`) to the index terms it matches. */
export type Expander = (pattern: string) => string[];

const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/**
 * The FTS5 expression for `node`, or null when it can match nothing (a term with no searchable
 * characters, a wildcard that expands to no indexed word).
 */
export function toFts(node: TermNode, expand: Expander): string | null {
  switch (node.kind) {
    case 'term':
      return termToFts(node.tokens, expand);
    case 'and': {
      // AND is associative: a right-leaning chain is emitted flat, since FTS5's parser overflows its
      // stack on deeply nested parentheses (a few dozen levels).
      const parts: string[] = [];
      let cur: TermNode = node;
      for (;;) {
        if (cur.kind !== 'and') {
          const last = toFts(cur, expand);
          if (last === null) return null;
          parts.push(last);
          break;
        }
        const l = toFts(cur.left, expand);
        if (l === null) return null;
        parts.push(l);
        cur = cur.right;
      }
      return `(${parts.join(' AND ')})`;
    }
    case 'andNot': {
      const l = toFts(node.left, expand);
      if (l === null) return null;
      const r = toFts(node.right, expand);
      return r === null ? l : `(${l} NOT ${r})`;
    }
    case 'or': {
      const parts = node.items.map((n) => toFts(n, expand)).filter((x): x is string => x !== null);
      if (!parts.length) return null;
      return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
    }
  }
}

function termToFts(tokens: string[], expand: Expander): string | null {
  if (!tokens.length) return null;
  const wildAt = tokens.map((t) => /[*?]/.test(t));
  if (!wildAt.some(Boolean)) return quote(tokens.join(' '));
  const last = tokens[tokens.length - 1]!;
  const onlyTrailingStar =
    wildAt.slice(0, -1).every((w) => !w) && /^[^*?]+\*+$/.test(last);
  if (onlyTrailingStar) {
    // `acm*` → FTS5 prefix query `"acm"*` (reference/soql.md §3.6).
    return `${quote([...tokens.slice(0, -1), last.replace(/\*+$/, '')].join(' '))}*`;
  }
  // Mid-term `*` and any `?`: expand against the index vocabulary; tokens of one word are ANDed.
  const groups: string[] = [];
  for (const t of tokens) {
    if (!/[*?]/.test(t)) {
      groups.push(quote(t));
      continue;
    }
    const terms = expand(t);
    if (!terms.length) return null;
    groups.push(terms.length === 1 ? quote(terms[0]!) : `(${terms.map(quote).join(' OR ')})`);
  }
  return groups.length === 1 ? groups[0]! : `(${groups.join(' AND ')})`;
}
