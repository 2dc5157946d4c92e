/**
 * The activity text banks read back unambiguously: every line a template writes is recognised by its
 * own reader as what it states, and by no other reader — so a transcript or task subject states exactly
 * the BANT answers, subtopics, stage and activity it was written with.
 */
import { describe, expect, it } from 'vitest';
import { compileTemplate, readBant, readStageEvidence, readSubtopics, stageOfSubject } from '../../seed/pro/activity/cues.ts';
import { BANT_LINES, TIMELINE_ANSWERS, TIMELINE_MONTHS } from '../../seed/pro/activity/text/bant-bank.ts';
import { CLOSERS_AGENT, CLOSERS_CUSTOMER, FILLER, OPENERS_AGENT, OPENERS_CUSTOMER } from '../../seed/pro/activity/text/call-bank.ts';
import { STAGE_GUIDE } from '../../seed/pro/activity/text/stage-bank.ts';
import { SUBTOPICS } from '../../seed/pro/activity/text/subtopic-bank.ts';
import { fill } from '../../seed/pro/activity/transcript.ts';
import { PRO_STAGES } from '../../seed/pro/sales/types.ts';

const VARS = {
  product: "Kid's Trail-Runner (2.0) Pro+", contact: "Ann O'Neil", account: 'Acme & Sons, Inc.', amount: '$45,000', approver: 'CFO', pain: 'long simulation runs',
  competitor: 'Synopta', company: 'Voltrive', agent: 'Sam Lee', agentFirst: 'Sam', customer: 'Ann', opportunity: 'Acme renewal',
};

interface Line {
  text: string;
  bant?: [string, boolean];
  subtopic?: string;
  stage?: string;
  subject?: string;
}

function allLines(): Line[] {
  const out: Line[] = [];
  const say = (who: string, t: string, extra: Omit<Line, 'text'> = {}) => out.push({ text: `${who}: ${fill(t, { ...VARS, months: '3' })}`, ...extra });
  for (const kind of ['b2b', 'b2c'] as const) {
    for (const f of ['Budget', 'Authority', 'Need'] as const) {
      BANT_LINES[kind][f].ask.forEach((t) => say('Agent', t));
      BANT_LINES[kind][f].met.forEach((t) => say('Customer', t, { bant: [f, true] }));
      BANT_LINES[kind][f].unmet.forEach((t) => say('Customer', t, { bant: [f, false] }));
    }
    BANT_LINES[kind].Timeline.ask.forEach((t) => say('Agent', t));
    for (const s of SUBTOPICS[kind]) {
      s.ask.forEach((t) => say('Agent', t, { subtopic: s.name }));
      s.reply.forEach((t) => say('Customer', t));
    }
    for (const st of PRO_STAGES) {
      STAGE_GUIDE[kind][st].evidence.forEach((t) => say('Customer', t, { stage: st }));
      for (const a of STAGE_GUIDE[kind][st].activities) for (const t of a.subjects) out.push({ text: fill(t, VARS), subject: st });
      for (const e of STAGE_GUIDE[kind][st].events) out.push({ text: e });
    }
  }
  OPENERS_AGENT.forEach((t) => say('Agent', t));
  OPENERS_CUSTOMER.forEach((t) => say('Customer', t));
  CLOSERS_AGENT.forEach((t) => say('Agent', t));
  CLOSERS_CUSTOMER.forEach((t) => say('Customer', t));
  for (const [a, c] of FILLER) out.push({ text: a }, { text: c });
  return out;
}

describe('activity cue readers', () => {
  const lines = allLines();

  it('read each line as exactly what it was written to state', () => {
    for (const l of lines) {
      const bant = [...readBant(l.text, TIMELINE_MONTHS)];
      expect(bant, l.text).toEqual(l.bant ? [l.bant] : []);
      expect(readSubtopics(l.text), l.text).toEqual(l.subtopic ? [l.subtopic] : []);
      expect(readStageEvidence(l.text), l.text).toBe(l.stage);
      // Subjects are read as subjects (no speaker prefix); a spoken line is never a guide activity.
      expect(stageOfSubject(l.text), l.text).toBe(l.subject);
    }
  });

  it("Timeline is met when the horizon is within the policy's months", () => {
    for (const t of TIMELINE_ANSWERS) {
      expect(readBant(`Customer: ${fill(t, { months: String(TIMELINE_MONTHS) })}`, TIMELINE_MONTHS).get('Timeline')).toBe(true);
      expect(readBant(`Customer: ${fill(t, { months: String(TIMELINE_MONTHS + 1) })}`, TIMELINE_MONTHS).get('Timeline')).toBe(false);
      expect(readBant(`Customer: ${fill(t, { months: '12' })}`, 12).get('Timeline')).toBe(true);
    }
  });

  it('a subtopic name is listed once per kind, and templates anchor to whole lines', () => {
    for (const kind of ['b2b', 'b2c'] as const) expect(new Set(SUBTOPICS[kind].map((s) => s.name)).size).toBe(SUBTOPICS[kind].length);
    const re = compileTemplate('Send pricing proposal to {contact}');
    expect(re.test("Send pricing proposal to Ann O'Neil")).toBe(true);
    expect(re.test('Please send pricing proposal to Ann')).toBe(false);
    expect(re.test('Send pricing proposal to ')).toBe(false);
  });
});
