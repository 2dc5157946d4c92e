/**
 * Salesforce's implementation restriction on article versions (Knowledge__kav, KnowledgeArticleVersion):
 * a query or search must filter with `Id = [single ID]`, `Id IN [list of ID's]` or
 * `PublishStatus = [status]`, and PublishStatus may appear only in a top-level AND condition
 * (reference/salesforce-api.md §4, kevinohara80/nforce#148). Checked on the raw WHERE text of a
 * RETURNING clause with a small tokenizer: only the top-level AND structure matters.
 */
import { SalesforceError } from '../errors/salesforce-error.ts';
import { searchMsg } from './sosl-errors.ts';

interface WTok {
  text: string;
  upper: string;
  kind: 'word' | 'string' | 'punct';
}

function tokenize(where: string): WTok[] {
  const out: WTok[] = [];
  let i = 0;
  while (i < where.length) {
    const c = where[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let j = i + 1;
      while (j < where.length && where[j] !== "'") j += where[j] === '\\' ? 2 : 1;
      out.push({ text: where.slice(i, j + 1), upper: '', kind: 'string' });
      i = j + 1;
    } else if (/[A-Za-z0-9_.]/.test(c)) {
      let j = i;
      while (j < where.length && /[A-Za-z0-9_.:\-]/.test(where[j]!)) j++;
      const text = where.slice(i, j);
      out.push({ text, upper: text.toUpperCase(), kind: 'word' });
      i = j;
    } else {
      const two = where.slice(i, i + 2);
      const op = ['!=', '<>', '<=', '>='].includes(two) ? two : c;
      out.push({ text: op, upper: op, kind: 'punct' });
      i += op.length;
    }
  }
  return out;
}

/** True when `where` satisfies the restriction; `where` undefined (no filter) never does. */
export function satisfiesArticleRestriction(where: string | undefined): boolean {
  if (!where) return false;
  const toks = tokenize(where);
  const conjuncts: WTok[][] = [[]];
  let depth = 0;
  let topLevelOr = false;
  for (const t of toks) {
    if (t.text === '(') depth++;
    else if (t.text === ')') depth--;
    if (depth === 0 && t.kind === 'word' && t.upper === 'AND') {
      conjuncts.push([]);
      continue;
    }
    if (depth === 0 && t.kind === 'word' && t.upper === 'OR') topLevelOr = true;
    conjuncts[conjuncts.length - 1]!.push(t);
  }
  const isField = (t: WTok | undefined, name: string): boolean => t?.kind === 'word' && t.upper === name.toUpperCase();
  let ok = false;
  for (const c of conjuncts) {
    const simpleStatus = c.length === 3 && isField(c[0], 'PublishStatus') && c[1]!.text === '=' && c[2]!.kind === 'string';
    const simpleId =
      (c.length === 3 && isField(c[0], 'Id') && c[1]!.text === '=' && c[2]!.kind === 'string') ||
      (c.length >= 4 && isField(c[0], 'Id') && c[1]!.upper === 'IN' && c[2]!.text === '(' && c[c.length - 1]!.text === ')');
    if (simpleStatus || simpleId) ok = true;
    else if (c.some((t) => isField(t, 'PublishStatus'))) return false; // PublishStatus outside a top-level AND term
  }
  return ok && !topLevelOr;
}

/** The restriction's error, worded as Salesforce words it for the object searched. */
export function articleRestrictionError(objectName: string): SalesforceError {
  return new SalesforceError('MALFORMED_QUERY', searchMsg.knowledgeRestriction(objectName), 400);
}
