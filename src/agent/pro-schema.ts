/**
 * The objects CRMArena-Pro's agents are shown (reference/crmarena.md §12.2, HF `Salesforce/CRMArenaPro`
 * b2b_schema / b2c_schema: 27 entries): CRMArena's 16 objects plus the sales and CPQ objects below,
 * each with the fields Pro's schema lists. Descriptions are ours, in the style of CRMArena's schema text
 * (what the field holds, its format, which object it references, the picklist values Pro names).
 * The agent-facing text is built by the same buildSchemaString as the original's.
 */
import { CRMARENA_OBJECTS } from '../../schema/index.ts';
import type { ProOrgKind } from '../org/org-kind.ts';
import type { SchemaObject } from './schema-string.ts';

const ISO = "in 'YYYY-MM-DDTHH:MM:SSZ' format";
const DAY = "in 'YYYY-MM-DD' format";

/** Object → field → description, in Pro's object order. */
export const PRO_AGENT_FIELDS: Record<string, Record<string, string>> = {
  Opportunity: {
    Id: 'ID of the opportunity',
    Name: 'Name of the opportunity',
    AccountId: 'ID of the customer account. References Account object',
    ContactId: 'ID of the contact the opportunity is with. References Contact object',
    ContractID__c: 'ID of the contract of the opportunity. References Contract object',
    OwnerId: 'ID of the agent who owns the opportunity. References User object',
    Amount: 'Monetary value of the opportunity in the default currency',
    Probability: 'Probability of winning the opportunity',
    StageName: "Stage of the opportunity. One of ['Qualification', 'Discovery', 'Quote', 'Negotiation', 'Closed']",
    CloseDate: 'Expected close date of the opportunity',
    CreatedDate: `Date the opportunity was created, ${ISO}`,
    Description: 'Detailed description of the opportunity',
  },
  OpportunityLineItem: {
    Id: 'ID of the opportunity line item',
    OpportunityId: 'ID of the opportunity of this line item. References Opportunity object',
    PricebookEntryId: 'ID of the price book entry of this line item. References PricebookEntry object',
    Product2Id: 'ID of the product of this line item. References Product2 object',
    Quantity: 'Quantity of the product',
    TotalPrice: 'Total price of the line: Quantity * UnitPrice * (1 - Discount/100)',
  },
  Quote: {
    Id: 'ID of the quote',
    Name: 'Name of the quote',
    OpportunityId: 'ID of the opportunity of this quote. References Opportunity object',
    AccountId: 'ID of the customer account. References Account object',
    ContactId: 'ID of the contact the quote is for. References Contact object',
    Status: "Status of the quote. One of ['Draft', 'Needs Review', 'In Review', 'Approved', 'Rejected', 'Presented', 'Accepted', 'Denied']",
    ExpirationDate: `Date the quote expires, ${ISO}`,
    CreatedDate: `Date the quote was created, ${ISO}`,
    Description: 'Detailed description of the quote',
  },
  QuoteLineItem: {
    Id: 'ID of the quote line item',
    QuoteId: 'ID of the quote of this line item. References Quote object',
    OpportunityLineItemId: 'ID of the opportunity line item this line quotes. References OpportunityLineItem object',
    PricebookEntryId: 'ID of the price book entry of this line item. References PricebookEntry object',
    Product2Id: 'ID of the product of this line item. References Product2 object',
    Quantity: 'Quantity of the product',
    UnitPrice: 'Unit price of the product',
    Discount: 'Discount applied to the product, in percent',
    TotalPrice: 'Total price of the line: Quantity * UnitPrice * (1 - Discount/100)',
  },
  Contract: {
    Id: 'ID of the contract',
    AccountId: 'ID of the customer account. References Account object',
    Status: 'Status of the contract',
    StartDate: `Date the contract takes effect, ${DAY}`,
    ContractTerm: 'Duration of the contract in months',
    CompanySignedDate: `Date the company signed the contract, ${DAY}`,
    CustomerSignedDate: `Date the customer signed the contract, ${DAY}`,
    Description: 'Terms and conditions of the contract',
  },
  VoiceCallTranscript__c: {
    Id: 'ID of the voice call transcript',
    Body__c: 'Content of the voice call transcript',
    LeadId__c: 'ID of the lead the call was with. References Lead object',
    OpportunityId__c: 'ID of the opportunity the call was about. References Opportunity object',
    CreatedDate: `Date the transcript was created, ${ISO}`,
    EndTime__c: `When the call ended, ${ISO}`,
  },
  Task: {
    Id: 'ID of the task',
    Subject: 'Subject of the task',
    Description: 'Detailed description of the task',
    WhatId: 'ID of the opportunity of this task. References Opportunity object',
    OwnerId: 'ID of the agent who owns the task. References User object',
    Status: "Status of the task, e.g. 'Not Started', 'In Progress', 'Completed'",
    Priority: 'Priority of the task',
    ActivityDate: `Date the task is due, ${ISO}`,
  },
  Event: {
    Id: 'ID of the event',
    Subject: 'Subject of the event',
    Description: 'Detailed description of the event',
    WhatId: 'ID of the opportunity of this event. References Opportunity object',
    OwnerId: 'ID of the agent who owns the event. References User object',
    StartDateTime: `When the event starts, ${ISO}`,
    DurationInMinutes: 'Duration of the event in minutes',
    IsAllDayEvent: 'Whether the event lasts all day',
    Location: 'Location of the event',
  },
  Territory2: {
    Id: 'ID of the territory',
    Name: 'Name of the territory',
    Description: 'Comma-separated list of the state codes the territory covers (e.g. CA,IL,AL)',
  },
  UserTerritory2Association: {
    Id: 'ID of the user-territory association',
    UserId: 'ID of the agent assigned to the territory. References User object',
    Territory2Id: 'ID of the territory the agent is assigned to. References Territory2 object',
  },
  Lead: {
    Id: 'ID of the lead',
    FirstName: 'First name of the lead',
    LastName: 'Last name of the lead',
    Company: 'Company of the lead',
    Title: 'Job title of the lead',
    Email: 'Email address of the lead',
    Phone: 'Phone number of the lead',
    Status: 'Status of the lead',
    OwnerId: 'ID of the agent who owns the lead. References User object',
    IsConverted: 'Whether the lead has been converted',
    ConvertedDate: `Date the lead was converted, ${DAY}`,
    ConvertedAccountId: 'ID of the account created when the lead was converted. References Account object',
    ConvertedContactId: 'ID of the contact created when the lead was converted. References Contact object',
    CreatedDate: `Date the lead was created, ${ISO}`,
  },
};

