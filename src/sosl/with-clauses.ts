/**
 * The `WITH …` clauses Salesforce accepts in SOSL (SOQL and SOSL Reference: WITH DIVISION, WITH DATA
 * CATEGORY, WITH SNIPPET, WITH NETWORK, WITH PricebookId, WITH METADATA, WITH HIGHLIGHT,
 * WITH SPELL_CORRECTION; plus Apex's WITH USER_MODE/SYSTEM_MODE). Anything else is MALFORMED_SEARCH.
 */
import { Lexer, readCount, type Tok } from './clause-lexer.ts';
import type { DataCategoryFilter, SoslQuery } from './parse.ts';
import { malformedSearch, searchMsg } from './sosl-errors.ts';

/** One `WITH …` clause (Ref p.118–124). */
export function readWith(lx: Lexer, text: string, query: SoslQuery): void {
  const w = query.with;
  const kw = lx.next();
  const unexpected = (t: Tok): never => {
    throw malformedSearch(text, t.offset, searchMsg.unexpected(t.text));
  };
  const expectPunct = (p: string): Tok => {
    const t = lx.next();
    if (t.kind !== 'punct' || t.text !== p) unexpected(t);
    return t;
  };
  const expectString = (): Tok => {
    const t = lx.next();
    if (t.kind !== 'string') unexpected(t);
    return t;
  };
  if (kw.kind !== 'word') unexpected(kw);
  switch (kw.upper) {
    case 'DIVISION':
      expectPunct('=');
      w.division = expectString().text;
      return;
    case 'DATA': {
      const cat = lx.next();
      if (cat.kind !== 'word' || cat.upper !== 'CATEGORY') unexpected(cat);
      w.dataCategory = [];
      for (;;) {
        const group = lx.next();
        if (group.kind !== 'word') unexpected(group);
        const op = lx.next();
        if (op.kind !== 'word' || !['AT', 'ABOVE', 'BELOW', 'ABOVE_OR_BELOW'].includes(op.upper)) unexpected(op);
        const categories: string[] = [];
        const p = lx.peek();
        if (p.kind === 'punct' && p.text === '(') {
          lx.next();
          for (;;) {
            const c = lx.next();
            if (c.kind !== 'word') unexpected(c);
            categories.push(c.text);
            const sep = lx.next();
            if (sep.kind === 'punct' && sep.text === ')') break;
            if (!(sep.kind === 'punct' && sep.text === ',')) unexpected(sep);
          }
        } else {
          const c = lx.next();
          if (c.kind !== 'word') unexpected(c);
          categories.push(c.text);
        }
        w.dataCategory.push({ group: group.text, operator: op.upper as DataCategoryFilter['operator'], categories });
        // Only AND joins category filters; "Other operators, such as OR and AND NOT, are not supported."
        const and = lx.peek();
        if (and.kind === 'word' && and.upper === 'AND') {
          lx.next();
          continue;
        }
        break;
      }
      return;
    }
    case 'SNIPPET': {
      w.snippet = {};
      const p = lx.peek();
      if (p.kind === 'punct' && p.text === '(') {
        lx.next();
        const name = lx.next();
        if (name.kind !== 'word' || name.upper !== 'TARGET_LENGTH') unexpected(name);
        expectPunct('=');
        const n = readCount(lx, text);
        w.snippet.targetLength = n;
        expectPunct(')');
      }
      return;
    }
    case 'NETWORK': {
      const op = lx.next();
      if (op.kind === 'punct' && op.text === '=') w.network = [expectString().text];
      else if (op.kind === 'word' && op.upper === 'IN') {
        expectPunct('(');
        w.network = [];
        for (;;) {
          w.network.push(expectString().text);
          const sep = lx.next();
          if (sep.kind === 'punct' && sep.text === ')') break;
          if (!(sep.kind === 'punct' && sep.text === ',')) unexpected(sep);
        }
      } else unexpected(op);
      return;
    }
    case 'PRICEBOOKID': {
      expectPunct('=');
      const v = expectString();
      w.pricebookId = { value: v.text, offset: v.offset };
      return;
    }
    case 'METADATA': {
      expectPunct('=');
      const v = expectString();
      if (v.upper !== 'LABELS') unexpected(v);
      w.metadata = 'LABELS';
      return;
    }
    case 'HIGHLIGHT':
      w.highlight = true;
      return;
    case 'SPELL_CORRECTION': {
      expectPunct('=');
      const v = lx.next();
      if (v.kind !== 'word' || (v.upper !== 'TRUE' && v.upper !== 'FALSE')) unexpected(v);
      w.spellCorrection = v.upper === 'TRUE';
      return;
    }
    case 'USER_MODE':
    case 'SYSTEM_MODE':
      w.userMode = kw.upper;
      return;
    default:
      unexpected(kw);
  }
}
