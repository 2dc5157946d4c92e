/**
 * Pro's case_routing: the original task (src/tasks/generators/case-routing.ts: same policy, same truth
 * src/tasks/truth/case-routing.ts, same query form) over whatever Issue__c a Pro org has. An issue with
 * a text bank of the original (src/tasks/text/new-case-texts.ts) uses it; any other issue (the B2B/B2C
 * themes name their own) gets a case text that names the issue and the product verbatim and no other
 * issue, so "the issue most similar to the given case" still has one answer.
 */
import type Database from 'better-sqlite3';
import { CASE_ROUTING_REQUIRED, caseRoutingQuery } from '../../domain-text.ts';
import { fill } from '../../period-phrases.ts';
import { NEW_CASE_TEXTS } from '../../text/new-case-texts.ts';
import { bestAgentForCase } from '../../truth/case-routing.ts';
import type { ProTaskGenerator } from '../context.ts';
import type { ProCandidate } from '../types.ts';
import { PRO_DOMAIN_DETAILS } from './domain-text.ts';

interface Named {
  id: string;
  name: string;
}
interface RoutingData {
  issues: (Named & { description: string | null })[];
  productsByIssue: Map<string, Named[]>;
  allProducts: Named[];
}

const GENERIC_SUBJECTS = ['{issue} with {product}', '{product}: {issue}', 'Need help: {issue} on {product}', '{issue} affecting my {product}'];
const GENERIC_DESCRIPTIONS = [
  'We are seeing a {issueLower} with the {product}. {detail}Please advise how to resolve it.',
  'Since last week our {product} has a {issueLower}. {detail}Could someone look into this?',
  'I am reporting a {issueLower} on the {product}. {detail}We need this fixed soon.',
];

const cache = new WeakMap<Database.Database, RoutingData>();

function routingData(db: Database.Database): RoutingData {
  let d = cache.get(db);
  if (d) return d;
  const issues = db.prepare(`SELECT "Id" AS id, "Name" AS name, "Description__c" AS description FROM "Issue__c" WHERE +"IsDeleted" = 0 ORDER BY "Id"`).all() as RoutingData['issues'];
  // Only products whose name no other product shares (as the original): the text points at one product.
  const rows = db
    .prepare(
      `SELECT DISTINCT p."Id" AS id, p."Name" AS name, c."IssueId__c" AS issue FROM "Case" c
       JOIN "OrderItem" oi ON oi."Id" = c."OrderItemId__c" JOIN "Product2" p ON p."Id" = oi."Product2Id"
       WHERE +c."IsDeleted" = 0 AND +p."IsDeleted" = 0
         AND (SELECT COUNT(*) FROM "Product2" p2 WHERE lower(p2."Name") = lower(p."Name") AND +p2."IsDeleted" = 0) = 1
       ORDER BY p."Id", c."IssueId__c"`,
    )
    .all() as { id: string; name: string; issue: string | null }[];
  const productsByIssue = new Map<string, Named[]>();
  const all = new Map<string, Named>();
  for (const r of rows) {
    all.set(r.id, { id: r.id, name: r.name });
    if (!r.issue) continue;
    productsByIssue.set(r.issue, [...(productsByIssue.get(r.issue) ?? []), { id: r.id, name: r.name }]);
  }
  d = { issues, productsByIssue, allProducts: [...all.values()] };
  cache.set(db, d);
  return d;
}

/** The first sentence of an issue's description, if it names no other issue. */
function detailOf(description: string | null, otherNames: readonly string[]): string {
  const s = /^[^.!?]+[.!?]/.exec((description ?? '').trim())?.[0];
  if (!s || otherNames.some((n) => s.toLowerCase().includes(n.toLowerCase()))) return '';
  return `${s} `;
}

export const proCaseRouting: ProTaskGenerator = {
  task: 'case_routing',
  reward: 'exact_match',
  noneShare: 0,
  draw(ctx): ProCandidate | undefined {
    const { rng } = ctx;
    const data = routingData(ctx.db);
    if (data.issues.length === 0 || data.allProducts.length === 0) return undefined;
    const issue = rng.pick(data.issues);
    const sameIssue = data.productsByIssue.get(issue.id) ?? [];
    const product = sameIssue.length > 0 && rng.chance(0.8) ? rng.pick(sameIssue) : rng.pick(data.allProducts);
    const answer = bestAgentForCase(ctx.db, issue.id, product.id).answer;
    if (!answer) return undefined;
    const bank = NEW_CASE_TEXTS[issue.name];
    let subject: string;
    let description: string;
    if (bank) {
      subject = fill(rng.pick(bank.subjects), { product: product.name });
      description = fill(rng.pick(bank.descriptions), { product: product.name });
    } else {
      const others = data.issues.filter((i) => i.id !== issue.id).map((i) => i.name);
      const values = { issue: issue.name, issueLower: issue.name.toLowerCase(), product: product.name, detail: detailOf(issue.description, others) };
      subject = fill(rng.pick(GENERIC_SUBJECTS), values);
      description = fill(rng.pick(GENERIC_DESCRIPTIONS), values);
      const text = `${subject} ${description}`.toLowerCase();
      // The text must point at this issue only: no other issue's name in it (the product's name included).
      if (others.some((n) => text.includes(n.toLowerCase()))) return undefined;
    }
    return { query: caseRoutingQuery(subject, description), answer: [answer], required: CASE_ROUTING_REQUIRED, optional: PRO_DOMAIN_DETAILS };
  },
};