/**
 * How each Pro org changes CRMArena's own objects (§12.2): in B2B an account is a company, users carry
 * a profile, orders an owner, emails a RelatedToId; in B2C an account is a person, a contact is only
 * the link to its person account, and leads and contracts lose their company fields.
 * `replace` swaps an object's field list, `add` appends fields, `drop` removes some of Pro's own.
 */
const ORG_CHANGES: Record<ProOrgKind, { replace?: Record<string, Record<string, string>>; add?: Record<string, Record<string, string>>; drop?: Record<string, string[]> }> = {
  b2b: {
    replace: {
      Account: {
        Name: 'Name of the company',
        Description: 'Detailed description of the company',
        Industry: 'Industry the company works in',
        NumberOfEmployees: 'Number of employees of the company',
        Phone: 'Phone number of the company',
        ShippingState: 'Shipping state of the company (two-letter code); the region',
      },
    },
    add: {
      User: { ProfileId: "ID of the user's profile, e.g. a standard user profile" },
      Order: { OwnerId: 'ID of the agent who owns the order. References User object' },
      EmailMessage: { RelatedToId: 'ID of the record the email is about: the case (as ParentId) or an opportunity. References Case and Opportunity objects' },
    },
  },
  b2c: {
    replace: {
      Account: {
        Name: 'Full name of the customer (a person account)',
        FirstName: 'First name of the customer',
        LastName: 'Last name of the customer',
        PersonEmail: 'Email of the customer',
        Phone: 'Phone number of the customer',
        ShippingState: 'Shipping state of the customer (two-letter code); the region',
        Description: 'Description of the customer',
      },
      Contact: { AccountId: 'The person account of the contact. References Account object' },
    },
    drop: { Lead: ['Company', 'Title'], Contract: ['CompanySignedDate'] },
  },
};

/**
 * CRMArena's objects, as the org kind changes them, then Pro's. Pro's part is these tables alone (not
 * the catalogue's definitions), so the text agents read, and the cassettes hashing it, change only here.
 */
export function proAgentObjects(kind: ProOrgKind): SchemaObject[] {
  const changes = ORG_CHANGES[kind];
  const fromTable = (fields: Record<string, string>) => Object.entries(fields).map(([name, description]) => ({ name, description }));
  const original = CRMARENA_OBJECTS.map((o): SchemaObject => {
    const replaced = changes.replace?.[o.name];
    const added = changes.add?.[o.name];
    if (!replaced && !added) return o;
    return { name: o.name, fields: [...(replaced ? fromTable(replaced) : o.fields), ...(added ? fromTable(added) : [])] };
  });
  const extra = Object.entries(PRO_AGENT_FIELDS).map(([name, fields]) => {
    const dropped = new Set(changes.drop?.[name] ?? []);
    return { name, fields: fromTable(fields).filter((f) => !dropped.has(f.name)) };
  });
  return [...original, ...extra];
}
