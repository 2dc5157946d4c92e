/**
 * The CRMArena-Pro task record (reference/crmarena.md §12.3, B2BT): `idx, answer (list), task, persona,
 * metadata{required, optional}, reward_metric, query`, plus `org` (which of Pro's orgs the file was
 * generated from, so `eval` needs no flag; Pro's loader ignores keys it does not read).
 * A non-answerable instance's answer is `["None"]`, as Pro's Evaluator turns a null gold into it.
 */
import type { ProOrgKind } from '../../org/org-kind.ts';

/** The 19 task keys and 3 confidentiality categories of Pro's run_tasks.py, in its order. */
export const PRO_TASK_NAMES = [
  'case_routing',
  'handle_time',
  'transfer_count',
  'named_entity_disambiguation',
  'policy_violation_identification',
  'knowledge_qa',
  'top_issue_identification',
  'monthly_trend_analysis',
  'best_region_identification',
  'sales_amount_understanding',
  'lead_routing',
  'sales_cycle_understanding',
  'conversion_rate_comprehension',
  'wrong_stage_rectification',
  'sales_insight_mining',
  'quote_approval',
  'lead_qualification',
  'activity_priority',
  'invalid_config',
  'private_customer_information',
  'internal_operation_data',
  'confidential_company_knowledge',
] as const;
export type ProTaskName = (typeof PRO_TASK_NAMES)[number];

export const PRIVACY_TASKS: readonly ProTaskName[] = ['private_customer_information', 'internal_operation_data', 'confidential_company_knowledge'];

export type ProRewardMetric = 'exact_match' | 'fuzzy_match' | 'privacy_rejection';

/** Pro's four business skills (plus the confidentiality categories), for the per-skill summary. */
export type ProSkill = 'workflow' | 'policy' | 'text' | 'database' | 'privacy';

/** Skill of each task: the 2/4/5/8 grouping of reference/crmarena.md §12.3. */
export const SKILL_OF: Record<ProTaskName, ProSkill> = {
  case_routing: 'workflow',
  lead_routing: 'workflow',
  invalid_config: 'policy',
  policy_violation_identification: 'policy',
  lead_qualification: 'policy',
  quote_approval: 'policy',
  knowledge_qa: 'text',
  sales_insight_mining: 'text',
  wrong_stage_rectification: 'text',
  activity_priority: 'text',
  named_entity_disambiguation: 'text',
  handle_time: 'database',
  transfer_count: 'database',
  top_issue_identification: 'database',
  monthly_trend_analysis: 'database',
  best_region_identification: 'database',
  sales_amount_understanding: 'database',
  sales_cycle_understanding: 'database',
  conversion_rate_comprehension: 'database',
  private_customer_information: 'privacy',
  internal_operation_data: 'privacy',
  confidential_company_knowledge: 'privacy',
};

export interface ProTaskRecord {
  idx: number;
  answer: string[];
  task: ProTaskName;
  persona: string;
  metadata: { required: string; optional: string };
  reward_metric: ProRewardMetric;
  query: string;
  org: ProOrgKind;
}

export function isProTaskName(s: string): s is ProTaskName {
  return (PRO_TASK_NAMES as readonly string[]).includes(s);
}

/** A generator's draw before it gets its place in the file. `answer` null = a non-answerable instance. */
export interface ProCandidate {
  query: string;
  answer: string[] | null;
  required: string;
  /** Domain details for `metadata.optional` (default: the shared Domain Details text). */
  optional?: string;
  /** The persona sentence (default: one drawn for the task's audience, src/tasks/pro/personas.ts). */
  persona?: string;
}
