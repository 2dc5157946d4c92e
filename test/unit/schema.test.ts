import { describe, expect, it } from 'vitest';
import { OBJECTS, UNMODELLED_OBJECTS, childRelationships, getChildRelationship, getField, getObject, getParentRelationship } from '../../schema/index.ts';

describe('schema', () => {
  it('has the 16 CRMArena objects, first, in the merged schema', () => {
    expect(OBJECTS.slice(0, 16).map((o) => o.name).sort()).toEqual(
      ['Account', 'Case', 'CaseHistory__c', 'Contact', 'EmailMessage', 'Issue__c', 'Knowledge__kav', 'LiveChatTranscript', 'Order', 'OrderItem', 'Pricebook2', 'PricebookEntry', 'Product2', 'ProductCategory', 'ProductCategoryProduct', 'User'].sort(),
    );
  });

  it('has unique object names, key prefixes and field names', () => {
    expect(new Set(OBJECTS.map((o) => o.name.toLowerCase())).size).toBe(OBJECTS.length);
    expect(new Set(OBJECTS.map((o) => o.keyPrefix)).size).toBe(OBJECTS.length);
    for (const o of OBJECTS) {
      expect(o.keyPrefix).toMatch(/^[0-9A-Za-z]{3}$/);
      const names = o.fields.map((f) => f.name.toLowerCase());
      expect(new Set(names).size, o.name).toBe(names.length);
      expect(o.fields[0]!.name).toBe('Id');
      expect(o.fields.filter((f) => f.nameField).length, `${o.name} name field`).toBe(1);
      // Some standard objects lack audit fields in a real org (UserRole has no Created*, OpportunityHistory
      // no LastModified*: standard-schema.d.ts); every object has SystemModstamp, CRMArena's have all five.
      const audit = OBJECTS.indexOf(o) < 16 ? ['CreatedDate', 'CreatedById', 'LastModifiedDate', 'LastModifiedById', 'SystemModstamp'] : ['SystemModstamp'];
      for (const f of audit) {
        expect(getField(o, f), `${o.name}.${f}`).toBeDefined();
      }
    }
  });

  it('points every reference at an object that exists or is a declared platform object', () => {
    for (const o of OBJECTS) {
      for (const f of o.fields.filter((x) => x.type === 'reference')) {
        expect(f.referenceTo.length, `${o.name}.${f.name}`).toBeGreaterThan(0);
        for (const t of f.referenceTo) {
          const known = getObject(t) !== undefined || UNMODELLED_OBJECTS.includes(t);
          expect(known, `${o.name}.${f.name} -> ${t}`).toBe(true);
          // A relationship can only be traversed to an object we model.
          if (f.relationshipName) expect(getObject(t), `${o.name}.${f.relationshipName}`).toBeDefined();
        }
      }
    }
  });

  it('derives every child relationship from a reference field that points back', () => {
    for (const parent of OBJECTS) {
      const names = childRelationships(parent).map((r) => r.relationshipName.toLowerCase());
      expect(new Set(names).size, parent.name).toBe(names.length);
      for (const rel of childRelationships(parent)) {
        const child = getObject(rel.childSObject)!;
        const field = getField(child, rel.field)!;
        expect(field.type).toBe('reference');
        expect(field.referenceTo).toContain(parent.name);
      }
    }
  });

  it('resolves names case-insensitively to canonical definitions', () => {
    expect(getObject('case')!.name).toBe('Case');
    expect(getField(getObject('CASE')!, 'subject')!.name).toBe('Subject');
    expect(getParentRelationship(getObject('Case')!, 'issueid__r')!.name).toBe('IssueId__c');
    expect(getParentRelationship(getObject('Case')!, 'owner')!.referenceTo).toEqual(['Group', 'User']);
    expect(getChildRelationship(getObject('Account')!, 'cases')!.childSObject).toBe('Case');
    expect(getChildRelationship(getObject('Order')!, 'OrderItems')!.field).toBe('OrderId');
    expect(getChildRelationship(getObject('Case')!, 'CaseHistories__r')!.field).toBe('CaseId__c');
  });

  it('has the picklists CRMArena relies on', () => {
    const values = (o: string, f: string) => getField(getObject(o)!, f)!.picklistValues.map((v) => v.value);
    expect(values('Case', 'Status')).toEqual(['New', 'Working', 'Escalated', 'Waiting on Customer', 'Closed']);
    expect(values('Case', 'Priority')).toEqual(['High', 'Medium', 'Low']);
    expect(values('Order', 'Status')).toEqual(['Draft', 'Activated']);
    expect(values('CaseHistory__c', 'Field__c')).toEqual(['Case Creation', 'Owner Assignment', 'Case Closed']);
  });

  it('marks long text areas as not filterable, like Salesforce', () => {
    expect(getField(getObject('Case')!, 'Description')!.filterable).toBe(false);
    expect(getField(getObject('EmailMessage')!, 'TextBody')!.filterable).toBe(false);
    expect(getField(getObject('Case')!, 'Subject')!.filterable).toBe(true);
  });
});
