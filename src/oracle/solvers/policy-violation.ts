/**
 * Policy Violation Identification through SOQL: read what the case's agent wrote (emails sent from a
 * User's address, chat lines marked "(Agent)"), and check every policy statement with a quantity in it
 * ("within 60 days of delivery") against the knowledge base: the article sentence about the same term
 * must state the same quantities, or the agent broke that article. Statements may concern any policy,
 * not only the one governing the case's issue.
 */
import { soqlIdList, soqlString, type ApiRecord, type OracleApi } from '../api.ts';
import type { SolveInput } from './shared.ts';

const QUANTITY =
  /(\$\d[\d,]*(?:\.\d+)?|\b\d[\d,]*(?:\.\d+)?(?:-\d+)?(?:[- ](?:business days?|days?|hours?|months?|years?|points?|weeks?|minutes?)|%)?|\blifetime\b|\bnever\b)/gi;
const STOP = new Set(
  'a an the of to and or for in on at by is are be it its this that with as from your you we our us if can will may must within after before so than any all per every was were has have not no'.split(' '),
);

export function quantities(sentence: string): string[] {
  return [...sentence.matchAll(QUANTITY)].map((m) => m[1]!.toLowerCase().replace(/,/g, '').replace(/-(?=[a-z])/g, ' ').replace(/s$/, ''));
}

/** Content words of a text, compared by their first five letters (a crude stemmer: reported ~ report). */
function stems(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length > 2 && !STOP.has(w))
    .map((w) => w.replace(/s$/, '').slice(0, 5));
}

function contentWords(sentence: string): Set<string> {
  return new Set(stems(sentence.replace(QUANTITY, ' ')));
}

/** The words right around each quantity ("send the item back within [30 days] of delivery for a full refund"). */
function contextWords(sentence: string): Set<string> {
  const parts = sentence.split(QUANTITY);
  const out = new Set<string>();
  // split() with a capturing group interleaves text and quantities: text at even indexes.
  for (let i = 1; i < parts.length; i += 2) {
    for (const w of stems(parts[i - 1] ?? '').slice(-3)) out.add(w);
    for (const w of stems(parts[i + 1] ?? '').slice(0, 4)) out.add(w);
  }
  return out;
}

export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

interface ArticleSentence {
  articleId: string;
  words: Set<string>;
  context: Set<string>;
  quantities: string[];
}

export interface Article {
  id: string;
  title: string;
  sentences: ArticleSentence[];
}

/** What a quantity measures: durations compare with durations, amounts with amounts. */
function quantityClass(q: string): string {
  if (q.startsWith('$')) return 'money';
  if (q.endsWith('%')) return 'percent';
  if (/point$/.test(q)) return 'points';
  if (/(day|hour|week|month|year|minute)$/.test(q) || q === 'lifetime' || q === 'never') return 'duration';
  return 'number';
}

export interface MatchWeights {
  /** Per content word shared with the knowledge-base sentence. */
  words: number;
  /** Per word shared right around the quantities. */
  near: number;
  /** When the sentence states a quantity in the same unit (days for days). */
  unit: number;
}
/**
 * Chosen from a grid over generated orgs (seed 42, seed 7, seed 11 at scale 2, and a seed variant whose
 * agents also state neighbouring policies): every case, 4,900, read right, and the weights around too.
 */
const WEIGHTS: MatchWeights = { words: 1, near: 0.5, unit: 2 };

const unitOf = (q: string) => q.replace(/^[\d.$ -]+/, '');

/**
 * The article an agent's sentence contradicts, if any. The sentence is matched to the knowledge-base
 * sentence about the same term: one stating a quantity of the same kind (a duration for a duration),
 * sharing the most words (those around the quantity and a quantity in the same unit count extra).
 * The agent contradicts that article when it states other values.
 */
