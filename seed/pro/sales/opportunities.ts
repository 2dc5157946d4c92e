/**
 * Opportunities (from converted leads, plus repeat business on existing customers), their line items
 * on the standard price book, and for each closed deal its Contract (Status 'Activated') and the
 * Order placed under it.
 *
 * The sales cycle is the latent that the sales tasks read: days from the opportunity's creation to
 * its contract's company signature (reference/crmarena.md §12.3 sales_cycle_understanding), log-normal
 * around a median that falls with the owner's skill. A deal whose signature falls after the end of
 * the history is still open, at the stage its elapsed share of the cycle supports; some deals stall.
 * Pro has only one closed stage, "Closed", a won deal: every closed opportunity has a contract
 * (Opportunity.ContractID__c). B2C contracts have no CompanySignedDate (§12.2); there the customer's
 * signature ends the cycle.
 *
 * How an order ties to a deal: Order.ContractId → the Contract, Opportunity.ContractID__c → the same
 * Contract (Pro's Order has no OpportunityId; Salesforce creates orders from activated contracts). The
 * order repeats the opportunity's lines (OrderItem Quantity × UnitPrice), owned by the deal's owner,
 * effective on the contract's start date (§12.3 sales_amount_understanding).
 */
import type { ProOrgKind } from '../../../src/org/org-kind.ts';
import type { ServiceData } from '../../service-data.ts';
import { scaled, type GenContext } from '../../context.ts';
import { streamFor, type Stream } from '../../rng.ts';
import { DAY, HISTORY_START, HOUR, iso, ymd } from '../../time.ts';
import type { PlannedLead } from './leads.ts';
import type { WrongStageLatent } from './latent.ts';
import type { SalesTeam } from './territories.ts';
import { B2B_DESCRIPTIONS, B2C_DESCRIPTIONS } from './text-bank.ts';
import { PRO_STAGES, type ProStage, type SalesLine, type SalesOpportunity } from './types.ts';

/** Repeat-business opportunities on the service half's customers, at scale 1. */
export const REPEAT_BASE: Record<ProOrgKind, number> = { b2b: 500, b2c: 900 };

/** Shares of open (not at Qualification) and of signed deals whose stored stage lags their history. */
export const WRONG_OPEN_SHARE = 0.45;
export const WRONG_CLOSED_SHARE = 0.06;

/** Median sales cycle in days for an agent of this skill (the latent SalesTasks read). */
export function cycleMedianDays(kind: ProOrgKind, skill: number): number {
  return kind === 'b2b' ? 20 + 80 * (1 - skill) : 8 + 32 * (1 - skill);
}

