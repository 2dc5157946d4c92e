/**
 * Reading a voice-call transcript or a task subject back into what it states: the BANT factors a lead
 * meets, the subtopics of an opportunity call, the stage a call evidences, the stage an activity
 * belongs to. Each cue is a whole line (or subject) written from one template of the text banks
 * (./text/), so a template compiled to an anchored pattern recognises it exactly. Shared by the
 * signature tests and the oracle, which reads only what the REST API returns; both org kinds' banks
 * are tried, so a reader need not know which org it is looking at.
 */
import { ORG_KINDS } from '../../../src/org/org-kind.ts';
import { PRO_STAGES, type ProStage } from '../sales/types.ts';
import { BANT_FACTORS, BANT_LINES, TIMELINE_ANSWERS, type BantFactor } from './text/bant-bank.ts';
import { STAGE_GUIDE } from './text/stage-bank.ts';
import { SUBTOPICS } from './text/subtopic-bank.ts';

const PRO_KINDS = ORG_KINDS.filter((k) => k !== 'original') as ('b2b' | 'b2c')[];

/** A template as an anchored pattern: `{months}` captures digits, any other placeholder some text. */
export function compileTemplate(template: string): RegExp {
  const parts = template.split(/(\{[A-Za-z]+\})/);
  const src = parts
    .map((p) => (p === '{months}' ? '(\\d+)' : /^\{[A-Za-z]+\}$/.test(p) ? '.+?' : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${src}$`);
}

interface Cue<T> {
  re: RegExp;
  value: T;
}

function cues<T>(pairs: [string, T][]): Cue<T>[] {
  return pairs.map(([t, value]) => ({ re: compileTemplate(t), value }));
}

const BANT_CUES = cues<{ factor: BantFactor; met: boolean | 'months' }>(
  PRO_KINDS.flatMap((k) =>
    (['Budget', 'Authority', 'Need'] as const).flatMap((f) => [
      ...BANT_LINES[k][f].met.map((t): [string, { factor: BantFactor; met: boolean | 'months' }] => [t, { factor: f, met: true }]),
      ...BANT_LINES[k][f].unmet.map((t): [string, { factor: BantFactor; met: boolean | 'months' }] => [t, { factor: f, met: false }]),
    ]),
  ).concat(TIMELINE_ANSWERS.map((t) => [t, { factor: 'Timeline', met: 'months' }])),
);

const SUBTOPIC_CUES = cues<string>(PRO_KINDS.flatMap((k) => SUBTOPICS[k].flatMap((s) => s.ask.map((t): [string, string] => [t, s.name]))));

const EVIDENCE_CUES = cues<ProStage>(PRO_KINDS.flatMap((k) => PRO_STAGES.flatMap((st) => STAGE_GUIDE[k][st].evidence.map((t): [string, ProStage] => [t, st]))));

const SUBJECT_CUES = cues<ProStage>(
  PRO_KINDS.flatMap((k) => PRO_STAGES.flatMap((st) => STAGE_GUIDE[k][st].activities.flatMap((a) => a.subjects.map((t): [string, ProStage] => [t, st])))),
);

/** The text of each line a speaker says (`Agent: ...` / `Customer: ...`). */
function linesOf(body: string, speaker: 'Agent' | 'Customer'): string[] {
  const prefix = `${speaker}: `;
  return body
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith(prefix))
    .map((l) => l.slice(prefix.length));
}

/** BANT factors a transcript states, met or not; Timeline is met when the horizon is within `timelineMonths`. */
export function readBant(body: string, timelineMonths: number): Map<BantFactor, boolean> {
  const out = new Map<BantFactor, boolean>();
  for (const line of linesOf(body, 'Customer')) {
    for (const c of BANT_CUES) {
      const m = c.re.exec(line);
      if (!m) continue;
      out.set(c.value.factor, c.value.met === 'months' ? Number(m[1]) <= timelineMonths : c.value.met);
      break;
    }
  }
  return out;
}

/** Subtopics an opportunity call opens, in the order the agent raises them. */
export function readSubtopics(body: string): string[] {
  const out: string[] = [];
  for (const line of linesOf(body, 'Agent')) {
    const c = SUBTOPIC_CUES.find((x) => x.re.test(line));
    if (c && !out.includes(c.value)) out.push(c.value);
  }
  return out;
}

/** The stage a transcript's customer evidences (the last such line), if any. */
export function readStageEvidence(body: string): ProStage | undefined {
  let stage: ProStage | undefined;
  for (const line of linesOf(body, 'Customer')) {
    const c = EVIDENCE_CUES.find((x) => x.re.test(line));
    if (c) stage = c.value;
  }
  return stage;
}

/** The stage whose guide lists the activity a task subject names, if any. */
export function stageOfSubject(subject: string): ProStage | undefined {
  return SUBJECT_CUES.find((x) => x.re.test(subject.trim()))?.value;
}

export { BANT_FACTORS };
