/**
 * Turns one raw catalogue row (a real org's field name, TS type and nullability from jsforce's
 * standard-schema.d.ts) into a FieldDef by Salesforce's naming conventions. The conventions are the
 * Object Reference's: `...Date` fields are dates except the audit/system timestamps, `Phone`/`Fax`
 * are phone (40), `Email` email (80), `Website` url, address parts have the address lengths
 * (Street textarea 255, City 40, State 80, PostalCode 20, Country 80), Latitude/Longitude double(18,15),
 * Description long text. Exact types for the fields clients use most are in overrides.ts.
 */
import { auditFields, base, bool, currency, date, datetime, double, email, idField, int, isDeleted, phone, ref, str, textarea, url } from '../field-builders.ts';
import { ADDRESS_PARTS, type FieldDef, type SearchGroup } from '../types.ts';
import type { RawField } from './catalogue-data.ts';

/** Timestamps whose names end in `Date` but are datetimes in a real org's describe. */
const DATETIME_NAMES = new Set([
  'CreatedDate', 'LastModifiedDate', 'SystemModstamp', 'LastViewedDate', 'LastReferencedDate', 'EmailBouncedDate',
  'ClosedDate', 'LastLoginDate', 'LastPasswordChangeDate', 'LastCURequestDate', 'LastCUUpdateDate', 'ActivatedDate',
  'CompanySignedDate', 'CustomerSignedDate', 'FirstPublishedDate', 'LastPublishedDate', 'ArchivedDate', 'MessageDate',
  'FirstRespondedDate', 'LastStatusChangeDate', 'OfflinePdaTrialExpirationDate', 'CompletedDateTime',
]);
const CURRENCY_NAMES = new Set(['Amount', 'ExpectedRevenue', 'AnnualRevenue', 'UnitPrice', 'ListPrice', 'TotalPrice', 'Subtotal', 'GrandTotal', 'TotalAmount', 'BudgetedCost', 'ActualCost', 'ExpectedRevenue', 'AmountAllOpportunities', 'AmountWonOpportunities', 'Price', 'ShippingHandling', 'Tax', 'TotalPriceWithTax']);
const INT_NAMES = new Set(['NumberOfEmployees', 'NumberOfLeads', 'NumberOfConvertedLeads', 'NumberOfContacts', 'NumberOfResponses', 'NumberOfOpportunities', 'NumberOfWonOpportunities', 'HierarchyNumberOfLeads', 'DurationInMinutes', 'ContractTerm', 'FiscalQuarter', 'FiscalYear', 'RecurrenceInterval', 'RecurrenceDayOfMonth', 'RecurrenceDayOfWeekMask', 'CallDurationInSeconds', 'VersionNumber', 'ArticleTotalViewCount', 'SortOrder']);
/**
 * jsforce's schema types polymorphic lookups as `Name`; their targets per the Object Reference
 * (Task/Event: "WhoId ... a Lead or a Contact", "WhatId ... nonhuman objects such as accounts,
 * opportunities, campaigns, cases, or custom objects"; Relationship name Who / What). Who/What are
 * traversable through the polymorphic Name object (src/soql/polymorphic.ts); the others keep a plain Id.
 */
export const POLYMORPHIC: Record<string, string[]> = {
  WhoId: ['Contact', 'Lead'],
  WhatId: ['Account', 'Asset', 'Campaign', 'Case', 'Contract', 'Opportunity', 'Order', 'Product2', 'Quote'],
  RelatedToId: ['Account', 'Asset', 'Campaign', 'Case', 'Contract', 'Opportunity', 'Order', 'Product2', 'Quote'],
  LeadOrContactOwnerId: ['User', 'Group'],
  AssignedToId: ['User', 'Group'],
  DelegatedApproverId: ['User', 'Group'],
  RelatedId: ['User', 'Group', 'UserRole', 'Territory2'],
  SourceId: ['Case', 'Contact', 'Lead'],
};

