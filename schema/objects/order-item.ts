import { auditFields, autoNumber, currency, date, double, idField, isDeleted, ref, textarea } from '../field-builders.ts';
import type { ObjectDef } from '../types.ts';

/**
 * OrderItem: a line of an order. The lookup is `PricebookEntryId` as in Salesforce; CRMArena's
 * snapshot spells the column `PriceBookEntryId`, which the snapshot importer maps.
 * TotalPrice is Quantity x UnitPrice, computed by the org.
 */
export const OrderItem: ObjectDef = {
  name: 'OrderItem',
  label: 'Order Product',
  labelPlural: 'Order Products',
  keyPrefix: '802',
  custom: false,
  description: 'An order product that the company sells.',
  createable: true,
  updateable: true,
  deletable: true,
  queryable: true,
  searchable: false,
  fields: [
    idField(),
    isDeleted(),
    autoNumber('OrderItemNumber', 'Order Product Number', { nameField: true, search: [] }),
    ref('OrderId', 'Order ID', 'Order', { nillable: false, updateable: false, childRelationshipName: 'OrderItems', cascadeDelete: true, description: 'References Order object' }),
    ref('Product2Id', 'Product ID', 'Product2', { updateable: false, childRelationshipName: 'OrderItems', description: 'References Product2 object' }),
    ref('PricebookEntryId', 'Price Book Entry ID', 'PricebookEntry', { nillable: false, updateable: false, childRelationshipName: 'OrderItems', description: 'References PricebookEntry object' }),
    double('Quantity', 'Quantity', { nillable: false, description: 'Quantity of the product ordered' }),
    currency('UnitPrice', 'Unit Price', { nillable: false, description: 'Unit price of the product' }),
    currency('ListPrice', 'List Price', { createable: false, updateable: false }),
    currency('TotalPrice', 'Total Price', { createable: false, updateable: false, calculated: true }),
    date('ServiceDate', 'Start Date'),
    textarea('Description', 'Line Description', 255),
    ...auditFields(),
  ],
};
