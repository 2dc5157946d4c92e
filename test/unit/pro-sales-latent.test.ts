/**
 * Statistical signatures of the sales latents (seed/pro/sales/latent.ts), measured from the org's
 * tables: skilled agents close deals in shorter cycles and convert more of their leads, better leads
 * convert more often, leads routed inside the owner's territory convert more often. Also: the sales
 * task file is the same bytes for the same org and seed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrgWithLatents, type ProLatentFile } from '../../seed/index.ts';
import type { Org } from '../../src/org/index.ts';
import { generateProTasks } from '../../src/tasks/pro/generate.ts';

const orgs: Partial<Record<'b2b' | 'b2c', { org: Org; latent: ProLatentFile }>> = {};
beforeAll(() => {
  for (const kind of ['b2b', 'b2c'] as const) {
    const { org, latents } = generateOrgWithLatents({ seed: 21, scale: 0.3, out: ':memory:', org: kind });
    orgs[kind] = { org, latent: latents as ProLatentFile };
  }
}, 120_000);
afterAll(() => {
  for (const o of Object.values(orgs)) o?.org.close();
});

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Spearman rank correlation (no ties expected among continuous values). */
function spearman(xs: number[], ys: number[]): number {
  const rank = (v: number[]) => {
    const order = v.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
    const r = new Array<number>(v.length);
    order.forEach(([, i], k) => (r[i] = k));
    return r;
  };
  const rx = rank(xs);
  const ry = rank(ys);
  const mx = mean(rx);
  const my = mean(ry);
  let num = 0, dx = 0, dy = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (rx[i]! - mx) * (ry[i]! - my);
    dx += (rx[i]! - mx) ** 2;
    dy += (ry[i]! - my) ** 2;
  }
  return num / Math.sqrt(dx * dy);
}

describe.each(['b2b', 'b2c'] as const)('%s', (kind) => {
  it('skilled agents have shorter sales cycles', () => {
    const { org, latent } = orgs[kind]!;
    const sign = kind === 'b2b' ? 'CompanySignedDate' : 'CustomerSignedDate';
    const rows = org.db
      .prepare(`SELECT o.OwnerId a, AVG(julianday(c.${sign}) - julianday(o.CreatedDate)) d FROM Opportunity o JOIN Contract c ON c.Id = o.ContractID__c GROUP BY o.OwnerId`)
      .all() as { a: string; d: number }[];
    const cycle = new Map(rows.map((r) => [r.a, r.d]));
    const agents = [...latent.sales.salesAgents].filter((a) => cycle.has(a.userId)).sort((x, y) => x.skill - y.skill);
    const third = Math.floor(agents.length / 3);
    const low = mean(agents.slice(0, third).map((a) => cycle.get(a.userId)!));
    const high = mean(agents.slice(-third).map((a) => cycle.get(a.userId)!));
    expect(high).toBeLessThan(0.75 * low);
    expect(spearman(agents.map((a) => a.skill), agents.map((a) => cycle.get(a.userId)!))).toBeLessThan(-0.6);
  });

  it('skilled agents convert more of their leads', () => {
    const { org, latent } = orgs[kind]!;
    const rows = org.db.prepare('SELECT OwnerId a, AVG(IsConverted) r FROM Lead GROUP BY OwnerId').all() as { a: string; r: number }[];
    const rate = new Map(rows.map((r) => [r.a, r.r]));
    const agents = [...latent.sales.salesAgents].filter((a) => rate.has(a.userId)).sort((x, y) => x.skill - y.skill);
    const third = Math.floor(agents.length / 3);
    const low = mean(agents.slice(0, third).map((a) => rate.get(a.userId)!));
    const high = mean(agents.slice(-third).map((a) => rate.get(a.userId)!));
    expect(high - low).toBeGreaterThan(0.08);
  });

  it('better leads and leads inside the owner territory convert more often', () => {
    const { org, latent } = orgs[kind]!;
    const converted = new Set((org.db.prepare('SELECT Id FROM Lead WHERE IsConverted = 1').all() as { Id: string }[]).map((r) => r.Id));
    const rateOf = (ls: typeof latent.sales.leads) => ls.filter((l) => converted.has(l.leadId)).length / ls.length;
    const leads = latent.sales.leads;
    expect(rateOf(leads.filter((l) => l.quality > 2 / 3)) - rateOf(leads.filter((l) => l.quality < 1 / 3))).toBeGreaterThan(0.1);
    expect(rateOf(leads.filter((l) => l.inTerritory)) - rateOf(leads.filter((l) => !l.inTerritory))).toBeGreaterThan(0.03);
    // Routing keeps most leads inside the owner's territory, as the lead routing policy wants.
    expect(leads.filter((l) => l.inTerritory).length / leads.length).toBeGreaterThan(0.8);
  });
});

it('the same org and seed give the same sales task bytes', () => {
  const { org, latent } = orgs.b2b!;
  const gen = () => JSON.stringify(generateProTasks(org, { seed: 9, perTask: 10, perPrivacyTask: 0, tasks: ['sales_amount_understanding', 'sales_cycle_understanding', 'conversion_rate_comprehension'], latent }));
  const a = gen();
  expect(gen()).toBe(a);
  expect(JSON.stringify(generateProTasks(org, { seed: 10, perTask: 10, perPrivacyTask: 0, tasks: ['sales_amount_understanding'], latent }))).not.toBe(a);
});
