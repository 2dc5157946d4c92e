/**
 * soql-parser-js returns WHERE/HAVING as a right-leaning linked list with parenthesis counters, not a
 * tree (reference/soql.md §1.5 item 6). Rebuild a tree; mixing AND/OR at one level was already
 * rejected on the token stream (lexer.findMixedLogic) with Salesforce's position.
 */
export type BoolTree<C> = { and: BoolTree<C>[] } | { or: BoolTree<C>[] } | { not: BoolTree<C> } | { cond: C };

type Tok<C> = { t: '(' | ')' | 'NOT' | 'AND' | 'OR' } | { t: 'cond'; c: C };

interface ListNode {
  left?: unknown;
  operator?: string;
  right?: ListNode;
}

function isCondition(left: unknown): boolean {
  return !!left && typeof left === 'object' && ('field' in left || 'fn' in left);
}

function flatten<C>(where: ListNode): Tok<C>[] {
  const out: Tok<C>[] = [];
  for (let node: ListNode | undefined = where; node; node = node.right) {
    const left = node.left as ({ openParen?: number; closeParen?: number } & Record<string, unknown>) | null | undefined;
    if (left && left.openParen) for (let i = 0; i < left.openParen; i++) out.push({ t: '(' });
    if (node.operator === 'NOT' && !isCondition(left)) {
      out.push({ t: 'NOT' });
    } else if (left) {
      out.push({ t: 'cond', c: left as unknown as C });
      if (left.closeParen) for (let i = 0; i < left.closeParen; i++) out.push({ t: ')' });
      if (node.operator === 'AND' || node.operator === 'OR') out.push({ t: node.operator });
      else if (node.operator === 'NOT') out.push({ t: 'NOT' });
    }
  }
  return out;
}

export class TreeError extends Error {}

export function buildTree<C>(where: unknown): BoolTree<C> {
  const tokens = flatten<C>(where as ListNode);
  let i = 0;
  const primary = (): BoolTree<C> => {
    const tk = tokens[i];
    if (!tk) throw new TreeError('<EOF>');
    if (tk.t === 'NOT') {
      i++;
      return { not: primary() };
    }
    if (tk.t === '(') {
      i++;
      const e = expr();
      if (tokens[i]?.t !== ')') throw new TreeError(tokens[i]?.t ?? '<EOF>');
      i++;
      return e;
    }
    if (tk.t === 'cond') {
      i++;
      return { cond: tk.c };
    }
    throw new TreeError(tk.t);
  };
  const expr = (): BoolTree<C> => {
    const items = [primary()];
    let op: 'AND' | 'OR' | undefined;
    while (tokens[i] && (tokens[i]!.t === 'AND' || tokens[i]!.t === 'OR')) {
      const t = tokens[i]!.t as 'AND' | 'OR';
      if (op && t !== op) throw new TreeError(t);
      op = t;
      i++;
      items.push(primary());
    }
    if (!op) return items[0]!;
    return op === 'AND' ? { and: items } : { or: items };
  };
  const e = expr();
  if (i !== tokens.length) throw new TreeError(tokens[i]!.t);
  return e;
}
