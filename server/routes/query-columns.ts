/**
 * `GET /query?q=<soql>&columns=true`: the undocumented column-metadata answer `sf data query`
 * requests whenever a query returned rows (reference/salesforce-api.md §9, shape from
 * plugin-data's exemplars). Parent paths become a column with `joinColumns`, child subqueries an
 * `aggregate: true` column with `joinColumns`, functions `aggregate: true` columns named `exprN`
 * (or their alias) with the function text as displayName. The query itself is validated by the
 * SOQL engine first, so bad queries get the same errors as `/query`.
 */
import type { FieldType as ParsedField, Query } from '@jetstreamapp/soql-parser-js';
import { getChildRelationship, getField, getObject, getParentRelationship } from '../../schema/index.ts';
import type { FieldDef, ObjectDef } from '../../schema/types.ts';
import { parseQuery } from '../../src/soql/soql-parser.ts';
import { malformedQuery } from '../../src/errors/codes.ts';

export interface ColumnMetadata {
  aggregate: boolean;
  apexType: string | null;
  booleanType: boolean;
  columnName: string;
  custom: boolean;
  displayName: string;
  foreignKeyName: string | null;
  insertable: boolean;
  joinColumns: ColumnMetadata[];
  numberType: boolean;
  textType: boolean;
  updatable: boolean;
}

const APEX_TYPE: Record<string, string> = {
  id: 'Id', reference: 'Id', string: 'String', textarea: 'String', picklist: 'String', multipicklist: 'String', email: 'String',
  phone: 'String', url: 'String', boolean: 'Boolean', int: 'Integer', double: 'Double', percent: 'Double', currency: 'Decimal',
  date: 'Date', datetime: 'Datetime',
};
const NUMERIC = new Set(['int', 'double', 'percent', 'currency']);
const TEXT = new Set(['string', 'textarea', 'picklist', 'multipicklist', 'email', 'phone', 'url', 'combobox']);

function fieldColumn(f: FieldDef): ColumnMetadata {
  return {
    aggregate: false,
    apexType: APEX_TYPE[f.type] ?? null,
    booleanType: f.type === 'boolean',
    columnName: f.name,
    custom: f.custom,
    displayName: f.name,
    foreignKeyName: null,
    insertable: f.createable,
    joinColumns: [],
    numberType: NUMERIC.has(f.type),
    textType: TEXT.has(f.type),
    updatable: f.updateable,
  };
}

function container(name: string, aggregate: boolean, foreignKeyName: string | null): ColumnMetadata {
  return {
    aggregate, apexType: null, booleanType: false, columnName: name, custom: name.endsWith('__r'), displayName: name, foreignKeyName,
    insertable: false, joinColumns: [], numberType: false, textType: false, updatable: false,
  };
}

/** Add `path` (relationship names then a field) under `cols`, merging columns of the same parent. */
function addPath(cols: ColumnMetadata[], obj: ObjectDef | undefined, path: string[]): void {
  if (!obj) return;
  if (path.length === 1) {
    const f = getField(obj, path[0]!);
    if (f) cols.push(fieldColumn(f));
    return;
  }
  const lookup = getParentRelationship(obj, path[0]!);
  if (!lookup) return;
  const relName = lookup.relationshipName ?? path[0]!;
  let col = cols.find((c) => c.columnName === relName && c.foreignKeyName === lookup.name);
  if (!col) {
    col = container(relName, false, lookup.name);
    cols.push(col);
  }
  // Polymorphic lookups resolve to the first target for metadata purposes.
  addPath(col.joinColumns, getObject(lookup.referenceTo[0] ?? ''), path.slice(1));
}

function columnsOf(fields: ParsedField[] | undefined, obj: ObjectDef | undefined, counter: { n: number }): ColumnMetadata[] {
  const cols: ColumnMetadata[] = [];
  for (const f of fields ?? []) {
    switch (f.type) {
      case 'Field':
        addPath(cols, obj, [f.field]);
        break;
      case 'FieldRelationship':
        addPath(cols, obj, [...f.relationships, f.field]);
        break;
      case 'FieldFunctionExpression': {
        const fn = f.functionName.toLowerCase();
        const name = f.alias ?? `expr${counter.n++}`;
        cols.push({
          ...container(name, true, null),
          displayName: f.rawValue ?? `${f.functionName}()`,
          numberType: ['count', 'count_distinct', 'sum', 'avg'].includes(fn),
          ...(f.isAggregateFn === false ? { aggregate: false } : {}),
        });
        break;
      }
      case 'FieldSubquery': {
        const rel = obj ? getChildRelationship(obj, f.subquery.relationshipName) : undefined;
        const col = container(rel?.relationshipName ?? f.subquery.relationshipName, true, null);
        col.joinColumns = columnsOf(f.subquery.fields, getObject(rel?.childSObject ?? ''), { n: 0 });
        cols.push(col);
        break;
      }
      default:
        break;
    }
  }
  return cols;
}

export function columnMetadata(soql: string): Record<string, unknown> {
  let parsed: Query;
  try {
    parsed = parseQuery(soql);
  } catch {
    throw malformedQuery('unexpected token');
  }
  const obj = getObject(parsed.sObject ?? '');
  const counter = { n: 0 };
  const columnMetadata = columnsOf(parsed.fields, obj, counter);
  return {
    columnMetadata,
    entityName: obj?.name ?? parsed.sObject ?? null,
    groupBy: parsed.groupBy !== undefined,
    idSelected: (parsed.fields ?? []).some((f) => f.type === 'Field' && f.field.toLowerCase() === 'id'),
    keyPrefix: obj?.keyPrefix ?? null,
  };
}
