import { auditFields, bool, codedPicklist, datetime, email, idField, isDeleted, ref, str, textarea } from '../field-builders.ts';
import type { ObjectDef } from '../types.ts';

/**
 * EmailMessage on a case. Status is Salesforce's coded picklist ('0' New ... '3' Sent).
 * ToIds is stored as CRMArena stores it: a JSON array of User/Contact Ids.
 */
export const EmailMessage: ObjectDef = {
  name: 'EmailMessage',
  label: 'Email Message',
  labelPlural: 'Email Messages',
  keyPrefix: '02s',
  custom: false,
  description: 'Email communication related to cases, such as messages between agents and customers.',
  createable: true,
  updateable: true,
  deletable: true,
  queryable: true,
  searchable: true,
  fields: [
    idField(),
    isDeleted(),
    ref('ParentId', 'Parent ID', 'Case', { childRelationshipName: 'EmailMessages', cascadeDelete: true, description: 'ID of the case related to this email. References Case object' }),
    str('Subject', 'Subject', 3000, { nameField: true, search: ['name', 'text'], description: 'Subject of the email' }),
    textarea('TextBody', 'Text Body', 32000, { description: 'Body of the email' }),
    textarea('HtmlBody', 'HTML Body', 32000),
    str('FromName', 'From Name', 1000),
    email('FromAddress', 'From Address', { description: 'Email address of the sender' }),
    str('ToAddress', 'To Address', 4000, { search: ['email', 'text'] }),
    str('CcAddress', 'CC Address', 4000),
    str('ToIds', 'To IDs', 4000, { search: [], description: 'List of recipient IDs' }),
    datetime('MessageDate', 'Message Date', { description: "Date of the email in 'YYYY-MM-DDTHH:MM:SSZ' format" }),
    codedPicklist('Status', 'Status', [['0', 'New'], ['1', 'Read'], ['2', 'Replied'], ['3', 'Sent'], ['4', 'Forwarded'], ['5', 'Draft']], { restrictedPicklist: true }),
    bool('Incoming', 'Is Incoming', false),
    bool('HasAttachment', 'Has Attachment', false, { createable: false, updateable: false }),
    ...auditFields(),
  ],
};