/**
 * Lookups jsforce's schema lists without a parent reference, and their targets (Object Reference).
 * Any other `...Id` without a parent is a plain string there (JigsawContactId, ExternalId...).
 */
const ID_TARGETS: Record<string, string[]> = {
  ParentRoleId: ['UserRole'],
  ForecastUserId: ['User'],
  PortalAccountId: ['Account'],
  PortalAccountOwnerId: ['User'],
  BusinessProcessId: ['BusinessProcess'],
  CallCenterId: ['CallCenter'],
  PersonIndividualId: ['Individual'],
  LeadOrContactId: ['Contact', 'Lead'],
  RecurrenceActivityId: ['Task', 'Event'],
  ActivityId: ['Task'],
  OpportunityLineItemId: ['OpportunityLineItem'],
  Territory2TypeId: ['Territory2Type'],
  Territory2ModelId: ['Territory2Model'],
};

/** Polymorphic lookups with a relationship (Object Reference, Task/Event: Relationship name Who, What). */
const POLYMORPHIC_RELATIONSHIPS: Record<string, string> = { WhoId: 'Who', WhatId: 'What' };

/**
 * Owners jsforce's schema types as `Name` (Case, Lead, Order, Knowledge__kav...): a User or a queue
 * (Group), as a real org describes OwnerId there (`referenceTo: ["Group","User"]`,
 * `polymorphicForeignKey: true`, reference/salesforce-api.md §5.3).
 */
export const POLYMORPHIC_OWNER = ['Group', 'User'];

/** Fields that hold system state: not writable through the API. */
const SYSTEM_NAMES = new Set([
  'IsDeleted', 'MasterRecordId', 'LastActivityDate', 'LastViewedDate', 'LastReferencedDate', 'IsConverted', 'ConvertedDate',
  'ConvertedAccountId', 'ConvertedContactId', 'ConvertedOpportunityId', 'IsClosed', 'IsWon', 'ForecastCategory',
  'HasOpportunityLineItem', 'FiscalQuarter', 'FiscalYear', 'Fiscal', 'HasOpenActivity', 'HasOverdueTask',
  'PhotoUrl', 'Jigsaw', 'JigsawContactId', 'JigsawCompanyId', 'IsPersonAccount', 'IsArchived', 'IsHighPriority',
  'IsRecurrence', 'IsGroupEvent', 'ExpectedRevenue', 'LineItemCount', 'Subtotal', 'GrandTotal', 'QuoteNumber', 'ContractNumber', 'LineNumber', 'IsSyncing', 'GroupEventType', 'IsChild', 'IsClosed', 'IsPrivate', 'CompletedDateTime',
]);

export function isSystemName(name: string): boolean {
  return SYSTEM_NAMES.has(name) || name.startsWith('Permissions');
}

/** The audit fields in the builders' form, so every object's audit fields describe alike. */
const AUDIT = new Map(auditFields().map((f) => [f.name, f]));

