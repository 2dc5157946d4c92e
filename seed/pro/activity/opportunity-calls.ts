/**
 * Voice calls on opportunities (VoiceCallTranscript__c.OpportunityId__c): each call opens a few
 * subtopics (sales_insight_mining) and the customer says something that shows where the deal stands
 * (wrong_stage_rectification). Calls follow the deal forward, so the latest call evidences the
 * opportunity's true stage even when the stored StageName was left behind (reference/crmarena.md §12.3).
 */
import type { ProOrgKind } from '../../../src/org/org-kind.ts';
import { streams, type GenContext } from '../../context.ts';
import { DAY, HOUR, iso, MINUTE } from '../../time.ts';
import { PRO_STAGES, type ProStage, type SalesOpportunity } from '../sales/types.ts';
import type { OpportunityCallLatent } from './latent.ts';
import { businessHour, type OrgNames, storedMs } from './records.ts';
import { STAGE_GUIDE } from './text/stage-bank.ts';
import { COMPETITORS, SUBTOPICS } from './text/subtopic-bank.ts';
import { exchange, fill, transcript } from './transcript.ts';

/** Share of opportunities (at a right stage) with calls; a wrong-stage one always has them. */
const CALLED_SHARE = 0.55;

/** The agent's line that leads into the customer's stage evidence (states no stage). */
const EVIDENCE_ASK = ['Where do things stand on your side?', 'What are the next steps from your point of view?', 'How are things moving internally?'];

export interface OpportunityContext {
  kind: ProOrgKind;
  company: string;
  names: OrgNames;
  /** Product names to fall back on when an opportunity has no line item. */
  products: readonly string[];
}

export function productOf(oc: OpportunityContext, o: SalesOpportunity, pick: () => string): string {
  return oc.names.productName(o.lines[0]?.productId) ?? pick();
}

export function generateOpportunityCalls(ctx: GenContext, oc: OpportunityContext, opps: readonly SalesOpportunity[]): OpportunityCallLatent[] {
  const { rng } = streams(ctx, 'pro/activity/opportunity-calls');
  const subtopics = SUBTOPICS[oc.kind];
  const guide = STAGE_GUIDE[oc.kind];
  const out: OpportunityCallLatent[] = [];
  for (const o of opps) {
    const created = storedMs(o.createdDate);
    if (created > ctx.nowMs - 2 * DAY) continue;
    if (o.stage === o.trueStage && !rng.chance(CALLED_SHARE)) continue;
    const trueIdx = PRO_STAGES.indexOf(o.trueStage);
    const n = 1 + rng.weightedIndex([0.5, 0.35, 0.15]);
    // Stages the calls evidence: non-decreasing, the last one the true stage.
    const evidenced = [...Array(n - 1)].map(() => rng.int(0, trueIdx)).sort((a, b) => a - b).map((i) => PRO_STAGES[i]!);
    evidenced.push(o.trueStage);

    const people = oc.names.opportunityPeople(o.accountId, o.contactId);
    const parties = { agent: oc.names.userName(o.ownerId), customer: people.first, company: oc.company };
    const vars = { product: productOf(oc, o, () => rng.pick(oc.products)), competitor: rng.pick(COMPETITORS[oc.kind]), company: oc.company };
    const closeMs = storedMs(o.closeDate);
    const until = Math.min(ctx.nowMs - HOUR, Math.max(created + 3 * DAY, o.trueStage === 'Closed' ? closeMs : ctx.nowMs));
    const step = Math.max(1, Math.floor((until - created) / DAY / (n + 1)));
    let prevEnd = created;
    const callIds: string[] = [];
    const subtopicsByCall: string[][] = [];
    evidenced.forEach((stage, k) => {
      const topics = rng.sample(subtopics, 1 + rng.weightedIndex([0.3, 0.45, 0.25]));
      const exchanges = topics.map((t) => exchange(fill(rng.pick(t.ask), vars), fill(rng.pick(t.reply), vars)));
      const at = rng.int(0, exchanges.length);
      exchanges.splice(at, 0, exchange(rng.pick(EVIDENCE_ASK), fill(rng.pick(guide[stage as ProStage].evidence), vars)));
      const day = created + (k + 1) * step * DAY;
      const start = Math.max(Math.min(businessHour(day, rng.int(0, 479)), until - 40 * MINUTE), prevEnd + MINUTE);
      const end = start + rng.int(10, 45) * MINUTE;
      prevEnd = end;
      callIds.push(
        ctx.org.store.insert(
          'VoiceCallTranscript__c',
          { Body__c: transcript(rng, parties, exchanges), EndTime__c: iso(end), OpportunityId__c: o.id, OwnerId: o.ownerId },
          { CreatedDate: iso(start) },
        ),
      );
      subtopicsByCall.push(subtopics.filter((s) => topics.includes(s)).map((s) => s.name));
    });
    ctx.progress('VoiceCallTranscript__c', callIds.length);
    out.push({ opportunityId: o.id, callIds, subtopicsByCall, evidencedStages: evidenced });
  }
  return out;
}
