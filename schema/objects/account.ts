import { auditFields, email, idField, isDeleted, nameStr, owner, phone, picklist, ref, str, textarea, bool } from '../field-builders.ts';
import type { ObjectDef } from '../types.ts';

/**
 * Account: the customer, as a person account (B2C). Person accounts carry FirstName/LastName and a
 * compound Name (reference/crmarena.md §2.2). RecordTypeId points at RecordType, which mockforce does
 * not model as an object: the field is a plain Id with no traversable relationship.
 */
export const Account: ObjectDef = {
  name: 'Account',
  label: 'Account',
  labelPlural: 'Accounts',
  keyPrefix: '001',
  custom: false,
  description: 'An entity, company, or individual your company does business with. In B2C setting, an account represents a customer.',
  createable: true,
  updateable: true,
  deletable: true,
  queryable: true,
  searchable: true,
  fields: [
    idField(),
    isDeleted(),
    nameStr('Name', 'Account Name', 255, { createable: false, updateable: false, derivedFrom: ['FirstName', 'LastName'] }),
    str('FirstName', 'First Name', 40, { search: ['name', 'text'], description: 'First name of the customer' }),
    str('LastName', 'Last Name', 80, { nillable: false, search: ['name', 'text'], description: 'Last name of the customer' }),
    str('Salutation', 'Salutation', 40),
    email('PersonEmail', 'Email', { description: 'Email of the customer' }),
    phone('Phone', 'Phone', { description: 'Phone number of the customer' }),
    ref('RecordTypeId', 'Record Type ID', 'RecordType', { relationshipName: undefined, description: "Record type ID, typically for 'Person Account'" }),
    bool('IsPersonAccount', 'Is Person Account', true, { createable: false, updateable: false }),
    picklist('Type', 'Account Type', ['Customer', 'Prospect', 'Other']),
    picklist('AccountSource', 'Account Source', ['Web', 'Phone Inquiry', 'In Store', 'Partner Referral', 'Other']),
    str('ShippingStreet', 'Shipping Street', 255),
    str('ShippingCity', 'Shipping City', 40, { description: 'Shipping city of the customer' }),
    str('ShippingState', 'Shipping State/Province', 80, { description: 'Shipping state of the customer (two-letter code); the region' }),
    str('ShippingPostalCode', 'Shipping Zip/Postal Code', 20),
    str('ShippingCountry', 'Shipping Country', 80),
    textarea('Description', 'Account Description', 32000),
    owner(),
    ...auditFields(),
  ],
};