/** A FieldDef for a raw row, or undefined for compound fields (Address, Location) mockforce does not model. */
export function inferField(raw: RawField, known: (obj: string) => boolean): FieldDef | undefined {
  const [name, ts, nullable, parent] = raw;
  // Compound address: read-only, not filterable/groupable/sortable, no column (Object Reference,
  // Compound Field Considerations and Limitations); catalogue.ts keeps the components that exist.
  if (ts === 'Address') {
    const prefix = name.replace(/Address$/, '');
    return {
      ...base(name, 'address', labelOf(name), { createable: false, updateable: false, filterable: false, groupable: false, sortable: false }),
      derivedFrom: Object.values(ADDRESS_PARTS).map((p) => prefix + p),
    };
  }
  if (name === 'Id') return idField();
  if (name === 'IsDeleted') return isDeleted();
  const audit = AUDIT.get(name);
  if (audit) return { ...audit };
  const system = isSystemName(name);
  const sys = system ? { createable: false, updateable: false } : {};
  // A non-null field the org fills (ForecastCategory, Status...) is defaulted, not required: the
  // required ones are named in overrides.ts.
  const nn = nullable ? {} : { nillable: false, defaultedOnCreate: true };
  if (ts === 'boolean') return bool(name, labelOf(name), false, sys);
  if (ts === 'DateString') {
    const isDate = /Date$/.test(name) && !DATETIME_NAMES.has(name);
    return isDate ? date(name, labelOf(name), { ...nn, ...sys }) : datetime(name, labelOf(name), { ...nn, ...sys });
  }
  if (ts === 'number') {
    if (name === 'Latitude' || name === 'Longitude' || name.endsWith('Latitude') || name.endsWith('Longitude')) {
      return double(name, labelOf(name), { precision: 18, scale: 15, ...nn, ...sys });
    }
    if (CURRENCY_NAMES.has(name)) return currency(name, labelOf(name), { ...nn, ...sys });
    if (INT_NAMES.has(name)) return int(name, labelOf(name), { ...nn, ...sys });
    return double(name, labelOf(name), { ...nn, ...sys });
  }
  if (!parent && name.endsWith('Id') && !(name in ID_TARGETS) && !(name in POLYMORPHIC)) return stringField(name, { ...nn, ...sys });
  if (parent || name in ID_TARGETS || name in POLYMORPHIC) {
    // `Name` is jsforce's polymorphic parent (WhoId, WhatId, OwnerId): Who/What/Owner traverse the
    // polymorphic Name object; the others keep a plain Id.
    if (parent === 'Name' && name === 'OwnerId') {
      return ref(name, labelOf(name), [...POLYMORPHIC_OWNER], { ...nn, ...sys, relationshipName: 'Owner', defaultedOnCreate: true });
    }
    if (name in POLYMORPHIC_RELATIONSHIPS) {
      return ref(name, labelOf(name), [...POLYMORPHIC[name]!], { ...nn, ...sys, relationshipName: POLYMORPHIC_RELATIONSHIPS[name] });
    }
    const single = ID_TARGETS[name]?.length === 1 ? ID_TARGETS[name]![0] : undefined;
    const target = parent === 'Name' ? (name === 'OwnerId' ? 'User' : undefined) : (parent ?? single);
    if (target && known(target)) {
      return ref(name, labelOf(name), target, { ...nn, ...sys, ...(name === 'OwnerId' ? { relationshipName: 'Owner', defaultedOnCreate: true } : {}) });
    }
    const to = target ?? ID_TARGETS[name] ?? POLYMORPHIC[name]!;
    return ref(name, labelOf(name), to, { relationshipName: undefined, ...nn, ...sys });
  }
  return stringField(name, { ...nn, ...sys });
}

function stringField(name: string, opts: Partial<FieldDef>): FieldDef {
  const label = labelOf(name);
  if (/(^|[a-z])(Phone|Fax)$/.test(name)) return phone(name, label, opts);
  if (/Email$/.test(name)) return email(name, label, opts);
  if (name === 'Website' || name.endsWith('Url')) return url(name, label, opts);
  if (name.endsWith('Street')) return textarea(name, label, 255, opts);
  if (name.endsWith('City')) return str(name, label, 40, opts);
  if (name.endsWith('PostalCode')) return str(name, label, 20, opts);
  if (name.endsWith('State') || name.endsWith('Country')) return str(name, label, 80, opts);
  if (name.endsWith('StateCode') || name.endsWith('CountryCode')) return str(name, label, 10, opts);
  if (name === 'Description' || name.endsWith('Description')) return textarea(name, label, 32000, opts);
  const search: SearchGroup[] = name === 'Name' ? ['name', 'text'] : ['text'];
  return str(name, label, 255, { search, ...opts });
}

/** `BillingPostalCode` → `Billing Postal Code`; `AccountId` → `Account ID` (describe's convention). */
export function labelOf(name: string): string {
  return name
    .replace(/__c$/, '')
    .replace(/Id$/, ' ID')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .trim();
}
