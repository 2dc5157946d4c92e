/**
 * A small hand-made org for the SOSL tests: a few records per searchable object with words chosen to
 * exercise tokens, accents, e-mails, phones, phrases and wildcards. `ids` maps a short label to the Id.
 */
import { Org } from '../../src/org/index.ts';

export interface SoslTestOrg {
  org: Org;
  ids: Record<string, string>;
  /** Label of an Id (for readable assertion failures). */
  label: (id: string) => string;
}

export function makeSoslOrg(): SoslTestOrg {
  const org = Org.create(':memory:', { now: '2024-06-01T12:00:00.000Z' });
  const ids: Record<string, string> = {};
  const s = org.store;
  s.transaction(() => {
    ids.U1 = s.insert('User', { Username: 'admin@sosl.test', FirstName: 'Ada', LastName: 'Admin', Alias: 'aadmin', Email: 'admin@sosl.test', Title: 'Support Lead', Department: 'Service' });
    org.setLoginIdentity({ userId: ids.U1, username: 'admin@sosl.test', password: 'pw', securityToken: 'tok' });
    ids.A1 = s.insert('Account', { FirstName: 'John', LastName: 'Smith', PersonEmail: 'john.smith@acme.com', Phone: '(415) 555-1212', ShippingCity: 'San Francisco', ShippingState: 'CA', Description: 'Loves trail running shoes' });
    ids.A2 = s.insert('Account', { FirstName: 'Joan', LastName: 'Smith', PersonEmail: 'joan@example.org', Phone: '212-555-0199', ShippingCity: 'New York', ShippingState: 'NY', Description: 'Yoga enthusiast' });
    ids.A3 = s.insert('Account', { FirstName: 'José', LastName: 'Álvarez', PersonEmail: 'jose@correo.es', Phone: '+34 91 123 4567', ShippingCity: 'Madrid', ShippingState: 'MD', Description: 'Prefers café con leche' });
    ids.A4 = s.insert('Account', { FirstName: 'Mary', LastName: 'Johnson', PersonEmail: 'mary.j@example.org', ShippingState: 'CA', Description: 'Buys sneakers every spring' });
    ids.A5 = s.insert('Account', { FirstName: 'Jon', LastName: 'Snow', ShippingState: 'WA', Description: 'Winter is coming; needs warm boots' });
    ids.A6 = s.insert('Account', { FirstName: 'Ghost', LastName: 'Deleted', Description: 'Should never be found' });
    s.softDelete('Account', ids.A6);
    ids.C1 = s.insert('Contact', { AccountId: ids.A1, FirstName: 'John', LastName: 'Doe', Email: 'jdoe@acme.com', Phone: '415-555-3434', Title: 'Buyer', MailingCity: 'Oakland' });
    ids.C2 = s.insert('Contact', { AccountId: ids.A2, FirstName: 'Jane', LastName: 'Roe', Email: 'jane.roe@example.org', MobilePhone: '(646) 555-7788', Title: 'Marathon Runner' });
    ids.C3 = s.insert('Contact', { AccountId: ids.A4, FirstName: 'Johan', LastName: 'Smithers', Email: 'johan@smithers.io', Title: 'Climber' });
    ids.P1 = s.insert('Product2', { Name: 'Racing Suit', ProductCode: 'RS-100', Description: 'Aerodynamic suit for racing in the rain', IsActive: 1, Family: 'Apparel' });
    ids.P2 = s.insert('Product2', { Name: 'Climbing Rope', ProductCode: 'CR-60', Description: 'Dynamic rope, 60 m, dry treated', IsActive: 1, Family: 'Accessories' });
    ids.P3 = s.insert('Product2', { Name: 'Yoga Mat', ProductCode: 'YM-1', Description: 'Non-slip yoga mat for hot yoga', IsActive: 1, Family: 'Accessories' });
    ids.P4 = s.insert('Product2', { Name: 'Trail Running Shoes', ProductCode: 'TRS-9', Description: 'Lightweight shoes with a rock plate', IsActive: 1, Family: 'Footwear' });
    ids.P5 = s.insert('Product2', { Name: 'Rope Bag', ProductCode: 'RB-2', Description: 'Keeps your rope clean', IsActive: 0, Family: 'Accessories' });
    ids.P6 = s.insert('Product2', { Name: 'Water Bottle', ProductCode: 'WB-100', Description: 'Stainless steel bottle, 1 litre', IsActive: 1, Family: 'Accessories' });
    ids.P7 = s.insert('Product2', { Name: 'Sock Pack', ProductCode: 'SP-3', Description: 'Socks for running and yoga', IsActive: 1, Family: 'Apparel' });
    ids.PB1 = s.insert('Pricebook2', { Name: 'Outdoor Price Book', Description: 'Prices for outdoor gear', IsActive: 1 });
    ids.PBE1 = s.insert('PricebookEntry', { Pricebook2Id: ids.PB1, Product2Id: ids.P2, UnitPrice: 120, IsActive: 1 });
    ids.PBE2 = s.insert('PricebookEntry', { Pricebook2Id: ids.PB1, Product2Id: ids.P5, UnitPrice: 20, IsActive: 1 });
    const kav = (label: string, title: string, body: string, status: string, summary = ''): void => {
      ids[label] = s.insert('Knowledge__kav', { Title: title, FAQ_Answer__c: body, Summary: summary, UrlName: label.toLowerCase() }, { PublishStatus: status });
    };
    kav('K1', 'Return Policy', 'Items can be returned within 30 days of delivery for a full refund.', 'Online', 'How returns work');
    kav('K2', 'Shipping Times', 'Orders ship within 2 business days. Express shipping is available.', 'Online');
    kav('K3', 'Return Policy Draft', 'Draft text: returned items are inspected.', 'Draft');
    kav('K4', 'Old Warranty', 'Warranty claims for returned goods, archived.', 'Archived');
    kav('K5', 'Size Mismatch', 'If the size does not match, exchange it for free.', 'Online');
    kav('K6', 'Racing Suit Care', 'Wash the racing suit cold; never tumble dry.', 'Online');
    ids.I1 = s.insert('Issue__c', { Name: 'Zipper defect', Description__c: 'Zipper breaks after a few uses' });
    ids.CS1 = s.insert('Case', { AccountId: ids.A1, ContactId: ids.C1, Subject: 'Broken zipper on racing suit', Description: 'The zipper broke on first use.', Status: 'New', Priority: 'High', SuppliedEmail: 'john.smith@acme.com', SuppliedName: 'John Smith', IssueId__c: ids.I1 });
    ids.CS2 = s.insert('Case', { AccountId: ids.A2, Subject: 'Where is my order?', Description: 'Shipping seems slow.', Status: 'Working', Priority: 'Low' });
    ids.E1 = s.insert('EmailMessage', { ParentId: ids.CS1, Subject: 'Re: zipper', TextBody: 'We are sending a replacement zipper kit.', FromAddress: 'support@shoes.example', ToAddress: 'john.smith@acme.com' });
    ids.L1 = s.insert('LiveChatTranscript', { CaseId: ids.CS2, Body: 'Customer asked about express shipping options.' });
  });
  const byId = new Map(Object.entries(ids).map(([k, v]) => [v, k]));
  return { org, ids, label: (id) => byId.get(id) ?? id };
}
