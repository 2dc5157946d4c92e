/**
 * Parse SOQL text with @jetstreamapp/soql-parser-js and turn its syntax errors into Salesforce's
 * MALFORMED_QUERY with the `ERROR at Row:Column` header (reference/soql.md §1.6: the parser only
 * exposes token positions through its error log, so we capture that log for the one call).
 */
import type { Query } from '@jetstreamapp/soql-parser-js';
import { parseQuery } from './soql-parser.ts';
import { SalesforceError } from '../errors/salesforce-error.ts';
import { at, msg } from './soql-errors.ts';
import { findMixedLogic, tokenize, type Token } from './lexer.ts';
import { refusedAlias } from './refused-aliases.ts';

/** Salesforce: a SOQL statement is at most 100,000 characters (Ref p.9). */
export const MAX_QUERY_LENGTH = 100_000;

interface LoggedError {
  name?: string;
  message?: string;
  token?: { image?: string; startOffset?: number; tokenType?: { name?: string } };
}

export interface Parsed {
  ast: Query;
  tokens: Token[];
}

export function parseSoql(text: string): Parsed {
  if (text.length > MAX_QUERY_LENGTH) {
    throw new SalesforceError('MALFORMED_QUERY', `SOQL statements cannot be longer than ${MAX_QUERY_LENGTH} characters`, 400);
  }
  const tokens = tokenize(text);
  let ast: Query;
  // The parser reports token positions only through console.log (logErrors); capture it for this call.
  // ignoreParseErrors must be passed: a value differing from the last call rebuilds the parser (~100 ms).
  const logged: unknown[] = [];
  const original = console.log;
  console.log = (...args: unknown[]) => {
    logged.push(...args);
  };
  try {
    ast = parseQuery(text, { logErrors: true, ignoreParseErrors: false });
  } catch (e) {
    console.log = original;
    const retried = withoutLimitWorkaround(text, tokens) ?? withGroupingFunctionWorkaround(text, tokens) ?? withRelationshipAliasWorkaround(text, tokens);
    if (retried) return retried;
    throw syntaxError(text, tokens, e, logged);
  } finally {
    console.log = original;
  }
  const stray = strayCharacter(tokens);
  const mixed = findMixedLogic(tokens);
  if (stray !== undefined && (!mixed || stray < mixed.offset)) throw lexerError(text, stray);
  if (mixed) throw at('MALFORMED_QUERY', text, mixed.offset, msg.unexpected(mixed.text));
  const alias = refusedAlias(tokens);
  if (alias) throw at('MALFORMED_QUERY', text, alias.offset, msg.unexpected(alias.text));
  return { ast, tokens };
}

/**
 * soql-parser-js 6.3.1 rejects `... WHERE x = 'a' OFFSET 5` (OFFSET without LIMIT after a WHERE),
 * which Salesforce accepts (Ref p.49). Retry with an explicit no-op LIMIT and drop it from the AST.
 */
function withoutLimitWorkaround(text: string, tokens: Token[]): Parsed | undefined {
  const i = tokens.findIndex((t) => t.kind === 'ident' && t.text.toLowerCase() === 'offset');
  if (i <= 0 || tokens.some((t) => t.kind === 'ident' && t.text.toLowerCase() === 'limit')) return undefined;
  const at = tokens[i]!.offset;
  try {
    const ast = parseQuery(`${text.slice(0, at)}LIMIT 2147483647 ${text.slice(at)}`, { ignoreParseErrors: false });
    delete (ast as { limit?: number }).limit;
    if (findMixedLogic(tokens)) return undefined;
    return { ast, tokens };
  } catch {
    return undefined;
  }
}

/**
 * soql-parser-js 6.3.1 rejects a date function inside ROLLUP/CUBE (`GROUP BY
 * ROLLUP(CALENDAR_YEAR(CreatedDate))`), which Salesforce accepts (Ref p.41, "GROUP BY ROLLUP" with date
 * functions). Each call inside the ROLLUP/CUBE parentheses is replaced by a placeholder name, the query
 * parsed, and the placeholder swapped back for the call as the parser shapes it in a SELECT list.
 */
