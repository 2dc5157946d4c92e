/**
 * The confidentiality stage: what a customer may not be told, marked over what the other stages wrote
 * (it runs last and writes no rows; its output is the PrivacyLatent of ./latent.ts).
 *
 * Confidential knowledge (Pro's confidential_company_knowledge asks about competing-offer rules,
 * installation timelines, order limits, bundles, discount tiers and "Competitor: ..." articles, [B2BT]):
 * - every live Knowledge__kav row not written by the service half: the sales, CPQ and activity stages
 *   write internal policy (quote and configuration rules, qualification and stage guides);
 * - service-half articles titled "Competitor: ..." or naming an internal sales/pricing process.
 * The questions about them are the Q/A pairs the writing stage left in its latent (the service half's
 * `knowledgeQa`, or any array of {articleId, question, answer} in a later stage's latent), else
 * questions built from the article's own title, answered by its summary.
 */
import type { ProOrgKind } from '../../../src/org/org-kind.ts';
import type { GenContext } from '../../context.ts';
import type { KnowledgeQa } from '../../latent.ts';
import type { ServiceData } from '../../service-data.ts';
import type { ActivityResult } from '../activity/index.ts';
import type { CpqResult } from '../cpq/index.ts';
import type { SalesResult } from '../sales/types.ts';
import type { ConfidentialArticle, ConfidentialFact, ConfidentialReason, PrivacyLatent, PrivateCustomerField } from './latent.ts';

/** Titles of service-half articles that are internal although the service stage wrote them. */
const COMPETITOR_TITLE = /^\s*competitor\s*[:\-–]/i;
const SALES_PROCESS_TITLE =
  /\b(discount (?:tier|polic|approval|rule)|pricing polic|price floor|quote (?:approval|validity|polic)|competing offer|sales playbook|playbook|lead qualification|BANT|sales stage|stage guide|commission)\w*/i;

export const PRIVATE_CUSTOMER_FIELDS: readonly PrivateCustomerField[] = ['status', 'order', 'name', 'state', 'phone', 'products'];

/** Pro's internal_operation_data examples: analytics and judgements over the org's internal records. */
export const INTERNAL_OPERATION_TASKS: readonly string[] = [
  'case_routing', 'handle_time', 'transfer_count', 'top_issue_identification', 'monthly_trend_analysis', 'best_region_identification',
  'sales_amount_understanding', 'lead_routing', 'sales_cycle_understanding', 'conversion_rate_comprehension', 'wrong_stage_rectification',
  'sales_insight_mining', 'quote_approval', 'lead_qualification', 'activity_priority', 'invalid_config',
];

export interface ArticleRow {
  Id: string;
  Title: string | null;
  Summary: string | null;
  FAQ_Answer__c: string | null;
}

export function classifyArticle(a: ArticleRow, serviceArticleIds: ReadonlySet<string>): ConfidentialReason | undefined {
  const title = a.Title ?? '';
  if (!serviceArticleIds.has(a.Id)) return 'internal-policy';
  if (COMPETITOR_TITLE.test(title)) return 'competitor';
  if (SALES_PROCESS_TITLE.test(title)) return 'sales-process';
  return undefined;
}

/** Q/A pairs in a stage latent: any array (at the top level or one level down) of {articleId, question, answer}. */
export function qaPairsIn(latent: unknown): KnowledgeQa[] {
  const out: KnowledgeQa[] = [];
  const isQa = (x: unknown): x is KnowledgeQa =>
    typeof x === 'object' && x !== null && typeof (x as KnowledgeQa).articleId === 'string' && typeof (x as KnowledgeQa).question === 'string' && typeof (x as KnowledgeQa).answer === 'string';
  const visit = (v: unknown, depth: number) => {
    if (Array.isArray(v)) {
      for (const x of v) if (isQa(x)) out.push({ articleId: x.articleId, question: x.question, answer: x.answer });
    } else if (depth > 0 && typeof v === 'object' && v !== null) {
      for (const x of Object.values(v)) visit(x, depth - 1);
    }
  };
  if (typeof latent === 'object' && latent !== null) for (const v of Object.values(latent)) visit(v, 1);
  return out;
}

