/**
 * Page layouts and compact layouts, derived from schema/ (issue 11: "one section, the fields in
 * order"). Shapes are Salesforce's DescribeLayoutResult / DescribeCompactLayoutsResult as jsforce
 * types them (node_modules/jsforce/lib/types/common.d.ts) and the SOAP API reference describes
 * (describeLayout(): layouts, recordTypeMappings, recordTypeSelectorRequired; DescribeLayoutSection:
 * columns, heading, layoutRows, rows, tabOrder, useCollapsibleSection, useHeading; DescribeLayoutItem:
 * editableForNew, editableForUpdate, label, layoutComponents, placeholder, required). Every object has
 * the Master record type only (describe's MASTER_RECORD_TYPE_ID).
 */
import type { FieldDef, ObjectDef } from '../../schema/types.ts';
import { MOCK_POD, to18 } from '../org/ids.ts';
import { describeField } from './field-describe.ts';
import { MASTER_RECORD_TYPE_ID } from './sobject-describe.ts';

const COLUMNS = 2;
/** Fields a page layout never shows: they are internal or shown by the UI itself. */
const NOT_ON_LAYOUTS = new Set(['Id', 'IsDeleted', 'SystemModstamp', 'LastViewedDate', 'LastReferencedDate']);

/** A stable 00h (Layout) Id per object: the object's key prefix spelled into the counter. */
export function layoutId(obj: ObjectDef): string {
  return to18(`00h${MOCK_POD}${(obj.keyPrefix + '0000000').slice(0, 10)}`);
}

function isRequired(f: FieldDef): boolean {
  return f.createable && !f.nillable && !f.defaultedOnCreate && f.type !== 'boolean';
}

function layoutItem(obj: ObjectDef, f: FieldDef, tabOrder: number, edit: boolean): Record<string, unknown> {
  return {
    editableForNew: edit && f.createable,
    editableForUpdate: edit && f.updateable,
    label: f.label,
    layoutComponents: [{ details: describeField(obj, f), displayLines: f.type === 'textarea' ? 4 : 1, tabOrder, type: 'Field', value: f.name }],
    placeholder: false,
    required: edit && isRequired(f),
  };
}

function section(obj: ObjectDef, fields: FieldDef[], edit: boolean, heading: string): Record<string, unknown> {
  const layoutRows: Record<string, unknown>[] = [];
  for (let i = 0; i < fields.length; i += COLUMNS) {
    const items = fields.slice(i, i + COLUMNS).map((f, j) => layoutItem(obj, f, i + j + 1, edit));
    layoutRows.push({ layoutItems: items, numItems: items.length });
  }
  return {
    collapsed: false,
    columns: COLUMNS,
    heading,
    layoutRows,
    layoutSectionId: null,
    parentLayoutId: layoutId(obj),
    rows: layoutRows.length,
    tabOrder: 'LeftToRight',
    useCollapsibleSection: false,
    useHeading: true,
  };
}

function picklistsForRecordType(obj: ObjectDef): Record<string, unknown>[] {
  return obj.fields
    .filter((f) => f.type === 'picklist' || f.type === 'multipicklist')
    .map((f) => ({
      picklistName: f.name,
      picklistValues: f.picklistValues.map((p) => ({ active: true, defaultValue: p.default === true, label: p.label, validFor: null, value: p.value })),
    }));
}

export function describeLayout(obj: ObjectDef): Record<string, unknown> {
  const shown = obj.fields.filter((f) => !NOT_ON_LAYOUTS.has(f.name) && !f.derivedFrom);
  const editable = shown.filter((f) => f.createable || f.updateable);
  const heading = `${obj.label} Information`;
  return {
    buttonLayoutSection: { detailButtons: [] },
    detailLayoutSections: [section(obj, shown, false, heading)],
    editLayoutSections: [section(obj, editable, true, heading)],
    feedView: null,
    highlightsPanelLayoutSection: null,
    id: layoutId(obj),
    multirowEditLayoutSections: [],
    offlineLinks: [],
    quickActionList: { quickActionListItems: [] },
    relatedContent: null,
    relatedLists: [],
    saveOptions: [],
  };
}

/** `GET /sobjects/T/describe/layouts`. */
export function describeLayouts(obj: ObjectDef, apiVersion: string): Record<string, unknown> {
  return {
    layouts: [describeLayout(obj)],
    recordTypeMappings: [
      {
        active: true,
        available: true,
        defaultRecordTypeMapping: true,
        developerName: 'Master',
        layoutId: layoutId(obj),
        master: true,
        name: 'Master',
        picklistsForRecordType: picklistsForRecordType(obj),
        recordTypeId: MASTER_RECORD_TYPE_ID,
        urls: { layout: `/services/data/v${apiVersion}/sobjects/${obj.name}/describe/layouts/${MASTER_RECORD_TYPE_ID}` },
      },
    ],
    recordTypeSelectorRequired: [false],
  };
}

/** The object's one compact layout, Salesforce's "System Default" (name SYSTEM, no Id): the name field first. */
export function compactLayout(obj: ObjectDef): Record<string, unknown> {
  const name = obj.fields.find((f) => f.nameField);
  const rest = obj.fields.filter((f) => f !== name && !NOT_ON_LAYOUTS.has(f.name) && !f.derivedFrom && f.type !== 'textarea' && f.type !== 'reference');
  const fields = [...(name ? [name] : []), ...rest].slice(0, 4);
  return {
    actions: [],
    fieldItems: fields.map((f, i) => layoutItem(obj, f, i + 1, false)),
    id: null,
    imageItems: [],
    label: 'System Default',
    name: 'SYSTEM',
    objectType: obj.name,
  };
}

/** `GET /sobjects/T/describe/compactLayouts`. */
export function describeCompactLayouts(obj: ObjectDef, apiVersion: string): Record<string, unknown> {
  return {
    compactLayouts: [compactLayout(obj)],
    defaultCompactLayoutId: null,
    recordTypeCompactLayoutMappings: [
      {
        available: true,
        compactLayoutId: null,
        compactLayoutName: 'SYSTEM',
        recordTypeId: MASTER_RECORD_TYPE_ID,
        recordTypeName: 'Master',
        urls: { compactLayout: `/services/data/v${apiVersion}/sobjects/${obj.name}/describe/compactLayouts/${MASTER_RECORD_TYPE_ID}` },
      },
    ],
  };
}
