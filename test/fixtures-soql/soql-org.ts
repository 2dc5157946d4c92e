/**
 * A small hand-made org for the SOQL tests: every value is chosen so queries have known answers.
 * Clock: 2024-06-01T12:00:00Z, a Saturday (weeks run Sunday 2024-05-26 .. Saturday 2024-06-01).
 */
import { Org } from '../../src/org/index.ts';

export const NOW = '2024-06-01T12:00:00.000Z';

export interface SoqlFixture {
  org: Org;
  /** Symbolic name -> 18-char Id. */
  ids: Record<string, string>;
  /** Case rows as inserted, for oracle-style expectations. */
  cases: { name: string; created: string; status: string; subject: string; priority: string; origin: string | null; account?: string; owner: string; deleted?: boolean }[];
}

export function buildSoqlOrg(): SoqlFixture {
  const org = Org.create(':memory:', { now: NOW });
  const ids: Record<string, string> = {};
  const s = org.store;
  const user = (key: string, first: string, last: string, alias: string, extra: Record<string, string | number | null> = {}) => {
    ids[key] = s.insert('User', {
      FirstName: first, LastName: last, Alias: alias, Email: `${alias}@example.com`, Username: `${alias}@example.com`,
      LanguageLocaleKey: 'en_US', EmailEncodingKey: 'UTF-8', TimeZoneSidKey: 'America/Los_Angeles', LocaleSidKey: 'en_US', ...extra,
    }, { CreatedDate: '2023-01-01T00:00:00.000Z' });
  };
  user('U1', 'Ann', 'Smith', 'asmith', { Department: 'Support' });
  user('U2', 'Bob', 'Lee', 'blee', { Department: 'Support' });
  user('U3', 'Zoë', 'Müller', 'zmuller', { Department: null, IsActive: 0 });
  s.update('User', ids.U2!, { ManagerId: ids.U1! });
  s.update('User', ids.U3!, { ManagerId: ids.U2! });
  s.defaultUserId = ids.U1!;

  const account = (key: string, first: string, last: string, state: string | null, created: string) => {
    ids[key] = s.insert('Account', { FirstName: first, LastName: last, ShippingState: state, ShippingCity: state ? 'City' : null, Phone: '555-0100', OwnerId: ids.U1! }, { CreatedDate: created });
  };
  account('A1', 'Alice', 'Adams', 'CA', '2023-02-01T10:00:00.000Z');
  account('A2', 'Bruno', 'Brown', 'NY', '2023-03-01T10:00:00.000Z');
  account('A3', 'Chloé', 'Clark', null, '2024-05-31T10:00:00.000Z');
  account('A4', 'Dan', 'Deleted', 'TX', '2023-04-01T10:00:00.000Z');
  s.softDelete('Account', ids.A4!);

  const contact = (key: string, first: string, last: string, acct: string | null, email: string | null) => {
    ids[key] = s.insert('Contact', { FirstName: first, LastName: last, AccountId: acct ? ids[acct]! : null, Email: email, OwnerId: ids.U1! }, { CreatedDate: '2023-05-01T00:00:00.000Z' });
  };
  contact('K1', 'Carl', 'Cole', 'A1', 'carl@example.com');
  contact('K2', 'Dana', 'Dale', 'A1', null);
  contact('K3', 'Eve', "O'Neil", 'A2', 'eve@example.com');
  contact('K4', 'Finn', 'Free', null, 'finn@example.com');

  ids.I1 = s.insert('Issue__c', { Name: 'Battery drain', Description__c: 'Drains fast' });
  ids.I2 = s.insert('Issue__c', { Name: 'Screen crack', Description__c: 'Cracks' });
  ids.I3 = s.insert('Issue__c', { Name: 'Unused issue' });

  ids.P1 = s.insert('Product2', { Name: 'Phone X', IsActive: 1, Family: undefined as never, ProductCode: 'PX-1', Description: 'A phone' });
  ids.P2 = s.insert('Product2', { Name: 'Laptop Y', IsActive: 1, ProductCode: 'LY-2', Description: 'A laptop' });
  ids.P3 = s.insert('Product2', { Name: 'Cable Z', IsActive: 0, ProductCode: 'CZ-3' });
  ids.PB = s.insert('Pricebook2', { Name: 'Standard Price Book', IsActive: 1 }, { IsStandard: 1 });
  ids.PBE1 = s.insert('PricebookEntry', { Pricebook2Id: ids.PB, Product2Id: ids.P1, UnitPrice: 100, IsActive: 1 });
  ids.PBE2 = s.insert('PricebookEntry', { Pricebook2Id: ids.PB, Product2Id: ids.P2, UnitPrice: 950.5, IsActive: 1 });
  ids.O1 = s.insert('Order', { AccountId: ids.A1, Pricebook2Id: ids.PB, Status: 'Activated', EffectiveDate: '2024-03-15' });
  ids.O2 = s.insert('Order', { AccountId: ids.A2, Pricebook2Id: ids.PB, Status: 'Draft', EffectiveDate: '2024-05-20' });
  ids.OI1 = s.insert('OrderItem', { OrderId: ids.O1, Product2Id: ids.P1, PricebookEntryId: ids.PBE1, Quantity: 2, UnitPrice: 100 });
  ids.OI2 = s.insert('OrderItem', { OrderId: ids.O1, Product2Id: ids.P2, PricebookEntryId: ids.PBE2, Quantity: 1, UnitPrice: 950.5 });
  ids.OI3 = s.insert('OrderItem', { OrderId: ids.O2, Product2Id: ids.P1, PricebookEntryId: ids.PBE1, Quantity: 3, UnitPrice: 90 });

  const cases: SoqlFixture['cases'] = [];
  const kase = (key: string, subject: string, status: string, priority: string, origin: string | null, acct: string | null, contactKey: string | null, owner: string, issue: string | null, oi: string | null, created: string, closed: string | null = null) => {
    ids[key] = s.insert('Case', {
      Subject: subject, Status: status, Priority: priority, Origin: origin, AccountId: acct ? ids[acct]! : null, ContactId: contactKey ? ids[contactKey]! : null,
      OwnerId: ids[owner]!, IssueId__c: issue ? ids[issue]! : null, OrderItemId__c: oi ? ids[oi]! : null, Description: `About ${subject}`,
    }, { CreatedDate: created, ...(closed ? { ClosedDate: closed } : {}) });
    cases.push({ name: key, created, status, subject, priority, origin, ...(acct ? { account: acct } : {}), owner });
  };
  kase('C1', 'Battery dies fast', 'New', 'High', 'Phone', 'A1', 'K1', 'U1', 'I1', 'OI1', '2024-05-31T09:00:00.000Z');
  kase('C2', 'Screen cracked', 'Closed', 'Low', 'Web', 'A1', 'K2', 'U2', 'I2', 'OI2', '2024-05-01T08:00:00.000Z', '2024-05-03T08:00:00.000Z');
  kase('C3', 'Battery swelling', 'Working', 'Medium', 'Email', 'A2', 'K3', 'U1', 'I1', 'OI3', '2024-03-10T12:00:00.000Z');
  kase('C4', 'Réclamation', 'Escalated', 'High', 'Chat', null, null, 'U3', null, null, '2023-12-31T23:59:59.000Z');
  kase('C5', 'Old case', 'Closed', 'Low', 'Phone', 'A3', null, 'U2', 'I2', null, '2023-06-15T00:00:00.000Z', '2023-06-20T00:00:00.000Z');
  kase('C7', 'billing question', 'New', 'Medium', null, 'A2', 'K3', 'U2', null, null, '2024-06-01T11:00:00.000Z');
  kase('C8', 'Future case', 'New', 'Low', 'Web', 'A3', null, 'U1', null, null, '2024-06-05T10:00:00.000Z');
  kase('C6', 'Deleted one', 'New', 'Low', 'Phone', 'A1', null, 'U1', 'I1', null, '2024-05-15T10:00:00.000Z');
  s.softDelete('Case', ids.C6!);
  cases[cases.length - 1]!.deleted = true;

  const hist = (key: string, caseKey: string, field: string, oldV: string | null, newV: string | null, created: string) => {
    ids[key] = s.insert('CaseHistory__c', { CaseId__c: ids[caseKey]!, Field__c: field, OldValue__c: oldV ? ids[oldV]! : null, NewValue__c: newV ? ids[newV]! : null }, { CreatedDate: created });
  };
  hist('H1', 'C1', 'Case Creation', null, null, '2024-05-31T09:00:00.000Z');
  hist('H2', 'C1', 'Owner Assignment', null, 'U1', '2024-05-31T09:05:00.000Z');
  hist('H3', 'C2', 'Owner Assignment', null, 'U1', '2024-05-01T08:05:00.000Z');
  hist('H4', 'C2', 'Owner Assignment', 'U1', 'U2', '2024-05-02T08:00:00.000Z');
  hist('H5', 'C2', 'Case Closed', null, null, '2024-05-03T08:00:00.000Z');
  hist('H6', 'C3', 'Owner Assignment', null, 'U1', '2024-03-10T12:05:00.000Z');

  ids.E1 = s.insert('EmailMessage', { ParentId: ids.C1, Subject: 'Re: Battery', TextBody: 'Please help', FromAddress: 'carl@example.com', ToAddress: 'support@example.com', MessageDate: '2024-05-31T10:00:00.000Z', Status: '3', Incoming: 1 });
  ids.E2 = s.insert('EmailMessage', { ParentId: ids.C2, Subject: 'Screen', TextBody: 'Cracked', FromAddress: 'dana@example.com', ToAddress: 'support@example.com', MessageDate: '2024-05-01T09:00:00.000Z', Status: '0', Incoming: 1 });
  ids.L1 = s.insert('LiveChatTranscript', { CaseId: ids.C1, AccountId: ids.A1, ContactId: ids.K1, Body: 'Chat about battery', StartTime: '2024-05-31T09:10:00.000Z', EndTime: '2024-05-31T09:30:00.000Z', ChatDuration: 1200, Status: 'Completed' });
  ids.KA1 = s.insert('Knowledge__kav', { Title: 'Battery care', UrlName: 'battery-care', Summary: 'Keep it cool', FAQ_Answer__c: 'Charge to 80%' }, { PublishStatus: 'Online', VersionNumber: 1 });
  ids.KA2 = s.insert('Knowledge__kav', { Title: 'Screen repair', UrlName: 'screen-repair', Summary: 'Use a case', FAQ_Answer__c: 'Visit a store' }, { PublishStatus: 'Draft', VersionNumber: 1 });
  return { org, ids, cases };
}
