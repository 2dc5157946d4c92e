/**
 * Policy Violation Identification (PVI): did the agent on a case break a policy, and which knowledge
 * article? Only the generator knows (CRMArena: "verifiable only within the generated database",
 * reference/crmarena.md §3.5), so the answer comes from the seed's latent side file: the violations
 * it wrote into emails and chat transcripts, each against one Knowledge__kav. Cases whose messages
 * break two different articles are skipped (one answer per question); non-violating cases with
 * messages from their agent are the None instances.
 */
import type Database from 'better-sqlite3';
import type { LatentFile } from '../../../seed/latent.ts';
import type { Candidate, TaskGenerator } from '../collect.ts';
import type { GeneratorContext } from '../context.ts';
import { pviRequired, SUFFIX } from '../domain-text.ts';

const TEMPLATES = [
  'Did the agent breach the policy in this situation? If yes, which knowledge article was breached?',
  'Did the agent breach the policy in this instance? If so, which specific knowledge article was violated?',
  'Did the agent breach the policy? If yes, which knowledge article was breached?',
  'Did the agent violate any company policy while handling this case? If they did, which knowledge article was violated?',
  'Was any policy violated by the agent in this case? If so, which knowledge article did the agent violate?',
  'Check whether the agent went against our policies on this case. Which knowledge article, if any, was violated?',
];

interface PviData {
  violating: { caseId: string; articleId: string }[];
  clean: string[];
}
const cache = new WeakMap<object, PviData>();

/** Live messages (emails and chats) of a case, as the API shows them. */
function messageIds(db: Database.Database, caseId: string): string[] {
  const emails = db.prepare(`SELECT "Id" AS id FROM "EmailMessage" WHERE "ParentId" = ? AND +"IsDeleted" = 0`).all(caseId) as { id: string }[];
  const chats = db.prepare(`SELECT "Id" AS id FROM "LiveChatTranscript" WHERE "CaseId" = ? AND +"IsDeleted" = 0`).all(caseId) as { id: string }[];
  return [...emails, ...chats].map((r) => r.id);
}

export function pviData(db: Database.Database, latent: LatentFile): PviData {
  const byCase = new Map<string, Set<string>>();
  const msgOk = new Map<string, boolean>();
  for (const v of latent.violations) {
    const live = messageIds(db, v.caseId);
    msgOk.set(v.caseId, (msgOk.get(v.caseId) ?? true) && live.includes(v.messageId));
    const s = byCase.get(v.caseId) ?? new Set<string>();
    s.add(v.articleId);
    byCase.set(v.caseId, s);
  }
  const articleLive = db.prepare(`SELECT 1 FROM "Knowledge__kav" WHERE "Id" = ? AND +"IsDeleted" = 0`);
  const violating = [...byCase]
    .filter(([caseId, arts]) => arts.size === 1 && msgOk.get(caseId) && articleLive.get([...arts][0]!))
    .map(([caseId, arts]) => ({ caseId, articleId: [...arts][0]! }))
    .sort((a, b) => (a.caseId < b.caseId ? -1 : 1));
  const clean = latent.cases
    .filter((c) => !c.violated && !byCase.has(c.caseId))
    .map((c) => c.caseId)
    .filter((id) => messageIds(db, id).length > 0)
    .sort();
  return { violating, clean };
}

export const policyViolation: TaskGenerator = {
  task: 'policy_violation_identification',
  reward: 'exact_match',
  noneShare: 0.3,
  dedupeKey: (c) => c.required,
  draw(ctx: GeneratorContext, wantNone): Candidate | undefined {
    if (!ctx.latent) return undefined;
    let data = cache.get(ctx.db);
    if (!data) {
      data = pviData(ctx.db, ctx.latent);
      cache.set(ctx.db, data);
    }
    const { rng } = ctx;
    const query = `${rng.pick(TEMPLATES)} ${SUFFIX.pvi}`;
    if (wantNone) {
      if (data.clean.length === 0) return undefined;
      return { query, answer: null, required: pviRequired(rng.pick(data.clean)) };
    }
    if (data.violating.length === 0) return undefined;
    const v = rng.pick(data.violating);
    return { query, answer: v.articleId, required: pviRequired(v.caseId) };
  },
};
