/**
 * Policy Violation Identification through SOQL: read what the case's agent wrote (emails sent from a
 * User's address, chat lines marked "(Agent)"), and check every policy statement with a quantity in it
 * ("within 60 days of delivery") against the knowledge base: the article sentence saying the most
 * alike must state the same quantities, or the agent broke that article.
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

function contentWords(sentence: string): Set<string> {
  const stripped = sentence.replace(QUANTITY, ' ');
  return new Set(
    stripped
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((w) => w.length > 2 && !STOP.has(w))
      .map((w) => w.replace(/s$/, '')),
  );
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
  quantities: string[];
}

interface Article {
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

/**
 * Does the agent's sentence contradict the article? It does when the article sentence about the same
 * thing (most words in common among those stating a quantity of the same kind) states other values.
 */
export function contradicts(sentence: string, article: Article): boolean {
  const qs = quantities(sentence).filter((q) => quantityClass(q) !== 'number');
  if (qs.length === 0) return false;
  const words = contentWords(sentence);
  const classes = new Set(qs.map(quantityClass));
  let best: ArticleSentence | undefined;
  let bestOverlap = 0;
  for (const a of article.sentences) {
    if (!a.quantities.some((q) => classes.has(quantityClass(q)))) continue;
    let overlap = 0;
    for (const w of words) if (a.words.has(w)) overlap++;
    if (overlap > bestOverlap) [best, bestOverlap] = [a, overlap];
  }
  // Fewer than two shared words: the sentence is not about any term this article sets.
  if (!best || bestOverlap < 2) return false;
  return !qs.every((q) => best.quantities.includes(q));
}

const kbCache = new WeakMap<OracleApi, Promise<Article[]>>();

async function knowledgeBase(api: OracleApi): Promise<Article[]> {
  let kb = kbCache.get(api);
  if (!kb) {
    kb = api.queryAll(`SELECT Id, Title, Summary, FAQ_Answer__c FROM Knowledge__kav WHERE PublishStatus = 'Online'`).then(({ records }) =>
      records.map((r) => ({
        id: String(r.Id),
        title: String(r.Title ?? ''),
        sentences: sentences(`${String(r.FAQ_Answer__c ?? '')}\n${String(r.Summary ?? '')}`)
          .filter((s) => quantities(s).length > 0)
          .map((s) => ({ articleId: String(r.Id), words: contentWords(s), quantities: quantities(s) })),
      })),
    );
    kbCache.set(api, kb);
  }
  return kb;
}

const prefix = (w: string) => w.slice(0, 5);

/** The article that governs an issue: the one whose title names it best ("Product Defect" → "Defective Products: ..."). */
export function governingArticle(issueName: string, kb: readonly Article[]): Article | undefined {
  const wanted = issueName
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length > 2 && !['issue', 'inquiry', 'program'].includes(w))
    .map(prefix);
  let best: Article | undefined;
  let bestScore = 0;
  let tied = false;
  for (const a of kb) {
    const title = new Set(a.title.toLowerCase().split(/[^a-z]+/).filter(Boolean).map(prefix));
    const score = wanted.filter((w) => title.has(w)).length;
    if (score > bestScore) [best, bestScore, tied] = [a, score, false];
    else if (score === bestScore && score > 0) tied = true;
  }
  return tied ? undefined : best;
}

async function agentStatements(api: OracleApi, caseId: string): Promise<string[]> {
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
  // The policy that applies is the article governing the case's issue.
  const kase = (await api.queryAll(`SELECT IssueId__r.Name FROM Case WHERE Id = ${soqlString(caseId)}`)).records[0];
  const issueName = (kase?.IssueId__r as { Name?: string } | null | undefined)?.Name;
  const governing = issueName ? governingArticle(issueName, kb) : undefined;
  const articles = governing ? [governing] : kb;
  const broken = new Set<string>();
  for (const s of await agentStatements(api, caseId)) {
    for (const a of articles) if (contradicts(s, a)) broken.add(a.id);
  }
  if (broken.size > 1) throw new Error(`statements contradict several articles: ${[...broken].join(', ')}`);
  return broken.size === 1 ? [...broken][0]! : null;
}
