/**
 * The activity stage of a CRMArena-Pro org (reference/crmarena.md §12.2–12.3): voice-call transcripts
 * with leads (BANT answers) and on opportunities (subtopics, stage evidence), and the Tasks and Events
 * of each opportunity. The stage and activity guides and the BANT criteria travel in the tasks'
 * `required` policy text (src/tasks/pro/activity/policy-text.ts), as Pro's records carry them; no
 * Knowledge__kav is added.
 */
import type { ProOrgKind } from '../../../src/org/org-kind.ts';
import type { GenContext } from '../../context.ts';
import type { ServiceData } from '../../service-data.ts';
import type { CpqResult } from '../cpq/index.ts';
import type { SalesResult } from '../sales/types.ts';
import type { ActivityLatent } from './latent.ts';
import { generateLeadCalls } from './lead-calls.ts';
import { generateOpportunityCalls } from './opportunity-calls.ts';
import { generateOpportunityTasks } from './opportunity-tasks.ts';
import { OrgNames } from './records.ts';
import { TIMELINE_MONTHS } from './text/bant-bank.ts';

export interface ActivityResult {
  latent: ActivityLatent;
}

export function generateActivity(ctx: GenContext, kind: ProOrgKind, service: ServiceData, sales: SalesResult, _cpq: CpqResult): ActivityResult {
  const names = new OrgNames(ctx.org.db);
  const products = service.catalog.products.map((p) => p.name);
  const base = { kind, company: service.company.name, names, products };
  const leadCalls = generateLeadCalls(ctx, base, sales.leads);
  const opportunityCalls = generateOpportunityCalls(ctx, base, sales.opportunities);
  const opportunityTasks = generateOpportunityTasks(ctx, base, sales.opportunities);
  const wrongStage = sales.opportunities.filter((o) => o.stage !== o.trueStage).map((o) => ({ opportunityId: o.id, stage: o.stage, trueStage: o.trueStage }));
  return { latent: { timelineMonths: TIMELINE_MONTHS, leadCalls, opportunityCalls, opportunityTasks, wrongStage } };
}
