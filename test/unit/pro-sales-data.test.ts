/**
 * The sales stage of the Pro orgs (seed/pro/sales/): volumes per object at scale 0.3, every state in
 * exactly one territory, referential integrity of leads → accounts/contacts/opportunities →
 * lines/contracts/orders, Pro's picklists and derived Opportunity fields, the B2C differences, and
 * determinism of the rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrgWithLatents, type ProLatentFile } from '../../seed/index.ts';
import { LEAD_BASE } from '../../seed/pro/sales/leads.ts';
import { PRO_VOLUME } from '../../seed/pro/index.ts';
import { REPEAT_BASE } from '../../seed/pro/sales/opportunities.ts';
import { REGIONS } from '../../seed/text/regions.ts';
import type { Org } from '../../src/org/index.ts';

type Row = Record<string, unknown>;
const SCALE = 0.3;
const orgs: Partial<Record<'b2b' | 'b2c', { org: Org; latent: ProLatentFile }>> = {};

beforeAll(() => {
  for (const kind of ['b2b', 'b2c'] as const) {
    const { org, latents } = generateOrgWithLatents({ seed: 7, scale: SCALE, out: ':memory:', org: kind });
    orgs[kind] = { org, latent: latents as ProLatentFile };
  }
}, 120_000);
afterAll(() => {
  for (const o of Object.values(orgs)) o?.org.close();
});

const all = (org: Org, sql: string, ...p: unknown[]): Row[] => org.db.prepare(sql).all(...p) as Row[];
const one = (org: Org, sql: string, ...p: unknown[]): Row => org.db.prepare(sql).get(...p) as Row;
const count = (org: Org, table: string, where = '1'): number => Number(one(org, `SELECT COUNT(*) AS n FROM ${table.includes(' ') ? table : `"${table}"`} WHERE ${where}`).n);

describe.each(['b2b', 'b2c'] as const)('%s sales data', (kind) => {
  const get = () => orgs[kind]!;

  it('has the volumes the scale asks for', () => {
    const { org } = get();
    // The stages size themselves by the scale times Pro's volume factor (seed/pro/index.ts).
    const leads = Math.round(LEAD_BASE[kind] * SCALE * PRO_VOLUME[kind]);
    expect(count(org, 'Lead')).toBe(leads);
    const converted = count(org, 'Lead', 'IsConverted = 1');
    expect(converted / leads).toBeGreaterThan(0.2);
    expect(converted / leads).toBeLessThan(0.6);
    // One opportunity per converted lead, plus the repeat business on the service half's customers.
    expect(count(org, 'Opportunity')).toBe(converted + Math.round(REPEAT_BASE[kind] * SCALE * PRO_VOLUME[kind]));
    const opps = count(org, 'Opportunity');
    const lines = count(org, 'OpportunityLineItem');
    expect(lines / opps).toBeGreaterThan(kind === 'b2b' ? 1.8 : 1.1);
    // Every signed deal has its contract and order; a few signed ones were never moved to Closed.
    const closed = count(org, 'Opportunity', 'ContractID__c IS NOT NULL');
    expect(count(org, 'Contract')).toBe(closed);
    expect(count(org, 'Order', 'ContractId IS NOT NULL')).toBe(closed);
    expect(closed / opps).toBeGreaterThan(0.6);
    expect(count(org, 'Territory2')).toBe(11);
  });

  it('puts every state in exactly one territory, with sales agents in each', () => {
    const { org, latent } = get();
    const states = all(org, 'SELECT Description FROM Territory2').flatMap((r) => String(r.Description).split(','));
    expect(states.sort()).toEqual(REGIONS.map((r) => r.state).sort());
    for (const t of all(org, 'SELECT Id FROM Territory2')) expect(count(org, 'UserTerritory2Association', `Territory2Id = '${t.Id}'`)).toBeGreaterThan(0);
    const assoc = new Set(all(org, 'SELECT DISTINCT UserId FROM UserTerritory2Association').map((r) => r.UserId));
    expect([...assoc].sort()).toEqual(latent.sales.salesAgents.map((a) => a.userId).sort());
    // Leads and opportunities are owned by the sales team only.
    for (const t of ['Lead', 'Opportunity']) {
      const owners = all(org, `SELECT DISTINCT OwnerId FROM ${t}`).map((r) => r.OwnerId);
      for (const o of owners) expect(assoc.has(o)).toBe(true);
    }
  });

  it('links converted leads, opportunities, lines, contracts and orders', () => {
    const { org, latent } = get();
    expect(count(org, 'Lead', "IsConverted = 1 AND (Status <> 'Converted' OR ConvertedDate IS NULL OR ConvertedAccountId NOT IN (SELECT Id FROM Account) OR ConvertedContactId NOT IN (SELECT Id FROM Contact) OR ConvertedOpportunityId NOT IN (SELECT Id FROM Opportunity))")).toBe(0);
    expect(count(org, 'Lead', "IsConverted = 0 AND (Status = 'Converted' OR ConvertedAccountId IS NOT NULL)")).toBe(0);
    expect(count(org, 'Lead', "Status NOT IN ('New', 'Working', 'Qualified', 'Converted')")).toBe(0);
    // The converted contact belongs to the converted account; the opportunity is on that account.
    expect(count(org, 'Lead l', 'l.IsConverted = 1 AND NOT EXISTS (SELECT 1 FROM Contact c JOIN Opportunity o ON o.AccountId = c.AccountId AND o.ContactId = c.Id WHERE c.Id = l.ConvertedContactId AND c.AccountId = l.ConvertedAccountId AND o.Id = l.ConvertedOpportunityId)')).toBe(0);
    expect(count(org, 'Opportunity', "AccountId NOT IN (SELECT Id FROM Account) OR StageName NOT IN ('Qualification', 'Discovery', 'Quote', 'Negotiation', 'Closed')")).toBe(0);
    // Amount is the sum of the lines; each line's entry is the line's product in the opportunity's book.
    expect(count(org, 'Opportunity o', 'ABS(o.Amount - (SELECT SUM(TotalPrice) FROM OpportunityLineItem WHERE OpportunityId = o.Id)) > 0.001')).toBe(0);
    expect(count(org, 'OpportunityLineItem li', 'NOT EXISTS (SELECT 1 FROM PricebookEntry e JOIN Opportunity o ON o.Id = li.OpportunityId WHERE e.Id = li.PricebookEntryId AND e.Product2Id = li.Product2Id AND e.Pricebook2Id = o.Pricebook2Id AND e.UnitPrice = li.UnitPrice)')).toBe(0);
    expect(count(org, 'OpportunityLineItem', 'ABS(TotalPrice - Quantity * UnitPrice) > 0.001')).toBe(0);
    // Closed ⇒ a contract; a contract without Closed is a signed deal left at an earlier stage (latent);
    // the contract is activated, on the same account, signed after the deal opened.
    expect(count(org, 'Opportunity', "StageName = 'Closed' AND ContractID__c IS NULL")).toBe(0);
    const leftOpen = new Set(latent.sales.wrongStage.filter((w) => w.trueStage === 'Closed').map((w) => w.opportunityId));
    expect(new Set(all(org, "SELECT Id FROM Opportunity WHERE StageName <> 'Closed' AND ContractID__c IS NOT NULL").map((r) => r.Id))).toEqual(leftOpen);
    expect(count(org, 'Opportunity o JOIN Contract c ON c.Id = o.ContractID__c', "c.AccountId <> o.AccountId OR c.Status <> 'Activated' OR c.CustomerSignedDate < o.CreatedDate OR c.StartDate < substr(c.CustomerSignedDate, 1, 10)")).toBe(0);
    // The order under each contract repeats the deal's lines.
    const mismatched = all(org, `SELECT o.Id FROM Opportunity o JOIN "Order" r ON r.ContractId = o.ContractID__c
      WHERE r.AccountId <> o.AccountId OR r.OwnerId <> o.OwnerId
         OR ABS((SELECT SUM(Quantity * UnitPrice) FROM OrderItem WHERE OrderId = r.Id) - o.Amount) > 0.001
         OR (SELECT COUNT(*) FROM OrderItem WHERE OrderId = r.Id) <> (SELECT COUNT(*) FROM OpportunityLineItem WHERE OpportunityId = o.Id)`);
    expect(mismatched).toEqual([]);
    // Pro's derived fields: Closed is closed and won at 100%, open stages keep their probability.
    expect(all(org, 'SELECT StageName, MIN(IsClosed) c0, MAX(IsClosed) c1, MIN(IsWon) w0, MAX(IsWon) w1, MIN(Probability) p0, MAX(Probability) p1, MIN(ForecastCategoryName) f FROM Opportunity GROUP BY StageName ORDER BY StageName')).toEqual([
      { StageName: 'Closed', c0: 1, c1: 1, w0: 1, w1: 1, p0: 100, p1: 100, f: 'Closed' },
      { StageName: 'Discovery', c0: 0, c1: 0, w0: 0, w1: 0, p0: 25, p1: 25, f: 'Pipeline' },
      { StageName: 'Negotiation', c0: 0, c1: 0, w0: 0, w1: 0, p0: 75, p1: 75, f: 'Commit' },
      { StageName: 'Qualification', c0: 0, c1: 0, w0: 0, w1: 0, p0: 10, p1: 10, f: 'Pipeline' },
      { StageName: 'Quote', c0: 0, c1: 0, w0: 0, w1: 0, p0: 50, p1: 50, f: 'Best Case' },
    ]);
  });

  it('keeps B2B and B2C apart as Pro does (Company, Title, CompanySignedDate only in B2B)', () => {
    const { org } = get();
    const leadsWithCompany = count(org, 'Lead', 'Company IS NOT NULL');
    const contractsCompanySigned = count(org, 'Contract', 'CompanySignedDate IS NOT NULL');
    if (kind === 'b2b') {
      expect(leadsWithCompany).toBe(count(org, 'Lead'));
      expect(count(org, 'Lead', 'Title IS NULL')).toBe(0);
      expect(contractsCompanySigned).toBe(count(org, 'Contract'));
      expect(count(org, 'Contract', 'CompanySignedDate < CustomerSignedDate')).toBe(0);
    } else {
      expect(leadsWithCompany).toBe(0);
      expect(count(org, 'Lead', 'Title IS NOT NULL')).toBe(0);
      expect(contractsCompanySigned).toBe(0);
      expect(count(org, 'Account a JOIN Lead l ON l.ConvertedAccountId = a.Id', 'a.IsPersonAccount = 0 AND a.PersonEmail IS NULL')).toBe(0);
    }
  });

  it('records wrong stages in the latent file only: many open deals past Qualification, a few signed ones', () => {
    const { org, latent } = get();
    const wrong = latent.sales.wrongStage;
    const openPastQualification = latent.sales.wrongStage.filter((w) => w.trueStage !== 'Closed').length;
    const signedLeftOpen = wrong.filter((w) => w.trueStage === 'Closed');
    const closed = count(org, 'Opportunity', 'ContractID__c IS NOT NULL');
    expect(openPastQualification).toBeGreaterThan(0);
    expect(signedLeftOpen.length / closed).toBeGreaterThan(0.02);
    expect(signedLeftOpen.length / closed).toBeLessThan(0.12);
    for (const w of signedLeftOpen) expect(one(org, 'SELECT ContractID__c FROM Opportunity WHERE Id = ?', w.opportunityId).ContractID__c).not.toBeNull();
    const order = ['Qualification', 'Discovery', 'Quote', 'Negotiation', 'Closed'];
    for (const w of wrong) {
      expect(one(org, 'SELECT StageName FROM Opportunity WHERE Id = ?', w.opportunityId).StageName).toBe(w.stored);
      expect(order.indexOf(w.trueStage)).toBeGreaterThan(order.indexOf(w.stored));
    }
    expect(latent.sales.leads.length).toBe(count(org, 'Lead'));
  });
});

describe('determinism', () => {
  it('the same seed writes the same sales rows', () => {
    const dump = (org: Org) =>
      ['Territory2', 'UserTerritory2Association', 'Lead', 'Opportunity', 'OpportunityLineItem', 'Contract', 'Order', 'OrderItem']
        .map((t) => JSON.stringify(all(org, `SELECT * FROM "${t}" ORDER BY Id`)))
        .join('\n');
    const again = generateOrgWithLatents({ seed: 7, scale: SCALE, out: ':memory:', org: 'b2b' });
    try {
      expect(dump(again.org)).toBe(dump(orgs.b2b!.org));
      expect(JSON.stringify((again.latents as ProLatentFile).sales)).toBe(JSON.stringify(orgs.b2b!.latent.sales));
    } finally {
      again.org.close();
    }
    // The rows depend on the org: the b2c org of the same seed writes others.
    expect(dump(orgs.b2c!.org)).not.toBe(dump(orgs.b2b!.org));
  }, 120_000);
});
