import { auditFields, autoNumber, bool, idField, isDeleted, ref } from '../field-builders.ts';
import type { ObjectDef } from '../types.ts';

/** ProductCategoryProduct: the junction between products and categories. Key prefix `0ZH` (unverified). */
export const ProductCategoryProduct: ObjectDef = {
  name: 'ProductCategoryProduct',
  label: 'Product Category Product',
  labelPlural: 'Product Category Products',
  keyPrefix: '0ZH',
  custom: false,
  description: 'Relation between product and product category.',
  createable: true,
  updateable: true,
  deletable: true,
  queryable: true,
  searchable: false,
  fields: [
    idField(),
    isDeleted(),
    autoNumber('Name', 'Name', { nameField: true, search: [], autoNumberFormat: { prefix: 'PCP-', width: 7 } }),
    ref('ProductCategoryId', 'Product Category ID', 'ProductCategory', { nillable: false, updateable: false, childRelationshipName: 'CategoryProducts', cascadeDelete: true, description: 'References ProductCategory object' }),
    ref('ProductId', 'Product ID', 'Product2', { relationshipName: 'Product', nillable: false, updateable: false, childRelationshipName: 'ProductCategoryProducts', cascadeDelete: true, description: 'References Product2 object' }),
    bool('IsPrimaryCategory', 'Is Primary Category', false),
    ...auditFields(),
  ],
};