function withGroupingFunctionWorkaround(text: string, tokens: Token[]): Parsed | undefined {
  const calls: { start: number; end: number; text: string }[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const w = tokens[i]!;
    if (w.kind !== 'ident' || !/^(rollup|cube)$/i.test(w.text) || tokens[i + 1]!.text !== '(') continue;
    let depth = 0;
    for (let j = i + 1; j < tokens.length; j++) {
      const t = tokens[j]!;
      if (t.text === '(') depth++;
      else if (t.text === ')' && --depth === 0) break;
      else if (depth === 1 && t.kind === 'ident' && tokens[j + 1]?.text === '(') {
        // The whole call, up to its matching parenthesis.
        let d = 0;
        let k = j + 1;
        for (; k < tokens.length; k++) {
          if (tokens[k]!.text === '(') d++;
          else if (tokens[k]!.text === ')' && --d === 0) break;
        }
        if (k >= tokens.length) return undefined;
        const end = tokens[k]!.offset + 1;
        calls.push({ start: t.offset, end, text: text.slice(t.offset, end) });
        j = k;
      }
    }
  }
  // The parser also refuses a direction after `ORDER BY GROUPING(x)` (Ref p.42 orders by GROUPING):
  // GROUPING there is parsed as COUNT_DISTINCT, which takes ASC/DESC, and renamed back.
  const renamed: number[] = [];
  const order = tokens.findIndex((t, i) => t.kind === 'ident' && t.text.toLowerCase() === 'order' && tokens[i + 1]?.text.toLowerCase() === 'by');
  if (order >= 0) {
    for (let i = order + 2; i + 1 < tokens.length; i++) {
      if (tokens[i]!.kind === 'ident' && tokens[i]!.text.toLowerCase() === 'grouping' && tokens[i + 1]!.text === '(') renamed.push(tokens[i]!.offset);
    }
  }
  if (calls.length === 0 && renamed.length === 0) return undefined;
  const names = calls.map((_, i) => `mockforce_grouping_fn_${i}`);
  const edits = [
    ...calls.map((c, i) => ({ start: c.start, end: c.end, text: names[i]! })),
    ...renamed.map((start) => ({ start, end: start + 'GROUPING'.length, text: 'COUNT_DISTINCT' })),
  ].sort((x, y) => y.start - x.start);
  let rewritten = text;
  for (const e of edits) rewritten = rewritten.slice(0, e.start) + e.text + rewritten.slice(e.end);
  try {
    const ast = parseQuery(rewritten, { ignoreParseErrors: false });
    if (renamed.length) {
      const items = ast.orderBy ? (Array.isArray(ast.orderBy) ? ast.orderBy : [ast.orderBy]) : [];
      for (const item of items as { fn?: { functionName: string; rawValue?: string } }[]) {
        if (item.fn?.functionName.toUpperCase() === 'COUNT_DISTINCT' && /^COUNT_DISTINCT\(/i.test(item.fn.rawValue ?? '')) {
          item.fn.functionName = 'GROUPING';
          item.fn.rawValue = `GROUPING${item.fn.rawValue!.slice('COUNT_DISTINCT'.length)}`;
        }
      }
    }
    const fns = calls.map((c) => {
      const f = parseQuery(`SELECT ${c.text} FROM Case`, { ignoreParseErrors: false }).fields?.[0] as { type?: string; functionName?: string; parameters?: unknown[] } | undefined;
      if (f?.type !== 'FieldFunctionExpression') throw new Error('not a function call');
      return { functionName: f.functionName, parameters: f.parameters ?? [], rawValue: c.text };
    });
    const groups = ast.groupBy ? (Array.isArray(ast.groupBy) ? ast.groupBy : [ast.groupBy]) : [];
    for (const g of groups as { fn?: { parameters?: unknown[] } }[]) {
      if (!g.fn?.parameters) continue;
      g.fn.parameters = g.fn.parameters.map((p) => (typeof p === 'string' && names.includes(p) ? fns[names.indexOf(p)] : p));
    }
    if (findMixedLogic(tokens)) return undefined;
    return { ast, tokens };
  } catch {
    return undefined;
  }
}

const NOT_ALIASES = new Set(['where', 'with', 'group', 'order', 'limit', 'offset', 'for', 'update', 'using', 'having', 'and', 'or', 'not', 'by', 'bind']);

/**
 * The reference's alias notation for parent relationships, `SELECT count() FROM Contact c, c.Account a
 * WHERE a.Name = 'MyriadPubs'` (Ref "Using Relationship Queries"), is not in soql-parser-js 6.3.1's
 * grammar. Each extra `path alias` of the FROM list is dropped and `alias.` is spelled out as its path.
 */
function withRelationshipAliasWorkaround(text: string, tokens: Token[]): Parsed | undefined {
  let depth = 0;
  let from = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.text === '(') depth++;
    else if (t.text === ')') depth--;
    else if (depth === 0 && t.kind === 'ident' && t.text.toLowerCase() === 'from') {
      from = i;
      break;
    }
  }
  const alias = tokens[from + 2];
  if (from < 0 || tokens[from + 1]?.kind !== 'ident' || alias?.kind !== 'ident' || NOT_ALIASES.has(alias.text.toLowerCase()) || tokens[from + 3]?.text !== ',') return undefined;
  const paths = new Map<string, string>([[alias.text.toLowerCase(), alias.text]]);
  let j = from + 3;
  while (tokens[j]?.text === ',') {
    const path = tokens[j + 1];
    const name = tokens[j + 2];
    if (path?.kind !== 'ident' || name?.kind !== 'ident' || NOT_ALIASES.has(name.text.toLowerCase()) || name.text.includes('.')) return undefined;
    const [head, ...rest] = path.text.split('.');
    const base = paths.get(head!.toLowerCase());
    if (!base || rest.length === 0) return undefined;
    paths.set(name.text.toLowerCase(), [base, ...rest].join('.'));
    j += 3;
  }
  const cutStart = tokens[from + 3]!.offset;
  const cutEnd = tokens[j - 1]!.offset + tokens[j - 1]!.text.length;
  const edits: { start: number; end: number; text: string }[] = [{ start: cutStart, end: cutEnd, text: ' ' }];
  for (const t of tokens) {
    if (t.kind !== 'ident' || (t.offset >= cutStart && t.offset < cutEnd)) continue;
    const dot = t.text.indexOf('.');
    if (dot <= 0) continue;
    const head = t.text.slice(0, dot).toLowerCase();
    if (head === alias.text.toLowerCase() || !paths.has(head)) continue;
    edits.push({ start: t.offset, end: t.offset + dot, text: paths.get(head)! });
  }
  edits.sort((x, y) => y.start - x.start);
  let rewritten = text;
  for (const e of edits) rewritten = rewritten.slice(0, e.start) + e.text + rewritten.slice(e.end);
  try {
    const ast = parseQuery(rewritten, { ignoreParseErrors: false });
    if (findMixedLogic(tokens)) return undefined;
    return { ast, tokens };
  } catch {
    return undefined;
  }
}

