/**
 * Records on the wire (reference/salesforce-api.md §3.3, §5.4): `attributes` first, then fields in
 * schema order with canonical names, null for empty values, datetimes as `...000+0000`.
 */
import type { FieldDef, ObjectDef } from '../../schema/types.ts';
import { toWire } from '../../src/org/values.ts';
import { addressFromRow } from '../../src/org/compound-address.ts';
import type { Row } from '../../src/org/record-store.ts';

export function recordUrl(apiVersion: string, objectName: string, id: string): string {
  return `/services/data/v${apiVersion}/sobjects/${objectName}/${id}`;
}

export function recordToWire(obj: ObjectDef, row: Row, apiVersion: string, fields: readonly FieldDef[] = obj.fields): Record<string, unknown> {
  const out: Record<string, unknown> = { attributes: { type: obj.name, url: recordUrl(apiVersion, obj.name, String(row.Id)) } };
  for (const f of fields) out[f.name] = f.type === 'address' ? addressFromRow(obj, f, row) : toWire(f, row[f.name]);
  return out;
}
