import { auditFields, bool, idField, int, isDeleted, nameStr, ref, textarea } from '../field-builders.ts';
import type { ObjectDef } from '../types.ts';

/** ProductCategory (B2C Commerce). CatalogId points at ProductCatalog, which mockforce does not model. */
export const ProductCategory: ObjectDef = {
  name: 'ProductCategory',
  label: 'Product Category',
  labelPlural: 'Product Categories',
  keyPrefix: '0ZG',
  custom: false,
  description: 'The category that products are organized in.',
  createable: true,
  updateable: true,
  deletable: true,
  queryable: true,
  searchable: true,
  fields: [
    idField(),
    isDeleted(),
    nameStr('Name', 'Name', 255, { nillable: false, description: 'Name of the product category' }),
    ref('CatalogId', 'Catalog ID', 'ProductCatalog', { relationshipName: undefined, description: 'ID of the catalog this category belongs to' }),
    ref('ParentCategoryId', 'Parent Category ID', 'ProductCategory', { relationshipName: 'ParentCategory', childRelationshipName: 'ChildCategories' }),
    textarea('Description', 'Description', 1000),
    int('SortOrder', 'Sort Order'),
    bool('IsNavigational', 'Is Navigational', true),
    ...auditFields(),
  ],
};
