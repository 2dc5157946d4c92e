/**
 * CRMArena-Pro's B2B customers: business accounts (Name, Industry, NumberOfEmployees, Phone,
 * ShippingState, Description; reference/crmarena.md §12.2) with several Contacts each — the engineers,
 * managers and buyers who order and open cases. The first Contact is the account's main contact and
 * opens about half of its cases, colleagues the rest (cases.ts caseContact). The Customer shape of
 * generators/customers.ts, and the latent habits behind it (when and what the company buys, how often
 * it complains and through which channel), is the same as for person accounts. Nothing latent is
 * written to the rows.
 */
import { scaled, streams, type GenContext } from '../../context.ts';
import type { Customer } from '../../generators/customers.ts';
import type { Agent } from '../../generators/users.ts';
import type { Channel } from '../../latent.ts';
import { REGIONS } from '../../text/regions.ts';
import type { ServiceTheme } from '../../text/theme.ts';
import { DAY, HISTORY_START, iso } from '../../time.ts';
import { B2B_INDUSTRIES, COMPANY_STEMS, COMPANY_SUFFIXES, CONTACT_TITLES } from '../text/b2b-catalog.ts';

/** Contacts per company at scale 1: 2 to 7, about 4 on average. */
const CONTACT_COUNTS = [2, 3, 4, 5, 6, 7];
const CONTACT_WEIGHTS = [0.15, 0.25, 0.25, 0.17, 0.1, 0.08];

const slug = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

export function generateCompanies(ctx: GenContext, agents: Agent[], regionWeights: number[], theme: ServiceTheme): Customer[] {
  const { org } = ctx;
  const { rng, faker } = streams(ctx, 'pro/service/Account');
  const contactStreams = streams(ctx, 'pro/service/Contact');
  const CATEGORIES = theme.catalog.categories;
  const HABITS = theme.customers.habits;
  const n = scaled(ctx, theme.customers.accounts, 5);
  const usedNames = new Set<string>();
  const usedEmails = new Set<string>();
  const customers: Customer[] = [];
  const domains: string[] = [];
  const lastJoin = Math.max(HISTORY_START, ctx.historyEndMs - 180 * DAY);

  for (let i = 0; i < n; i++) {
    const industry = rng.weighted(B2B_INDUSTRIES.map((x) => x[0]), B2B_INDUSTRIES.map((x) => x[1]));
    let name = '';
    for (let k = 0; ; k++) {
      name = `${rng.pick(COMPANY_STEMS)} ${rng.pick(COMPANY_SUFFIXES[industry]!)}`;
      if (k >= 20) name = `${name} ${i + 1}`;
      if (!usedNames.has(name)) break;
    }
    usedNames.add(name);
    const domain = `${slug(name.split(' ')[0]!)}${slug(name.split(' ').slice(1).join(''))}.example.com`;
    const region = REGIONS[rng.weightedIndex(regionWeights)]!;
    const city = rng.pick(region.cities);
    const joinedMs = rng.chance(0.6) ? HISTORY_START - rng.int(10, 400) * DAY : HISTORY_START + Math.floor(rng.next() * (lastJoin - HISTORY_START));
    const employees = Math.max(12, Math.round(rng.lognormal(industry === 'Education' || industry === 'Government' ? 3000 : 650, 1.1)));
    const habit = HABITS[rng.weightedIndex(HABITS.map((h) => h.weight))]!;
    const pool = habit.categories.length ? habit.categories : CATEGORIES.map((c) => c.code);
    const favoriteCategories = rng.sample(pool, rng.int(1, Math.min(3, pool.length))).map((code) => CATEGORIES.findIndex((c) => c.code === code));
    const complaintDraw = rng.next();
    const complaint = complaintDraw < 0.5 ? 'rare' : complaintDraw < 0.85 ? 'occasional' : 'frequent';
    const caseRateFactor = complaint === 'rare' ? 0.3 : complaint === 'occasional' ? 1 : 3.5;
    const preferredChannel: Channel = rng.chance(0.35) ? 'chat' : 'email';
    const chatProbability = preferredChannel === 'chat' ? rng.real(0.7, 0.9) : rng.real(0.05, 0.2);
    // Bigger companies buy more often.
    const ordersPerYear = rng.lognormal(theme.customers.ordersPerYear[0], theme.customers.ordersPerYear[1]) * Math.min(2, Math.max(0.6, Math.log10(employees) / 2.8));
    const accountId = org.store.insert(
      'Account',
      {
        Name: name,
        Industry: industry,
        NumberOfEmployees: employees,
        Phone: faker.phone.number({ style: 'national' }),
        Website: `www.${domain}`,
        Type: 'Customer',
        AccountSource: rng.pick(theme.customers.accountSources),
        ShippingStreet: faker.location.streetAddress(),
        ShippingCity: city,
        ShippingState: region.state,
        ShippingPostalCode: faker.location.zipCode('#####'),
        ShippingCountry: 'United States',
        Description: `${name} is ${/^[AEIOU]/.test(industry) ? 'an' : 'a'} ${industry.toLowerCase()} company based in ${city}, ${region.state}, with about ${employees.toLocaleString('en-US')} employees. A ${theme.company.name} customer since ${new Date(joinedMs).getUTCFullYear()}.`,
        OwnerId: ctx.adminUserId,
      },
      { CreatedDate: iso(joinedMs), IsPersonAccount: 0 },
    );
    customers.push({
      accountId, contactId: '', contactIds: [], firstName: '', lastName: '', email: '', state: region.state, city, joinedMs,
      habit: habit.kind, peakMonths: habit.months, favoriteCategories, ordersPerYear, complaint, caseRateFactor, preferredChannel, chatProbability,
    });
    domains.push(domain);
  }
  ctx.progress('Account', n);

  const { rng: crng, faker: cfaker } = contactStreams;
  let contacts = 0;
  for (const [ci, c] of customers.entries()) {
    const domain = domains[ci]!;
    const k = crng.weighted(CONTACT_COUNTS, CONTACT_WEIGHTS);
    for (let j = 0; j < k; j++) {
      const first = cfaker.person.firstName();
      const last = cfaker.person.lastName();
      const base = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
      let local = base;
      for (let m = 2; usedEmails.has(`${local}@${domain}`); m++) local = `${base}${m}`;
      const email = `${local}@${domain}`;
      usedEmails.add(email);
      // The main contact is an engineer or manager who uses the products; the others include buyers.
      const title = j === 0 ? crng.pick(CONTACT_TITLES.slice(0, 10)) : crng.pick(CONTACT_TITLES);
      const createdAfter = j === 0 ? 0 : crng.int(1, 90) * DAY;
      const id = org.store.insert(
        'Contact',
        {
          AccountId: c.accountId, FirstName: first, LastName: last, Email: email, Title: title,
          Phone: cfaker.phone.number({ style: 'national' }), MailingCity: c.city, MailingState: c.state, OwnerId: crng.pick(agents).id,
        },
        // The main contact is there from the start; colleagues join later.
        { CreatedDate: iso(c.joinedMs + (j === 0 ? 0 : createdAfter)) },
      );
      c.contactIds.push(id);
      (c.contacts ??= []).push({ id, firstName: first, lastName: last, email, createdMs: c.joinedMs + (j === 0 ? 0 : createdAfter) });
      if (j === 0) Object.assign(c, { contactId: id, firstName: first, lastName: last, email });
      contacts++;
    }
  }
  ctx.progress('Contact', contacts);
  return customers;
}
