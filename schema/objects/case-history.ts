import { auditFields, autoNumber, idField, isDeleted, owner, picklist, ref } from '../field-builders.ts';
import type { ObjectDef } from '../types.ts';

export const CASE_HISTORY_EVENTS = ['Case Creation', 'Owner Assignment', 'Case Closed'] as const;

/**
 * CaseHistory__c: CRMArena's custom log of case events. Old/New values are User lookups on
 * 'Owner Assignment' rows and null otherwise (reference/crmarena.md §2.2). Relationship names follow
 * the `__r` rule: `CaseId__r`, `OldValue__r`, `NewValue__r`; a Case sees its rows as `CaseHistories__r`.
 */
export const CaseHistory__c: ObjectDef = {
  name: 'CaseHistory__c',
  label: 'Case History',
  labelPlural: 'Case Histories',
  keyPrefix: 'a1N',
  custom: true,
  description: 'A log of the changes and updates made to a case over time.',
  createable: true,
  updateable: true,
  deletable: true,
  queryable: true,
  searchable: false,
  fields: [
    idField(),
    isDeleted(),
    autoNumber('Name', 'Case History Name', { nameField: true, search: [], autoNumberFormat: { prefix: 'CH-', width: 7 } }),
    ref('CaseId__c', 'Case', 'Case', { childRelationshipName: 'CaseHistories__r', description: 'References Case object' }),
    ref('OldValue__c', 'Old Value', 'User', { description: "Previous owner: references User object if the type of change is 'Owner Assignment' else null" }),
    ref('NewValue__c', 'New Value', 'User', { description: "New owner: references User object if the type of change is 'Owner Assignment' else null" }),
    picklist('Field__c', 'Field', CASE_HISTORY_EVENTS, { description: "Specifies the field or type of change. One of ['Case Creation', 'Owner Assignment', 'Case Closed']" }),
    owner(),
    ...auditFields(),
  ],
};
