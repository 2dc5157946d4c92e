/**
 * A small formula compiler for the common subset of Salesforce formula syntax (Formula Operators and
 * Functions, Salesforce Help): arithmetic `+ - * / ^`, text concatenation `&` (and `+` on text),
 * comparisons `= == != <> < > <= >=`, `&& ||`, IF, ISBLANK, ISNULL, BLANKVALUE, NOT, AND, OR,
 * TODAY(), number/string/TRUE/FALSE/NULL literals and references to fields of the same record.
 * Anything else (cross-object paths, other functions) is a FormulaUnsupported naming it, so the
 * loader can warn once and the field reads as null.
 */
export type FormulaValue = string | number | boolean | null;
export interface FormulaContext {
  /** The stored value of field `name` (already case-resolved by the compiler). */
  field(name: string): FormulaValue;
  /** The org clock's date, YYYY-MM-DD. */
  today(): string;
}
export type CompiledFormula = (ctx: FormulaContext) => FormulaValue;

export class FormulaUnsupported extends Error {}

type Tok = { kind: 'num' | 'str' | 'id' | 'op' | 'end'; text: string; at: number };

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) i++;
    else if (src.startsWith('/*', i)) {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) throw new FormulaUnsupported('unterminated comment');
      i = end + 2;
    } else if (/[0-9.]/.test(c)) {
      const m = /^[0-9]*\.?[0-9]+|^[0-9]+\.?/.exec(src.slice(i))!;
      out.push({ kind: 'num', text: m[0], at: i });
      i += m[0].length;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      let s = '';
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\' && j + 1 < src.length) {
          const e = src[j + 1]!;
          s += e === 'n' ? '\n' : e === 't' ? '\t' : e;
          j += 2;
        } else s += src[j++];
      }
      if (j >= src.length) throw new FormulaUnsupported('unterminated string literal');
      out.push({ kind: 'str', text: s, at: i });
      i = j + 1;
    } else if (/[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z_$][A-Za-z0-9_$.]*/.exec(src.slice(i))!;
      out.push({ kind: 'id', text: m[0], at: i });
      i += m[0].length;
    } else {
      const two = src.slice(i, i + 2);
      const op = ['==', '!=', '<>', '<=', '>=', '&&', '||'].includes(two) ? two : c;
      if (!'+-*/^&=<>!(),'.includes(op[0]!) && op !== '||') throw new FormulaUnsupported(`unexpected character '${c}'`);
      out.push({ kind: 'op', text: op, at: i });
      i += op.length;
    }
  }
  out.push({ kind: 'end', text: '', at: src.length });
  return out;
}

const isBlank = (v: FormulaValue) => v === null || v === '';
const num = (v: FormulaValue): number | null => (v === null || v === '' ? null : typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : Number(v));
const DATE = /^\d{4}-\d{2}-\d{2}$/;
function addDays(d: string, n: number): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + Math.trunc(n));
  return t.toISOString().slice(0, 10);
}
const dayNumber = (d: string) => Date.parse(`${d.slice(0, 10)}T00:00:00Z`) / 86400000;

/**
 * Compile `src`. `resolveField` maps a name as written to the canonical same-object field name, or
 * undefined when there is no such field (then: FormulaUnsupported naming it).
 */
