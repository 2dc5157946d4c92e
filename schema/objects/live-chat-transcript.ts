import { auditFields, autoNumber, datetime, idField, int, isDeleted, owner, picklist, ref, textarea } from '../field-builders.ts';
import type { ObjectDef } from '../types.ts';

/** LiveChatTranscript. LiveChatVisitorId points at LiveChatVisitor, not modelled: a plain Id. */
export const LiveChatTranscript: ObjectDef = {
  name: 'LiveChatTranscript',
  label: 'Live Chat Transcript',
  labelPlural: 'Live Chat Transcripts',
  keyPrefix: '570',
  custom: false,
  description: 'A conversation from a live chat session between an agent and a customer.',
  createable: true,
  updateable: true,
  deletable: true,
  queryable: true,
  searchable: true,
  fields: [
    idField(),
    isDeleted(),
    autoNumber('Name', 'Chat Transcript Name', { nameField: true }),
    ref('CaseId', 'Case ID', 'Case', { childRelationshipName: 'LiveChatTranscripts', description: 'References Case object' }),
    ref('AccountId', 'Account ID', 'Account', { childRelationshipName: 'LiveChatTranscripts', description: 'References Account object' }),
    ref('ContactId', 'Contact ID', 'Contact', { childRelationshipName: 'LiveChatTranscripts', description: 'References Contact object' }),
    textarea('Body', 'Body', 131072, { description: 'Transcript of the chat' }),
    datetime('StartTime', 'Start Time'),
    datetime('EndTime', 'End Time', { description: 'End time of the chat' }),
    int('ChatDuration', 'Chat Duration'),
    picklist('Status', 'Status', ['Completed', 'Missed', 'InProgress', 'Waiting']),
    ref('LiveChatVisitorId', 'Visitor ID', 'LiveChatVisitor', { relationshipName: undefined, description: 'ID of the chat visitor' }),
    owner(),
    ...auditFields(),
  ],
};
