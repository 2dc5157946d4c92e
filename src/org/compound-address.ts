/**
 * Address compound fields (BillingAddress, MailingAddress, Lead.Address...): no column of their own,
 * the value is the record's component fields as one structured object, keys in the order Salesforce
 * returns them, and null when every component is null (API Guide, "Address Compound Fields";
 * Object Reference, "Compound Fields": the compound and its components map to the same data).
 */
import { ADDRESS_PARTS, type FieldDef, type ObjectDef } from '../../schema/types.ts';
import { toWire } from './values.ts';

/** [JSON key, component field name or undefined when the object lacks that component]. */
function parts(obj: ObjectDef, f: FieldDef): [string, FieldDef | undefined][] {
  const prefix = f.name.replace(/Address$/, '');
  return Object.entries(ADDRESS_PARTS).map(([key, suffix]) => {
    const name = prefix + suffix;
    return [key, f.derivedFrom?.includes(name) ? obj.fields.find((o) => o.name === name) : undefined];
  });
}

/** SQL for the compound value as JSON text (null when all components are null); `col` quotes a column. */
export function addressSql(obj: ObjectDef, f: FieldDef, col: (name: string) => string): string {
  const ps = parts(obj, f);
  const present = ps.filter(([, c]) => c).map(([, c]) => col(c!.name));
  if (present.length === 0) return 'NULL';
  const body = ps.map(([k, c]) => `'${k}', ${c ? col(c.name) : 'NULL'}`).join(', ');
  return `CASE WHEN COALESCE(${present.join(', ')}, NULL) IS NULL THEN NULL ELSE json_object(${body}) END`;
}

/** The compound value from a stored row (record GET), wire-typed components. */
export function addressFromRow(obj: ObjectDef, f: FieldDef, row: Record<string, unknown>): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  let any = false;
  for (const [k, c] of parts(obj, f)) {
    const v = c ? toWire(c, row[c.name]) : null;
    if (v !== null) any = true;
    out[k] = v;
  }
  return any ? out : null;
}

