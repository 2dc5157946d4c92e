/**
 * `json.loads` as Python does it, for what the model is shown: a JSON number written with a fraction
 * or an exponent (`15000.0`, `9.9213206E7`, as Salesforce writes doubles and currency,
 * reference/salesforce-api.md §3.4) becomes a Python float and prints as one (`15000.0`), while
 * `JSON.parse` would turn it into an integer-looking 15000. Such numbers are returned as PyFloat.
 */
import { PyFloat } from './python-repr.ts';

const MARK = '\u0000pyfloat';

export function parseJsonPythonFloats(text: string): unknown {
  let out = '';
  let i = 0;
  let last = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === '"') {
      // Skip the string, escapes included.
      i++;
      while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
      continue;
    }
    if (c === '-' || (c >= '0' && c <= '9')) {
      const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
      if (m && (m[1] || m[2])) {
        out += text.slice(last, i) + `{"\\u0000pyfloat":"${m[0]}"}`;
        i += m[0].length;
        last = i;
        continue;
      }
      i += m ? m[0].length : 1;
      continue;
    }
    i++;
  }
  out += text.slice(last);
  return JSON.parse(out, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const raw = (v as Record<string, unknown>)[MARK];
      if (typeof raw === 'string' && Object.keys(v).length === 1) return new PyFloat(Number(raw));
    }
    return v;
  });
}
