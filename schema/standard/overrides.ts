/**
 * Hand corrections over the inferred catalogue: picklists, lengths and required fields of the fields
 * clients use most, from Salesforce's Object Reference (Account, Lead, Opportunity, Task, Event,
 * Contract, Campaign, Asset field tables) and a Developer Edition org's default picklist values.
 */
import { autoNumber, currency, int, nameStr, percent, picklist, str } from './override-builders.ts';
import type { FieldDef } from '../types.ts';

export const INDUSTRIES = ['Agriculture', 'Apparel', 'Banking', 'Biotechnology', 'Chemicals', 'Communications', 'Construction', 'Consulting', 'Education', 'Electronics', 'Energy', 'Engineering', 'Entertainment', 'Environmental', 'Finance', 'Food & Beverage', 'Government', 'Healthcare', 'Hospitality', 'Insurance', 'Machinery', 'Manufacturing', 'Media', 'Not For Profit', 'Recreation', 'Retail', 'Shipping', 'Technology', 'Telecommunications', 'Transportation', 'Utilities', 'Other'] as const;
export const LEAD_SOURCES = ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other'] as const;
const RATINGS = ['Hot', 'Warm', 'Cold'] as const;
const SALUTATIONS = ['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.', 'Mx.'] as const;

/**
 * A Developer Edition org's Opportunity stages with their default probability and forecast category
 * (Setup > Opportunity > Stage; Object Reference "OpportunityStage").
 */
export const OPPORTUNITY_STAGES: readonly { stage: string; probability: number; forecast: string; closed: boolean; won: boolean }[] = [
  { stage: 'Prospecting', probability: 10, forecast: 'Pipeline', closed: false, won: false },
  { stage: 'Qualification', probability: 10, forecast: 'Pipeline', closed: false, won: false },
  { stage: 'Needs Analysis', probability: 20, forecast: 'Pipeline', closed: false, won: false },
  { stage: 'Value Proposition', probability: 50, forecast: 'Pipeline', closed: false, won: false },
  { stage: 'Id. Decision Makers', probability: 60, forecast: 'Pipeline', closed: false, won: false },
  { stage: 'Perception Analysis', probability: 70, forecast: 'Pipeline', closed: false, won: false },
  { stage: 'Proposal/Price Quote', probability: 75, forecast: 'Pipeline', closed: false, won: false },
  { stage: 'Negotiation/Review', probability: 90, forecast: 'Pipeline', closed: false, won: false },
  { stage: 'Closed Won', probability: 100, forecast: 'Closed', closed: true, won: true },
  { stage: 'Closed Lost', probability: 0, forecast: 'Omitted', closed: true, won: false },
];
const FORECAST_CATEGORIES = ['Omitted', 'Pipeline', 'BestCase', 'Forecast', 'Closed'] as const;
const FORECAST_NAMES = ['Omitted', 'Pipeline', 'Best Case', 'Commit', 'Closed'] as const;
export const LEAD_STATUSES = ['Open - Not Contacted', 'Working - Contacted', 'Closed - Converted', 'Closed - Not Converted'] as const;
const sys = { createable: false, updateable: false };

