/**
 * The clause-level tokens of a SOSL statement (outside the search braces): words, numbers, quoted
 * strings and punctuation, each with its offset for Salesforce's `ERROR at Row:Column` header.
 */
import { malformedSearch, mismatchedCharacter, searchMsg } from './sosl-errors.ts';

export interface Tok {
  kind: 'word' | 'number' | 'string' | 'punct' | 'eof';
  text: string;
  /** Upper-cased word, for keyword checks. */
  upper: string;
  offset: number;
  end: number;
}

const WORD_START = /[A-Za-z_]/;
const WORD_CHAR = /[A-Za-z0-9_.]/;

/** A cursor over the clause-level tokens of the SOSL text. */
export class Lexer {
  pos = 0;
  constructor(readonly src: string) {}

  skipSpace(): void {
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos]!)) this.pos++;
  }

  peek(): Tok {
    const save = this.pos;
    const t = this.next();
    this.pos = save;
    return t;
  }

  next(): Tok {
    this.skipSpace();
    const s = this.src;
    const start = this.pos;
    if (start >= s.length) return { kind: 'eof', text: '<EOF>', upper: '<EOF>', offset: start, end: start };
    const c = s[start]!;
    if (WORD_START.test(c)) {
      let i = start + 1;
      while (i < s.length && WORD_CHAR.test(s[i]!)) i++;
      this.pos = i;
      const text = s.slice(start, i);
      return { kind: 'word', text, upper: text.toUpperCase(), offset: start, end: i };
    }
    if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(s[start + 1] ?? ''))) {
      let i = start + 1;
      while (i < s.length && /[0-9A-Za-z_.]/.test(s[i]!)) i++;
      this.pos = i;
      const text = s.slice(start, i);
      return { kind: 'number', text, upper: text.toUpperCase(), offset: start, end: i };
    }
    if (c === "'" || c === '"') {
      let i = start + 1;
      let value = '';
      while (i < s.length && s[i] !== c) {
        if (s[i] === '\\' && i + 1 < s.length) {
          value += s[i + 1];
          i += 2;
        } else value += s[i++];
      }
      if (i >= s.length) throw mismatchedCharacter(s, s.length, c);
      this.pos = i + 1;
      return { kind: 'string', text: value, upper: value.toUpperCase(), offset: start, end: i + 1 };
    }
    this.pos = start + 1;
    return { kind: 'punct', text: c, upper: c, offset: start, end: start + 1 };
  }
}

/** A non-negative integer (LIMIT, OFFSET, target_length). */
export function readCount(lx: Lexer, text: string): number {
  const n = lx.next();
  if (n.kind !== 'number' || !/^\d+$/.test(n.text)) {
    throw malformedSearch(text, n.offset, searchMsg.unexpected(n.text));
  }
  const v = Number(n.text);
  if (!Number.isSafeInteger(v)) throw malformedSearch(text, n.offset, searchMsg.unexpected(n.text));
  return v;
}
