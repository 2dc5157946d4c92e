/**
 * Aliases Salesforce's grammar refuses and soql-parser-js 6.3.1 takes: `FROM Case BY WHERE ...` and
 * `COUNT(Id) BY` read `BY` as an alias, and `SELECT COUNT() c FROM Case` an alias on COUNT(). In
 * Salesforce's ANTLR grammar (@salesforce/soql-common 0.2.2, the tests' oracle) BY and BIND are
 * keywords that cannot name an alias, and COUNT() must be followed by FROM; found by running every
 * SOQL keyword in each alias position through both parsers (test/unit/soql-refused-aliases.test.ts).
 */
import type { Token } from './lexer.ts';

/** Keywords the grammar never takes as an alias but soql-parser-js does. */
const KEYWORDS_NOT_ALIASES = new Set(['by', 'bind']);

const lower = (t: Token | undefined) => (t?.kind === 'ident' ? t.text.toLowerCase() : undefined);

/** The first token sitting where the grammar refuses an alias, or undefined when there is none. */
export function refusedAlias(tokens: readonly Token[]): Token | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const word = lower(t);
    if (word === undefined) continue;
    // `SELECT COUNT ( ) x`: only FROM may follow COUNT() in a select list (it is the whole list).
    // Elsewhere (ORDER BY, HAVING) the binder already names COUNT() as the error.
    if (word === 'count' && lower(tokens[i - 1]) === 'select' && tokens[i + 1]?.text === '(' && tokens[i + 2]?.text === ')') {
      const next = tokens[i + 3];
      if (next?.kind === 'ident' && lower(next) !== 'from') return next;
      continue;
    }
    if (!KEYWORDS_NOT_ALIASES.has(word)) continue;
    const prev = tokens[i - 1];
    // An object alias: `FROM Obj BY`; a field alias: `COUNT(Id) BY`, `Name BY` (AS optional).
    const afterObject = lower(tokens[i - 2]) === 'from' && prev?.kind === 'ident';
    const afterExpr = prev?.text === ')' || lower(prev) === 'as';
    const keywordUse = word === 'by' && (lower(prev) === 'group' || lower(prev) === 'order');
    if (!keywordUse && (afterObject || afterExpr)) return t;
  }
  return undefined;
}
