/**
 * Voice calls with leads (VoiceCallTranscript__c.LeadId__c): one or two calls per lead in which the
 * agent asks about each BANT factor once and the lead's answer shows it met or unmet. Which factors a
 * lead leaves unmet is latent (qualified, converted leads rarely have a gap); lead_qualification asks
 * for them (reference/crmarena.md §12.3).
 */
import type { ProOrgKind } from '../../../src/org/org-kind.ts';
import { streams, type GenContext } from '../../context.ts';
import type { Stream } from '../../rng.ts';
import { DAY, HOUR, iso, MINUTE } from '../../time.ts';
import type { SalesLead } from '../sales/types.ts';
import type { LeadCallLatent } from './latent.ts';
import { businessHour, OrgNames, storedMs } from './records.ts';
import { APPROVERS, BANT_FACTORS, BANT_LINES, PAINS, TIMELINE_ANSWERS, TIMELINE_MONTHS, type BantFactor } from './text/bant-bank.ts';
import { exchange, fill, transcript } from './transcript.ts';

/** Share of leads with calls, by whether they converted. */
const CALLED_SHARE = { converted: 0.35, open: 0.5 };

function drawUnmet(rng: Stream, converted: boolean): BantFactor[] {
  // A converted lead was qualified: a gap is rare. Open leads mostly have one or two.
  if (rng.chance(converted ? 0.85 : 0.25)) return [];
  const k = converted ? 1 : 1 + rng.weightedIndex([0.5, 0.33, 0.13, 0.04]);
  const set = new Set(rng.sample(BANT_FACTORS, k));
  return BANT_FACTORS.filter((f) => set.has(f));
}

function money(rng: Stream, kind: ProOrgKind): string {
  const n = kind === 'b2b' ? rng.int(2, 60) * 5000 : rng.int(4, 60) * 25;
  return `$${n.toLocaleString('en-US')}`;
}

export interface LeadContext {
  kind: ProOrgKind;
  company: string;
  products: readonly string[];
  names: OrgNames;
}

export function generateLeadCalls(ctx: GenContext, lc: LeadContext, leads: readonly SalesLead[]): LeadCallLatent[] {
  const { rng } = streams(ctx, 'pro/activity/lead-calls');
  const out: LeadCallLatent[] = [];
  const lines = BANT_LINES[lc.kind];
  for (const lead of leads) {
    // A lead created in the last two days has had no call yet.
    if (storedMs(lead.createdDate) > ctx.nowMs - 2 * DAY) continue;
    if (!rng.chance(lead.isConverted ? CALLED_SHARE.converted : CALLED_SHARE.open)) continue;
    const unmet = drawUnmet(rng, lead.isConverted);
    const timelineMonths = unmet.includes('Timeline') ? rng.int(TIMELINE_MONTHS + 2, 18) : rng.int(2, TIMELINE_MONTHS - 1);
    const product = rng.pick(lc.products);
    const vars = { amount: money(rng, lc.kind), approver: rng.pick(APPROVERS[lc.kind]), pain: rng.pick(PAINS[lc.kind]), product, months: String(timelineMonths) };
    const exchanges = rng.shuffle(BANT_FACTORS).map((f) => {
      const ask = fill(rng.pick(lines[f].ask), vars);
      const answer = f === 'Timeline' ? rng.pick(TIMELINE_ANSWERS) : rng.pick(unmet.includes(f) ? lines[f].unmet : lines[f].met);
      return exchange(ask, fill(answer, vars));
    });
    // Two calls split the four factors (each call covers at least one).
    const calls = rng.chance(0.4) ? [exchanges.slice(0, rng.int(1, 3)), []] : [exchanges];
    if (calls.length === 2) calls[1] = exchanges.slice(calls[0]!.length);

    const person = lc.names.leadPerson(lead.id);
    const parties = { agent: lc.names.userName(lead.ownerId), customer: person.first, company: lc.company };
    const created = storedMs(lead.createdDate);
    const until = Math.max(created + HOUR, Math.min(ctx.nowMs - HOUR, lead.convertedDate ? storedMs(lead.convertedDate) : ctx.nowMs));
    const span = Math.max(1, Math.floor((until - created) / DAY));
    let day = created + rng.int(0, Math.min(span, 10)) * DAY;
    let prevEnd = created;
    const callIds: string[] = [];
    for (const ex of calls) {
      const start = Math.max(Math.min(businessHour(day, rng.int(0, 479)), until - 40 * MINUTE), prevEnd + MINUTE);
      const end = start + rng.int(6, 35) * MINUTE;
      callIds.push(
        ctx.org.store.insert(
          'VoiceCallTranscript__c',
          { Body__c: transcript(rng, parties, ex), EndTime__c: iso(end), LeadId__c: lead.id, OwnerId: lead.ownerId },
          { CreatedDate: iso(start) },
        ),
      );
      prevEnd = end;
      day += rng.int(2, 9) * DAY;
    }
    ctx.progress('VoiceCallTranscript__c', callIds.length);
    out.push({ leadId: lead.id, callIds, unmet, timelineMonths });
  }
  return out;
}