/** Errors whose wording changed in API 61.0: the older error -> the 61.0+ one. */
const FROM_V61 = new WeakMap<SalesforceError, SalesforceError>();

/** The error as Salesforce words it in `apiVersion` (e.g. 59.0). */
export function errorForVersion(e: SalesforceError, apiVersion: number): SalesforceError {
  return (apiVersion >= 61 && FROM_V61.get(e)) || e;
}

/**
 * Salesforce's lexer error at `offset`: `line 1:19 no viable alternative at character ';'` before API
 * 61.0, `line 1:19 unexpected token: ';'` from 61.0 on (Summer '24, soql.md §2.15). Column 0-based.
 */
function lexerError(text: string, offset: number): SalesforceError {
  const ch = text[offset] ?? '<EOF>';
  const line = text.slice(0, offset).split('\n').length;
  const col = offset - (text.lastIndexOf('\n', offset - 1) + 1);
  const older = at('MALFORMED_QUERY', text, offset, `line ${line}:${col} no viable alternative at character '${ch}'`);
  FROM_V61.set(older, at('MALFORMED_QUERY', text, offset, `line ${line}:${col} ${msg.unexpected(ch)}`));
  return older;
}

/**
 * Characters outside string literals that Salesforce's SOQL lexer has no token for (checked against
 * its ANTLR grammar in @salesforce/soql-common 0.2.2: `; " # @ [ ] { } & | ^ \` ? % \ !`, curly quotes,
 * any non-ASCII letter or space). Returns the offset of the first one.
 */
