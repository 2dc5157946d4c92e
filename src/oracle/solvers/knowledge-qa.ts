/**
 * Knowledge QA through SOSL. The oracle searches the knowledge base with the question's words (as
 * CRMArena's search_knowledge_articles does), ranks the articles by how well their best sentence
 * matches the question, and reads the answer from the best one.
 *
 * Free-text answers cannot be derived exactly without understanding language, so this solver has two
 * modes. Blind (no gold): it answers with the best sentence, scored by token F1 like an agent. Verify
 * (gold given): it answers the gold only if the gold is found verbatim in the article the search led
 * to, proving the question is answerable from what the API returns; otherwise it falls back to blind.
 */
import { soslEscape, type OracleApi } from '../api.ts';
import { sentences } from './policy-violation.ts';
import type { SolveInput } from './shared.ts';

const STOP = new Set(
  'a an the of to and or for in on at by is are be it do does did what which who how when where why can could would should your you i my me we our us this that with as from have has must within many much long quick question tell help about please hi not if'.split(' '),
);

function words(s: string): string[] {
  return s
    .toLowerCase()
    .split(/[^a-z0-9$%]+/)
    .filter((w) => w.length > 1 && !STOP.has(w));
}

export interface KnowledgeAnswer {
  articleId: string | null;
  sentence: string | null;
  verified: boolean;
  answer: string | null;
}

export async function answerFromKnowledge(api: OracleApi, question: string, gold?: string | null): Promise<KnowledgeAnswer> {
  const terms = [...new Set(words(question))];
  if (terms.length === 0) return { articleId: null, sentence: null, verified: false, answer: null };
  const found = await api.search(
    `FIND {${terms.map((t) => `"${soslEscape(t)}"`).join(' OR ')}} IN ALL FIELDS RETURNING Knowledge__kav(Id, Title, Summary, FAQ_Answer__c WHERE PublishStatus = 'Online' AND Language = 'en_US')`,
  );
  // Words compared by their first five letters, a crude stemmer: "cleaned" finds "Clean them...".
  const stems = (t: string) => new Set(words(t).map((w) => w.slice(0, 5)));
  const q = stems(question);
  const overlap = (t: string) => [...stems(t)].filter((w) => q.has(w)).length;
  // The article sharing the most of the question's words (search rank breaks ties), then its best sentence.
  let best: { id: string; text: string; sentence: string; score: number } | undefined;
  for (const r of found) {
    const text = `${String(r.Title ?? '')}. ${String(r.FAQ_Answer__c ?? '')} ${String(r.Summary ?? '')}`;
    const score = overlap(text);
    if (best && score <= best.score) continue;
    const sentence = sentences(text).reduce((a, b) => (overlap(b) > overlap(a) ? b : a));
    best = { id: String(r.Id), text, sentence, score };
  }
  if (!best) return { articleId: null, sentence: null, verified: false, answer: null };
  const verified = !!gold && best.text.toLowerCase().includes(gold.toLowerCase());
  return { articleId: best.id, sentence: best.sentence, verified, answer: verified ? gold! : best.sentence };
}

export async function solveKnowledgeQa(api: OracleApi, task: SolveInput & { gold?: string | null }): Promise<string | null> {
  return (await answerFromKnowledge(api, task.query, task.gold)).answer;
}
