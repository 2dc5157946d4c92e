/**
 * Formula fields and default values from metadata, through the formula compiler (./formula.ts).
 * A formula field's `compute` reads the record's stored values (checkboxes as 0/1 become booleans)
 * and returns the stored form of the formula's `<type>`: numbers rounded to the field's scale, text
 * cut to 1300 characters (Salesforce's compiled-formula text limit), dates as YYYY-MM-DD.
 */
import type { FieldDef } from '../../schema/types.ts';
import { compileFormula, FormulaUnsupported, type FormulaValue } from './formula.ts';

/** Attach `compute` to `def`; returns why the formula is unsupported, or undefined when it compiles. */
export function attachFormula(def: FieldDef, src: string, all: readonly FieldDef[], blanksAsZero = false): string | undefined {
  const byLower = new Map(all.map((f) => [f.name.toLowerCase(), f]));
  let compiled;
  try {
    compiled = compileFormula(src, (n) => (n.toLowerCase() === def.name.toLowerCase() ? undefined : byLower.get(n.toLowerCase())?.name));
  } catch (err) {
    if (err instanceof FormulaUnsupported) return err.message;
    throw err;
  }
  def.compute = (value, today) => {
    const v = compiled({
      field: (n) => {
        const raw = value(n);
        const type = byLower.get(n.toLowerCase())?.type;
        if (type === 'boolean') return raw === null || raw === undefined ? null : raw === 1 || raw === true;
        if (blanksAsZero && (raw === null || raw === undefined) && (type === 'double' || type === 'currency' || type === 'percent' || type === 'int')) return 0;
        return raw === undefined ? null : (raw as FormulaValue);
      },
      today: () => today,
    });
    return toStored(def, v);
  };
  return undefined;
}

function toStored(def: FieldDef, v: FormulaValue): string | number | boolean | null {
  if (v === null) return null;
  switch (def.type) {
    case 'double':
    case 'currency':
    case 'percent': {
      const n = typeof v === 'number' ? v : Number(v);
      if (!Number.isFinite(n)) return null;
      const k = 10 ** (def.scale ?? 2);
      return Math.round(n * k) / k;
    }
    case 'boolean':
      return v === true;
    case 'date':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : null;
    case 'datetime':
      return typeof v === 'string' ? v : null;
    default:
      return String(v).slice(0, 1300);
  }
}

/** A `<defaultValue>` that is a constant expression, in the field's stored form; undefined otherwise. */
export function constantDefault(src: string, def: FieldDef): string | number | boolean | undefined {
  try {
    const v = compileFormula(src, () => undefined)({ field: () => null, today: () => '' });
    if (v === null || v === '') return undefined;
    const stored = toStored(def, v);
    return stored === null ? undefined : stored;
  } catch (err) {
    if (err instanceof FormulaUnsupported) return undefined;
    throw err;
  }
}
