/**
 * A tiny hand-built org whose task answers can be worked out on paper (see the comments), for the
 * task generator tests. Three agents, two issues, three products, three customers, February-March 2021.
 *
 * Cases (created → closed, first owner → final owner, issue, product, state):
 *   K1 02-01 10:00 → 12:00 (2h)     U1        Size     P1 CO
 *   K2 02-03 10:00 → 02-04 10:00    U1        Size     P3 GA   (24h)
 *   K3 02-05 09:00 → 09:15 (15min)  U2        Shipping P3 OR
 *   K4 02-10 10:00 → 02-12 10:00    U3 → U2   Size     P1 CO   (transferred 02-11 by U3)
 *   K5 02-15 10:00 → 10:30 (30min)  U3        Shipping P2 OR
 *   K6 03-01 10:00, open (New)      U2        Shipping P3 GA
 */
import type { LatentFile } from '../../seed/latent.ts';
import { Org } from '../../src/org/index.ts';

export interface TinyOrg {
  org: Org;
  ids: Record<string, string>;
  latent: LatentFile;
}

export function buildTinyOrg(): TinyOrg {
  const org = Org.create(':memory:', { now: '2021-06-01T00:00:00.000Z' });
  const s = org.store;
  const ids: Record<string, string> = {};
  s.transaction(() => {
    for (const [k, first, last] of [
      ['U1', 'Alice', 'Able'],
      ['U2', 'Bob', 'Baker'],
      ['U3', 'Carol', 'Cole'],
    ] as const) {
      ids[k] = s.insert('User', { FirstName: first, LastName: last, Username: `${first.toLowerCase()}@x.test`, Email: `${first.toLowerCase()}@x.test`, Alias: first.slice(0, 4) });
    }
    ids.I1 = s.insert('Issue__c', { Name: 'Size Mismatch' });
    ids.I2 = s.insert('Issue__c', { Name: 'Shipping Delay' });
    ids.P1 = s.insert('Product2', { Name: 'Ridgeline Waterproof Hiking Boot', IsActive: 1 });
    ids.P2 = s.insert('Product2', { Name: 'Summit Waterproof Hiking Boot', IsActive: 1 });
    ids.P3 = s.insert('Product2', { Name: 'Tempo Cushioned Running Shoe', IsActive: 1 });
    ids.P4 = s.insert('Product2', { Name: 'Nimbus Cushioned Running Shoe', IsActive: 1 });
    ids.PB = s.insert('Pricebook2', { Name: 'Standard', IsActive: 1 });
    for (const p of ['P1', 'P2', 'P3']) ids[`PBE_${p}`] = s.insert('PricebookEntry', { Pricebook2Id: ids.PB, Product2Id: ids[p], UnitPrice: 100, IsActive: 1 });
    for (const [k, state, last] of [
      ['A1', 'CO', 'Ames'],
      ['A2', 'GA', 'Boyd'],
      ['A3', 'OR', 'Cruz'],
    ] as const) {
      ids[k] = s.insert('Account', { FirstName: 'Pat', LastName: last, ShippingState: state });
      ids[`C${k.slice(1)}`] = s.insert('Contact', { FirstName: 'Pat', LastName: last, AccountId: ids[k] });
    }
    const order = (acct: string, day: string) =>
      s.insert('Order', { AccountId: ids[acct], Status: 'Activated', EffectiveDate: day, Pricebook2Id: ids.PB }, { CreatedDate: `${day}T08:00:00.000Z` });
    const item = (o: string, p: string) => s.insert('OrderItem', { OrderId: o, Product2Id: ids[p], PricebookEntryId: ids[`PBE_${p}`], Quantity: 1, UnitPrice: 100 });
    // Orders placed before the cases (the cases point at these lines).
    const o0 = order('A1', '2021-01-20');
    ids.OI_A1_P1 = item(o0, 'P1');
    const o0b = order('A2', '2021-01-20');
    ids.OI_A2_P3 = item(o0b, 'P3');
    const o0c = order('A3', '2021-01-20');
    ids.OI_A3_P3 = item(o0c, 'P3');
    ids.OI_A3_P2 = item(o0c, 'P2');
    // NED purchases: A1 buys P1 and P3 on 2021-03-10, P3 on 2021-05-01; A2 buys P2 on 2021-03-10.
    const o1 = order('A1', '2021-03-10');
    item(o1, 'P1');
    item(o1, 'P3');
    item(order('A2', '2021-03-10'), 'P2');
    item(order('A1', '2021-05-01'), 'P3');

    const kase = (k: string, c: { created: string; closed?: string; owners: string[]; issue: string; oi: string; acct: string; transferAt?: string }) => {
      const values = {
        Subject: k,
        Status: c.closed ? 'Closed' : 'New',
        AccountId: ids[c.acct],
        ContactId: ids[`C${c.acct.slice(1)}`],
        IssueId__c: ids[c.issue],
        OrderItemId__c: ids[c.oi],
        OwnerId: ids[c.owners[c.owners.length - 1]!],
      };
      ids[k] = s.insert('Case', values, { CreatedDate: c.created, ...(c.closed ? { ClosedDate: c.closed } : {}) });
      const hist = (field: string, at: string, oldV: string | null, newV: string | null) =>
        s.insert('CaseHistory__c', { CaseId__c: ids[k], Field__c: field, OldValue__c: oldV, NewValue__c: newV }, { CreatedDate: at });
      hist('Case Creation', c.created, null, null);
      hist('Owner Assignment', c.created, null, ids[c.owners[0]!]!);
      if (c.owners.length > 1) hist('Owner Assignment', c.transferAt!, ids[c.owners[0]!]!, ids[c.owners[1]!]!);
      if (c.closed) hist('Case Closed', c.closed, null, null);
    };
    kase('K1', { created: '2021-02-01T10:00:00.000Z', closed: '2021-02-01T12:00:00.000Z', owners: ['U1'], issue: 'I1', oi: 'OI_A1_P1', acct: 'A1' });
    kase('K2', { created: '2021-02-03T10:00:00.000Z', closed: '2021-02-04T10:00:00.000Z', owners: ['U1'], issue: 'I1', oi: 'OI_A2_P3', acct: 'A2' });
    kase('K3', { created: '2021-02-05T09:00:00.000Z', closed: '2021-02-05T09:15:00.000Z', owners: ['U2'], issue: 'I2', oi: 'OI_A3_P3', acct: 'A3' });
    kase('K4', { created: '2021-02-10T10:00:00.000Z', closed: '2021-02-12T10:00:00.000Z', owners: ['U3', 'U2'], transferAt: '2021-02-11T10:00:00.000Z', issue: 'I1', oi: 'OI_A1_P1', acct: 'A1' });
    kase('K5', { created: '2021-02-15T10:00:00.000Z', closed: '2021-02-15T10:30:00.000Z', owners: ['U3'], issue: 'I2', oi: 'OI_A3_P2', acct: 'A3' });
    kase('K6', { created: '2021-03-01T10:00:00.000Z', owners: ['U2'], issue: 'I2', oi: 'OI_A2_P3', acct: 'A2' });
    ids.KA1 = s.insert('Knowledge__kav', { Title: 'Size exchanges', UrlName: 'size-exchanges', FAQ_Answer__c: 'One free size exchange within 45 days of delivery.' }, { PublishStatus: 'Online' });
    ids.KA2 = s.insert('Knowledge__kav', { Title: 'Shipping delays', UrlName: 'shipping-delays', FAQ_Answer__c: 'Orders late by 10 business days get the shipping fee refunded.' }, { PublishStatus: 'Online' });
    ids.E1 = s.insert('EmailMessage', { ParentId: ids.K1, Subject: 'Re: K1', TextBody: 'You can exchange the size within 90 days of delivery.', FromAddress: 'alice@x.test' });
    ids.E2 = s.insert('EmailMessage', { ParentId: ids.K3, Subject: 'Re: K3', TextBody: 'Your order is on its way.', FromAddress: 'bob@x.test' });
  });
  const latent = {
    knowledgeQa: [
      { articleId: ids.KA1!, question: 'How long do customers have to request a free size exchange?', answer: '45 days of delivery' },
      { articleId: ids.KA2!, question: 'When is the shipping fee refunded?', answer: 'Orders late by 10 business days' },
    ],
    violations: [
      { caseId: ids.K1!, messageObject: 'EmailMessage', messageId: ids.E1!, articleId: ids.KA1!, agentId: ids.U1!, policyKey: 'size-exchange-window', correctValue: '45 days', claimedValue: '90 days', statement: 'You can exchange the size within 90 days of delivery.' },
    ],
    cases: ['K1', 'K2', 'K3', 'K4', 'K5', 'K6'].map((k) => ({ caseId: ids[k]!, issueId: '', productId: '', channel: 'email', owners: [], violated: k === 'K1' })),
  } as unknown as LatentFile;
  return { org, ids, latent };
}