interface PlannedOpp {
  accountId: string;
  contactId: string | null;
  accountName: string;
  state: string;
  owner: number;
  createdMs: number;
  leadIndex: number | null;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** The stage an open deal's elapsed share of its cycle supports. */
function stageAt(frac: number): ProStage {
  return frac < 0.25 ? 'Qualification' : frac < 0.5 ? 'Discovery' : frac < 0.75 ? 'Quote' : 'Negotiation';
}

function businessTime(dayMs: number, rng: Stream): number {
  return Math.floor(dayMs / DAY) * DAY + rng.int(8, 18) * HOUR + rng.int(0, 3599) * 1000;
}

export interface OpportunitiesResult {
  opportunities: SalesOpportunity[];
  wrongStage: WrongStageLatent[];
}

export function generateOpportunities(ctx: GenContext, kind: ProOrgKind, service: ServiceData, team: SalesTeam, leads: PlannedLead[]): OpportunitiesResult {
  const { org } = ctx;
  // Plain streams (the same draws streams() gives): these need no faker, whose set-up is costly.
  const rng = streamFor(ctx.seed, 'pro/sales/opportunities');
  const lineRng = streamFor(ctx.seed, 'pro/sales/lines');
  const contractRng = streamFor(ctx.seed, 'pro/sales/contracts');
  const stageRng = streamFor(ctx.seed, 'pro/sales/wrong-stage');
  const endMs = ctx.historyEndMs;
  const agentIndex = new Map(team.agents.map((a, i) => [a.userId, i]));

  const planned: PlannedOpp[] = [];
  leads.forEach((l, i) => {
    if (l.convertedMs === null) return;
    planned.push({ accountId: l.accountId!, contactId: l.contactId, accountName: l.company ?? `${l.firstName} ${l.lastName}`, state: l.state, owner: l.owner, createdMs: l.convertedMs, leadIndex: i });
  });
  const customers = service.customers;
  const nRepeat = scaled(ctx, REPEAT_BASE[kind], 10);
  for (let k = 0; k < nRepeat; k++) {
    const c = rng.pick(customers);
    const acct = org.store.get('Account', c.accountId)!;
    const territory = team.territoryOfState.get(c.state);
    const owner = territory && rng.chance(0.85) ? agentIndex.get(rng.pick(territory.userIds))! : rng.int(0, team.agents.length - 1);
    const from = Math.max(HISTORY_START, c.joinedMs);
    const createdMs = businessTime(from + rng.next() * (endMs - from), rng);
    planned.push({ accountId: c.accountId, contactId: c.contactId || null, accountName: String(acct.Name ?? `${c.firstName} ${c.lastName}`), state: c.state, owner, createdMs, leadIndex: null });
  }
  planned.sort((a, b) => a.createdMs - b.createdMs || a.owner - b.owner);

  const products = service.catalog.products;
  const book = service.books.find((b) => b.kind === 'standard')!;
  const priced = products.map((_, i) => i).filter((i) => book.entries.has(i));
  const descriptions = kind === 'b2b' ? B2B_DESCRIPTIONS : B2C_DESCRIPTIONS;

  const opportunities: SalesOpportunity[] = [];
  const wrongStage: WrongStageLatent[] = [];
  let rows = 0;
  for (const p of planned) {
    const agent = team.agents[p.owner]!;
    const ownerId = agent.userId;
    const cycleDays = Math.max(3, Math.round(rng.lognormal(cycleMedianDays(kind, agent.skill), 0.3)));
    // Weaker agents' deals stall more often (open long past their expected close).
    const stalled = rng.chance(0.06 + 0.12 * (1 - agent.skill));
    const companySignMs = businessTime(p.createdMs + cycleDays * DAY, rng);
    const closed = !stalled && companySignMs <= endMs;
    const frac = stalled ? rng.real(0.05, 0.95) : Math.min(0.99, (endMs - p.createdMs) / (cycleDays * DAY));
    const trueStage: ProStage = closed ? 'Closed' : stageAt(frac);
    let stage = trueStage;
    // Left at a wrong stage: a deal whose record was not advanced (its history, the calls and tasks
    // seed/pro/activity/ writes, supports trueStage) — often an open deal, sometimes a signed one
    // never moved to Closed (its contract is there). Enough of them for wrong_stage_rectification's
    // 80 answerable instances at scale 1, spread over the four later stages.
    if (!closed && trueStage !== 'Qualification' && stageRng.chance(WRONG_OPEN_SHARE)) {
      stage = stageRng.pick(PRO_STAGES.slice(0, PRO_STAGES.indexOf(trueStage)));
    } else if (closed && stageRng.chance(WRONG_CLOSED_SHARE)) {
      stage = stageRng.pick(['Quote', 'Negotiation'] as const);
    }

    const nLines = kind === 'b2b' ? lineRng.weighted([1, 2, 3, 4], [0.3, 0.35, 0.22, 0.13]) : lineRng.weighted([1, 2], [0.7, 0.3]);
    const chosen = lineRng.sample(priced, nLines);
    const items = chosen.map((pi) => ({
      pi,
      qty: kind === 'b2b' ? lineRng.weighted([1, 2, 5, 10, 20, 50], [0.2, 0.2, 0.25, 0.2, 0.1, 0.05]) : lineRng.weighted([1, 2, 3], [0.75, 0.2, 0.05]),
      entry: book.entries.get(pi)!,
    }));
    const amount = round2(items.reduce((s, it) => s + it.qty * it.entry.price, 0));
    const product = products[chosen[0]!]!;
    const closeDate = ymd(closed ? companySignMs : p.createdMs + cycleDays * DAY);
    let contractId: string | null = null;
    let customerSigned: string | null = null;
    let companySigned: string | null = null;
    let startDate: string | null = null;
    let startMs = 0;
    if (closed) {
      // The customer signs first, the company countersigns 0-2 days later (B2B); B2C has one signature.
      const customerSignMs = kind === 'b2b' ? companySignMs - contractRng.int(0, 2) * DAY : companySignMs;
      customerSigned = iso(customerSignMs);
      companySigned = kind === 'b2b' ? iso(companySignMs) : null;
      // Starts within the days after signing, never after the org clock (history ends 6 days before it).
      startMs = companySignMs + contractRng.int(0, 5) * DAY;
      startDate = ymd(startMs);
      const term = kind === 'b2b' ? contractRng.weighted([12, 24, 36], [0.5, 0.3, 0.2]) : 12;
      const end = new Date(startMs);
      end.setUTCMonth(end.getUTCMonth() + term);
      contractId = org.store.insert(
        'Contract',
        {
          AccountId: p.accountId, Status: 'Activated', StartDate: startDate, ContractTerm: term, EndDate: ymd(end.getTime() - DAY),
          CustomerSignedDate: customerSigned, CustomerSignedId: p.contactId,
          ...(kind === 'b2b' ? { CompanySignedDate: companySigned, CompanySignedId: ownerId } : {}),
          Description: `${term}-month agreement for ${product.name}${items.length > 1 ? ` and ${items.length - 1} more product${items.length > 2 ? 's' : ''}` : ''}.`,
          OwnerId: ownerId,
        },
        { CreatedDate: customerSigned, StatusCode: 'Activated', ActivatedDate: iso(Math.max(companySignMs, customerSignMs)), ActivatedById: ownerId },
      );
    }
    const oppId = org.store.insert(
      'Opportunity',
      {
        Name: `${p.accountName} - ${product.name}`,
        AccountId: p.accountId,
        ContactId: p.contactId,
        Description: contractRng.pick(descriptions).replace('{product}', product.name),
        StageName: stage,
        Amount: amount,
        CloseDate: closeDate,
        Type: p.leadIndex !== null ? 'New Customer' : 'Existing Customer - Upgrade',
        LeadSource: p.leadIndex !== null ? leads[p.leadIndex]!.source : null,
        Pricebook2Id: book.id,
        ContractID__c: contractId,
        OwnerId: ownerId,
      },
      // A closed deal was last modified when it closed.
      { CreatedDate: iso(p.createdMs), HasOpportunityLineItem: 1, ...(closed ? { LastModifiedDate: iso(companySignMs), SystemModstamp: iso(companySignMs) } : {}) },
    );
    const lines: SalesLine[] = items.map((it, k) => {
      const id = org.store.insert(
        'OpportunityLineItem',
        { OpportunityId: oppId, PricebookEntryId: it.entry.id, Product2Id: products[it.pi]!.id, Quantity: it.qty, UnitPrice: it.entry.price, TotalPrice: round2(it.qty * it.entry.price), SortOrder: k + 1, Name: `${p.accountName} ${products[it.pi]!.name}`, ProductCode: products[it.pi]!.code },
        { CreatedDate: iso(p.createdMs), ListPrice: products[it.pi]!.listPrice },
      );
      return { id, productId: products[it.pi]!.id, pricebookEntryId: it.entry.id, quantity: it.qty, unitPrice: it.entry.price, totalPrice: round2(it.qty * it.entry.price) };
    });
    rows += 1 + lines.length;

    let orderId: string | null = null;
    if (closed) {
      orderId = org.store.insert(
        'Order',
        { AccountId: p.accountId, ContractId: contractId, Pricebook2Id: book.id, Status: 'Activated', EffectiveDate: startDate, Description: `Order under contract for ${product.name}`, ShippingState: p.state, OwnerId: ownerId },
        { CreatedDate: iso(startMs), TotalAmount: amount },
      );
      for (const it of items) {
        org.store.insert(
          'OrderItem',
          { OrderId: orderId, Product2Id: products[it.pi]!.id, PricebookEntryId: it.entry.id, Quantity: it.qty, UnitPrice: it.entry.price, ServiceDate: startDate },
          { CreatedDate: iso(startMs), ListPrice: products[it.pi]!.listPrice },
        );
      }
      rows += 2 + items.length;
    }
    if (stage !== trueStage) wrongStage.push({ opportunityId: oppId, stored: stage, trueStage });
    if (p.leadIndex !== null) leads[p.leadIndex]!.opportunityId = oppId;
    opportunities.push({
      id: oppId, name: `${p.accountName} - ${product.name}`, accountId: p.accountId, contactId: p.contactId, ownerId, stage, trueStage,
      createdDate: iso(p.createdMs), closeDate, amount, pricebookId: book.id, contractId, lines,
      leadId: null, customerSignedDate: customerSigned, companySignedDate: companySigned, contractStartDate: startDate, orderId,
    });
  }
  ctx.progress('Opportunity', rows);
  return { opportunities, wrongStage };
}
