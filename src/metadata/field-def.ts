/**
 * One CustomField element (a `.field-meta.xml` root, or a `<fields>` child of a `.object`) -> FieldDef,
 * with describe's conventions per type (Metadata API Developer Guide, CustomField and FieldType;
 * reference/salesforce-api.md §5.3): Number/Currency/Percent describe as double/currency/percent with
 * precision and scale, TextArea is a 255-character textarea, LongTextArea and Html are textareas of
 * their length (Html is `textarea` with extraTypeInfo richtextarea), Lookup/MasterDetail are
 * references whose parent relationship is the field name with `__r` and whose child relationship is
 * `<relationshipName>__r`. Formula fields (a `<formula>`) are calculated, read-only, typed by `<type>`.
 */
import {
  bool,
  currency,
  date,
  datetime,
  double,
  email,
  phone,
  picklist,
  ref,
  str,
  textarea,
  url,
  type FieldOptions,
} from '../../schema/field-builders.ts';
import type { FieldDef, FieldType } from '../../schema/types.ts';
import { MetadataError } from './metadata-error.ts';
import { child, childrenNamed, childText, type XmlElement } from './xml.ts';

/** A field read from metadata, before its formula (if any) is compiled against its object. */
export interface LoadedField {
  def: FieldDef;
  file: string;
  /** Metadata `<formula>` text when the field is a formula field. */
  formula?: string;
  /** `<formulaTreatBlanksAs>BlankAsZero</formulaTreatBlanksAs>`: blank number fields read as 0. */
  blanksAsZero?: boolean;
  /** Metadata `<defaultValue>` (a formula expression) for non-checkbox fields. */
  defaultFormula?: string;
}

const FORMULA_TYPES: Record<string, FieldType> = {
  Number: 'double',
  Currency: 'currency',
  Percent: 'percent',
  Text: 'string',
  Checkbox: 'boolean',
  Date: 'date',
  DateTime: 'datetime',
};

const flag = (el: XmlElement, name: string) => childText(el, name) === 'true';
function intOf(el: XmlElement, name: string, file: string, fallback?: number, field = childText(el, 'fullName') ?? '?'): number {
  const t = childText(el, name);
  if (t === undefined) {
    if (fallback !== undefined) return fallback;
    throw new MetadataError(file, `field ${field} has no <${name}>`);
  }
  const n = Number(t);
  if (!Number.isInteger(n) || n < 0) throw new MetadataError(file, `<${name}> of field ${field} must be a non-negative integer, got '${t}'`);
  return n;
}

