/**
 * New Case Routing (NCR): a new case's subject and description; the answer is the agent the routing
 * policy picks for the case's issue and product. CRMArena's create_tasks.py rewrites the query into
 * the fixed "Use the case routing policy..." form with the case text (reference/crmarena.md §3.2).
 */
import type { Candidate, TaskGenerator } from '../collect.ts';
import type { GeneratorContext } from '../context.ts';
import { CASE_ROUTING_REQUIRED, caseRoutingQuery } from '../domain-text.ts';
import { fill } from '../period-phrases.ts';
import { NEW_CASE_TEXTS } from '../text/new-case-texts.ts';
import { bestAgentForCase } from '../truth/case-routing.ts';

interface RoutingData {
  issues: { id: string; name: string }[];
  /** Products with a unique name, per issue they had cases of, and all of them. */
  productsByIssue: Map<string, { id: string; name: string }[]>;
  allProducts: { id: string; name: string }[];
}

const cache = new WeakMap<object, RoutingData>();

function routingData(ctx: GeneratorContext): RoutingData {
  let d = cache.get(ctx.db);
  if (d) return d;
  const issues = (ctx.db.prepare(`SELECT "Id" AS id, "Name" AS name FROM "Issue__c" WHERE +"IsDeleted" = 0 ORDER BY "Id"`).all() as {
    id: string;
    name: string;
  }[]).filter((i) => NEW_CASE_TEXTS[i.name]);
  // Only products whose name no other product shares: the case text must point at one product.
  const rows = ctx.db
    .prepare(
      `SELECT DISTINCT p."Id" AS id, p."Name" AS name, c."IssueId__c" AS issue FROM "Case" c
       JOIN "OrderItem" oi ON oi."Id" = c."OrderItemId__c" JOIN "Product2" p ON p."Id" = oi."Product2Id"
       WHERE +c."IsDeleted" = 0 AND +p."IsDeleted" = 0
         AND (SELECT COUNT(*) FROM "Product2" p2 WHERE lower(p2."Name") = lower(p."Name") AND +p2."IsDeleted" = 0) = 1
       ORDER BY p."Id", c."IssueId__c"`,
    )
    .all() as { id: string; name: string; issue: string | null }[];
  const productsByIssue = new Map<string, { id: string; name: string }[]>();
  const all = new Map<string, { id: string; name: string }>();
  for (const r of rows) {
    all.set(r.id, { id: r.id, name: r.name });
    if (!r.issue) continue;
    const list = productsByIssue.get(r.issue) ?? [];
    list.push({ id: r.id, name: r.name });
    productsByIssue.set(r.issue, list);
  }
  d = { issues, productsByIssue, allProducts: [...all.values()] };
  cache.set(ctx.db, d);
  return d;
}

export const caseRouting: TaskGenerator = {
  task: 'case_routing',
  reward: 'exact_match',
  noneShare: 0,
  draw(ctx): Candidate | undefined {
    const { rng } = ctx;
    const data = routingData(ctx);
    if (data.issues.length === 0 || data.allProducts.length === 0) return undefined;
    const issue = rng.pick(data.issues);
    const sameIssue = data.productsByIssue.get(issue.id) ?? [];
    const product = sameIssue.length > 0 && rng.chance(0.8) ? rng.pick(sameIssue) : rng.pick(data.allProducts);
    const answer = bestAgentForCase(ctx.db, issue.id, product.id).answer;
    if (!answer) return undefined;
    const bank = NEW_CASE_TEXTS[issue.name]!;
    const subject = fill(rng.pick(bank.subjects), { product: product.name });
    const description = fill(rng.pick(bank.descriptions), { product: product.name });
    return { query: caseRoutingQuery(subject, description), answer, required: CASE_ROUTING_REQUIRED };
  },
};
