import { auditFields, email, idField, isDeleted, nameStr, owner, phone, ref, str } from '../field-builders.ts';
import type { ObjectDef } from '../types.ts';

export const Contact: ObjectDef = {
  name: 'Contact',
  label: 'Contact',
  labelPlural: 'Contacts',
  keyPrefix: '003',
  custom: false,
  description: 'Refers to an individual or party related to an account.',
  createable: true,
  updateable: true,
  deletable: true,
  queryable: true,
  searchable: true,
  fields: [
    idField(),
    isDeleted(),
    ref('AccountId', 'Account ID', 'Account', { childRelationshipName: 'Contacts', description: 'References Account object' }),
    str('LastName', 'Last Name', 80, { nillable: false, search: ['name', 'text'], description: 'Last name of the contact' }),
    str('FirstName', 'First Name', 40, { search: ['name', 'text'], description: 'First name of the contact' }),
    str('Salutation', 'Salutation', 40),
    nameStr('Name', 'Full Name', 121, { createable: false, updateable: false, derivedFrom: ['FirstName', 'LastName'] }),
    email('Email', 'Email', { description: 'Email address of the contact' }),
    phone('Phone', 'Business Phone'),
    phone('MobilePhone', 'Mobile Phone'),
    str('Title', 'Title', 128),
    str('MailingCity', 'Mailing City', 40),
    str('MailingState', 'Mailing State/Province', 80),
    owner(),
    ...auditFields(),
  ],
};
