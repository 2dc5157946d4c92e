/**
 * JSON request bodies, parsed with Salesforce's error wording. Salesforce parses with Jackson, so a
 * malformed body answers 400 JSON_PARSER_ERROR with Jackson's message and position, e.g.
 * `Unexpected character ('j' (code 106)): was expecting a colon to separate field name and value at
 * [line:1, column:18]` (quoted from real responses in public client code). JSON.parse does the work;
 * only when it fails does a small scanner walk the text to find and describe the first error.
 */
import { jsonParserError } from '../src/errors/codes.ts';
import type { SalesforceError } from '../src/errors/salesforce-error.ts';

/** Parse a request body. Empty (or whitespace) bodies are `undefined`: handlers that need one say so. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  // Jackson refuses documents nested deeper than 1000 (StreamReadConstraints); so do we, before
  // anything recursive (JSON.parse, handlers) sees them. Only long bodies can be that deep.
  if (text.length > 2 * MAX_DEPTH) {
    const deep = tooDeepAt(text);
    if (deep !== undefined) throw jsonParserError(depthMessage(text, deep));
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw describeJsonError(text);
  }
  return value;
}

const MAX_DEPTH = 1000;

function depthMessage(text: string, pos: number): string {
  const lines = text.slice(0, pos + 1).split('\n');
  return `Document nesting depth (${MAX_DEPTH + 1}) exceeds the maximum allowed (${MAX_DEPTH}, from \`StreamReadConstraints.getMaxNestingDepth()\`) at [line:${lines.length}, column:${lines[lines.length - 1]!.length + 1}]`;
}

/** The offset of the bracket that opens level MAX_DEPTH + 1 (outside strings), if any. */
function tooDeepAt(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return undefined;
}

/** Salesforce's answer to a POST/PATCH without a body. */
export function missingBodyError(): SalesforceError {
  return jsonParserError('The HTTP entity body is required, but this request has no entity body.');
}

const VALUE_EXPECTED = "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')";

class Scanner {
  i = 0;
  constructor(readonly s: string) {}

  at(pos = this.i): string {
    const lines = this.s.slice(0, pos).split('\n');
    // Jackson reports the location after consuming the offending character, 1-based.
    return `[line:${lines.length}, column:${lines[lines.length - 1]!.length + 1}]`;
  }

  fail(what: string, pos = this.i): never {
    throw new Error(`${what} at ${this.at(Math.min(pos + 1, this.s.length))}`);
  }

  unexpected(expectation: string): never {
    if (this.i >= this.s.length) this.eof();
    const c = this.s[this.i]!;
    this.fail(`Unexpected character (${charDesc(c)}): ${expectation}`);
  }

  eof(): never {
    throw new Error(`Unexpected end-of-input within/between ${this.context.at(-1) ?? 'root'} entries at ${this.at(this.s.length)}`);
  }

  context: string[] = [];

  ws(): void {
    while (this.i < this.s.length && ' \t\r\n'.includes(this.s[this.i]!)) this.i++;
  }

  value(): void {
    this.ws();
    if (this.i >= this.s.length) {
      if (this.context.length === 0) throw new Error(`No content to map due to end-of-input at ${this.at(this.s.length)}`);
      this.eof();
    }
    const c = this.s[this.i]!;
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    if (/[A-Za-z]/.test(c)) return this.word();
    this.unexpected(`expected a valid value ${VALUE_EXPECTED}`);
  }

  word(): void {
    const m = /^[A-Za-z0-9_$]+/.exec(this.s.slice(this.i))![0];
    if (m === 'true' || m === 'false' || m === 'null') {
      this.i += m.length;
      return;
    }
    this.fail(`Unrecognized token '${m}': was expecting ${VALUE_EXPECTED}`, this.i + m.length - 1);
  }

  number(): void {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.s.slice(this.i));
    if (!m || m[0] === '-') {
      this.i += 1;
      this.unexpected('expected digit (0-9) to follow minus sign, for valid numeric value');
    }
    this.i += m[0].length;
  }

  string(): void {
    this.i++;
    while (this.i < this.s.length) {
      const c = this.s[this.i]!;
      if (c === '"') {
        this.i++;
        return;
      }
      if (c === '\\') {
        const e = this.s[this.i + 1];
        if (e === undefined) break;
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.s.slice(this.i + 2, this.i + 6))) {
            this.i += 2;
            this.unexpected('expected a hex-digit for character escape sequence');
          }
          this.i += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(e)) {
          this.i++;
          this.fail(`Unrecognized character escape ${charDesc(e)}`);
        }
        this.i += 2;
        continue;
      }
      if (c.charCodeAt(0) < 0x20) {
        this.fail(`Illegal unquoted character ((CTRL-CHAR, code ${c.charCodeAt(0)})): has to be escaped using backslash to be included in string value`);
      }
      this.i++;
    }
    throw new Error(`Unexpected end-of-input: was expecting closing quote for a string value at ${this.at(this.s.length)}`);
  }

  enter(kind: string): void {
    this.context.push(kind);
    if (this.context.length > MAX_DEPTH) throw new Error(depthMessage(this.s, this.i));
  }

  /**
   * `{...}` and `[...]` share one walk: open, then entries separated by commas up to the closing
   * bracket. They differ only in the bracket, Jackson's context name, and what an entry is.
   */
  container(context: 'OBJECT' | 'ARRAY', close: '}' | ']', entries: 'Object' | 'Array', entry: () => void): void {
    this.enter(context);
    this.i++;
    this.ws();
    if (this.s[this.i] === close) {
      this.i++;
      this.context.pop();
      return;
    }
    for (;;) {
      entry();
      this.ws();
      const c = this.s[this.i];
      if (c === ',') {
        this.i++;
        continue;
      }
      if (c === close) {
        this.i++;
        this.context.pop();
        return;
      }
      this.unexpected(`was expecting comma to separate ${entries} entries`);
    }
  }

  object(): void {
    this.container('OBJECT', '}', 'Object', () => this.field());
  }

  /** One `"name": value` entry of an object. */
  field(): void {
    this.ws();
    if (this.s[this.i] !== '"') this.unexpected('was expecting double-quote to start field name');
    this.string();
    this.ws();
    if (this.s[this.i] !== ':') this.unexpected('was expecting a colon to separate field name and value');
    this.i++;
    this.value();
  }

  array(): void {
    this.container('ARRAY', ']', 'Array', () => this.value());
  }
}

function charDesc(c: string): string {
  const code = c.codePointAt(0)!;
  if (code < 0x20) return `CTRL-CHAR, code ${code}`;
  return `'${c}' (code ${code})`;
}

/** The JSON_PARSER_ERROR for text JSON.parse rejected, worded the way Jackson words it. */
export function describeJsonError(text: string): SalesforceError {
  const sc = new Scanner(text);
  try {
    sc.value();
    sc.ws();
    if (sc.i < text.length) {
      sc.unexpected("expected end-of-input");
    }
  } catch (e) {
    return jsonParserError((e as Error).message);
  }
  // The scanner found nothing JSON.parse disliked (e.g. a lone surrogate): report generically.
  return jsonParserError(`Unexpected character: was expecting ${VALUE_EXPECTED} at ${sc.at(0)}`);
}
