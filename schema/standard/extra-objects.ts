/**
 * Standard objects absent from jsforce's generated schema (its org had Quotes and Enterprise Territory
 * Management off), written from the Object Reference field tables for Quote, QuoteLineItem, Territory2
 * and UserTerritory2Association, in the same raw form as catalogue-data.ts.
 */
import type { RawField, RawObject } from './catalogue-data.ts';

const audit = [
  ['CreatedDate', 'DateString', false],
  ['CreatedById', 'string', false, 'User'],
  ['LastModifiedDate', 'DateString', false],
  ['LastModifiedById', 'string', false, 'User'],
  ['SystemModstamp', 'DateString', false],
] as const;

/** One Quote address: Street, City, State, PostalCode, Country, Latitude, Longitude, GeocodeAccuracy, Name, then the compound. */
function quoteAddress(prefix: string): RawField[] {
  return [
    [`${prefix}Street`, 'string', true], [`${prefix}City`, 'string', true], [`${prefix}State`, 'string', true],
    [`${prefix}PostalCode`, 'string', true], [`${prefix}Country`, 'string', true], [`${prefix}Latitude`, 'number', true],
    [`${prefix}Longitude`, 'number', true], [`${prefix}GeocodeAccuracy`, 'string', true], [`${prefix}Name`, 'string', true],
    [`${prefix}Address`, 'Address', true],
  ];
}

export const EXTRA_RAW: Record<string, RawObject> = {
  Quote: {
    fields: [
      ['Id', 'string', false], ['OwnerId', 'string', false, 'Name'], ['IsDeleted', 'boolean', false], ['Name', 'string', false],
      ['RecordTypeId', 'string', true, 'RecordType'], ...audit, ['LastViewedDate', 'DateString', true], ['LastReferencedDate', 'DateString', true],
      ['OpportunityId', 'string', true, 'Opportunity'], ['Pricebook2Id', 'string', true, 'Pricebook2'], ['ContactId', 'string', true, 'Contact'],
      ['QuoteNumber', 'string', false], ['IsSyncing', 'boolean', false], ['ShippingHandling', 'number', true], ['Tax', 'number', true],
      ['Status', 'string', true], ['ExpirationDate', 'DateString', true], ['Description', 'string', true], ['Subtotal', 'number', true],
      ['TotalPrice', 'number', true], ['LineItemCount', 'number', true],
      // Four addresses (Bill To, Ship To, Quote To, Additional To), each its components, a Name and the
      // compound (Field Reference, Quote: BillingAddress/ShippingAddress/QuoteToAddress/AdditionalAddress).
      ...quoteAddress('Billing'), ...quoteAddress('Shipping'), ...quoteAddress('QuoteTo'), ...quoteAddress('Additional'),
      ['Email', 'string', true], ['Phone', 'string', true], ['Fax', 'string', true],
      ['Discount', 'number', true], ['GrandTotal', 'number', true], ['AccountId', 'string', true, 'Account'],
    ],
    children: [['QuoteLineItems', 'QuoteLineItem']],
  },
  QuoteLineItem: {
    fields: [
      ['Id', 'string', false], ['IsDeleted', 'boolean', false], ['LineNumber', 'string', false], ...audit,
      ['QuoteId', 'string', false, 'Quote'], ['PricebookEntryId', 'string', true, 'PricebookEntry'], ['OpportunityLineItemId', 'string', true],
      ['Quantity', 'number', false], ['UnitPrice', 'number', false], ['Discount', 'number', true], ['Description', 'string', true],
      ['ServiceDate', 'DateString', true], ['Product2Id', 'string', true, 'Product2'], ['SortOrder', 'number', true], ['ListPrice', 'number', true],
      ['Subtotal', 'number', true], ['TotalPrice', 'number', true],
    ],
    children: [],
  },
  Territory2: {
    fields: [
      ['Id', 'string', false], ['Name', 'string', false], ['Territory2TypeId', 'string', false], ['Territory2ModelId', 'string', false],
      ['ParentTerritory2Id', 'string', true, 'Territory2'], ['Description', 'string', true], ['ForecastUserId', 'string', true, 'User'],
      ['AccountAccessLevel', 'string', true], ['OpportunityAccessLevel', 'string', true], ['CaseAccessLevel', 'string', true],
      ['ContactAccessLevel', 'string', true], ['DeveloperName', 'string', false], ...audit,
    ],
    children: [['UserTerritory2Associations', 'UserTerritory2Association']],
  },
  UserTerritory2Association: {
    fields: [
      ['Id', 'string', false], ['UserId', 'string', false, 'User'], ['Territory2Id', 'string', false, 'Territory2'], ['IsActive', 'boolean', false],
      ['RoleInTerritory2', 'string', true], ['LastModifiedDate', 'DateString', false], ['LastModifiedById', 'string', false, 'User'],
      ['SystemModstamp', 'DateString', false],
    ],
    children: [],
  },
};

/**
 * Person-account fields of Account (Object Reference, "Account: Person Account fields"): the
 * contact-side fields a person account exposes with the `Person` prefix. jsforce's org had person
 * accounts off, so they are listed here; catalogue.ts appends them to Account.
 */
export const PERSON_ACCOUNT_FIELDS: RawObject['fields'] = [
  ['PersonContactId', 'string', true, 'Contact'], ['PersonMailingStreet', 'string', true], ['PersonMailingCity', 'string', true],
  ['PersonMailingState', 'string', true], ['PersonMailingPostalCode', 'string', true], ['PersonMailingCountry', 'string', true],
  ['PersonMailingLatitude', 'number', true], ['PersonMailingLongitude', 'number', true], ['PersonOtherStreet', 'string', true],
  ['PersonOtherCity', 'string', true], ['PersonOtherState', 'string', true], ['PersonOtherPostalCode', 'string', true],
  ['PersonOtherCountry', 'string', true], ['PersonMobilePhone', 'string', true], ['PersonHomePhone', 'string', true],
  ['PersonOtherPhone', 'string', true], ['PersonAssistantPhone', 'string', true], ['PersonAssistantName', 'string', true],
  ['PersonLeadSource', 'string', true], ['PersonBirthdate', 'DateString', true], ['PersonTitle', 'string', true],
  ['PersonDepartment', 'string', true], ['PersonHasOptedOutOfEmail', 'boolean', false], ['PersonHasOptedOutOfFax', 'boolean', false],
  ['PersonDoNotCall', 'boolean', false], ['PersonLastCURequestDate', 'DateString', true], ['PersonLastCUUpdateDate', 'DateString', true],
  ['PersonEmailBouncedReason', 'string', true], ['PersonEmailBouncedDate', 'DateString', true], ['PersonIndividualId', 'string', true],
  ['PersonPronouns', 'string', true], ['PersonGenderIdentity', 'string', true], ['MiddleName', 'string', true], ['Suffix', 'string', true],
];