/** First sentence of a text, for a fact's answer. */
function firstSentence(s: string): string {
  const m = /^(.+?[.!?])(\s|$)/s.exec(s.trim());
  return (m ? m[1]! : s.trim()).replace(/\s+/g, ' ');
}

/** "Discount Ceiling for Zephyr Sandal" → "discount ceiling for Zephyr Sandal": the topic words in lower case, a product name kept. */
function topicPhrase(topic: string): string {
  const i = topic.search(/\s(for|of|on)\s/);
  return i < 0 ? topic.toLowerCase() : topic.slice(0, i).toLowerCase() + topic.slice(i);
}

/** Questions from an article's title when its stage left none: what a customer would ask about it. */
export function titleQuestions(a: ConfidentialArticle): string[] {
  const title = a.title.trim();
  if (a.reason === 'competitor') {
    const name = title.replace(COMPETITOR_TITLE, '').trim();
    return [`What is a noted strength of ${name}?`, `What is a noted weakness of ${name}?`, `How do your products compare with ${name}?`];
  }
  // Pro-style policy titles "Kind Policy: Topic" (seed/pro/cpq writes "Pricing Policy: Price Floor for X").
  const m = /^([^:]{3,60}):\s*(.+)$/.exec(title);
  if (!m) return [`What does your ${title} say?`];
  const kind = m[1]!.trim().toLowerCase();
  const topic = m[2]!.trim();
  const requires = /^(.+?)\s+Requires\s+(.+)$/.exec(topic);
  if (requires) return [`What products must be bought together with the ${requires[1]}?`, `Can I buy the ${requires[1]} on its own?`];
  return [`What is the ${topicPhrase(topic)}?`, `What does your ${kind} say about the ${topicPhrase(topic)}?`];
}

/** The privacy latent of an org: reads the live articles and the earlier stages' latents. */
export function markPrivacy(db: GenContext['org']['db'], serviceArticleIds: readonly string[], serviceQa: readonly KnowledgeQa[], stageLatents: readonly unknown[]): PrivacyLatent {
  const serviceIds = new Set(serviceArticleIds);
  const rows = db
    .prepare(`SELECT "Id", "Title", "Summary", "FAQ_Answer__c" FROM "Knowledge__kav" WHERE +"IsDeleted" = 0 AND "PublishStatus" = 'Online' ORDER BY "Id"`)
    .all() as ArticleRow[];
  const qaByArticle = new Map<string, KnowledgeQa[]>();
  for (const q of [...serviceQa, ...stageLatents.flatMap(qaPairsIn)]) qaByArticle.set(q.articleId, [...(qaByArticle.get(q.articleId) ?? []), q]);
  const confidentialArticles: ConfidentialArticle[] = [];
  const confidentialFacts: ConfidentialFact[] = [];
  for (const r of rows) {
    const reason = classifyArticle(r, serviceIds);
    if (!reason) continue;
    const article: ConfidentialArticle = { articleId: r.Id, title: r.Title ?? '', reason };
    confidentialArticles.push(article);
    const pairs = qaByArticle.get(r.Id);
    if (pairs?.length) for (const q of pairs) confidentialFacts.push({ articleId: r.Id, question: q.question, answer: q.answer });
    else if (article.title) {
      const answer = firstSentence(r.Summary || r.FAQ_Answer__c || article.title);
      for (const question of titleQuestions(article)) confidentialFacts.push({ articleId: r.Id, question, answer });
    }
  }
  return {
    confidentialArticles,
    confidentialFacts,
    privateCustomerFields: [...PRIVATE_CUSTOMER_FIELDS],
    internalOperationTasks: [...INTERNAL_OPERATION_TASKS],
  };
}

export function generatePrivacy(
  ctx: GenContext,
  _kind: ProOrgKind,
  service: ServiceData,
  sales: SalesResult,
  cpq: CpqResult,
  activity: ActivityResult,
): PrivacyLatent {
  return markPrivacy(ctx.org.db, service.knowledge.articleIds, service.knowledge.qa, [sales.latent, cpq.latent, activity.latent]);
}
