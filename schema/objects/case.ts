import { auditFields, autoNumber, bool, datetime, email, idField, isDeleted, owner, picklist, ref, str, textarea } from '../field-builders.ts';
import type { ObjectDef } from '../types.ts';

/** The Case Status values; `Closed` is the one closed status (IsClosed derives from it). */
export const CASE_STATUSES = ['New', 'Working', 'Escalated', 'Waiting on Customer', 'Closed'] as const;
export const CASE_ORIGINS = ['Phone', 'Email', 'Web', 'Chat'] as const;

/**
 * Case. CRMArena's custom lookups are `OrderItemId__c` and `IssueId__c`; by Salesforce's `__r` rule
 * their relationships are `OrderItemId__r` and `IssueId__r`, and the parents see them as `Cases__r`.
 * ClosedDate and IsClosed are set by the org from Status, as in a real org.
 */
export const Case: ObjectDef = {
  name: 'Case',
  label: 'Case',
  labelPlural: 'Cases',
  keyPrefix: '500',
  custom: false,
  description: 'A record that describes a customer inquiry or issue.',
  createable: true,
  updateable: true,
  deletable: true,
  queryable: true,
  searchable: true,
  fields: [
    idField(),
    isDeleted(),
    autoNumber('CaseNumber', 'Case Number', { nameField: true, autoNumberFormat: { prefix: '', width: 8 } }),
    ref('ContactId', 'Contact ID', 'Contact', { childRelationshipName: 'Cases', description: 'References Contact object' }),
    ref('AccountId', 'Account ID', 'Account', { childRelationshipName: 'Cases', description: 'References Account object' }),
    // SOSL searches Case Subject and SuppliedName under NAME FIELDS too (SOQL and SOSL Reference p.106).
    str('Subject', 'Subject', 255, { description: 'Subject of the case', search: ['name', 'text'] }),
    textarea('Description', 'Description', 32000, { description: 'Description of the case' }),
    picklist('Status', 'Status', CASE_STATUSES, { default: 'New', description: "Status of the case, e.g., 'New', 'Working', 'Escalated', etc" }),
    picklist('Priority', 'Priority', ['High', 'Medium', 'Low'], { default: 'Medium', description: 'Priority of the case' }),
    picklist('Origin', 'Case Origin', CASE_ORIGINS, { description: 'Channel through which the case was initiated' }),
    picklist('Type', 'Case Type', ['Question', 'Problem', 'Feature Request']),
    picklist('Reason', 'Case Reason', ['Billing', 'Product Quality', 'Shipping', 'Returns', 'Sizing', 'Warranty', 'Other']),
    bool('IsClosed', 'Closed', false, { createable: false, updateable: false }),
    bool('IsEscalated', 'Escalated', false),
    datetime('ClosedDate', 'Closed Date', { createable: false, updateable: false, description: "Closed date of the case in 'YYYY-MM-DDTHH:MM:SSZ' format" }),
    email('SuppliedEmail', 'Web Email'),
    str('SuppliedName', 'Web Name', 80, { search: ['name', 'text'] }),
    ref('OrderItemId__c', 'Order Item', 'OrderItem', { childRelationshipName: 'Cases__r', description: 'ID of the Order Item associated with this case' }),
    ref('IssueId__c', 'Issue', 'Issue__c', { childRelationshipName: 'Cases__r', description: 'ID of the Issue associated with this case' }),
    owner(),
    ...auditFields(),
  ],
};
