/**
 * Leads (B2B 1,600, B2C 3,000 at scale 1). Each lead has a region (Lead.State, drawn with the
 * customers' region weights) and is routed to a sales agent of that region's territory most of the
 * time. Whether it converts depends on the latent lead quality, the owner's skill and the territory
 * fit; a converted lead becomes a new Account and Contact (a company and its buyer in B2B, a person
 * account in B2C) and an opportunity (seed/pro/sales/opportunities.ts), as Lead conversion does.
 */
import type { ProOrgKind } from '../../../src/org/org-kind.ts';
import { RECORD_TYPE_PERSON_ACCOUNT } from '../../generators/setup-objects.ts';
import { scaled, streams, type GenContext } from '../../context.ts';
import { DAY, HISTORY_START, HOUR, iso, ymd } from '../../time.ts';
import { REGIONS } from '../../text/regions.ts';
import type { SalesTeam } from './territories.ts';
import { B2B_INDUSTRIES, LEAD_SOURCES, LEAD_TITLES } from './text-bank.ts';

export interface PlannedLead {
  firstName: string;
  lastName: string;
  company: string | null;
  title: string | null;
  email: string;
  phone: string;
  state: string;
  city: string;
  source: string;
  industry: string | null;
  /** Index into team.agents. */
  owner: number;
  createdMs: number;
  quality: number;
  inTerritory: boolean;
  status: 'New' | 'Working' | 'Qualified' | 'Converted';
  convertedMs: number | null;
  accountId: string | null;
  contactId: string | null;
  opportunityId: string | null;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * Sized toward Pro's org totals (B2B 29,101 / B2C 54,569 records, reference/crmarena.md §12.1): at
 * scale 1 the sales objects (leads, converted accounts and contacts, opportunities and lines,
 * contracts, orders) come to ~10k in B2B and ~18k in B2C; B2C sells more, smaller deals.
 */
export const LEAD_BASE: Record<ProOrgKind, number> = { b2b: 1600, b2c: 3000 };

/** The chance a lead converts: lead quality, the owner's skill and territory fit (SalesLatent). */
export function conversionChance(kind: ProOrgKind, skill: number, quality: number, inTerritory: boolean): number {
  const p = 0.02 + 0.32 * skill + 0.28 * quality + (inTerritory ? 0.08 : -0.04) + (kind === 'b2c' ? 0.05 : 0);
  return Math.min(0.95, Math.max(0.02, p));
}

export function planLeads(ctx: GenContext, kind: ProOrgKind, team: SalesTeam): PlannedLead[] {
  const { rng, faker } = streams(ctx, 'pro/sales/leads');
  const endMs = ctx.historyEndMs;
  const n = scaled(ctx, LEAD_BASE[kind], 20);
  const weights = REGIONS.map((r) => r.weight);
  const agentIndex = new Map(team.agents.map((a, i) => [a.userId, i]));
  const emails = new Set<string>();
  const companies = new Set<string>();
  const out: PlannedLead[] = [];
  for (let k = 0; k < n; k++) {
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    let company: string | null = null;
    if (kind === 'b2b') {
      company = faker.company.name();
      for (let i = 2; companies.has(company); i++) company = `${company.replace(/ \d+$/, '')} ${i}`;
      companies.add(company);
    }
    const domain = company ? `${company.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example.com` : rng.pick(['example.com', 'example.net', 'example.org']);
    let email = `${firstName}.${lastName}@${domain}`.toLowerCase().replace(/[^a-z0-9.@]/g, '');
    for (let i = 2; emails.has(email); i++) email = email.replace(/^([^@]*?)\d*@/, `$1${i}@`);
    emails.add(email);
    const region = REGIONS[rng.weightedIndex(weights)]!;
    const territory = team.territoryOfState.get(region.state)!;
    // Routing: mostly to an agent of the lead's territory; the rest land anywhere (the misrouted ones).
    const owner = rng.chance(0.85) ? agentIndex.get(rng.pick(territory.userIds))! : rng.int(0, team.agents.length - 1);
    const inTerritory = team.agents[owner]!.territoryIds.includes(territory.id);
    const createdMs = HISTORY_START + Math.floor(rng.next() * (endMs - HISTORY_START) / DAY) * DAY + rng.int(8, 18) * HOUR + rng.int(0, 3599) * 1000;
    const quality = round3(rng.next());
    const skill = team.agents[owner]!.skill;
    const converts = rng.chance(conversionChance(kind, skill, quality, inTerritory));
    // Skilled agents also convert sooner (days from creation to conversion).
    const lagDays = Math.max(1, Math.round(rng.lognormal(6 + 30 * (1 - skill), 0.4)));
    let convertedMs: number | null = converts ? createdMs + lagDays * DAY + rng.int(0, 6) * HOUR : null;
    if (convertedMs !== null && convertedMs > endMs) convertedMs = null;
    const ageDays = (endMs - createdMs) / DAY;
    const status: PlannedLead['status'] = convertedMs !== null ? 'Converted'
      : ageDays < 14 ? (rng.chance(0.7) ? 'New' : 'Working')
        : rng.weighted(['New', 'Working', 'Qualified'] as const, [0.2, 0.55, 0.25]);
    out.push({
      firstName, lastName, company, title: kind === 'b2b' ? rng.pick(LEAD_TITLES) : null, email,
      phone: faker.phone.number({ style: 'national' }), state: region.state, city: rng.pick(region.cities),
      source: rng.pick(LEAD_SOURCES), industry: kind === 'b2b' ? rng.pick(B2B_INDUSTRIES) : null,
      owner, createdMs, quality, inTerritory, status, convertedMs, accountId: null, contactId: null, opportunityId: null,
    });
  }
  out.sort((a, b) => a.createdMs - b.createdMs);
  return out;
}

/** The Account and Contact a converted lead becomes (Lead conversion creates both). */
export function insertConvertedAccounts(ctx: GenContext, kind: ProOrgKind, leads: PlannedLead[], team: SalesTeam): void {
  const { org } = ctx;
  const { rng, faker } = streams(ctx, 'pro/sales/converted-accounts');
  const converted = leads.filter((l) => l.convertedMs !== null).sort((a, b) => a.convertedMs! - b.convertedMs!);
  for (const l of converted) {
    const ownerId = team.agents[l.owner]!.userId;
    const created = iso(l.convertedMs!);
    const address = { ShippingStreet: faker.location.streetAddress(), ShippingCity: l.city, ShippingState: l.state, ShippingPostalCode: faker.location.zipCode('#####'), ShippingCountry: 'United States' };
    l.accountId = kind === 'b2b'
      ? org.store.insert('Account', { Name: l.company!, Industry: l.industry, NumberOfEmployees: rng.weighted([25, 80, 250, 900, 4000], [3, 4, 3, 2, 1]) + rng.int(0, 20), Phone: l.phone, Type: 'Customer', AccountSource: l.source, ...address, OwnerId: ownerId }, { CreatedDate: created })
      : org.store.insert('Account', { FirstName: l.firstName, LastName: l.lastName, PersonEmail: l.email, Phone: l.phone, RecordTypeId: RECORD_TYPE_PERSON_ACCOUNT, Type: 'Customer', AccountSource: l.source, ...address, OwnerId: ownerId }, { CreatedDate: created });
    l.contactId = org.store.insert(
      'Contact',
      { AccountId: l.accountId, FirstName: l.firstName, LastName: l.lastName, Email: l.email, Phone: l.phone, Title: l.title, MailingCity: l.city, MailingState: l.state, LeadSource: l.source, OwnerId: ownerId },
      { CreatedDate: created },
    );
  }
  ctx.progress('Account', converted.length * 2);
}

export function insertLeads(ctx: GenContext, kind: ProOrgKind, leads: PlannedLead[], team: SalesTeam): string[] {
  const { org } = ctx;
  const ids = leads.map((l) =>
    org.store.insert(
      'Lead',
      {
        FirstName: l.firstName, LastName: l.lastName, Email: l.email, Phone: l.phone, Status: l.status,
        City: l.city, State: l.state, Country: 'United States', LeadSource: l.source, OwnerId: team.agents[l.owner]!.userId,
        ...(kind === 'b2b' ? { Company: l.company, Title: l.title, Industry: l.industry } : {}),
      },
      {
        CreatedDate: iso(l.createdMs),
        IsConverted: l.convertedMs !== null ? 1 : 0,
        ConvertedDate: l.convertedMs !== null ? ymd(l.convertedMs) : null,
        ConvertedAccountId: l.accountId, ConvertedContactId: l.contactId, ConvertedOpportunityId: l.opportunityId,
        ...(l.convertedMs !== null ? { LastModifiedDate: iso(l.convertedMs), SystemModstamp: iso(l.convertedMs) } : {}),
      },
    ),
  );
  ctx.progress('Lead', ids.length);
  return ids;
}
