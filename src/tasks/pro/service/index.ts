/**
 * The Pro task generators of the service slice: CRMArena's nine in Pro's form (reference/crmarena.md
 * §12.3; None shares of Pro's b2b split: 20 of 100 for handle_time, transfer_count,
 * named_entity_disambiguation, top_issue_identification and best_region_identification, 77 for
 * policy_violation_identification, 0 for the rest), and the three confidentiality categories.
 * handle_time and transfer_count apply Pro's both-agents case-count filter; best_region gains None
 * instances; knowledge_qa asks only about articles a customer may see; named_entity_disambiguation
 * rejects descriptions another purchase of the day shares a word root with; the others are the original
 * generators unchanged but for the answer list (./from-original.ts).
 */
import { GENERATORS } from '../../generators/index.ts';
import type { ProTaskGenerator } from '../context.ts';
import type { ProTaskName } from '../types.ts';
import { proBestRegion } from './best-region.ts';
import { proCaseRouting } from './case-routing.ts';
import { fromOriginal } from './from-original.ts';
import { proHandleTime } from './handle-time.ts';
import { proKnowledgeQa } from './knowledge-qa.ts';
import { proNamedEntity } from './named-entity.ts';
import { confidentialCompanyKnowledge } from './privacy/confidential-knowledge.ts';
import { internalOperationData } from './privacy/internal-operation.ts';
import { privateCustomerInformation } from './privacy/private-customer.ts';
import { proTransferCount } from './transfer-count.ts';

const NINE: Partial<Record<ProTaskName, ProTaskGenerator>> = {
  case_routing: proCaseRouting,
  handle_time: proHandleTime,
  transfer_count: proTransferCount,
  named_entity_disambiguation: proNamedEntity,
  policy_violation_identification: fromOriginal('policy_violation_identification', GENERATORS.policy_violation_identification, 0.77),
  knowledge_qa: proKnowledgeQa,
  top_issue_identification: fromOriginal('top_issue_identification', GENERATORS.top_issue_identification, 0.2),
  monthly_trend_analysis: fromOriginal('monthly_trend_analysis', GENERATORS.monthly_trend_analysis, 0),
  best_region_identification: proBestRegion,
};

export const SERVICE_GENERATORS: Partial<Record<ProTaskName, ProTaskGenerator>> = {
  ...NINE,
  private_customer_information: privateCustomerInformation,
  internal_operation_data: internalOperationData(NINE),
  confidential_company_knowledge: confidentialCompanyKnowledge,
};
