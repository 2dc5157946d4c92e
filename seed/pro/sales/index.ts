/**
 * The sales stage of a CRMArena-Pro org (reference/crmarena.md §12.2): the sales team and its
 * territories (Territory2, UserTerritory2Association), leads and their conversion (new Account and
 * Contact), opportunities with line items, and for closed deals a Contract and the Order under it.
 * Every random draw comes from its own 'pro/sales/<what>' stream; the latent causes (agent skill,
 * lead quality, territory fit, wrong stages) go to the latent file only.
 */
import type { ProOrgKind } from '../../../src/org/org-kind.ts';
import type { GenContext } from '../../context.ts';
import type { ServiceData } from '../../service-data.ts';
import { iso, ymd } from '../../time.ts';
import { insertConvertedAccounts, insertLeads, planLeads } from './leads.ts';
import { generateOpportunities } from './opportunities.ts';
import { generateTeam } from './territories.ts';
import type { SalesLead, SalesResult } from './types.ts';

export function generateSales(ctx: GenContext, kind: ProOrgKind, service: ServiceData): SalesResult {
  const team = generateTeam(ctx, service.users.agents);
  const planned = planLeads(ctx, kind, team);
  insertConvertedAccounts(ctx, kind, planned, team);
  const { opportunities, wrongStage } = generateOpportunities(ctx, kind, service, team, planned);
  const leadIds = insertLeads(ctx, kind, planned, team);
  const oppById = new Map(opportunities.map((o) => [o.id, o]));
  const leads: SalesLead[] = planned.map((l, i) => {
    if (l.opportunityId) oppById.get(l.opportunityId)!.leadId = leadIds[i]!;
    return {
      id: leadIds[i]!,
      ownerId: team.agents[l.owner]!.userId,
      status: l.status,
      createdDate: iso(l.createdMs),
      isConverted: l.convertedMs !== null,
      convertedDate: l.convertedMs !== null ? ymd(l.convertedMs) : null,
      convertedAccountId: l.accountId,
      convertedContactId: l.contactId,
      convertedOpportunityId: l.opportunityId,
      state: l.state,
      firstName: l.firstName,
      lastName: l.lastName,
      company: l.company,
      email: l.email,
    };
  });
  return {
    latent: {
      salesAgents: team.agents,
      leads: planned.map((l, i) => ({ leadId: leadIds[i]!, quality: l.quality, inTerritory: l.inTerritory })),
      wrongStage,
    },
    salesAgentIds: team.agents.map((a) => a.userId),
    opportunities,
    leads,
    territories: team.territories,
  };
}
