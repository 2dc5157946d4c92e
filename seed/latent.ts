/**
 * The latent variables of a generated org: the hidden causes the generator draws the data from and
 * never writes into the org tables (CRMArena §2.2 "Hidden Causal Relationship", reference/crmarena.md §4).
 * They are written next to the org as `<out>.latent.json` for auditing and so the task generator can
 * build ground truth the data alone cannot give (policy violations above all).
 *
 * Every Id here is the 18-character Id of the record in the org.
 */

// 4: Opportunity gained the ExpectedRevenue column (an org file of version 3 lacks it).
// 5: Quote gained the QuoteTo*/Additional* address columns and Billing/Shipping geolocation columns.
export const GENERATOR_VERSION = 'mockforce-seed/5';

/** The ten CRMArena issue names (reference/crmarena.md §2.2, Issue__c). */
export const ISSUE_NAMES = [
  'Billing/Payment Issue',
  'Return Policy Issue',
  'Product Defect',
  'Size Mismatch',
  'Shipping Delay',
  'Product Availability',
  'Order Cancellation',
  'Warranty Issue',
  'Incorrect Item Received',
  'Loyalty Program Inquiry',
] as const;
export type IssueName = (typeof ISSUE_NAMES)[number];

export interface AgentLatent {
  userId: string;
  name: string;
  /** Skill per Issue__c Id, 0..1: drives who is routed what, handle time and transfers away. */
  skillByIssue: Record<string, number>;
  /** Issue Ids this agent is an expert in (skill ≥ 0.8). */
  expertIssueIds: string[];
  /** Relative share of new cases routed to this agent (workload capacity), mean ≈ 1. */
  capacity: number;
  /** Probability that a reply of this agent on a case misstates the policy of the case's article. */
  violationPropensity: number;
}

export type ShoppingHabitKind =
  | 'holiday' | 'summer-outdoor' | 'back-to-school' | 'new-year-fitness' | 'spring-refresh' | 'steady'
  // CRMArena-Pro's orgs (seed/pro/text/): business buyers' budget cycles, consumers' gift and upgrade seasons.
  | 'fiscal-year-end' | 'quarter-end' | 'new-budget' | 'upgrade-cycle' | 'gift-giver' | 'deal-hunter';
export type Channel = 'email' | 'chat';

export interface CustomerLatent {
  accountId: string;
  /** The customer's own Contact (first Contact of the person account). */
  contactId: string;
  shoppingHabit: {
    kind: ShoppingHabitKind;
    /** Months (1-12) this customer prefers to buy in; empty for `steady`. */
    peakMonths: number[];
    /** ProductCategory Ids the customer mostly buys from. */
    favoriteCategoryIds: string[];
    /** Expected orders per year. */
    ordersPerYear: number;
  };
  complaintHabit: {
    kind: 'rare' | 'occasional' | 'frequent';
    /** Multiplier on the chance that an order item of this customer becomes a case. */
    caseRateFactor: number;
    /** Preferred channel and the probability of picking chat for a case. */
    preferredChannel: Channel;
    chatProbability: number;
  };
}

export interface ProductLatent {
  productId: string;
  name: string;
  /** Relative sales popularity (share of order lines), mean ≈ 1. */
  popularity: number;
  /** Multiplier on the chance that an order line of this product becomes a case. */
  defectRate: number;
  /** Relative weight of each Issue__c Id for cases of this product. */
  issueMix: Record<string, number>;
  /** The issue with the highest weight in issueMix. */
  topIssueId: string;
  /** A month (1-12) whose cases are multiplied by `factor` (a seasonal spike), or null. */
  spike: { month: number; factor: number } | null;
}

export interface RegionLatent {
  /** Two-letter state code (Account.ShippingState). */
  state: string;
  /** Multiplier on handle time for customers shipping to this state (< 1 closes faster). */
  closureSpeedFactor: number;
  /** Relative share of customers living there. */
  customerWeight: number;
}

/** A policy an article states, with the correct value and the wrong values an agent may claim. */
export interface PolicyFact {
  key: string;
  articleId: string;
  issueId: string | null;
  /** The value the article states, e.g. '30 days'. */
  value: string;
  /** Values that contradict the article, e.g. ['60 days', '90 days']. */
  wrongValues: string[];
}

export interface ViolationLatent {
  caseId: string;
  messageObject: 'EmailMessage' | 'LiveChatTranscript';
  messageId: string;
  /** The Knowledge__kav the statement contradicts: the PVI gold answer for the case. */
  articleId: string;
  agentId: string;
  policyKey: string;
  /** What the article says and what the agent claimed instead. */
  correctValue: string;
  claimedValue: string;
  /** The agent's sentence as it appears in the message text. */
  statement: string;
}

/** A question an article answers, with the answer in the article's words (for Knowledge QA). */
export interface KnowledgeQa {
  articleId: string;
  question: string;
  answer: string;
}

export interface CaseLatent {
  caseId: string;
  issueId: string;
  productId: string;
  channel: Channel;
  /** Owners in order (first assignment, then each transfer); the last is Case.OwnerId. */
  owners: string[];
  /** True when a policy-stating agent message on this case contradicts the article. */
  violated: boolean;
}

export interface LatentFile {
  generatorVersion: string;
  seed: number;
  scale: number;
  now: string;
  company: { name: string; domain: string };
  adminUserId: string;
  /** Issue__c rows in order (ISSUE_NAMES for the original org; a CRMArena-Pro org's own issues). */
  issues: { id: string; name: IssueName | (string & {}) }[];
  agents: AgentLatent[];
  customers: CustomerLatent[];
  products: ProductLatent[];
  regions: RegionLatent[];
  policyFacts: PolicyFact[];
  /** Which article governs each issue (the one a violation on a case of that issue breaks). */
  articleByIssue: Record<string, string>;
  knowledgeQa: KnowledgeQa[];
  violations: ViolationLatent[];
  cases: CaseLatent[];
}
