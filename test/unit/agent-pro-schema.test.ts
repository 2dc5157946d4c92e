/**
 * The schema text CRMArena-Pro agents read (src/agent/pro-schema.ts): CRMArena's 16 objects as each
 * Pro org changes them, then Pro's 11 sales/CPQ objects with their fields (reference/crmarena.md §12.2).
 */
import { describe, expect, it } from 'vitest';
import { proAgentObjects } from '../../src/agent/pro-schema.ts';
import { buildSchemaString } from '../../src/agent/schema-string.ts';

const block = (text: string, obj: string) => {
  const lines = text.split('\n');
  const i = lines.indexOf(obj);
  const out: string[] = [];
  for (let j = i + 1; j < lines.length && lines[j]!.startsWith('  - '); j++) out.push(lines[j]!.slice(4, lines[j]!.indexOf(':')));
  return out;
};

describe('the Pro agent schema', () => {
  const b2b = buildSchemaString(proAgentObjects('b2b'));
  const b2c = buildSchemaString(proAgentObjects('b2c'));

  it("lists Pro's 27 objects, CRMArena's first", () => {
    const names = b2b.split('\n')[1]!.split(', ');
    expect(names).toHaveLength(27);
    expect(names.slice(0, 2)).toEqual(['User', 'Account']);
    expect(names.slice(16)).toEqual(['Opportunity', 'OpportunityLineItem', 'Quote', 'QuoteLineItem', 'Contract', 'VoiceCallTranscript__c', 'Task', 'Event', 'Territory2', 'UserTerritory2Association', 'Lead']);
    expect(b2c.split('\n')[1]).toBe(b2b.split('\n')[1]);
    expect(buildSchemaString()).not.toContain('Opportunity'); // the original org's text is untouched
  });

  it('gives each Pro object the fields of its schema, with descriptions', () => {
    expect(block(b2b, 'Opportunity')).toEqual(['Id', 'Name', 'AccountId', 'ContactId', 'ContractID__c', 'OwnerId', 'Amount', 'Probability', 'StageName', 'CloseDate', 'CreatedDate', 'Description']);
    expect(block(b2b, 'Territory2')).toEqual(['Id', 'Name', 'Description']);
    expect(b2b).toContain("  - StageName: Stage of the opportunity. One of ['Qualification', 'Discovery', 'Quote', 'Negotiation', 'Closed']");
    expect(b2b).toContain('  - Description: Comma-separated list of the state codes the territory covers (e.g. CA,IL,AL)');
  });

  it('B2B accounts are companies; B2C accounts are people, contacts only links, leads and contracts without company fields', () => {
    expect(block(b2b, 'Account')).toEqual(['Name', 'Description', 'Industry', 'NumberOfEmployees', 'Phone', 'ShippingState']);
    expect(block(b2b, 'Order')).toContain('OwnerId');
    expect(block(b2b, 'EmailMessage')).toContain('RelatedToId');
    expect(block(b2b, 'User')).toContain('ProfileId');
    expect(block(b2b, 'Lead')).toContain('Company');
    expect(block(b2c, 'Account')).toEqual(['Name', 'FirstName', 'LastName', 'PersonEmail', 'Phone', 'ShippingState', 'Description']);
    expect(block(b2c, 'Contact')).toEqual(['AccountId']);
    expect(block(b2c, 'Lead')).not.toContain('Company');
    expect(block(b2c, 'Lead')).not.toContain('Title');
    expect(block(b2c, 'Contract')).not.toContain('CompanySignedDate');
    expect(block(b2c, 'Order')).not.toContain('OwnerId');
  });
});
