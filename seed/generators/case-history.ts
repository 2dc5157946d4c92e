/**
 * CaseHistory__c: per case a 'Case Creation' row, an 'Owner Assignment' with OldValue__c null at
 * creation, one 'Owner Assignment' old→new per transfer, and 'Case Closed' at ClosedDate
 * (reference/crmarena.md §2.2: 977 creations, 1,088 assignments, 918 closures in CRMArena's org).
 */
import type { GenContext } from '../context.ts';
import { iso } from '../time.ts';
import type { CaseRecord } from './cases.ts';
import type { Agent } from './users.ts';

export function generateCaseHistory(ctx: GenContext, cases: CaseRecord[], agents: Agent[]): number {
  const { org } = ctx;
  let rows = 0;
  const add = (caseId: string, field: string, ms: number, oldV: string | null, newV: string | null) => {
    org.store.insert('CaseHistory__c', { CaseId__c: caseId, Field__c: field, OldValue__c: oldV, NewValue__c: newV, OwnerId: ctx.adminUserId }, { CreatedDate: iso(ms) });
    rows++;
  };
  for (const c of cases) {
    add(c.id, 'Case Creation', c.createdMs, null, null);
    add(c.id, 'Owner Assignment', c.createdMs, null, agents[c.owners[0]!]!.id);
    c.transferMs.forEach((ms, k) => add(c.id, 'Owner Assignment', ms, agents[c.owners[k]!]!.id, agents[c.owners[k + 1]!]!.id));
    if (c.closedMs !== null) add(c.id, 'Case Closed', c.closedMs, null, null);
    ctx.progress('CaseHistory__c', c.transferMs.length + (c.closedMs !== null ? 3 : 2));
  }
  return rows;
}
