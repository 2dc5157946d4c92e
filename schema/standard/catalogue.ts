/**
 * The standard catalogue as ObjectDefs: each object's raw field list (catalogue-data.ts, a real
 * org's field names; extra-objects.ts for the objects jsforce's org lacked) through inferField, with
 * the hand corrections of overrides.ts and the required fields below. Child relationships come from
 * the same real org: the parent's ChildRelationships name the field on the child that points back.
 */
import type { FieldDef, ObjectDef } from '../types.ts';
import { RAW_CATALOGUE, type RawObject } from './catalogue-data.ts';
import { EXTRA_RAW, PERSON_ACCOUNT_FIELDS } from './extra-objects.ts';
import { inferField } from './infer-field.ts';
import { CATALOGUE_OBJECTS } from './objects-list.ts';
import { OVERRIDES } from './overrides.ts';

/**
 * Fields a create must set (describe: createable, not nillable, not defaultedOnCreate), per the
 * Object Reference: "Required. ..." in each field's Properties.
 */
const REQUIRED: Record<string, readonly string[]> = {
  Account: ['Name'],
  Contact: ['LastName'],
  Lead: ['LastName', 'Company'],
  Opportunity: ['Name', 'StageName', 'CloseDate'],
  OpportunityLineItem: ['OpportunityId', 'Quantity'],
  OpportunityContactRole: ['OpportunityId', 'ContactId'],
  Contract: ['AccountId'],
  Campaign: ['Name'],
  CampaignMember: ['CampaignId'],
  Asset: ['Name'],
  Quote: ['Name', 'OpportunityId'],
  QuoteLineItem: ['QuoteId', 'Quantity', 'UnitPrice', 'PricebookEntryId'],
  Profile: ['Name'],
  UserRole: ['Name'],
  Group: ['Name'],
  Territory2: ['Name', 'DeveloperName', 'Territory2TypeId', 'Territory2ModelId'],
  UserTerritory2Association: ['UserId', 'Territory2Id'],
  Event: ['DurationInMinutes', 'ActivityDateTime'],
};

export const RAW: Record<string, RawObject> = {
  ...RAW_CATALOGUE,
  ...EXTRA_RAW,
  Account: { ...RAW_CATALOGUE.Account!, fields: [...RAW_CATALOGUE.Account!.fields, ...PERSON_ACCOUNT_FIELDS] },
  // ExpectedRevenue (Object Reference, Opportunity: "Read-only field that is equal to the product of
  // the opportunity Amount field and the Probability") is missing from jsforce's dev-org schema; a real
  // org describes it right after Probability.
  Opportunity: { ...RAW_CATALOGUE.Opportunity!, fields: RAW_CATALOGUE.Opportunity!.fields.flatMap((f) => (f[0] === 'Probability' ? [f, ['ExpectedRevenue', 'number', true] as const] : [f])) },
};
const known = (name: string) => name in RAW;

/** `${child}.${field}` → the relationship name the parent sees the child by. */
function childNames(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [parent, raw] of Object.entries(RAW)) {
    for (const [rel, child] of raw.children) {
      const fields = RAW[child]?.fields ?? [];
      const pointing = fields.filter((f) => f[3] === parent);
      const field = pointing.find((f) => f[0] === `${parent}Id`) ?? (pointing.length === 1 ? pointing[0] : undefined);
      if (field && !out.has(`${child}.${field[0]}`)) out.set(`${child}.${field[0]}`, rel);
    }
  }
  // Activities: a real org's `Tasks`/`Events` of an Account, Opportunity, Contact... are the activities
  // whose What (or Who) is that record, not those with a derived AccountId (Object Reference, Task:
  // "AccountId ... the account associated with the WhatId or WhoId"; read-only, no child relationship).
  for (const [child, rel] of [['Task', 'Tasks'], ['Event', 'Events']] as const) {
    out.delete(`${child}.AccountId`);
    out.set(`${child}.WhatId`, rel);
    out.set(`${child}.WhoId`, rel);
  }
  return out;
}

function buildObject(name: string, children: Map<string, string>): ObjectDef | undefined {
  const meta = CATALOGUE_OBJECTS.find((o) => o.name === name)!;
  const raw = RAW[name];
  if (!raw) return undefined;
  const overrides = new Map((OVERRIDES[name] ?? []).map((f) => [f.name, f]));
  const required = new Set(REQUIRED[name] ?? []);
  const fields: FieldDef[] = [];
  for (const row of raw.fields) {
    const inferred = overrides.get(row[0]) ?? inferField(row, known);
    if (!inferred) continue;
    const f: FieldDef = { ...inferred };
    if (required.has(f.name)) Object.assign(f, { nillable: false, defaultedOnCreate: false, createable: true });
    const child = children.get(`${name}.${f.name}`);
    if (child && f.type === 'reference' && f.relationshipName) f.childRelationshipName = child;
    fields.push(f);
  }
  // An address compound keeps only the components this object has (its raw list may lack Geocode*).
  for (const f of fields) {
    if (f.type === 'address') f.derivedFrom = f.derivedFrom!.filter((c) => fields.some((o) => o.name === c));
  }
  if (!fields.some((f) => f.nameField)) {
    // Activities are named by Subject; junction and history objects without a name have Id as their
    // name field (as describe reports for OpportunityHistory).
    const nameField = fields.find((f) => f.name === 'Name') ?? fields.find((f) => f.name === 'Subject') ?? fields.find((f) => /Number$/.test(f.name) && f.type === 'string');
    if (nameField) Object.assign(nameField, { nameField: true, search: ['name', 'text'] });
    else fields[0]!.nameField = true;
  }
  const readOnly = meta.readOnly ?? false;
  return {
    name,
    label: meta.label,
    labelPlural: meta.labelPlural,
    keyPrefix: meta.keyPrefix,
    custom: false,
    description: meta.description,
    fields,
    createable: !readOnly,
    updateable: !readOnly,
    deletable: !readOnly && (meta.deletable ?? true),
    queryable: true,
    searchable: fields.some((f) => f.search.length > 0),
  };
}

/** Every catalogue object, in CATALOGUE_OBJECTS order. */
export function buildCatalogue(): ObjectDef[] {
  const children = childNames();
  return CATALOGUE_OBJECTS.map((o) => buildObject(o.name, children)).filter((o): o is ObjectDef => o !== undefined);
}
