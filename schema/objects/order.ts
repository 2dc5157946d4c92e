import { auditFields, autoNumber, currency, date, idField, isDeleted, owner, picklist, ref, str, textarea } from '../field-builders.ts';
import type { ObjectDef } from '../types.ts';

/** Order. Status is a restricted picklist in Salesforce (Draft / Activated). */
export const Order: ObjectDef = {
  name: 'Order',
  label: 'Order',
  labelPlural: 'Orders',
  keyPrefix: '801',
  custom: false,
  description: 'An order associated with a contract or an account.',
  createable: true,
  updateable: true,
  deletable: true,
  queryable: true,
  searchable: true,
  fields: [
    idField(),
    isDeleted(),
    autoNumber('OrderNumber', 'Order Number', { nameField: true }),
    ref('AccountId', 'Account ID', 'Account', { nillable: false, childRelationshipName: 'Orders', description: 'References Account object' }),
    ref('Pricebook2Id', 'Price Book ID', 'Pricebook2', { childRelationshipName: 'Orders', description: 'References Pricebook2 object' }),
    picklist('Status', 'Status', ['Draft', 'Activated'], { nillable: false, restrictedPicklist: true, default: 'Draft', description: "Status of the order, typically 'Draft' or 'Activated'" }),
    date('EffectiveDate', 'Order Start Date', { nillable: false, description: "Effective date of the order in 'YYYY-MM-DD' format" }),
    date('EndDate', 'Order End Date'),
    picklist('Type', 'Order Type', ['Online', 'In Store', 'Phone']),
    textarea('Description', 'Description', 32000),
    currency('TotalAmount', 'Order Amount', { createable: false, updateable: false }),
    str('ShippingCity', 'Shipping City', 40),
    str('ShippingState', 'Shipping State/Province', 80),
    owner(),
    ...auditFields(),
  ],
};
