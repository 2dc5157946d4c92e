/**
 * The B2C theme: Lumivale Home Electronics, a consumer-electronics brand selling to person accounts
 * (reference/crmarena.md §12.2). Volumes size the service half so that with the sales, CPQ and
 * activity objects the org lands near Pro's 54,569 B2C records at scale 1 (§12.1).
 */
import type { Stream } from '../../rng.ts';
import type { CategoryDef } from '../../text/catalog-bank.ts';
import type { ServiceTheme } from '../../text/theme.ts';
import { B2C_CATEGORIES, B2C_COLORS, B2C_COMPANY, B2C_PRODUCT_LINES, B2C_RELATED, b2cFamilyOfKind, b2cPricebooks } from './b2c-catalog.ts';
import { B2C_ISSUES, b2cProductVars } from './b2c-cases.ts';
import { B2C_ARTICLES } from './b2c-knowledge.ts';

/** Issues more likely for some device families (index per B2C_ISSUES). */
function b2cIssueBias(cat: CategoryDef): number[] {
  const w = B2C_ISSUES.map(() => 1);
  const set = (name: string, v: number) => (w[B2C_ISSUES.findIndex((i) => i.name === name)] = v);
  switch (cat.family) {
    case 'Audio':
      set('Connectivity Issue', 2);
      set('Battery Problem', 1.5);
      break;
    case 'Video':
      set('Setup Assistance', 1.8);
      set('Damaged on Arrival', 1.6);
      break;
    case 'Smart Home':
      set('Connectivity Issue', 2.2);
      set('Setup Assistance', 1.6);
      break;
    case 'Appliances':
      // Countertop and cleaning appliances rarely pair with anything.
      set('Connectivity Issue', 0.15);
      // Kitchen appliances plug in; cordless and robot vacuums do have batteries.
      if (cat.code === 'KIT') set('Battery Problem', 0.1);
      set('Device Malfunction', 2);
      set('Warranty Claim', 1.5);
      break;
    case 'Wearables':
      set('Battery Problem', 2);
      set('Connectivity Issue', 1.5);
      break;
    case 'Personal Care':
      set('Connectivity Issue', 0.3);
      set('Setup Assistance', 0.4);
      set('Return Request', 1.6);
      set('Battery Problem', 1.4);
      break;
    case 'Accessories':
      set('Connectivity Issue', 0.2);
      set('Setup Assistance', 0.3);
      set('Battery Problem', 1.6);
      set('Damaged on Arrival', 1.3);
      break;
    default:
      set('Device Malfunction', 1.4);
      set('Damaged on Arrival', 1.3);
  }
  return w;
}

const quantity = (rng: Stream): number => (rng.chance(0.85) ? 1 : rng.chance(0.8) ? 2 : 3);
const orderType = (rng: Stream): string => (rng.chance(0.75) ? 'Online' : rng.chance(0.6) ? 'In Store' : 'Phone');