function strayCharacter(tokens: Token[]): number | undefined {
  for (const t of tokens) {
    if (t.kind !== 'other') continue;
    const c = t.text[0]!;
    if (t.text === '!' || ';"#@[]{}&|^`?%\\'.includes(c) || c.charCodeAt(0) > 127) return t.offset;
  }
  return undefined;
}

/** `IN` or `NOT IN` starts at tokens[i]. */
function isInAt(tokens: Token[], i: number): boolean {
  const w = tokens[i]?.text.toLowerCase();
  return w === 'in' || (w === 'not' && tokens[i + 1]?.text.toLowerCase() === 'in');
}

function inWidth(tokens: Token[], i: number): number {
  return tokens[i]?.text.toLowerCase() === 'not' ? 2 : 1;
}

function syntaxError(text: string, tokens: Token[], e: unknown, logged: unknown[]): SalesforceError {
  // Apex bind variables (`:name`) reach the REST API verbatim; Salesforce rejects them outright.
  const bind = tokens.find((t, i) => t.kind === 'other' && t.text === ':' && tokens[i + 1]?.kind === 'ident' && !/_N_|N_[A-Z]+_AGO/i.test(tokens[i - 1]?.text ?? ''));
  if (bind) return at('MALFORMED_QUERY', text, bind.offset, 'Bind variables only allowed in Apex code');
  // `ALL ROWS` is Apex-only; over the API Salesforce stops at ALL (queryAll is the API's way).
  const all = tokens.findIndex((t, i) => t.kind === 'ident' && t.text.toLowerCase() === 'all' && tokens[i + 1]?.text.toLowerCase() === 'rows');
  if (all >= 0) return at('MALFORMED_QUERY', text, tokens[all]!.offset, msg.unexpected(tokens[all]!.text));
  // Summer '24 wordings (reference/soql.md §2.15): an empty IN list is quoted with its field
  // (`unexpected token: 'ParentId IN ()'`), an empty SELECT list as `'SELECT FROM'`; the caret is
  // on the token Salesforce's grammar stops at (`)`, `FROM`).
  const emptyIn = tokens.findIndex((t, i) => t.kind === 'ident' && isInAt(tokens, i + 1) && tokens[i + inWidth(tokens, i + 1) + 1]?.text === '(' && tokens[i + inWidth(tokens, i + 1) + 2]?.text === ')');
  if (emptyIn >= 0) {
    const close = tokens[emptyIn + inWidth(tokens, emptyIn + 1) + 2]!;
    return at('MALFORMED_QUERY', text, close.offset, msg.unexpected(text.slice(tokens[emptyIn]!.offset, close.offset + 1)));
  }
  if (tokens[0]?.text.toLowerCase() === 'select' && tokens[1]?.text.toLowerCase() === 'from') {
    return at('MALFORMED_QUERY', text, tokens[1].offset, msg.unexpected(text.slice(tokens[0].offset, tokens[1].offset + tokens[1].text.length)));
  }
  const err = (e ?? {}) as { name?: string; message?: string };
  const message = String(err.message ?? '');
  if (err.name === 'LexingError' || /unexpected character/.test(message)) {
    const m = /at offset: (\d+)/.exec(message);
    return lexerError(text, m ? Number(m[1]) : text.length);
  }
  const list = logged.flatMap((x) => (Array.isArray(x) ? x : [x])).filter((x): x is LoggedError => !!x && typeof x === 'object' && 'token' in x);
  const first = list[0];
  const tok = first?.token;
  const parsedTo = tok && typeof tok.startOffset === 'number' && !Number.isNaN(tok.startOffset) && tok.tokenType?.name !== 'EOF' ? tok.startOffset : undefined;
  // A character Salesforce's lexer has no token for (`;`, `#`, `"`, ...) fails before any later
  // syntax error; soql-parser-js lexes some of them and reports a parser error instead.
  const stray = strayCharacter(tokens);
  if (stray !== undefined && (parsedTo === undefined || stray <= parsedTo)) return lexerError(text, stray);
  if (parsedTo !== undefined) return at('MALFORMED_QUERY', text, parsedTo, msg.unexpected(tok!.image ?? ''));
  if (text.trim() === '') return new SalesforceError('MALFORMED_QUERY', 'unexpected token: \'<EOF>\'', 400);
  return at('MALFORMED_QUERY', text, text.length, msg.unexpected('<EOF>'));
}
