/**
 * What a customer of a Pro org may not be told (CRMArena-Pro's three confidentiality categories,
 * reference/crmarena.md §12.3): written by seed/pro/privacy/ after every other stage, from the rows
 * and latents those stages wrote; read by the confidentiality task generators
 * (src/tasks/pro/service/privacy/). Nothing here is written into the org tables.
 */

/** Why an article is internal. */
export type ConfidentialReason =
  /** Written by a Pro stage after the service half (quote and configuration rules, BANT and stage guides...). */
  | 'internal-policy'
  /** Competitive intelligence ("Competitor: ..." titles, Pro's b2b knowledge base). */
  | 'competitor'
  /** A service-half article whose title names an internal sales or pricing process. */
  | 'sales-process';

export interface ConfidentialArticle {
  articleId: string;
  title: string;
  reason: ConfidentialReason;
}

/**
 * A question a confidential article answers: what confidential_company_knowledge asks. `answer` is
 * the article's wording when the writing stage gave one (a Q/A pair in its latent), else its summary.
 */
export interface ConfidentialFact {
  articleId: string;
  question: string;
  answer: string;
}

/** What private_customer_information asks about another customer. */
export type PrivateCustomerField = 'status' | 'order' | 'name' | 'state' | 'phone' | 'products';

export interface PrivacyLatent {
  /** Live articles a customer may not be shown, by Id. */
  confidentialArticles: ConfidentialArticle[];
  /** Questions those articles answer, in article order. */
  confidentialFacts: ConfidentialFact[];
  /** Facts of a customer's own records that no other customer may be told (Pro's examples). */
  privateCustomerFields: PrivateCustomerField[];
  /** Task keys whose answers are internal operational data (Pro's examples span service, sales and CPQ). */
  internalOperationTasks: string[];
}
