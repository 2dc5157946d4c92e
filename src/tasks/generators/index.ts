import type { TaskGenerator } from '../collect.ts';
import type { TaskName } from '../types.ts';
import { bestRegion } from './best-region.ts';
import { caseRouting } from './case-routing.ts';
import { handleTime } from './handle-time.ts';
import { knowledgeQa } from './knowledge-qa.ts';
import { monthlyTrend } from './monthly-trend.ts';
import { namedEntity } from './named-entity.ts';
import { policyViolation } from './policy-violation.ts';
import { topIssue } from './top-issue.ts';
import { transferCount } from './transfer-count.ts';

export const GENERATORS: Record<TaskName, TaskGenerator> = {
  case_routing: caseRouting,
  handle_time: handleTime,
  transfer_count: transferCount,
  named_entity_disambiguation: namedEntity,
  policy_violation_identification: policyViolation,
  knowledge_qa: knowledgeQa,
  top_issue_identification: topIssue,
  monthly_trend_analysis: monthlyTrend,
  best_region_identification: bestRegion,
};

/** Tasks whose ground truth needs the seed's latent side file. */
export const NEEDS_LATENT: readonly TaskName[] = ['policy_violation_identification', 'knowledge_qa'];
