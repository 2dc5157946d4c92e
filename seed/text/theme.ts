/**
 * A service theme: everything about the service half of an org (seed/service-data.ts) that depends on
 * whose org it is — the company, its ten issues and what customers write about them, the catalog
 * vocabulary, price books, shopping habits, the knowledge base and the agents' phrases, plus the
 * volumes. The original org is the apparel retailer (seed/text/original-theme.ts); CRMArena-Pro's
 * orgs are a B2B software vendor and a B2C consumer brand (seed/pro/text/). The generators draw the
 * same random numbers whatever the theme: only the words and the sizes change.
 */
import type { PricebookDef } from '../generators/pricebooks.ts';
import type { Stream } from '../rng.ts';
import type { CaseTemplates } from './case-bank.ts';
import type { CategoryDef } from './catalog-bank.ts';
import type { ArticleDef } from './knowledge-bank.ts';
import type { ShoppingHabitKind } from '../latent.ts';

export interface IssueTheme {
  /** Issue__c.Name. */
  name: string;
  /** Issue__c.Description__c. */
  description: string;
  /** How the issue reads inside a sentence ("billing and payment" cases). */
  phrase: string;
  cases: CaseTemplates;
  /** Seasonal multiplier on this issue for everyone, month 1-12. */
  monthFactor(month: number): number;
  /** Days from purchase to complaint; draws exactly one number from `rng`. */
  delayDays(rng: Stream): number;
}

export interface HabitDef {
  kind: ShoppingHabitKind;
  weight: number;
  months: number[];
  /** ProductCategory codes the customer favours; empty for any. */
  categories: string[];
}

export interface ConversationBank {
  greetings: readonly string[];
  transfers: readonly string[];
  introNewAgent: readonly string[];
  nextSteps: readonly string[];
  openLines: readonly string[];
  closings: readonly string[];
  customerThanks: readonly string[];
  chatOpeners: readonly string[];
  chatPending: readonly string[];
  /** Who signs the agents' emails, after the company name ("Customer Care"). */
  signature: string;
}

export interface ServiceTheme {
  key: 'original' | 'b2b' | 'b2c';
  company: { name: string; domain: string };
  /** The ten issues, in Issue__c order (agents' skills and products' issue mixes are indexed by it). */
  issues: readonly IssueTheme[];
  catalog: {
    categories: readonly CategoryDef[];
    /** Where a product of a category may also be listed (category codes). */
    related: Readonly<Record<string, readonly string[]>>;
    /** One-word product lines: a product's name is "<line> <attribute> <kind>". */
    productLines: readonly string[];
    /** Colors (or editions) for descriptions and the `{color}` of case texts. */
    colors: readonly string[];
    /** Products at scale ≥ 1 (smaller scales shrink it, at least 48). */
    products: number;
    /** Product2.Family of a kind. */
    familyOfKind(kind: string): string;
    /** Weight per issue index for products of a category (the top issue is drawn from it). */
    issueBias(cat: CategoryDef): number[];
    /** Product2.Description; `tail` is one of `descriptionTails`, drawn by the generator. */
    description(v: { name: string; category: string; material: string; f1: string; f2: string; color: string; tail: string }): string;
    descriptionTails: readonly string[];
    /** ProductCode prefix ("TM" → TM-RUN-0001) and StockKeepingUnit prefix. */
    codePrefix: string;
    skuPrefix: string;
  };
  /** Price books in order, and the share of the catalog each non-standard book carries. */
  pricebooks: { defs: readonly PricebookDef[]; coverage: number };
  customers: {
    /** Accounts and extra contacts at scale 1. */
    accounts: number;
    extraContacts: number;
    habits: readonly HabitDef[];
    /** Median and spread (lognormal) of orders per year. */
    ordersPerYear: readonly [median: number, sigma: number];
    accountSources: readonly string[];
  };
  orders: {
    /** Orders at scale 1. */
    count: number;
    /** Seasonality for everyone, index = month 1-12 (index 0 unused). */
    monthBoost: readonly number[];
    itemCounts: readonly number[];
    itemWeights: readonly number[];
    /** Quantity of an order line (draws from `rng` in a fixed pattern). */
    quantity(rng: Stream): number;
    /** Order.Type. */
    type(rng: Stream): string;
  };
  /** Cases at scale 1. */
  cases: number;
  /** Status of a case opened in the last days and not yet answered, and of the other open cases (drawn by weight). */
  caseStatuses: { fresh: string; open: readonly string[]; weights: readonly number[] };
  /** Product-dependent words of case texts ({part}, {Part}, {it}, {sizeNote}). */
  productVars(kind: string, pick: <T>(xs: readonly T[]) => T): Record<string, string>;
  articles: readonly ArticleDef[];
  conversation: ConversationBank;
  /** Case email threads also set EmailMessage.RelatedToId to the case (CRMArena-Pro's schema has it). */
  emailRelatedToCase: boolean;
  /** Cases may be opened by any Contact of the account (a company's people), not only its main one. */
  caseFromAnyContact: boolean;
}