export const OVERRIDES: Record<string, readonly FieldDef[]> = {
  Account: [
    picklist('Industry', 'Industry', INDUSTRIES),
    picklist('Rating', 'Account Rating', RATINGS),
    picklist('Ownership', 'Ownership', ['Public', 'Private', 'Subsidiary', 'Other']),
    int('NumberOfEmployees', 'Employees', { precision: 8 }),
    str('AccountNumber', 'Account Number', 40),
    str('Site', 'Account Site', 80),
    str('Sic', 'SIC Code', 20),
    str('TickerSymbol', 'Ticker Symbol', 20),
    str('BillingCity', 'Billing City', 40),
    str('BillingState', 'Billing State/Province', 80),
    str('BillingPostalCode', 'Billing Zip/Postal Code', 20),
    str('BillingCountry', 'Billing Country', 80),
    picklist('PersonLeadSource', 'Lead Source', LEAD_SOURCES),
    picklist('PersonGenderIdentity', 'Gender Identity', ['Male', 'Female', 'Nonbinary', 'Not Listed']),
  ],
  Contact: [
    picklist('Salutation', 'Salutation', SALUTATIONS),
    picklist('LeadSource', 'Lead Source', LEAD_SOURCES),
    str('Title', 'Title', 128),
    str('Department', 'Department', 80),
  ],
  Lead: [
    str('LastName', 'Last Name', 80, { nillable: false, search: ['name', 'text'] }),
    str('FirstName', 'First Name', 40, { search: ['name', 'text'] }),
    picklist('Salutation', 'Salutation', SALUTATIONS),
    nameStr('Name', 'Full Name', 121, { ...sys, derivedFrom: ['FirstName', 'LastName'] }),
    str('Company', 'Company', 255, { nillable: false, search: ['name', 'text'] }),
    str('Title', 'Title', 128),
    picklist('Status', 'Status', LEAD_STATUSES, { default: 'Open - Not Contacted', nillable: false }),
    picklist('LeadSource', 'Lead Source', LEAD_SOURCES),
    picklist('Industry', 'Industry', INDUSTRIES),
    picklist('Rating', 'Rating', RATINGS),
    int('NumberOfEmployees', 'Employees', { precision: 8 }),
  ],
  Opportunity: [
    str('Name', 'Name', 120, { nillable: false, nameField: true, search: ['name', 'text'] }),
    picklist('StageName', 'Stage', OPPORTUNITY_STAGES.map((s) => s.stage), { nillable: false, restrictedPicklist: true }),
    percent('Probability', 'Probability (%)', { precision: 3, scale: 0, defaultedOnCreate: true }),
    // Calculated, read-only: Amount × Probability / 100 (src/org/standard-derived.ts writes it).
    currency('ExpectedRevenue', 'Expected Amount', { ...sys, calculated: true }),
    picklist('Type', 'Opportunity Type', ['Existing Customer - Upgrade', 'Existing Customer - Replacement', 'Existing Customer - Downgrade', 'New Customer']),
    picklist('LeadSource', 'Lead Source', LEAD_SOURCES),
    picklist('ForecastCategory', 'Forecast Category', FORECAST_CATEGORIES, { nillable: false, defaultedOnCreate: true, ...sys }),
    picklist('ForecastCategoryName', 'Forecast Category', FORECAST_NAMES, { defaultedOnCreate: true }),
    str('NextStep', 'Next Step', 255),
  ],
  Task: [
    str('Subject', 'Subject', 255, { search: ['name', 'text'] }),
    picklist('Status', 'Status', ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'], { default: 'Not Started', nillable: false, restrictedPicklist: false }),
    picklist('Priority', 'Priority', ['High', 'Normal', 'Low'], { default: 'Normal', nillable: false }),
    picklist('TaskSubtype', 'Task Subtype', ['Task', 'Email', 'ListEmail', 'Cadence', 'Call', 'LinkedIn'], { restrictedPicklist: true }),
    picklist('CallType', 'Call Type', ['Internal', 'Inbound', 'Outbound'], { restrictedPicklist: true }),
  ],
  Event: [
    str('Subject', 'Subject', 255, { search: ['name', 'text'] }),
    str('Location', 'Location', 255),
    picklist('ShowAs', 'Show Time As', ['Busy', 'OutOfOffice', 'Free'], { default: 'Busy' }),
    picklist('EventSubtype', 'Event Subtype', ['Event'], { restrictedPicklist: true }),
  ],
  // Autonumbers (Object Reference: "Auto Number" on ContractNumber, QuoteNumber, LineNumber).
  Quote: [autoNumber('QuoteNumber', 'Quote Number', { autoNumberFormat: { prefix: '', width: 8 } })],
  QuoteLineItem: [autoNumber('LineNumber', 'Line Item Number', { nameField: true, autoNumberFormat: { prefix: '', width: 8 } })],
  Contract: [
    autoNumber('ContractNumber', 'Contract Number', { nameField: true, autoNumberFormat: { prefix: '', width: 8 } }),
    picklist('Status', 'Status', ['In Approval Process', 'Activated', 'Draft'], { default: 'Draft', nillable: false }),
    int('ContractTerm', 'Contract Term (months)', { precision: 4 }),
  ],
  Campaign: [
    nameStr('Name', 'Name', 80, { nillable: false }),
    picklist('Type', 'Type', ['Conference', 'Webinar', 'Trade Show', 'Public Relations', 'Partners', 'Referral Program', 'Advertisement', 'Banner Ads', 'Direct Mail', 'Email', 'Telemarketing', 'Other']),
    picklist('Status', 'Status', ['Planned', 'In Progress', 'Completed', 'Aborted'], { default: 'Planned' }),
  ],
  CampaignMember: [picklist('Status', 'Status', ['Planned', 'Received', 'Responded', 'Sent'], { default: 'Sent' })],
  Asset: [
    nameStr('Name', 'Asset Name', 255, { nillable: false }),
    picklist('Status', 'Status', ['Purchased', 'Shipped', 'Installed', 'Registered', 'Obsolete']),
  ],
  Profile: [nameStr('Name', 'Name', 255, { nillable: false })],
  UserRole: [nameStr('Name', 'Name', 80, { nillable: false })],
  RecordType: [nameStr('Name', 'Record Type Name', 80, { nillable: false, ...sys }), str('DeveloperName', 'Record Type Name', 80, { nillable: false, ...sys }), str('SobjectType', 'SObject Type Name', 40, { nillable: false, ...sys })],
  Group: [nameStr('Name', 'Name', 40, { nillable: false }), picklist('Type', 'Type', ['Regular', 'Role', 'RoleAndSubordinates', 'Organization', 'Queue'], { nillable: false, restrictedPicklist: true })],
};
