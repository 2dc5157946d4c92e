/**
 * Cases (980 at scale 1). Which order lines become cases is drawn from the latent variables: the
 * customer's complaint habit, the product's defect rate and its seasonal spike month. The issue comes
 * from the product's issue mix and the season. Routing follows workload capacity and Skill; unskilled
 * agents transfer the case to an expert; handle time shrinks with the closing agent's skill and
 * varies by region (the customer's ShippingState). Nothing latent is written to the Case row.
 */
import { scaled, streams, type GenContext } from '../context.ts';
import { ISSUE_NAMES, type Channel } from '../latent.ts';
import type { ServiceTheme } from '../text/theme.ts';
import { DAY, HOUR, MINUTE, iso, longDate, monthOf } from '../time.ts';
import { WeightedTable } from '../weighted-table.ts';
import type { Stream } from '../rng.ts';
import type { Product } from './catalog.ts';
import type { CaseContact, Customer } from './customers.ts';
import type { OrderLine } from './orders.ts';
import type { Agent } from './users.ts';

export interface CaseRecord {
  id: string;
  line: OrderLine;
  customer: Customer;
  /** The Contact who opened the case (the customer's own, unless the theme lets colleagues open cases). */
  contact: CaseContact;
  product: Product;
  issue: number;
  channel: Channel;
  subject: string;
  description: string;
  createdMs: number;
  closedMs: number | null;
  status: string;
  /** Opened in the last days and not yet answered by anyone (Status 'New' in the original org). */
  untouched: boolean;
  /** Agent indexes in order; the last is Case.OwnerId. */
  owners: number[];
  /** When each owner after the first took over (transfers), same length as owners - 1. */
  transferMs: number[];
  /** Product-dependent words for conversation templates (part, pronoun, size note). */
  textVars: Record<string, string>;
}

/** Some issues are seasonal for everyone: holiday shipping, January returns, Black Friday cancellations. */
export function issueMonthFactor(issue: number, month: number): number {
  const name = ISSUE_NAMES[issue]!;
  if (name === 'Shipping Delay') return month === 12 ? 2.5 : month === 11 ? 1.8 : 1;
  if (name === 'Return Policy Issue') return month === 1 ? 2.2 : 1;
  if (name === 'Order Cancellation') return month === 11 ? 1.8 : 1;
  if (name === 'Loyalty Program Inquiry') return month === 12 || month === 1 ? 1.5 : 1;
  return 1;
}

/** Days from purchase to complaint: warranty claims come months later, wrong items at once. */
export function delayDays(issue: number, rng: Stream): number {
  const name = ISSUE_NAMES[issue]!;
  if (name === 'Warranty Issue') return rng.real(60, 330);
  if (name === 'Product Defect') return rng.lognormal(20, 0.6);
  if (name === 'Shipping Delay' || name === 'Order Cancellation') return rng.real(0.1, 12);
  return rng.lognormal(7, 0.6);
}

const PRIORITY_FACTOR: Record<string, number> = { High: 0.7, Medium: 1, Low: 1.3 };

/** Code-unit order: unlike localeCompare, the same on every ICU build. */
const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? `{${k}}`);
}

