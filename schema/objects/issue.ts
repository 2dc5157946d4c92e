import { auditFields, idField, isDeleted, nameStr, owner, textarea } from '../field-builders.ts';
import type { ObjectDef } from '../types.ts';

/** Issue__c: the type of problem a case is about. Key prefix a1M as in CRMArena's org. */
export const Issue__c: ObjectDef = {
  name: 'Issue__c',
  label: 'Issue',
  labelPlural: 'Issues',
  keyPrefix: 'a1M',
  custom: true,
  description: 'A type of problem raised by a customer.',
  createable: true,
  updateable: true,
  deletable: true,
  queryable: true,
  searchable: true,
  fields: [
    idField(),
    isDeleted(),
    nameStr('Name', 'Issue Name', 80, { nillable: false, description: 'Name of the issue' }),
    textarea('Description__c', 'Description', 32768, { description: 'Description of the issue' }),
    owner(),
    ...auditFields(),
  ],
};
