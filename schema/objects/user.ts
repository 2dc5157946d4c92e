import { auditFields, bool, email, idField, nameStr, phone, picklist, ref, str } from '../field-builders.ts';
import type { ObjectDef } from '../types.ts';

const LOCALES = ['en_US', 'en_GB', 'es_MX', 'fr_CA'] as const;

/** User: the support agents (reference/crmarena.md §2.2). Users cannot be deleted in Salesforce: no IsDeleted. */
export const User: ObjectDef = {
  name: 'User',
  label: 'User',
  labelPlural: 'Users',
  keyPrefix: '005',
  custom: false,
  description: 'System user, often representing customer support agents',
  createable: true,
  updateable: true,
  deletable: false,
  queryable: true,
  searchable: true,
  fields: [
    idField(),
    str('Username', 'Username', 80, { nillable: false, unique: true, search: ['name', 'text'], description: 'Unique username for the agent in Salesforce' }),
    str('LastName', 'Last Name', 80, { nillable: false, search: ['name', 'text'], description: 'Last name of the agent' }),
    str('FirstName', 'First Name', 40, { search: ['name', 'text'], description: 'First name of the agent' }),
    nameStr('Name', 'Full Name', 121, { createable: false, updateable: false, derivedFrom: ['FirstName', 'LastName'] }),
    str('Alias', 'Alias', 8, { nillable: false, description: "Alias, usually a shortened version of the agent's name" }),
    email('Email', 'Email', { nillable: false, description: 'Email address of the agent' }),
    phone('Phone', 'Phone', { description: 'Phone number of the agent' }),
    str('Title', 'Title', 80),
    str('Department', 'Department', 80),
    str('CompanyName', 'Company Name', 80),
    bool('IsActive', 'Active', true),
    picklist('LanguageLocaleKey', 'Language', LOCALES, { nillable: false, restrictedPicklist: true, description: "Language locale key, e.g., 'en_US'" }),
    picklist('EmailEncodingKey', 'Email Encoding', ['UTF-8', 'ISO-8859-1'], { nillable: false, restrictedPicklist: true, description: "Email encoding key, usually 'UTF-8'" }),
    picklist('TimeZoneSidKey', 'Time Zone', ['America/Los_Angeles', 'America/Denver', 'America/Chicago', 'America/New_York', 'Europe/London', 'GMT'], { nillable: false, restrictedPicklist: true, description: "Time zone, e.g., 'America/Los_Angeles'" }),
    picklist('LocaleSidKey', 'Locale', LOCALES, { nillable: false, restrictedPicklist: true, description: "Locale, e.g., 'en_US'" }),
    picklist('UserType', 'User Type', ['Standard', 'AutomatedProcess'], { createable: false, updateable: false, default: 'Standard' }),
    ref('ManagerId', 'Manager ID', 'User', { relationshipName: 'Manager' }),
    ...auditFields(),
  ],
};
