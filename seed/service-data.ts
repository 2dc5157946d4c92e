/**
 * The service half of an org: CRMArena's 16 objects (users, issues, knowledge, catalog, pricebooks,
 * customers, orders, cases, conversations, case history) with the latent variables behind them. The
 * original org is exactly this; CRMArena-Pro's orgs (seed/pro/) build their sales objects over it.
 */
import type { GenContext } from './context.ts';
import { generateCaseHistory } from './generators/case-history.ts';
import { generateCases, type CaseRecord } from './generators/cases.ts';
import { generateCatalog, type CatalogResult } from './generators/catalog.ts';
import { generateConversations, type ConversationResult } from './generators/conversations.ts';
import { customerLatent, generateCustomers, round3, type Customer } from './generators/customers.ts';
import type { Agent } from './generators/users.ts';
import { generateIssues } from './generators/issues.ts';
import { generateKnowledge, type KnowledgeResult } from './generators/knowledge.ts';
import { generateOrders, type OrderLine } from './generators/orders.ts';
import { generatePricebooks, type Pricebook } from './generators/pricebooks.ts';
import { generateUsers, type UsersResult } from './generators/users.ts';
import { GENERATOR_VERSION, type LatentFile, type RegionLatent } from './latent.ts';
import { streamFor } from './rng.ts';
import { ORIGINAL_THEME } from './text/original-theme.ts';
import { REGIONS } from './text/regions.ts';
import type { ServiceTheme } from './text/theme.ts';

export interface ServiceData {
  users: UsersResult;
  issueIds: string[];
  knowledge: KnowledgeResult;
  catalog: CatalogResult;
  books: Pricebook[];
  regions: RegionLatent[];
  customers: Customer[];
  lines: OrderLine[];
  cases: CaseRecord[];
  conv: ConversationResult;
  company: { name: string; domain: string };
  /** Whose org it is: the words and volumes the half was drawn with (seed/text/theme.ts). */
  theme: ServiceTheme;
}

export type CustomerGenerator = (ctx: GenContext, agents: Agent[], regionWeights: number[], theme: ServiceTheme) => Customer[];

export interface ServiceOptions {
  /** Default: the original retailer (seed/text/original-theme.ts). */
  theme?: ServiceTheme;
  /** Default: person accounts (generators/customers.ts); CRMArena-Pro's B2B org has companies. */
  customers?: CustomerGenerator;
}

export function generateServiceData(ctx: GenContext, opts: ServiceOptions = {}): ServiceData {
  const { seed } = ctx;
  const theme = opts.theme ?? ORIGINAL_THEME;
  const users = generateUsers(ctx, theme);
  ctx.adminUserId = users.adminId;
  const issueIds = generateIssues(ctx, theme);
  const knowledge = generateKnowledge(ctx, issueIds, theme);
  const catalog = generateCatalog(ctx, theme);
  const books = generatePricebooks(ctx, catalog.products, theme);

  // Regions: a closure-speed factor per state; a few states are clearly faster (Best Region task).
  const regionRng = streamFor(seed, 'regions');
  const fast = new Set(regionRng.sample(REGIONS.map((r) => r.state), 3));
  const regions: RegionLatent[] = REGIONS.map((r) => ({
    state: r.state,
    closureSpeedFactor: round3(fast.has(r.state) ? regionRng.real(0.45, 0.6) : regionRng.lognormal(1.1, 0.25)),
    customerWeight: r.weight,
  }));
  const regionFactor = new Map(regions.map((r) => [r.state, r.closureSpeedFactor]));

  const customers = (opts.customers ?? generateCustomers)(ctx, users.agents, REGIONS.map((r) => r.weight), theme);
  const lines = generateOrders(ctx, customers, catalog, books, theme);
  const cases = generateCases(ctx, lines, customers, catalog.products, users.agents, regionFactor, issueIds, theme);
  const conv = generateConversations(ctx, cases, users.agents, knowledge.defByIssue, knowledge.articleByIssue, theme);
  generateCaseHistory(ctx, cases, users.agents);
  return { users, issueIds, knowledge, catalog, books, regions, customers, lines, cases, conv, company: { ...theme.company }, theme };
}

/** The latent side file of the service half (the whole file for an original org). */
export function serviceLatents(ctx: GenContext, d: ServiceData, now: string): LatentFile {
  const { seed, scale } = ctx;
  const { users, issueIds, knowledge, catalog, customers, cases, conv } = d;
  const byIssue = (arr: number[]) => Object.fromEntries(arr.map((v, i) => [issueIds[i]!, round3(v)]));
  return {
    generatorVersion: GENERATOR_VERSION,
    seed, scale, now,
    company: d.company,
    adminUserId: users.adminId,
    issues: d.theme.issues.map((issue, i) => ({ id: issueIds[i]!, name: issue.name })),
    agents: users.agents.map((a) => ({
      userId: a.id,
      name: `${a.firstName} ${a.lastName}`,
      skillByIssue: byIssue(a.skill),
      expertIssueIds: a.skill.flatMap((s, i) => (s >= 0.8 ? [issueIds[i]!] : [])),
      capacity: round3(a.capacity),
      violationPropensity: round3(a.violationPropensity),
    })),
    customers: customers.map((c) => customerLatent(c, catalog.categoryIds)),
    products: catalog.products.map((p) => {
      const top = p.issueMix.indexOf(Math.max(...p.issueMix));
      return { productId: p.id, name: p.name, popularity: round3(p.popularity), defectRate: round3(p.defectRate), issueMix: byIssue(p.issueMix), topIssueId: issueIds[top]!, spike: p.spike };
    }),
    regions: d.regions,
    policyFacts: knowledge.policyFacts,
    articleByIssue: Object.fromEntries(issueIds.map((id, i) => [id, knowledge.articleByIssue[i]!])),
    knowledgeQa: knowledge.qa,
    violations: conv.violations,
    cases: cases.map((c) => ({
      caseId: c.id,
      issueId: issueIds[c.issue]!,
      productId: c.product.id,
      channel: c.channel,
      owners: c.owners.map((o) => users.agents[o]!.id),
      violated: conv.violated.has(c.id),
    })),
  };
}