/** Read `el` as field `name` (the canonical API name, ending in __c). */
export function readField(el: XmlElement, name: string, file: string): LoadedField {
  if (!/^[A-Za-z][A-Za-z0-9_]*__c$/.test(name)) throw new MetadataError(file, `custom field name '${name}' must be an API name ending in __c`);
  const type = childText(el, 'type');
  const formula = childText(el, 'formula');
  const common: FieldOptions = {
    label: childText(el, 'label') ?? name.slice(0, -3).replace(/_/g, ' '),
    custom: true,
    externalId: flag(el, 'externalId'),
    unique: flag(el, 'unique'),
    ...(childText(el, 'description') !== undefined ? { description: childText(el, 'description') } : {}),
    ...(childText(el, 'inlineHelpText') !== undefined ? { inlineHelpText: childText(el, 'inlineHelpText') } : {}),
  };
  if (flag(el, 'required')) common.nillable = false;
  const label = common.label!;

  if (formula !== undefined) {
    const t = FORMULA_TYPES[type ?? ''];
    if (!t) throw new MetadataError(file, `formula field ${name} has unsupported type '${type ?? '(none)'}' (known: ${Object.keys(FORMULA_TYPES).join(', ')})`);
    const numeric = t === 'double' || t === 'currency' || t === 'percent';
    const def = byType(t, name, label, {
      ...common,
      calculated: true,
      createable: false,
      updateable: false,
      nillable: true,
      // A formula value is computed, not stored in the org: Salesforce does not index formula fields
      // for search and does not GROUP BY them (from memory of Setup's "Searchable Fields" help and
      // describe results; not yet confirmed against a reference page).
      groupable: false,
      search: [],
      formula,
      ...(t === 'string' ? { length: 1300 } : {}),
      ...(numeric ? { precision: intOf(el, 'precision', file, 18, name), scale: intOf(el, 'scale', file, 2, name) } : {}),
    });
    return { def, file, formula, blanksAsZero: childText(el, 'formulaTreatBlanksAs') === 'BlankAsZero' };
  }

  const defaultValue = childText(el, 'defaultValue');
  let def: FieldDef;
  switch (type) {
    case 'Text':
      def = str(name, label, intOf(el, 'length', file, undefined, name), common);
      break;
    case 'TextArea':
      def = textarea(name, label, 255, common);
      break;
    case 'LongTextArea':
    case 'Html':
      def = textarea(name, label, intOf(el, 'length', file, undefined, name), common);
      break;
    case 'Number':
    case 'Currency':
    case 'Percent': {
      const opts = { ...common, precision: intOf(el, 'precision', file, 18, name), scale: intOf(el, 'scale', file, 0, name) };
      def = type === 'Number' ? double(name, label, opts) : type === 'Currency' ? currency(name, label, opts) : byType('percent', name, label, opts);
      break;
    }
    case 'Checkbox':
      // A checkbox is never null: default false unless <defaultValue>true</defaultValue>.
      def = bool(name, label, defaultValue === 'true', common);
      break;
    case 'Date':
      def = date(name, label, common);
      break;
    case 'DateTime':
      def = datetime(name, label, common);
      break;
    case 'Email':
      def = email(name, label, common);
      break;
    case 'Phone':
      def = phone(name, label, common);
      break;
    case 'Url':
      def = url(name, label, common);
      break;
    case 'Picklist':
    case 'MultiselectPicklist':
      def = readPicklist(el, name, label, type === 'MultiselectPicklist', common, file);
      break;
    case 'Lookup':
    case 'MasterDetail': {
      const target = childText(el, 'referenceTo');
      if (!target) throw new MetadataError(file, `${type} field ${name} has no <referenceTo>`);
      const childRel = childText(el, 'relationshipName');
      const master = type === 'MasterDetail';
      def = ref(name, label, target, {
        ...common,
        ...(childRel ? { childRelationshipName: `${childRel}__r` } : {}),
        // A detail always has a master; it is reparentable only when the metadata says so.
        ...(master ? { nillable: false, cascadeDelete: true, updateable: flag(el, 'reparentableMasterDetail') } : {}),
      });
      break;
    }
    default:
      throw new MetadataError(file, `field ${name} has unknown or unsupported type '${type ?? '(none)'}'`);
  }
  if (defaultValue !== undefined && type !== 'Checkbox' && !def.picklistValues.length) return { def, file, defaultFormula: defaultValue };
  return { def, file };
}

function byType(t: FieldType, name: string, label: string, opts: FieldOptions): FieldDef {
  switch (t) {
    case 'double':
      return double(name, label, opts);
    case 'currency':
      return currency(name, label, opts);
    case 'percent':
      return { ...double(name, label, opts), type: 'percent' };
    case 'boolean':
      return bool(name, label, false, { ...opts, defaultValue: undefined, defaultedOnCreate: false });
    case 'date':
      return date(name, label, opts);
    case 'datetime':
      return datetime(name, label, opts);
    default:
      return str(name, label, (opts.length as number | undefined) ?? 255, opts);
  }
}

function readPicklist(el: XmlElement, name: string, label: string, multi: boolean, common: FieldOptions, file: string): FieldDef {
  const valueSet = child(el, 'valueSet');
  if (!valueSet) throw new MetadataError(file, `picklist field ${name} has no <valueSet>`);
  if (child(valueSet, 'valueSetName')) throw new MetadataError(file, `picklist field ${name} uses a global value set (<valueSetName>), which is not supported`);
  const defn = child(valueSet, 'valueSetDefinition');
  const values = defn ? childrenNamed(defn, 'value') : [];
  if (!values.length) throw new MetadataError(file, `picklist field ${name} has no values in <valueSetDefinition>`);
  const names = values.map((v) => {
    const n = childText(v, 'fullName');
    if (!n) throw new MetadataError(file, `a value of picklist field ${name} has no <fullName>`);
    return n;
  });
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new MetadataError(file, `picklist field ${name} lists value '${dup}' twice`);
  const def = values.find((v) => childText(v, 'default') === 'true');
  const pl = picklist(name, label, names, {
    ...common,
    restrictedPicklist: flag(valueSet, 'restricted'),
    ...(def ? { default: childText(def, 'fullName')! } : {}),
  });
  pl.picklistValues = pl.picklistValues.map((p, i) => ({ ...p, label: childText(values[i]!, 'label') ?? p.value }));
  if (!multi) return pl;
  return { ...pl, type: 'multipicklist', length: 4099, groupable: false, sortable: false };
}