export const B2C_THEME: ServiceTheme = {
  key: 'b2c',
  company: { name: B2C_COMPANY.name, domain: B2C_COMPANY.domain },
  issues: B2C_ISSUES,
  catalog: {
    categories: B2C_CATEGORIES,
    related: B2C_RELATED,
    productLines: B2C_PRODUCT_LINES,
    colors: B2C_COLORS,
    products: 300,
    familyOfKind: b2cFamilyOfKind,
    issueBias: b2cIssueBias,
    description: (v) => `The ${v.name} is part of our ${v.category.toLowerCase()} range. Made with ${v.material}, it offers ${v.f1} and ${v.f2}. Shown in ${v.color}; ${v.tail}.`,
    descriptionTails: ['available in three colors', 'works with the Lumivale app', 'includes a quick start guide', 'available as certified refurbished'],
    codePrefix: 'LV',
    skuPrefix: 'LVH',
  },
  pricebooks: { defs: b2cPricebooks(), coverage: 0.78 },
  customers: {
    accounts: 1000,
    // A person account has one contact: the person.
    extraContacts: 0,
    habits: [
      { kind: 'holiday', weight: 3, months: [11, 12], categories: ['SPK', 'TVP', 'WRB', 'KIT'] },
      { kind: 'deal-hunter', weight: 2, months: [7, 11], categories: ['HPH', 'CLN', 'CHG'] },
      { kind: 'back-to-school', weight: 1.5, months: [8, 9], categories: ['CMP', 'HPH', 'CHG'] },
      { kind: 'new-year-fitness', weight: 1.5, months: [1, 2], categories: ['WRB', 'PRC', 'HPH'] },
      { kind: 'spring-refresh', weight: 1.5, months: [3, 4], categories: ['CLN', 'SMH', 'KIT'] },
      { kind: 'steady', weight: 2, months: [], categories: [] },
    ],
    ordersPerYear: [0.9, 0.5],
    accountSources: ['Web', 'Web', 'In Store', 'Phone Inquiry', 'Partner Referral'],
  },
  orders: {
    count: 3800,
    // Black Friday and the holidays sell most; July has a summer sale.
    monthBoost: [0, 1.05, 0.8, 0.95, 0.95, 1, 0.95, 1.1, 1, 0.95, 1, 1.5, 1.7],
    itemCounts: [1, 2, 3, 4],
    itemWeights: [0.42, 0.3, 0.18, 0.1],
    quantity,
    type: orderType,
  },
  cases: 1400,
  // Pro's B2B org shows Closed, Working and Waiting on Customer only (reference/crmarena.md §12.2).
  caseStatuses: { fresh: 'Working', open: ['Working', 'Waiting on Customer'], weights: [6, 4] },
  productVars: b2cProductVars,
  articles: B2C_ARTICLES,
  conversation: {
    greetings: [
      'Thank you for contacting {company}. I am sorry to hear about the trouble with your {product}.',
      'Thanks for reaching out about your {product}. I understand how frustrating this must be.',
      'I appreciate you letting us know about the {product}. I am looking into it now.',
      'Thank you for your patience. I have pulled up your order with the {product}.',
    ],
    transfers: [
      'I am transferring your case to my colleague {newAgent}, who specializes in {issue} cases and will take it from here.',
      'To get this resolved properly, I am handing your case over to {newAgent} from our {issue} team.',
      'This needs a specialist, so I am transferring you to {newAgent}, who handles {issue} requests.',
    ],
    introNewAgent: ['My name is {agent} and I have taken over your case.', 'I am {agent}; your case about the {product} was transferred to me.'],
    nextSteps: [
      'Could you confirm your order details and the serial number so I can proceed?',
      'Please reply with a photo if you have one, and I will take care of the rest.',
      'Let me know if that works for you.',
      'I will keep you updated on the next steps.',
    ],
    openLines: [
      'I am still working on this and will update you shortly.',
      'I have escalated this internally and will follow up as soon as I hear back.',
      'We are waiting on a reply from our repair center; I will be in touch.',
    ],
    closings: ['Is there anything else I can help you with?', 'Thank you for choosing {company}.', 'Enjoy your day!'],
    customerThanks: ['Thank you so much for your help!', 'Great, thanks for sorting this out.', 'Perfect, that is all I needed.', 'Thanks, I appreciate it.'],
    chatOpeners: ['Hi {customerFirst}, thanks for contacting {company} chat support. How can I help you today?', 'Hello {customerFirst}! You are chatting with {agent}. What can I do for you?'],
    chatPending: [
      'I have everything I need. I will process this now and you will hear from us shortly.',
      'Thanks for the details. I am taking care of this and will update your case as soon as it is done.',
      'Got it. I am working on this with our team and will follow up by email.',
    ],
    signature: 'Customer Care',
  },
  emailRelatedToCase: true,
  caseFromAnyContact: false,
};
