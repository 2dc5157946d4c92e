/**
 * The B2B theme: Voltrive Design Systems, a design-automation software vendor selling to companies
 * (reference/crmarena.md §12.2). Volumes size the service half so that with the sales, CPQ and
 * activity objects the org lands near Pro's 29,101 B2B records at scale 1 (§12.1).
 */
import type { Stream } from '../../rng.ts';
import type { CategoryDef } from '../../text/catalog-bank.ts';
import type { ServiceTheme } from '../../text/theme.ts';
import { B2B_CATEGORIES, B2B_COMPANY, B2B_EDITIONS, B2B_PRODUCT_LINES, B2B_RELATED, b2bFamilyOfKind, b2bPricebooks } from './b2b-catalog.ts';
import { B2B_ISSUES, b2bProductVars } from './b2b-cases.ts';
import { B2B_ARTICLES } from './b2b-knowledge.ts';

/** Issues more likely for some product families (index per B2B_ISSUES). */
function b2bIssueBias(cat: CategoryDef): number[] {
  const w = B2B_ISSUES.map(() => 1);
  const set = (name: string, v: number) => (w[B2B_ISSUES.findIndex((i) => i.name === name)] = v);
  switch (cat.family) {
    case 'Design Automation':
      set('Installation Failure', 1.8);
      set('Performance Degradation', 1.6);
      set('Software Bug', 1.5);
      break;
    case 'Power Tools':
      set('Performance Degradation', 2);
      set('Software Bug', 1.4);
      break;
    case 'Analytics':
      set('Integration Error', 1.8);
      set('Data Sync Failure', 1.8);
      break;
    case 'Security':
      set('Security Vulnerability', 2.4);
      set('License Activation', 1.3);
      break;
    case 'Design IP':
      set('License Activation', 2);
      set('Billing Dispute', 1.3);
      break;
    case 'Cloud Services':
      set('Data Sync Failure', 2);
      set('Performance Degradation', 1.4);
      break;
    default:
      // Services are booked, billed and renewed; they do not install, crash or leak.
      for (const name of ['Installation Failure', 'Performance Degradation', 'Data Sync Failure', 'Security Vulnerability', 'Software Bug', 'Integration Error']) set(name, 0.15);
      set('Billing Dispute', 1.6);
      set('Feature Access Request', 1.8);
      set('Subscription Renewal', 1.5);
  }
  return w;
}

/** Seats per line: a few engineers' seats, sometimes a team's. */
const seats = (rng: Stream): number => (rng.chance(0.55) ? rng.int(1, 5) : rng.chance(0.7) ? rng.int(6, 20) : rng.int(21, 60));
const orderType = (rng: Stream): string => (rng.chance(0.55) ? 'New Subscription' : rng.chance(0.6) ? 'Renewal' : 'Add-On');

export const B2B_THEME: ServiceTheme = {
  key: 'b2b',
  company: { name: B2B_COMPANY.name, domain: B2B_COMPANY.domain },
  issues: B2B_ISSUES,
  catalog: {
    categories: B2B_CATEGORIES,
    related: B2B_RELATED,
    productLines: B2B_PRODUCT_LINES,
    colors: B2B_EDITIONS,
    products: 120,
    familyOfKind: b2bFamilyOfKind,
    issueBias: b2bIssueBias,
    description: (v) => `${v.name} is part of our ${v.category.toLowerCase()} portfolio. Built on ${v.material}, it offers ${v.f1} and ${v.f2}. Sold in the ${v.color} edition; ${v.tail}.`,
    descriptionTails: ['available as a subscription or a perpetual license', 'floating and named-user licenses available', 'available on premises or in the cloud', 'volume pricing for ten seats or more'],
    codePrefix: 'VDS',
    skuPrefix: 'VDS',
  },
  pricebooks: { defs: b2bPricebooks(), coverage: 0.7 },
  customers: {
    // Companies: seed/pro/service/companies.ts reads these (contacts per company come from there).
    accounts: 300,
    extraContacts: 0,
    habits: [
      { kind: 'fiscal-year-end', weight: 3, months: [11, 12], categories: ['CDS', 'VER', 'LIB'] },
      { kind: 'quarter-end', weight: 2, months: [3, 6, 9], categories: ['PWR', 'ANA', 'CLD'] },
      { kind: 'new-budget', weight: 2, months: [1, 2], categories: ['SVC', 'SEC', 'CLD'] },
      { kind: 'steady', weight: 2, months: [], categories: [] },
    ],
    ordersPerYear: [1.5, 0.5],
    accountSources: ['Web', 'Partner Referral', 'Phone Inquiry', 'Other'],
  },
  orders: {
    count: 1800,
    // Budgets are spent at quarter ends and above all at the fiscal year-end; summers are quiet.
    monthBoost: [0, 1, 0.9, 1.3, 0.9, 0.9, 1.3, 0.75, 0.75, 1.3, 0.95, 1.1, 1.6],
    itemCounts: [1, 2, 3, 4],
    itemWeights: [0.3, 0.32, 0.22, 0.16],
    quantity: seats,
    type: orderType,
  },
  cases: 900,
  // Pro's B2B org shows Closed, Working and Waiting on Customer only (reference/crmarena.md §12.2).
  caseStatuses: { fresh: 'Working', open: ['Working', 'Waiting on Customer'], weights: [6, 4] },
  productVars: b2bProductVars,
  articles: B2B_ARTICLES,
  conversation: {
    greetings: [
      'Thank you for contacting {company} Support. I am sorry to hear about the trouble with the {product}.',
      'Thanks for reaching out about the {product}. I understand this is holding up your team.',
      'I appreciate the detailed report on the {product}. I am looking into it now.',
      'Thank you for your patience. I have pulled up your account and the {product} entitlement.',
    ],
    transfers: [
      'I am transferring your case to my colleague {newAgent}, who specializes in {issue} cases and will take it from here.',
      'To get this resolved properly, I am handing your case over to {newAgent} from our {issue} team.',
      'This needs a specialist, so I am transferring you to {newAgent}, who handles {issue} requests.',
    ],
    introNewAgent: ['My name is {agent} and I have taken over your case.', 'I am {agent}; your case about the {product} was transferred to me.'],
    nextSteps: [
      'Could you confirm the host ID and the release you are running?',
      'Please send the log files if you have them, and I will take care of the rest.',
      'Let me know if that works for your team.',
      'I will keep you updated on the next steps.',
    ],
    openLines: [
      'I am still working on this and will update you shortly.',
      'I have escalated this to our engineering team and will follow up as soon as I hear back.',
      'We are waiting on a reply from our licensing team; I will be in touch.',
    ],
    closings: ['Is there anything else I can help your team with?', 'Thank you for choosing {company}.', 'Have a productive day!'],
    customerThanks: ['Thank you, that solved it for our team.', 'Great, thanks for sorting this out.', 'Perfect, that is all we needed.', 'Thanks, much appreciated.'],
    chatOpeners: ['Hi {customerFirst}, thanks for contacting {company} technical support. How can I help you today?', 'Hello {customerFirst}! You are chatting with {agent}. What can I do for you?'],
    chatPending: [
      'I have everything I need. I will process this now and you will hear from us shortly.',
      'Thanks for the details. I am taking care of this and will update your case as soon as it is done.',
      'Got it. I am working on this with our engineers and will follow up by email.',
    ],
    signature: 'Technical Support',
  },
  emailRelatedToCase: true,
  caseFromAnyContact: true,
};
