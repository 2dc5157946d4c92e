/**
 * One entry of describe's `fields[]`, derived from a schema/ FieldDef with every key a real v59
 * describe carries, in the same (alphabetical) order (reference/salesforce-api.md §5.3).
 */
import type { FieldDef, ObjectDef } from '../../schema/types.ts';
import { isIdLookup } from './id-lookup.ts';
import { soapType } from './soap-type.ts';

const TEXT = new Set(['string', 'textarea', 'picklist', 'multipicklist', 'email', 'phone', 'url', 'combobox']);
const SYSTEM_DEFAULTED = new Set(['Id', 'IsDeleted', 'CreatedDate', 'CreatedById', 'LastModifiedDate', 'LastModifiedById', 'SystemModstamp', 'OwnerId']);

export interface PicklistEntry {
  active: boolean;
  defaultValue: boolean;
  label: string;
  validFor: null;
  value: string;
}

export function describeField(obj: ObjectDef, f: FieldDef): Record<string, unknown> {
  const text = TEXT.has(f.type);
  const isRef = f.type === 'reference' || f.type === 'id';
  const length = isRef ? 18 : text ? f.length : 0;
  const numeric = f.type === 'double' || f.type === 'currency' || f.type === 'percent';
  const longText = f.type === 'textarea' && f.length > 255;
  const compound = obj.fields.find((o) => o.derivedFrom?.includes(f.name));
  const picklistValues: PicklistEntry[] = f.picklistValues.map((p) => ({
    active: true,
    defaultValue: p.default === true,
    label: p.label,
    validFor: null,
    value: p.value,
  }));
  return {
    aggregatable: !longText && f.type !== 'boolean' && f.type !== 'multipicklist' && f.type !== 'address',
    aiPredictionField: false,
    autoNumber: f.autoNumber,
    byteLength: text ? f.length * 3 : isRef ? 18 : 0,
    calculated: f.calculated,
    calculatedFormula: f.formula ?? null,
    cascadeDelete: f.cascadeDelete ?? false,
    caseSensitive: false,
    compoundFieldName: compound ? compound.name : null,
    controllerName: null,
    createable: f.createable,
    custom: f.custom,
    defaultValue: f.type === 'boolean' ? f.defaultValue === true : null,
    defaultValueFormula: null,
    defaultedOnCreate: f.defaultedOnCreate || f.autoNumber || f.type === 'boolean' || SYSTEM_DEFAULTED.has(f.name),
    dependentPicklist: false,
    deprecatedAndHidden: false,
    digits: f.type === 'int' ? (f.precision ?? 9) : 0,
    displayLocationInDecimal: false,
    encrypted: false,
    externalId: f.externalId,
    extraTypeInfo: f.type === 'textarea' ? (f.custom && f.length > 32000 ? 'richtextarea' : 'plaintextarea') : null,
    filterable: f.filterable,
    filteredLookupInfo: null,
    formulaTreatNullNumberAsZero: false,
    groupable: f.groupable,
    highScaleNumber: false,
    htmlFormatted: false,
    idLookup: isIdLookup(f),
    inlineHelpText: f.inlineHelpText ?? null,
    label: f.label,
    length,
    mask: null,
    maskType: null,
    name: f.name,
    nameField: f.nameField,
    namePointing: f.referenceTo.length > 1,
    nillable: f.nillable,
    permissionable: f.nillable && f.createable && !f.calculated,
    picklistValues,
    polymorphicForeignKey: f.referenceTo.length > 1,
    precision: numeric ? (f.precision ?? 18) : 0,
    queryByDistance: false,
    referenceTargetField: null,
    referenceTo: f.type === 'reference' ? [...f.referenceTo] : [],
    relationshipName: f.relationshipName ?? null,
    relationshipOrder: f.cascadeDelete && f.custom ? 0 : null,
    restrictedDelete: false,
    restrictedPicklist: f.restrictedPicklist,
    scale: numeric ? (f.scale ?? 0) : 0,
    searchPrefilterable: f.type === 'reference',
    soapType: soapType(f.type),
    sortable: f.sortable,
    type: f.type,
    unique: f.unique,
    updateable: f.updateable,
    writeRequiresMasterRead: false,
  };
}
