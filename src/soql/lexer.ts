/**
 * A small SOQL tokenizer used only to locate things in the query text: the parser we use
 * (@jetstreamapp/soql-parser-js 6.3.1) drops token positions from its semantic output, and Salesforce's
 * error messages carry `ERROR at Row:r:Column:c` (reference/soql.md §1.6, §2.15). It never decides
 * what a query means.
 */
export type TokenKind = 'ident' | 'string' | 'number' | 'punct' | 'other';

export interface Token {
  kind: TokenKind;
  text: string;
  /** 0-based offset into the query text. */
  offset: number;
}

const IDENT_START = /[A-Za-z_$]/;
const IDENT_PART = /[A-Za-z0-9_$.]/;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f') {
      i++;
      continue;
    }
    const start = i;
    if (c === "'") {
      i++;
      while (i < n && text[i] !== "'") i += text[i] === '\\' ? 2 : 1;
      i = Math.min(i + 1, n);
      out.push({ kind: 'string', text: text.slice(start, i), offset: start });
    } else if (IDENT_START.test(c)) {
      while (i < n && IDENT_PART.test(text[i]!)) i++;
      out.push({ kind: 'ident', text: text.slice(start, i), offset: start });
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(text[i + 1] ?? ''))) {
      i++;
      while (i < n && /[0-9A-Za-z.:+\-]/.test(text[i]!)) i++;
      out.push({ kind: 'number', text: text.slice(start, i), offset: start });
    } else if ('(),'.includes(c)) {
      i++;
      out.push({ kind: 'punct', text: c, offset: start });
    } else {
      i++;
      while (i < n && /[<>=!]/.test(text[i]!) && /[<>=!]/.test(c)) i++;
      out.push({ kind: 'other', text: text.slice(start, i), offset: start });
    }
  }
  return out;
}

/** Offset of the first identifier token equal (any case) to `name`, searching from `from`. */
export function findIdent(tokens: readonly Token[], name: string, from = 0): number | undefined {
  const lower = name.toLowerCase();
  for (const t of tokens) {
    if (t.offset >= from && t.kind === 'ident' && t.text.toLowerCase() === lower) return t.offset;
  }
  return undefined;
}

/** Offset of the first identifier token that starts with `name` followed by `(` (a function call). */
export function findCall(tokens: readonly Token[], name: string, from = 0): number | undefined {
  const lower = name.toLowerCase();
  for (let i = 0; i < tokens.length - 1; i++) {
    const t = tokens[i]!;
    if (t.offset >= from && t.kind === 'ident' && t.text.toLowerCase() === lower && tokens[i + 1]!.text === '(') return t.offset;
  }
  return undefined;
}

const CLAUSE_WORDS = new Set(['select', 'from', 'where', 'having', 'group', 'order', 'limit', 'offset', 'with', 'for', 'update', 'using']);

/**
 * Salesforce requires parentheses whenever AND, OR and NOT are mixed at one nesting level (Ref p.24,
 * reference/soql.md §2.3): `a AND b OR c`, `a AND NOT b` and `NOT a AND b` are syntax errors in its
 * grammar (checked against the ANTLR grammar in @salesforce/soql-common: "extraneous input 'NOT'",
 * "mismatched input 'AND'"), `a AND (NOT b)` and `NOT (a OR b)` are fine. The parser we use accepts
 * the mix. Returns the offending AND/OR/NOT token. `NOT IN` is an operator, not a logical NOT.
 */
export function findMixedLogic(tokens: readonly Token[]): Token | undefined {
  type Level = { op?: string; not: boolean };
  const fresh = (): Level => ({ not: false });
  const stack: Level[] = [fresh()];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const level = stack[stack.length - 1]!;
    if (t.kind === 'punct' && t.text === '(') stack.push(fresh());
    else if (t.kind === 'punct' && t.text === ')') {
      if (stack.length > 1) stack.pop();
    } else if (t.kind === 'ident') {
      const w = t.text.toLowerCase();
      if (w === 'and' || w === 'or') {
        // Nothing to join on the left (`WHERE AND x`, `(OR x`, `a AND OR b`): a syntax error too.
        const prev = tokens[i - 1]?.text.toLowerCase();
        if (prev === undefined || prev === '(' || prev === 'where' || prev === 'having' || prev === 'and' || prev === 'or' || prev === 'not') return t;
        if (level.not || (level.op && level.op !== w)) return t;
        level.op = w;
      } else if (w === 'not' && tokens[i + 1]?.text.toLowerCase() !== 'in') {
        if (level.not || level.op) return t;
        level.not = true;
      } else if (CLAUSE_WORDS.has(w)) stack[stack.length - 1] = fresh();
    }
  }
  return undefined;
}
