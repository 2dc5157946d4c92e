/**
 * Customers: person Accounts (200 at scale 1) with their Contacts (210: one per account plus a few
 * household members), and the latent habits behind them — shopping habit (when and what they buy,
 * CRMArena's ShoppingHabit) and complaint habit (how often they open cases, and through which channel).
 */
import { makeId } from '../../src/org/index.ts';
import { scaled, streams, type GenContext } from '../context.ts';
import type { Channel, CustomerLatent, ShoppingHabitKind } from '../latent.ts';
import { REGIONS } from '../text/regions.ts';
import type { HabitDef, ServiceTheme } from '../text/theme.ts';
import { DAY, HISTORY_START, iso } from '../time.ts';
import { RECORD_TYPE_PERSON_ACCOUNT } from './setup-objects.ts';
import type { Agent } from './users.ts';

export interface Customer {
  accountId: string;
  contactId: string;
  /** Every Contact of the account (the first is the customer). */
  contactIds: string[];
  firstName: string;
  lastName: string;
  email: string;
  state: string;
  city: string;
  joinedMs: number;
  habit: ShoppingHabitKind;
  peakMonths: number[];
  favoriteCategories: number[];
  ordersPerYear: number;
  complaint: CustomerLatent['complaintHabit']['kind'];
  caseRateFactor: number;
  preferredChannel: Channel;
  chatProbability: number;
  /** Every Contact with its name and email, when cases may come from any of them (a B2B company's people). */
  contacts?: CaseContact[];
}

/** Who opens a case: the customer's own Contact, or a colleague at a B2B company. */
export interface CaseContact {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  createdMs: number;
}

export const HABITS: HabitDef[] = [
  { kind: 'holiday', weight: 3, months: [11, 12], categories: ['BOT', 'JKT', 'ACC', 'KID'] },
  { kind: 'summer-outdoor', weight: 2, months: [5, 6, 7], categories: ['TRL', 'SDL', 'OUT'] },
  { kind: 'back-to-school', weight: 1.5, months: [8, 9], categories: ['KID', 'SNK', 'ACC'] },
  { kind: 'new-year-fitness', weight: 2, months: [1, 2], categories: ['RUN', 'WAW', 'MAW', 'YGA'] },
  { kind: 'spring-refresh', weight: 1.5, months: [3, 4], categories: ['SNK', 'RUN', 'OUT', 'WAW'] },
  { kind: 'steady', weight: 2, months: [], categories: [] },
];

export { RECORD_TYPE_PERSON_ACCOUNT };

/**
 * Person accounts. `theme.key === 'b2c'` follows CRMArena-Pro's B2C schema: the account carries the
 * person (PersonEmail, Phone, Description) and its Contact only the link and the name.
 */