export function compileFormula(src: string, resolveField: (name: string) => string | undefined): CompiledFormula {
  const toks = tokenize(src);
  let p = 0;
  const peek = () => toks[p]!;
  const next = () => toks[p++]!;
  const expectOp = (t: string) => {
    const k = next();
    if (k.kind !== 'op' || k.text !== t) throw new FormulaUnsupported(`expected '${t}' at position ${k.at + 1}`);
  };
  const BIN: Record<string, number> = { '||': 1, '&&': 2, '=': 3, '==': 3, '!=': 3, '<>': 3, '<': 4, '>': 4, '<=': 4, '>=': 4, '+': 5, '-': 5, '&': 5, '*': 6, '/': 6, '^': 7 };

  const primary = (): CompiledFormula => {
    const t = next();
    if (t.kind === 'num') {
      const v = Number(t.text);
      return () => v;
    }
    if (t.kind === 'str') return () => t.text;
    if (t.kind === 'op' && t.text === '(') {
      const e = expr(0);
      expectOp(')');
      return e;
    }
    if (t.kind === 'op' && (t.text === '-' || t.text === '+' || t.text === '!')) {
      const e = expr(8);
      if (t.text === '!') return (c) => (e(c) === null ? null : !e(c));
      return t.text === '-' ? (c) => { const n = num(e(c)); return n === null ? null : -n; } : e;
    }
    if (t.kind === 'id') {
      const upper = t.text.toUpperCase();
      if (peek().kind === 'op' && peek().text === '(') {
        next();
        const args: CompiledFormula[] = [];
        if (!(peek().kind === 'op' && peek().text === ')')) {
          for (;;) {
            args.push(expr(0));
            if (peek().kind === 'op' && peek().text === ',') next();
            else break;
          }
        }
        expectOp(')');
        return call(upper, args);
      }
      if (upper === 'TRUE') return () => true;
      if (upper === 'FALSE') return () => false;
      if (upper === 'NULL') return () => null;
      if (t.text.includes('.') || t.text.startsWith('$')) throw new FormulaUnsupported(`cross-object or global reference '${t.text}'`);
      const name = resolveField(t.text);
      if (!name) throw new FormulaUnsupported(`unknown field '${t.text}'`);
      return (c) => c.field(name);
    }
    throw new FormulaUnsupported(`unexpected '${t.text || 'end of formula'}' at position ${t.at + 1}`);
  };

  const call = (fn: string, a: CompiledFormula[]): CompiledFormula => {
    const arity = (n: number) => {
      if (a.length !== n) throw new FormulaUnsupported(`${fn}() takes ${n} argument(s), got ${a.length}`);
    };
    switch (fn) {
      case 'IF':
        arity(3);
        return (c) => (a[0]!(c) === true ? a[1]!(c) : a[2]!(c));
      case 'ISBLANK':
      case 'ISNULL':
        arity(1);
        return (c) => isBlank(a[0]!(c));
      case 'BLANKVALUE':
        arity(2);
        return (c) => { const v = a[0]!(c); return isBlank(v) ? a[1]!(c) : v; };
      case 'NOT':
        arity(1);
        return (c) => { const v = a[0]!(c); return v === null ? null : !v; };
      case 'AND':
        return (c) => a.every((x) => x(c) === true);
      case 'OR':
        return (c) => a.some((x) => x(c) === true);
      case 'TODAY':
        arity(0);
        return (c) => c.today();
      default:
        throw new FormulaUnsupported(`function ${fn}()`);
    }
  };

  const binary = (op: string, l: CompiledFormula, r: CompiledFormula): CompiledFormula => {
    switch (op) {
      case '&':
        return (c) => String(l(c) ?? '') + String(r(c) ?? '');
      case '&&':
        return (c) => l(c) === true && r(c) === true;
      case '||':
        return (c) => l(c) === true || r(c) === true;
      case '=':
      case '==':
      case '!=':
      case '<>': {
        const neg = op === '!=' || op === '<>';
        return (c) => {
          const x = l(c);
          const y = r(c);
          if (x === null || y === null) return null;
          const eq = typeof x === 'number' || typeof y === 'number' ? num(x) === num(y) : x === y;
          return neg ? !eq : eq;
        };
      }
      case '<':
      case '>':
      case '<=':
      case '>=':
        return (c) => {
          const x = l(c);
          const y = r(c);
          if (x === null || y === null) return null;
          const [u, v] = typeof x === 'string' && typeof y === 'string' ? [x, y] : [num(x)!, num(y)!];
          return op === '<' ? u < v : op === '>' ? u > v : op === '<=' ? u <= v : u >= v;
        };
      default:
        return (c) => {
          const x = l(c);
          const y = r(c);
          if (x === null || y === null) return null;
          // Date arithmetic (Salesforce: date + number = date, date - date = days).
          if (typeof x === 'string' && DATE.test(x.slice(0, 10)) && (op === '+' || op === '-')) {
            if (typeof y === 'number') return addDays(x.slice(0, 10), op === '+' ? y : -y);
            if (op === '-' && typeof y === 'string' && DATE.test(y.slice(0, 10))) return dayNumber(x) - dayNumber(y);
          }
          if (op === '+' && typeof x === 'string' && typeof y === 'string') return x + y;
          const u = num(x);
          const v = num(y);
          if (u === null || v === null || Number.isNaN(u) || Number.isNaN(v)) return null;
          if (op === '+') return u + v;
          if (op === '-') return u - v;
          if (op === '*') return u * v;
          if (op === '^') return u ** v;
          return v === 0 ? null : u / v;
        };
    }
  };

  const expr = (min: number): CompiledFormula => {
    let left = primary();
    for (;;) {
      const t = peek();
      const prec = t.kind === 'op' ? BIN[t.text] : undefined;
      if (prec === undefined || prec < min) return left;
      next();
      // `^` is right-associative; the rest associate left.
      const right = expr(t.text === '^' ? prec : prec + 1);
      left = binary(t.text, left, right);
    }
  };

  const compiled = expr(0);
  if (peek().kind !== 'end') throw new FormulaUnsupported(`unexpected '${peek().text}' at position ${peek().at + 1}`);
  return compiled;
}
