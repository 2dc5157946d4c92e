/**
 * The CRMArena-Pro profile (reference/crmarena.md §12.2, HF `Salesforce/CRMArenaPro` b2b_schema /
 * b2c_schema): what Pro's two orgs add to the CRMArena org and the standard catalogue. The sales
 * objects (Opportunity, Quote, Contract, Lead, Task, Event, Territory2...) are already standard
 * objects of the catalogue; Pro adds one custom object, VoiceCallTranscript__c, and one custom field,
 * Opportunity.ContractID__c. Applied to the process-wide schema (schema/orgs/profile.ts) when a Pro org
 * is generated or opened, so an original org keeps describing exactly CRMArena's objects.
 */
import { auditFields, autoNumber, datetime, idField, isDeleted, owner, ref, textarea } from '../field-builders.ts';
import type { FieldDef, ObjectDef } from '../types.ts';

/** VoiceCallTranscript__c: a sales call with a lead or on an opportunity (Body__c is the transcript). */
export const VoiceCallTranscript__c: ObjectDef = {
  name: 'VoiceCallTranscript__c',
  label: 'Voice Call Transcript',
  labelPlural: 'Voice Call Transcripts',
  keyPrefix: 'a1V',
  custom: true,
  description: 'The transcript of a sales voice call with a lead or about an opportunity.',
  createable: true,
  updateable: true,
  deletable: true,
  queryable: true,
  searchable: true,
  fields: [
    idField(),
    isDeleted(),
    autoNumber('Name', 'Voice Call Transcript Name', { nameField: true, autoNumberFormat: { prefix: 'VCT-', width: 7 } }),
    textarea('Body__c', 'Body', 131072, { description: 'The transcript of the call' }),
    datetime('EndTime__c', 'End Time', { description: 'When the call ended' }),
    ref('LeadId__c', 'Lead', 'Lead', { childRelationshipName: 'VoiceCallTranscripts__r', description: 'References Lead object: the lead the call was with' }),
    ref('OpportunityId__c', 'Opportunity', 'Opportunity', {
      childRelationshipName: 'VoiceCallTranscripts__r',
      description: 'References Opportunity object: the opportunity the call was about',
    }),
    owner(),
    ...auditFields(),
  ],
};

export const PRO_OBJECTS: readonly ObjectDef[] = [VoiceCallTranscript__c];

/** Custom fields Pro adds to standard objects. */
export const PRO_FIELDS: ReadonlyMap<string, readonly FieldDef[]> = new Map([
  [
    'Opportunity',
    [
      ref('ContractID__c', 'Contract', 'Contract', { childRelationshipName: 'Opportunities__r', description: 'References Contract object: the contract the opportunity closed with' }),
      // Standard since API v46 (Object Reference, Opportunity: "ContactId ... the contact associated with
      // this opportunity"); Pro's schema lists it (reference/crmarena.md §12.2) and the catalogue lacks it.
      ref('ContactId', 'Contact ID', 'Contact', { childRelationshipName: 'Opportunities', description: 'ID of the contact associated with this opportunity' }),
    ],
  ],
]);
