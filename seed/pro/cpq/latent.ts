/**
 * Latent variables of the CPQ stage (seed/pro/cpq/): each sales agent's propensity to break the
 * pricing policies (over-discounting, long validity) and to misconfigure a quote (quantities,
 * missing companion products), the rule behind each policy article, and which quotes break which
 * article. None of it is written into the org tables; the quote_approval and invalid_config ground
 * truth is re-checked against the stored rows (src/tasks/pro/cpq/).
 */
import type { CpqCategory, CpqRule } from './rules.ts';

export interface CpqAgentLatent {
  userId: string;
  /** Probability that a quote of this agent breaks one pricing/approval article. */
  discountPropensity: number;
  /** Probability that a quote of this agent breaks one product-configuration article. */
  configCarelessness: number;
  /** Whether the agent is one of the habitual heavy discounters. */
  heavyDiscounter: boolean;
  /** Whether the agent is one of the careless configurers. */
  careless: boolean;
}

export interface CpqArticleLatent {
  articleId: string;
  category: CpqCategory;
  rule: CpqRule;
}

export interface CpqQuoteLatent {
  quoteId: string;
  opportunityId: string;
  ownerId: string;
  /** The one article the quote breaks, or null when it complies with every article. */
  violatedArticleId: string | null;
  category: CpqCategory | null;
}

export interface CpqLatent {
  agents: CpqAgentLatent[];
  articles: CpqArticleLatent[];
  quotes: CpqQuoteLatent[];
  /** A customer's question per article and the article's answer (the privacy stage's confidential facts). */
  knowledgeQa: { articleId: string; question: string; answer: string }[];
}
