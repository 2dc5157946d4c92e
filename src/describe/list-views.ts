/**
 * The list views every object has in a new org, derived from schema/: "All <plural>" and, when the
 * object tracks views (LastViewedDate), "Recently Viewed <plural>" (REST API Developer Guide, "List
 * Views", "List View Describe", "List View Results"; reference/salesforce-api.md §5.10). Each has a
 * stable 00B Id, its columns (the name field and the first few plain fields, then the hidden Id and
 * audit columns Salesforce always adds) and the SOQL query Salesforce's describe reports, which the
 * results resource answers through the SOQL engine.
 */
import { OBJECTS } from '../../schema/index.ts';
import type { FieldDef, ObjectDef } from '../../schema/types.ts';
import { MOCK_POD, normalizeId, to18 } from '../org/ids.ts';

export interface ListViewColumn {
  ascendingLabel: string;
  descendingLabel: string;
  fieldNameOrPath: string;
  hidden: boolean;
  label: string;
  searchable: boolean;
  selectListItem: string;
  sortDirection: 'ascending' | 'descending' | null;
  sortIndex: number | null;
  sortable: boolean;
  type: string;
}

export interface ListViewDef {
  id: string;
  obj: ObjectDef;
  developerName: string;
  label: string;
  columns: ListViewColumn[];
  orderBy: { fieldNameOrPath: string; nullsPosition: 'first' | 'last'; sortDirection: 'ascending' | 'descending' }[];
  query: string;
  scope: string;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const HIDDEN = ['Id', 'CreatedDate', 'LastModifiedDate', 'SystemModstamp'];
const SKIP_TYPES = new Set(['id', 'reference', 'textarea', 'multipicklist']);
const VISIBLE_COLUMNS = 5;

/** A stable 18-char 00B Id from the object and view names (FNV-1a; the same in every org). */
function listViewId(objName: string, developerName: string): string {
  let h = 0x811c9dc5n;
  for (const ch of `${objName}.${developerName}`) {
    h ^= BigInt(ch.codePointAt(0)!);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  let counter = '';
  for (let i = 0; i < 10; i++) {
    counter += BASE62[Number(h % 62n)];
    h /= 62n;
  }
  return to18(`00B${MOCK_POD}${counter}`);
}

function sortLabels(f: FieldDef): [string, string] {
  if (f.type === 'int' || f.type === 'double' || f.type === 'currency' || f.type === 'percent') return ['Low to High', 'High to Low'];
  if (f.type === 'date' || f.type === 'datetime') return ['Old to New', 'New to Old'];
  if (f.type === 'boolean') return ['False to True', 'True to False'];
  return ['A-Z', 'Z-A'];
}

function column(f: FieldDef, hidden: boolean, sortIndex: number | null, dir: 'ascending' | 'descending' | null): ListViewColumn {
  const [ascendingLabel, descendingLabel] = sortLabels(f);
  return {
    ascendingLabel,
    descendingLabel,
    fieldNameOrPath: f.name,
    hidden,
    label: f.label,
    searchable: f.search.length > 0,
    selectListItem: f.name,
    sortDirection: dir,
    sortIndex,
    sortable: f.sortable,
    type: f.type,
  };
}

function pluralKey(obj: ObjectDef): string {
  return obj.labelPlural.replace(/[^A-Za-z0-9]/g, '');
}

function build(obj: ObjectDef, kind: 'all' | 'recent'): ListViewDef | undefined {
  const nameField = obj.fields.find((f) => f.nameField) ?? obj.fields.find((f) => f.name === 'Id')!;
  const byName = new Map(obj.fields.map((f) => [f.name, f]));
  if (kind === 'recent' && !byName.has('LastViewedDate')) return undefined;
  const sortField = kind === 'all' ? nameField : byName.get('LastViewedDate')!;
  const dir = kind === 'all' ? 'ascending' : 'descending';
  const visible = [nameField, ...obj.fields.filter((f) => f !== nameField && !f.nameField && !SKIP_TYPES.has(f.type) && !HIDDEN.includes(f.name) && f.name !== 'IsDeleted' && f.name !== 'LastViewedDate' && f.name !== 'LastReferencedDate' && !f.derivedFrom)].slice(0, VISIBLE_COLUMNS);
  const hidden = HIDDEN.map((n) => byName.get(n)).filter((f): f is FieldDef => f !== undefined && !visible.includes(f));
  const columns = [
    ...visible.map((f) => column(f, false, f === sortField ? 0 : null, f === sortField ? dir : null)),
    ...hidden.map((f) => column(f, true, null, null)),
  ];
  const select = columns.map((c) => c.fieldNameOrPath).join(', ');
  const developerName = kind === 'all' ? `All${pluralKey(obj)}` : `RecentlyViewed${pluralKey(obj)}`;
  const nulls = kind === 'all' ? 'first' : 'last';
  const order = `${sortField.name} ${dir === 'ascending' ? 'ASC' : 'DESC'} NULLS ${nulls.toUpperCase()}, Id ${dir === 'ascending' ? 'ASC' : 'DESC'} NULLS ${nulls.toUpperCase()}`;
  const where = kind === 'recent' ? ' WHERE LastViewedDate != NULL' : '';
  return {
    id: listViewId(obj.name, developerName),
    obj,
    developerName,
    label: kind === 'all' ? `All ${obj.labelPlural}` : `Recently Viewed ${obj.labelPlural}`,
    columns,
    orderBy: [
      { fieldNameOrPath: sortField.name, nullsPosition: nulls, sortDirection: dir },
      { fieldNameOrPath: 'Id', nullsPosition: nulls, sortDirection: dir },
    ],
    query: `SELECT ${select} FROM ${obj.name}${where} ORDER BY ${order}`,
    scope: kind === 'all' ? 'everything' : 'mru',
  };
}

/** The object's list views, "All" first. */
export function listViewsOf(obj: ObjectDef): ListViewDef[] {
  return [build(obj, 'all'), build(obj, 'recent')].filter((v): v is ListViewDef => v !== undefined);
}

/** The list view with this Id (15 or 18 chars) on `obj`, or undefined. */
export function findListView(obj: ObjectDef, id: string): ListViewDef | undefined {
  const id18 = normalizeId(id);
  return id18 ? listViewsOf(obj).find((v) => v.id === id18) : undefined;
}

/** The list view with this Id on any object (for `query?explain=<list view Id>`). */
export function findAnyListView(id: string): ListViewDef | undefined {
  const id18 = normalizeId(id);
  if (!id18?.startsWith('00B')) return undefined;
  for (const obj of OBJECTS) {
    const v = listViewsOf(obj).find((l) => l.id === id18);
    if (v) return v;
  }
  return undefined;
}

/** The entry of the `listviews` list for one view. */
export function listViewSummary(v: ListViewDef, apiVersion: string): Record<string, unknown> {
  const url = `/services/data/v${apiVersion}/sobjects/${v.obj.name}/listviews/${v.id}`;
  return { describeUrl: `${url}/describe`, developerName: v.developerName, id: v.id, label: v.label, resultsUrl: `${url}/results`, soqlCompatible: true, url };
}