export function generateCases(
  ctx: GenContext,
  lines: OrderLine[],
  customers: Customer[],
  products: Product[],
  agents: Agent[],
  regionFactor: Map<string, number>,
  issueIds: string[],
  theme: ServiceTheme,
): CaseRecord[] {
  const { org } = ctx;
  const issueMonthFactor = (issue: number, month: number) => theme.issues[issue]!.monthFactor(month);
  const delayDays = (issue: number, r: Stream) => theme.issues[issue]!.delayDays(r);
  const { rng } = streams(ctx, 'Case');
  const routeRng = streams(ctx, 'Case.routing').rng;
  // Only drawn when cases may come from any contact of the account, so other orgs' streams are untouched.
  const contactRng = theme.caseFromAnyContact ? streams(ctx, 'pro/service/Case.contact').rng : undefined;
  const K = Math.min(scaled(ctx, theme.cases, 10), lines.length);

  // 1. A tentative issue and complaint date per order line, then a weighted draw without replacement
  //    (Efraimidis-Spirakis keys) of the lines that become cases.
  type Candidate = { line: OrderLine; issue: number; createdMs: number; key: number };
  const candidates: Candidate[] = [];
  for (const line of lines) {
    const p = products[line.product]!;
    const c = customers[line.customer]!;
    const orderMonth = monthOf(line.orderMs);
    const issue = rng.weightedIndex(p.issueMix.map((w, i) => w * issueMonthFactor(i, orderMonth)));
    const createdMs = line.orderMs + Math.floor(Math.max(0.05, delayDays(issue, rng)) * DAY) + rng.int(0, 6 * 3600) * 1000;
    const u = rng.next();
    if (createdMs >= ctx.historyEndMs) continue;
    const m = monthOf(createdMs);
    const w = c.caseRateFactor * p.defectRate * (p.spike && p.spike.month === m ? p.spike.factor : 1) * issueMonthFactor(issue, m);
    candidates.push({ line, issue, createdMs, key: Math.log(Math.max(u, 1e-300)) / w });
  }
  candidates.sort((a, b) => b.key - a.key || byId(a.line.id, b.line.id));
  const chosen = candidates.slice(0, K).sort((a, b) => a.createdMs - b.createdMs || byId(a.line.id, b.line.id));

  // 2. Routing tables per issue: capacity x skill for first assignment, experts for transfers.
  const agentIdx = agents.map((_, i) => i);
  const routeTables = theme.issues.map((_, i) => new WeightedTable(agentIdx, agents.map((a) => a.capacity * (0.2 + a.skill[i]!) ** 2)));
  const expertTables = theme.issues.map((_, i) => new WeightedTable(agentIdx, agents.map((a) => a.capacity * a.skill[i]! ** 8)));

  const records: CaseRecord[] = [];
  for (const cand of chosen) {
    const { line, issue, createdMs } = cand;
    const customer = customers[line.customer]!;
    const product = products[line.product]!;
    const bank = theme.issues[issue]!.cases;
    const vars = {
      product: product.name,
      kind: product.kind.toLowerCase(),
      orderDate: longDate(line.orderMs),
      color: rng.pick(theme.catalog.colors).toLowerCase(),
      ...theme.productVars(product.kind, (xs) => rng.pick(xs)),
    };
    const subject = fill(rng.pick(bank.subjects), vars);
    const description = fill(rng.pick(bank.descriptions), vars);
    const priority = rng.weighted(['High', 'Medium', 'Low'], bank.priorityWeights);
    const channel: Channel = rng.chance(customer.chatProbability) ? 'chat' : 'email';
    const contact = caseContact(customer, createdMs, contactRng);

    // Owners: first assignment, then transfers away from agents who lack the skill.
    const owners = [routeTables[issue]!.draw(routeRng)];
    const transferMs: number[] = [];
    let t = createdMs;
    while (owners.length < 4) {
      const s = agents[owners[owners.length - 1]!]!.skill[issue]!;
      const p = Math.min(0.6, Math.max(0, (0.72 - s) * 0.75)) / owners.length;
      if (!routeRng.chance(p)) break;
      let next = expertTables[issue]!.draw(routeRng);
      for (let k = 0; k < 5 && owners.includes(next); k++) next = expertTables[issue]!.draw(routeRng);
      if (owners.includes(next)) break;
      t += Math.floor(routeRng.lognormal(5, 0.8) * (1.6 - s) * HOUR) + MINUTE;
      owners.push(next);
      transferMs.push(t);
    }
    const closer = agents[owners[owners.length - 1]!]!;
    const handle = routeRng.lognormal(18, 0.7) * (2.2 - 1.7 * closer.skill[issue]!) * (regionFactor.get(customer.state) ?? 1) * PRIORITY_FACTOR[priority]!;
    let closedMs: number | null = t + Math.floor(handle * HOUR) + MINUTE;
    let status = 'Closed';
    let untouched = false;
    const recent = ctx.nowMs - createdMs < 90 * DAY;
    if (closedMs >= ctx.nowMs || routeRng.chance(recent ? 0.3 : 0.03)) {
      closedMs = null;
      const { fresh, open, weights } = theme.caseStatuses;
      untouched = ctx.nowMs - createdMs < 3 * DAY && owners.length === 1;
      status = untouched ? fresh : routeRng.weighted(open, weights);
      // Transfers that had not happened yet by now are dropped.
      while (transferMs.length && transferMs[transferMs.length - 1]! >= ctx.nowMs) {
        transferMs.pop();
        owners.pop();
      }
    }
    const lastEvent = closedMs ?? (transferMs.length ? transferMs[transferMs.length - 1]! : createdMs);
    const id = org.store.insert(
      'Case',
      {
        ContactId: contact.id,
        AccountId: customer.accountId,
        Subject: subject,
        Description: description,
        Status: status,
        Priority: priority,
        Origin: channel === 'chat' ? 'Chat' : 'Email',
        // Email-to-Case records the sender as Web Email / Web Name.
        SuppliedEmail: channel === 'email' ? contact.email : null,
        SuppliedName: channel === 'email' ? `${contact.firstName} ${contact.lastName}` : null,
        Type: bank.type,
        Reason: bank.reason,
        IsEscalated: status === 'Escalated' ? 1 : 0,
        OrderItemId__c: line.id,
        IssueId__c: issueIds[issue]!,
        OwnerId: agents[owners[owners.length - 1]!]!.id,
      },
      { CreatedDate: iso(createdMs), ClosedDate: closedMs === null ? null : iso(closedMs), LastModifiedDate: iso(lastEvent), SystemModstamp: iso(lastEvent) },
    );
    records.push({ id, line, customer, contact, product, issue, channel, subject, description, createdMs, closedMs, status, untouched, owners, transferMs, textVars: vars });
    ctx.progress('Case', 1);
  }
  return records;
}

/** The main contact half of the time, otherwise a colleague who was already a contact when the case was opened. */
function caseContact(customer: Customer, createdMs: number, rng: Stream | undefined): CaseContact {
  const main: CaseContact = { id: customer.contactId, firstName: customer.firstName, lastName: customer.lastName, email: customer.email, createdMs: customer.joinedMs };
  if (!rng || !customer.contacts) return main;
  const colleagues = customer.contacts.filter((k) => k.id !== customer.contactId && k.createdMs <= createdMs);
  return !colleagues.length || rng.chance(0.5) ? main : rng.pick(colleagues);
}
