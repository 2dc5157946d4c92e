/**
 * Python's `str()` of a value, because that is what CRMArena shows the model: ChatEnv and ToolEnv both
 * return `str(observation)` (reference/crmarena.md §8.2, §8.3), so a list of records reads
 * `[{'Id': '005...', 'IsActive': True, 'ClosedDate': None}]`, not JSON.
 *
 * JavaScript loses the int/float distinction Python keeps, so values a Python tool computes by
 * division are wrapped in `PyFloat` to print as `12.0`; numbers that came from JSON print as Python's
 * json module would have parsed them (integers as ints).
 */

/** A float that must print with Python's float repr (`60.0`, `1.5`, `1e+16`). */
export class PyFloat {
  constructor(readonly value: number) {}
  toJSON(): number {
    return this.value;
  }
}

/** A `collections.defaultdict(int)`: prints as `defaultdict(<class 'int'>, {...})`, like the benchmark's tools. */
export class PyDefaultDict {
  constructor(readonly entries: Record<string, unknown>) {}
  toJSON(): Record<string, unknown> {
    return this.entries;
  }
}

/** `repr()` of a Python str: single quotes unless the text holds a single quote and no double quote. */
export function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += '\\' + quote;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + quote;
}

/** Python's float repr: shortest round-trip digits, always with a `.0` or an exponent. */
export function pyFloatRepr(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return n.toFixed(1);
  const s = String(n);
  // JS writes 1e+21 / 1.5e-7; Python writes 1e+21 / 1.5e-07 (two-digit exponent at least).
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

/** `repr()` of a value as Python would hold it after json.loads (containers print their items' repr). */
export function pyRepr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'string') return pyStrRepr(v);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : pyFloatRepr(v);
  if (v instanceof PyFloat) return pyFloatRepr(v.value);
  if (v instanceof PyDefaultDict) return `defaultdict(<class 'int'>, ${pyRepr(v.entries)})`;
  if (Array.isArray(v)) return '[' + v.map(pyRepr).join(', ') + ']';
  if (typeof v === 'object') {
    return '{' + Object.entries(v as Record<string, unknown>).map(([k, x]) => `${pyStrRepr(k)}: ${pyRepr(x)}`).join(', ') + '}';
  }
  return pyStrRepr(String(v));
}

/** `str()`: like repr, except a top-level string prints bare. */
export function pyStr(v: unknown): string {
  return typeof v === 'string' ? v : pyRepr(v);
}

/** Python's `tuple(list)` repr, which the benchmark's tools paste into SOQL `IN` clauses. */
export function pyTupleRepr(items: unknown[]): string {
  if (items.length === 1) return `(${pyRepr(items[0])},)`;
  return '(' + items.map(pyRepr).join(', ') + ')';
}
