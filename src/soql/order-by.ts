/**
 * ORDER BY keys. Salesforce defaults: ASC, nulls first for ASC and last for DESC (reference/soql.md
 * §2.9); text sorts by its upper-cased code points, so case-insensitively (Ref p.47, udf.ts
 * sf_sort_key); picklists sort in their defined order (Ref p.47).
 * Null placement is an explicit `(x IS NULL)` key so it never depends on SQLite defaults.
 */
import type { FieldDef } from '../../schema/types.ts';
import { TEXT_TYPES } from './filter.ts';
import { frag, val, type Frag } from './sql-fragment.ts';

export interface OrderItem {
  field?: string;
  fn?: { functionName: string; parameters?: unknown[]; rawValue?: string };
  order?: string;
  nulls?: string;
}

export function orderKey(x: string, field: FieldDef | undefined, item: OrderItem): Frag {
  const desc = (item.order ?? 'ASC').toUpperCase() === 'DESC';
  const nullsFirst = item.nulls ? item.nulls.toUpperCase() === 'FIRST' : !desc;
  const dir = desc ? ' DESC' : '';
  // SQLite already sorts NULL lowest (first for ASC, last for DESC), which is Salesforce's default; an
  // explicit null key is only needed when NULLS says otherwise (and it would stop index-ordered scans).
  const nullKey = nullsFirst === !desc ? '' : `(${x} IS NULL) ${nullsFirst ? 'DESC' : 'ASC'}, `;
  if (field && field.type === 'picklist' && field.picklistValues.length > 0) {
    const whens = field.picklistValues.map((_, i) => `WHEN ${x} = ? THEN ${i}`).join(' ');
    return frag(
      `${nullKey}CASE WHEN ${x} IS NULL THEN NULL ${whens} ELSE ${field.picklistValues.length} END${dir}, sf_sort_key(${x})${dir}`,
      ...field.picklistValues.map((p) => val(p.value)),
    );
  }
  if (field && TEXT_TYPES.has(field.type)) return frag(`${nullKey}sf_sort_key(${x})${dir}`);
  return frag(`${nullKey}${x}${dir}`);
}

export function orderItems(orderBy: unknown): OrderItem[] {
  if (!orderBy) return [];
  return (Array.isArray(orderBy) ? orderBy : [orderBy]) as OrderItem[];
}
