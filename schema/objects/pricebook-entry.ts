import { auditFields, bool, currency, idField, isDeleted, nameStr, ref, str } from '../field-builders.ts';
import type { ObjectDef } from '../types.ts';

/** PricebookEntry: a product's price in one price book. Name and ProductCode mirror the product. */
export const PricebookEntry: ObjectDef = {
  name: 'PricebookEntry',
  label: 'Price Book Entry',
  labelPlural: 'Price Book Entries',
  keyPrefix: '01u',
  custom: false,
  description: 'Association between a Pricebook2 and Product2.',
  createable: true,
  updateable: true,
  deletable: true,
  queryable: true,
  searchable: false,
  fields: [
    idField(),
    isDeleted(),
    nameStr('Name', 'Product Name', 255, { createable: false, updateable: false, search: [] }),
    ref('Pricebook2Id', 'Price Book ID', 'Pricebook2', { nillable: false, updateable: false, childRelationshipName: 'PricebookEntries', cascadeDelete: true, description: 'References Pricebook2 object' }),
    ref('Product2Id', 'Product ID', 'Product2', { nillable: false, updateable: false, childRelationshipName: 'PricebookEntries', cascadeDelete: true, description: 'References Product2 object' }),
    currency('UnitPrice', 'List Price', { nillable: false, description: 'Unit price of the product in this price book' }),
    bool('IsActive', 'Active', false),
    bool('UseStandardPrice', 'Use Standard Price', false),
    str('ProductCode', 'Product Code', 255, { createable: false, updateable: false, search: [] }),
    ...auditFields(),
  ],
};
