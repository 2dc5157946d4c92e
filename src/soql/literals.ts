/**
 * SOQL literal text -> values. String literals arrive raw from the parser (quotes and backslash
 * escapes included, reference/soql.md §1.5 item 4); escapes follow Ref p.5-6: \n \r \t \b \f \" \' \\
 * \uXXXX anywhere, \% and \_ only inside LIKE patterns, any other backslash is an error.
 */
import { SalesforceError } from '../errors/salesforce-error.ts';

const SIMPLE: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '"': '"', "'": "'", '\\': '\\' };

function illegal(raw: string, seq: string): SalesforceError {
  return new SalesforceError('MALFORMED_QUERY', `Invalid string literal '${raw}'. Illegal character sequence '${seq}' in string literal.`, 400);
}

/**
 * Decode a quoted SOQL string. With `like`, the result is a pattern for SQLite's `LIKE ... ESCAPE '!'`:
 * `\%` and `\_` become `!%` and `!_`, a literal `!` becomes `!!`. ('!' rather than a backslash so the
 * emitted SQL stays parseable by node-sql-parser, which checks it in tests.)
 */
export function decodeString(quoted: string, like = false): string {
  const body = quoted.startsWith("'") && quoted.endsWith("'") && quoted.length >= 2 ? quoted.slice(1, -1) : quoted;
  if (!body.includes('\\')) return like ? body.replace(/!/g, '!!') : body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      out += like && c === '!' ? '!!' : c;
      continue;
    }
    const n = body[i + 1];
    if (n === undefined) throw illegal(body, '\\');
    const lower = n.toLowerCase();
    if (like && (n === '%' || n === '_')) {
      out += '!' + n;
      i++;
    } else if (lower in SIMPLE) {
      out += SIMPLE[lower];
      i++;
    } else if (lower === 'u' && /^[0-9a-fA-F]{4}$/.test(body.slice(i + 2, i + 6))) {
      out += String.fromCharCode(parseInt(body.slice(i + 2, i + 6), 16));
      i += 5;
    } else {
      throw illegal(body, '\\' + n);
    }
  }
  return out;
}

/** Unicode-aware case folding used for Salesforce's case-insensitive comparisons (Ref: comparison operators). */
export function fold(s: string): string {
  return s.normalize('NFC').toLowerCase();
}

// eslint-disable-next-line no-control-regex
export const isAscii = (s: string): boolean => /^[\x00-\x7f]*$/.test(s);

/** `USD100.5` -> 100.5; plain numbers pass through. */
export function parseNumber(text: string): number {
  const m = /^([A-Za-z]{3})?(-?\d+(?:\.\d+)?)$/.exec(text.trim());
  return m ? Number(m[2]) : Number.NaN;
}