export function contradictedArticle(sentence: string, kb: readonly Article[], w: MatchWeights = WEIGHTS): string | undefined {
  const qs = quantities(sentence).filter((q) => quantityClass(q) !== 'number');
  if (qs.length === 0) return undefined;
  const words = contentWords(sentence);
  const context = contextWords(sentence);
  const classes = new Set(qs.map(quantityClass));
  const units = new Set(qs.map(unitOf));
  let top: ArticleSentence[] = [];
  let bestScore = 0;
  for (const article of kb) {
    for (const a of article.sentences) {
      if (!a.quantities.some((q) => classes.has(quantityClass(q)))) continue;
      let overlap = 0;
      for (const x of words) if (a.words.has(x)) overlap++;
      // Fewer than two shared words: not a statement of this sentence's term.
      if (overlap < 2) continue;
      let near = 0;
      for (const x of context) if (a.context.has(x)) near++;
      const sameUnit = a.quantities.some((q) => units.has(unitOf(q))) ? 1 : 0;
      // More shared words win a tie of weighted scores.
      const score = w.words * overlap + w.near * near + w.unit * sameUnit + overlap / 1000;
      if (score > bestScore) [top, bestScore] = [[a], score];
      else if (score === bestScore) top.push(a);
    }
  }
  if (top.length === 0) return undefined;
  // Equally close readings: the agent gets the benefit of the doubt when one of them states its values.
  const states = (a: ArticleSentence) => qs.every((q) => a.quantities.includes(q));
  return top.some(states) ? undefined : top[0]!.articleId;
}

const kbCache = new WeakMap<OracleApi, Promise<Article[]>>();

export async function knowledgeBase(api: OracleApi): Promise<Article[]> {
  let kb = kbCache.get(api);
  if (!kb) {
    kb = api.queryAll(`SELECT Id, Title, Summary, FAQ_Answer__c FROM Knowledge__kav WHERE PublishStatus = 'Online'`).then(({ records }) =>
      records.map((r) => ({
        id: String(r.Id),
        title: String(r.Title ?? ''),
        sentences: sentences(`${String(r.FAQ_Answer__c ?? '')}\n${String(r.Summary ?? '')}`)
          .filter((s) => quantities(s).length > 0)
          .map((s) => ({ articleId: String(r.Id), words: contentWords(s), context: contextWords(s), quantities: quantities(s) })),
      })),
    );
    kbCache.set(api, kb);
  }
  return kb;
}

export async function agentStatements(api: OracleApi, caseId: string): Promise<string[]> {
  const emails = (await api.queryAll(`SELECT FromAddress, TextBody FROM EmailMessage WHERE ParentId = ${soqlString(caseId)}`)).records;
  const from = [...new Set(emails.map((e) => String(e.FromAddress ?? '')).filter(Boolean))];
  const agentAddresses = new Set<string>();
  if (from.length) {
    const users: ApiRecord[] = (await api.queryAll(`SELECT Email FROM User WHERE Email IN ${soqlIdList(from)}`)).records;
    for (const u of users) agentAddresses.add(String(u.Email).toLowerCase());
  }
  const out: string[] = [];
  for (const e of emails) if (agentAddresses.has(String(e.FromAddress ?? '').toLowerCase())) out.push(...sentences(String(e.TextBody ?? '')));
  const chats = (await api.queryAll(`SELECT Body FROM LiveChatTranscript WHERE CaseId = ${soqlString(caseId)}`)).records;
  for (const c of chats) {
    for (const line of String(c.Body ?? '').split('\n')) {
      const m = /^\[[^\]]*\]\s*[^:]*\(Agent\):\s*(.*)$/.exec(line);
      if (m) out.push(...sentences(m[1]!.replace(/&#39;/g, "'")));
    }
  }
  return out;
}

export async function solvePolicyViolation(api: OracleApi, task: SolveInput): Promise<string | null> {
  const caseId = /Case Id to be considered is:\s*(\S+)/.exec(task.required)?.[1];
  if (!caseId) throw new Error('no case Id in the metadata');
  const kb = await knowledgeBase(api);
  const broken = new Set<string>();
  for (const s of await agentStatements(api, caseId)) {
    const a = contradictedArticle(s, kb);
    if (a) broken.add(a);
  }
  if (broken.size > 1) throw new Error(`statements contradict several articles: ${[...broken].join(', ')}`);
  return broken.size === 1 ? [...broken][0]! : null;
}