export function generateCustomers(ctx: GenContext, agents: Agent[], regionWeights: number[], theme: ServiceTheme): Customer[] {
  const { org } = ctx;
  const { rng, faker } = streams(ctx, 'Account');
  const contactRng = streams(ctx, 'Contact');
  const { habits: HABITS, accountSources } = theme.customers;
  const CATEGORIES = theme.catalog.categories;
  const proB2c = theme.key === 'b2c';
  const n = scaled(ctx, theme.customers.accounts, 5);
  const extraContacts = scaled(ctx, theme.customers.extraContacts, 0);
  const usedEmails = new Set<string>();
  const uniqueEmail = (first: string, last: string): string => {
    const baseLocal = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
    let local = baseLocal;
    for (let k = 2; usedEmails.has(local); k++) local = `${baseLocal}${k}`;
    usedEmails.add(local);
    return `${local}@example.com`;
  };
  const customers: Customer[] = [];
  // Customers join over the history; most are there from the start.
  const lastJoin = Math.max(HISTORY_START, ctx.historyEndMs - 180 * DAY);
  for (let i = 0; i < n; i++) {
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    const email = uniqueEmail(firstName, lastName);
    const region = REGIONS[rng.weightedIndex(regionWeights)]!;
    const city = rng.pick(region.cities);
    const joinedMs = rng.chance(0.55) ? HISTORY_START - rng.int(10, 200) * DAY : HISTORY_START + Math.floor(rng.next() * (lastJoin - HISTORY_START));
    const habit = HABITS[rng.weightedIndex(HABITS.map((h) => h.weight))]!;
    const pool = habit.categories.length ? habit.categories : CATEGORIES.map((c) => c.code);
    const favoriteCategories = rng.sample(pool, rng.int(1, 3)).map((code) => CATEGORIES.findIndex((c) => c.code === code));
    const complaintDraw = rng.next();
    const complaint = complaintDraw < 0.5 ? 'rare' : complaintDraw < 0.85 ? 'occasional' : 'frequent';
    const caseRateFactor = complaint === 'rare' ? 0.3 : complaint === 'occasional' ? 1 : 3.5;
    const preferredChannel: Channel = rng.chance(0.45) ? 'chat' : 'email';
    const chatProbability = preferredChannel === 'chat' ? rng.real(0.7, 0.9) : rng.real(0.05, 0.2);
    const accountId = org.store.insert(
      'Account',
      {
        FirstName: firstName,
        LastName: lastName,
        Salutation: rng.pick(['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Mx.']),
        PersonEmail: email,
        Phone: faker.phone.number({ style: 'national' }),
        RecordTypeId: RECORD_TYPE_PERSON_ACCOUNT,
        Type: 'Customer',
        AccountSource: rng.pick(accountSources),
        ShippingStreet: faker.location.streetAddress(),
        ShippingCity: city,
        ShippingState: region.state,
        ShippingPostalCode: faker.location.zipCode('#####'),
        ShippingCountry: 'United States',
        OwnerId: ctx.adminUserId,
        ...(proB2c ? { Description: `${theme.company.name} customer since ${monthYear(joinedMs)}.` } : {}),
      },
      { CreatedDate: iso(joinedMs) },
    );
    customers.push({
      accountId, contactId: '', contactIds: [], firstName, lastName, email, state: region.state, city, joinedMs,
      habit: habit.kind, peakMonths: habit.months, favoriteCategories,
      ordersPerYear: rng.lognormal(theme.customers.ordersPerYear[0], theme.customers.ordersPerYear[1]), complaint, caseRateFactor, preferredChannel, chatProbability,
    });
  }
  ctx.progress('Account', n);

  const insertContact = (c: Customer, first: string, email: string): string => {
    const phone = contactRng.faker.phone.number({ style: 'national' });
    const ownerId = contactRng.rng.pick(agents).id;
    // Pro's B2C Contact is only the person account's link (the same draws, fewer fields).
    const values: Record<string, string> = proB2c
      ? { AccountId: c.accountId, FirstName: first, LastName: c.lastName, OwnerId: ownerId }
      : { AccountId: c.accountId, FirstName: first, LastName: c.lastName, Email: email, Phone: phone, MailingCity: c.city, MailingState: c.state, OwnerId: ownerId };
    return org.store.insert('Contact', values, { CreatedDate: iso(c.joinedMs) });
  };
  for (const c of customers) {
    c.contactId = insertContact(c, c.firstName, c.email);
    c.contactIds.push(c.contactId);
  }
  for (let k = 0; k < extraContacts; k++) {
    const c = contactRng.rng.pick(customers);
    const first = contactRng.faker.person.firstName();
    c.contactIds.push(insertContact(c, first, uniqueEmail(first, c.lastName)));
  }
  ctx.progress('Contact', n + extraContacts);
  return customers;
}

export function customerLatent(c: Customer, categoryIds: string[]): CustomerLatent {
  return {
    accountId: c.accountId,
    contactId: c.contactId,
    shoppingHabit: { kind: c.habit, peakMonths: c.peakMonths, favoriteCategoryIds: c.favoriteCategories.map((i) => categoryIds[i]!), ordersPerYear: round3(c.ordersPerYear) },
    complaintHabit: { kind: c.complaint, caseRateFactor: c.caseRateFactor, preferredChannel: c.preferredChannel, chatProbability: round3(c.chatProbability) },
  };
}

export const round3 = (x: number): number => Math.round(x * 1000) / 1000;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const monthYear = (ms: number): string => `${MONTHS[new Date(ms).getUTCMonth()]} ${new Date(ms).getUTCFullYear()}`;
