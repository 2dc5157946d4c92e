/**
 * The original org's theme: Trailmark Outfitters, the apparel and footwear retailer of CRMArena's
 * service org. Assembled from the existing banks so the original org stays byte-identical.
 */
import { familyIssueBias, RELATED } from '../generators/catalog.ts';
import { delayDays, issueMonthFactor } from '../generators/cases.ts';
import { HABITS } from '../generators/customers.ts';
import { ISSUE_DESCRIPTIONS } from '../generators/issues.ts';
import { ITEM_COUNTS, ITEM_WEIGHTS, MONTH_BOOST, retailOrderType, retailQuantity } from '../generators/orders.ts';
import { bookDefs } from '../generators/pricebooks.ts';
import { ISSUE_NAMES } from '../latent.ts';
import { CASE_BANK, productVars } from './case-bank.ts';
import { CATEGORIES, COLORS, familyOfKind, PRODUCT_LINES } from './catalog-bank.ts';
import { COMPANY } from './company.ts';
import {
  CHAT_OPENERS_AGENT, CHAT_PENDING, CLOSINGS_AGENT, CUSTOMER_THANKS, GREETINGS_AGENT, INTRO_NEW_AGENT, NEXT_STEPS, OPEN_LINES, TRANSFER_LINES,
} from './conversation-bank.ts';
import { ARTICLES } from './knowledge-bank.ts';
import type { ServiceTheme } from './theme.ts';

export const ORIGINAL_THEME: ServiceTheme = {
  key: 'original',
  company: { name: COMPANY.name, domain: COMPANY.domain },
  issues: ISSUE_NAMES.map((name, i) => ({
    name,
    description: ISSUE_DESCRIPTIONS[name],
    phrase: name.toLowerCase().replace('/payment issue', ' and payment'),
    cases: CASE_BANK[name],
    monthFactor: (month: number) => issueMonthFactor(i, month),
    delayDays: (rng) => delayDays(i, rng),
  })),
  catalog: {
    categories: CATEGORIES,
    related: RELATED,
    productLines: PRODUCT_LINES,
    colors: COLORS,
    products: 500,
    familyOfKind,
    issueBias: familyIssueBias,
    description: (v) => `The ${v.name} is part of our ${v.category.toLowerCase()} range. Made of ${v.material}, it features ${v.f1} and ${v.f2}. Shown in ${v.color}; ${v.tail}.`,
    descriptionTails: ['available in a full size run', 'available in regular and wide fits', 'available in sizes XS to XXL', 'available in three colors'],
    codePrefix: 'TM',
    skuPrefix: 'TMO',
  },
  pricebooks: { defs: bookDefs(), coverage: 0.977 },
  customers: {
    accounts: 200,
    extraContacts: 10,
    habits: HABITS,
    ordersPerYear: [1.9, 0.5],
    accountSources: ['Web', 'Web', 'In Store', 'Phone Inquiry', 'Partner Referral'],
  },
  orders: { count: 2070, monthBoost: MONTH_BOOST, itemCounts: ITEM_COUNTS, itemWeights: ITEM_WEIGHTS, quantity: retailQuantity, type: retailOrderType },
  cases: 980,
  caseStatuses: { fresh: 'New', open: ['Working', 'Escalated', 'Waiting on Customer'], weights: [5, 2, 3] },
  productVars,
  articles: ARTICLES,
  conversation: {
    greetings: GREETINGS_AGENT,
    transfers: TRANSFER_LINES,
    introNewAgent: INTRO_NEW_AGENT,
    nextSteps: NEXT_STEPS,
    openLines: OPEN_LINES,
    closings: CLOSINGS_AGENT,
    customerThanks: CUSTOMER_THANKS,
    chatOpeners: CHAT_OPENERS_AGENT,
    chatPending: CHAT_PENDING,
    signature: 'Customer Care',
  },
  emailRelatedToCase: false,
  caseFromAnyContact: false,
};
