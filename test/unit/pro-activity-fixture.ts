/**
 * A Pro org with a hand-made sales stage for the activity slice's unit tests: leads and opportunities
 * (some at a wrong stage) inserted with known facts, then the activity stage run over them. Keeps the
 * activity tests independent of how the sales stage sizes and shapes its data.
 */
import type { CpqResult } from '../../seed/pro/cpq/index.ts';
import { generateActivity } from '../../seed/pro/activity/index.ts';
import type { ActivityLatent } from '../../seed/pro/activity/latent.ts';
import type { ProLatentFile } from '../../seed/pro/latent.ts';
import { PRO_STAGES, type ProStage, type SalesLead, type SalesOpportunity, type SalesResult } from '../../seed/pro/sales/types.ts';
import type { ServiceData } from '../../seed/service-data.ts';
import { streamFor } from '../../seed/rng.ts';
import { generateOrgWithLatents } from '../../seed/index.ts';
import type { Org } from '../../src/org/index.ts';
import type { ProOrgKind } from '../../src/org/org-kind.ts';

export interface ActivityFixture {
  org: Org;
  kind: ProOrgKind;
  sales: SalesResult;
  activity: ActivityLatent;
  /** The org's Pro latent file with this fixture's activity part. */
  latent: ProLatentFile;
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString();

export function buildActivityFixture(kind: ProOrgKind, seed = 5, leads = 80, opps = 120): ActivityFixture {
  const { org, latents } = generateOrgWithLatents({ seed, scale: 0.1, out: ':memory:', org: kind });
  const rng = streamFor(seed, 'test/activity-fixture');
  const nowMs = Date.parse(org.clock.nowIso());
  const users = (org.db.prepare(`SELECT "Id" AS id FROM "User" ORDER BY "Id" LIMIT 6 OFFSET 1`).all() as { id: string }[]).map((r) => r.id);
  const accounts = org.db.prepare(`SELECT a."Id" AS a, (SELECT c."Id" FROM "Contact" c WHERE c."AccountId" = a."Id" LIMIT 1) AS c FROM "Account" a ORDER BY a."Id" LIMIT 40`).all() as { a: string; c: string | null }[];
  const products = org.db.prepare(`SELECT "Id" AS id, "Name" AS n FROM "Product2" ORDER BY "Id" LIMIT 10`).all() as { id: string; n: string }[];

  const salesLeads: SalesLead[] = [];
  for (let i = 0; i < leads; i++) {
    const created = nowMs - rng.int(5, 400) * DAY;
    const converted = rng.chance(0.3);
    const convertedMs = converted ? Math.min(nowMs - DAY, created + rng.int(5, 60) * DAY) : null;
    const ownerId = rng.pick(users);
    const id = org.store.insert(
      'Lead',
      { FirstName: `Lee${i}`, LastName: `Dee${i}`, Company: kind === 'b2b' ? `Firm ${i}` : `[not provided]`, Status: converted ? 'Converted' : 'Working', OwnerId: ownerId, IsConverted: converted ? 1 : 0, ConvertedDate: convertedMs ? iso(convertedMs).slice(0, 10) : null },
      { CreatedDate: iso(created) },
    );
    salesLeads.push({ id, ownerId, status: converted ? 'Converted' : 'Working', createdDate: iso(created), isConverted: converted, convertedDate: convertedMs ? iso(convertedMs).slice(0, 10) : null, convertedAccountId: null, convertedContactId: null, convertedOpportunityId: null, state: 'CA', firstName: `Lee${i}`, lastName: `Dee${i}`, company: kind === 'b2b' ? `Firm ${i}` : null, email: `lee${i}@example.com` });
  }

  const salesOpps: SalesOpportunity[] = [];
  for (let i = 0; i < opps; i++) {
    const trueStage = rng.pick(PRO_STAGES);
    const stage: ProStage = rng.chance(0.3) ? rng.pick(PRO_STAGES.filter((s) => s !== trueStage)) : trueStage;
    const created = nowMs - rng.int(10, 300) * DAY;
    const close = created + rng.int(20, 120) * DAY;
    const acct = rng.pick(accounts);
    const ownerId = rng.pick(users);
    const product = rng.pick(products);
    const id = org.store.insert(
      'Opportunity',
      { Name: `Deal ${i}`, AccountId: acct.a, ContactId: acct.c, StageName: stage, CloseDate: iso(close).slice(0, 10), OwnerId: ownerId, Amount: 1000 },
      { CreatedDate: iso(created) },
    );
    salesOpps.push({ id, name: `Deal ${i}`, accountId: acct.a, contactId: acct.c, ownerId, stage, trueStage, createdDate: iso(created), closeDate: iso(close).slice(0, 10), amount: 1000, pricebookId: '', contractId: null, leadId: null, customerSignedDate: null, companySignedDate: null, contractStartDate: null, orderId: null, lines: [{ id: '', productId: product.id, pricebookEntryId: '', quantity: 1, unitPrice: 1000, totalPrice: 1000 }] });
  }

  const sales: SalesResult = { latent: { salesAgents: [], leads: [], wrongStage: [] } as unknown as SalesResult['latent'], salesAgentIds: users, opportunities: salesOpps, leads: salesLeads, territories: [] };
  const service = { catalog: { products: products.map((p) => ({ name: p.n })) }, company: { name: 'Fixture Corp' } } as unknown as ServiceData;
  const ctx = { org, seed, scale: 0.1, nowMs, historyEndMs: nowMs, adminUserId: users[0]!, progress: () => {} };
  const activity = org.db.transaction(() => generateActivity(ctx, kind, service, sales, { latent: {} } as unknown as CpqResult))().latent;
  return { org, kind, sales, activity, latent: { ...(latents as ProLatentFile), activity } };
}
