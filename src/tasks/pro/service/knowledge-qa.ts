/**
 * Pro's knowledge_qa: the original task (src/tasks/generators/knowledge-qa.ts: a customer's question a
 * knowledge article answers, token F1) asked only about articles a customer may see (not those the
 * privacy stage marks confidential), and only when the question points at its article: a Pro org's
 * knowledge base also holds the CPQ and sales articles, which name the same products, so a question
 * is kept only when its own article shares more of its words than any other live article does (words
 * compared by their first five letters, stop words aside). Otherwise "the article that answers it"
 * would depend on which of two similar articles an agent opens.
 */
import type Database from 'better-sqlite3';
import { GENERATORS } from '../../generators/index.ts';
import type { ProGeneratorContext, ProTaskGenerator } from '../context.ts';
import type { ProCandidate } from '../types.ts';
import { fromOriginal } from './from-original.ts';

const STOP = new Set(
  'a an the of to and or for in on at by is are be it do does did what which who how when where why can could would should your you i my me we our us this that with as from have has must within many much long quick question tell help about please hi not if'.split(' '),
);

function stems(s: string): Set<string> {
  return new Set(
    s
      .toLowerCase()
      .split(/[^a-z0-9$%]+/)
      .filter((w) => w.length > 1 && !STOP.has(w))
      .map((w) => w.slice(0, 5)),
  );
}

const articleCache = new WeakMap<Database.Database, { id: string; stems: Set<string> }[]>();

function liveArticles(db: Database.Database): { id: string; stems: Set<string> }[] {
  let a = articleCache.get(db);
  if (!a) {
    const rows = db
      .prepare(`SELECT "Id" AS id, "Title" AS t, "FAQ_Answer__c" AS b, "Summary" AS s FROM "Knowledge__kav" WHERE +"IsDeleted" = 0 AND "PublishStatus" = 'Online' ORDER BY "Id"`)
      .all() as { id: string; t: string | null; b: string | null; s: string | null }[];
    a = rows.map((r) => ({ id: r.id, stems: stems(`${r.t ?? ''}. ${r.b ?? ''} ${r.s ?? ''}`) }));
    articleCache.set(db, a);
  }
  return a;
}

/** True when `articleId` shares strictly more of the question's words than any other live article. */
export function questionPointsAt(db: Database.Database, question: string, articleId: string): boolean {
  const q = stems(question);
  const score = (s: Set<string>) => [...s].filter((w) => q.has(w)).length;
  const arts = liveArticles(db);
  const own = arts.find((a) => a.id === articleId);
  if (!own) return false;
  const mine = score(own.stems);
  return mine > 0 && arts.every((a) => a.id === articleId || score(a.stems) < mine);
}

const views = new WeakMap<ProGeneratorContext, ProGeneratorContext>();

/** The context knowledge_qa draws from: the Q/A pairs of articles not marked confidential. */
export function customerKnowledgeView(ctx: ProGeneratorContext): ProGeneratorContext {
  let v = views.get(ctx);
  if (!v) {
    const hidden = new Set((ctx.latent.privacy?.confidentialArticles ?? []).map((a) => a.articleId));
    v = hidden.size === 0 ? ctx : { ...ctx, latent: { ...ctx.latent, knowledgeQa: ctx.latent.knowledgeQa.filter((q) => !hidden.has(q.articleId)) } };
    views.set(ctx, v);
  }
  return v;
}

const base = fromOriginal('knowledge_qa', GENERATORS.knowledge_qa, 0, customerKnowledgeView);

export const proKnowledgeQa: ProTaskGenerator = {
  ...base,
  draw(ctx, wantNone): ProCandidate | undefined {
    const c = base.draw(ctx, wantNone);
    if (!c || !c.answer) return undefined;
    const gold = c.answer[0]!;
    const qa = customerKnowledgeView(ctx).latent.knowledgeQa.find((q) => q.answer === gold && c.query.includes(q.question.slice(1)));
    if (!qa || !questionPointsAt(ctx.db, c.query, qa.articleId)) return undefined;
    return c;
  },
};
