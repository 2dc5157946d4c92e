import { auditFields, bool, idField, isDeleted, nameStr, picklist, str, textarea } from '../field-builders.ts';
import type { ObjectDef } from '../types.ts';

export const PRODUCT_FAMILIES = ['Footwear', 'Apparel', 'Accessories'] as const;

export const Product2: ObjectDef = {
  name: 'Product2',
  label: 'Product',
  labelPlural: 'Products',
  keyPrefix: '01t',
  custom: false,
  description: 'A product that your company sells.',
  createable: true,
  updateable: true,
  deletable: true,
  queryable: true,
  searchable: true,
  fields: [
    idField(),
    isDeleted(),
    nameStr('Name', 'Product Name', 255, { nillable: false, description: 'Name of the product' }),
    str('ProductCode', 'Product Code', 255, { search: ['name', 'text'] }),
    // Product2.Description is a 4000-character text area that Salesforce still lets you filter on.
    textarea('Description', 'Product Description', 4000, { filterable: true, sortable: true, description: 'Description of the product' }),
    bool('IsActive', 'Active', false, { description: 'Boolean indicating whether the product is active' }),
    picklist('Family', 'Product Family', PRODUCT_FAMILIES),
    str('StockKeepingUnit', 'Product SKU', 180, { unique: true }),
    str('External_ID__c', 'External ID', 255, { externalId: true, unique: true, description: 'External ID for mapping purposes' }),
    ...auditFields(),
  ],
};
