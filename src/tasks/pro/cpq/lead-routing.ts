/**
 * lead_routing (reference/crmarena.md §12.3, "Lead Routing Policy"): for a new lead from a region
 * (state code), the agent of the territory whose Description lists that state with the most
 * 'Accepted' quotes (counted through the quote's opportunity's owner), ties broken by the fewest
 * unconverted leads. Computed by SQL over the org; regions in no territory or in two, territories
 * without agents, and ties that survive both steps are never asked.
 */
import type Database from 'better-sqlite3';
import type { ProGeneratorContext, ProTaskGenerator } from '../context.ts';
import { leadRoutingRequired } from './policy-text.ts';

export const LEAD_ROUTING_TEMPLATES = [
  'A new lead, {lead}, just came in. Which agent should it be routed to?',
  'Who should I assign the incoming lead {lead} to according to our lead routing policy?',
  'We have a new lead from {lead}. Which agent is the best fit for it? Return only the agent Id.',
  'Find the agent the new lead {lead} should be assigned to.',
];

// The new lead is not in the org yet (Pro gives only its region); its name just varies the question.
const FIRST = ['Priya', 'Marcus', 'Elena', 'Tomasz', 'Aiko', 'Daniel', 'Fatima', 'Lucas', 'Grace', 'Omar', 'Sofia', 'Henrik', 'Nadia', 'Victor', 'Mei', 'Julian', 'Amara', 'Rafael', 'Ingrid', 'Kwame'];
const LAST = ['Natarajan', 'Whitfield', 'Okafor', 'Lindqvist', 'Moreau', 'Castillo', 'Brennan', 'Haddad', 'Kowalski', 'Tanaka', 'Ferreira', 'Abernathy', 'Sorensen', 'Delgado', 'Nakamura', 'Osei', 'Ivanova', 'Park', 'Mbeki', 'Quinlan'];
const COMPANIES = ['Helion Circuits', 'Northgate Semiconductor', 'Brightpath Devices', 'Vantor Microsystems', 'Cobalt Ridge Electronics', 'Lumen Fabrication', 'Keystone Silicon', 'Orbis Embedded', 'Redwood Signal Labs', 'Tessellate Robotics'];

function newLead(ctx: ProGeneratorContext): string {
  const name = `${ctx.rng.pick(FIRST)} ${ctx.rng.pick(LAST)}`;
  return ctx.kind === 'b2b' ? `${name} of ${ctx.rng.pick(COMPANIES)}` : name;
}

/** Territory state codes as the Description holds them ("MO,KS,OK"). */
export function territoryStates(description: string | null): string[] {
  return (description ?? '').split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
}

/** The agent the policy routes a lead of `state` to, or undefined when the policy gives no single agent. */
export function routeLead(db: Database.Database, state: string): string | undefined {
  const territories = (db.prepare(`SELECT "Id" AS id, "Description" AS d FROM "Territory2"`).all() as { id: string; d: string | null }[]).filter((t) =>
    territoryStates(t.d).includes(state),
  );
  if (territories.length !== 1) return undefined;
  const agents = (db.prepare(`SELECT DISTINCT "UserId" AS u FROM "UserTerritory2Association" WHERE "Territory2Id" = ?`).all(territories[0]!.id) as { u: string }[]).map((r) => r.u);
  if (agents.length === 0) return undefined;
  const accepted = new Map(
    (
      db
        .prepare(
          `SELECT o."OwnerId" AS u, COUNT(*) AS n FROM "Quote" q JOIN "Opportunity" o ON o."Id" = q."OpportunityId"
           WHERE q."Status" = 'Accepted' AND +q."IsDeleted" = 0 AND +o."IsDeleted" = 0 GROUP BY o."OwnerId"`,
        )
        .all() as { u: string; n: number }[]
    ).map((r) => [r.u, r.n]),
  );
  const open = new Map(
    (db.prepare(`SELECT "OwnerId" AS u, COUNT(*) AS n FROM "Lead" WHERE "IsConverted" = 0 AND +"IsDeleted" = 0 GROUP BY "OwnerId"`).all() as { u: string; n: number }[]).map((r) => [
      r.u,
      r.n,
    ]),
  );
  const most = Math.max(...agents.map((a) => accepted.get(a) ?? 0));
  const top = agents.filter((a) => (accepted.get(a) ?? 0) === most);
  if (top.length === 1) return top[0];
  const fewest = Math.min(...top.map((a) => open.get(a) ?? 0));
  const best = top.filter((a) => (open.get(a) ?? 0) === fewest);
  return best.length === 1 ? best[0] : undefined;
}

const statesCache = new WeakMap<object, string[]>();

function allStates(db: Database.Database): string[] {
  const hit = statesCache.get(db);
  if (hit) return hit;
  const rows = db.prepare(`SELECT "Description" AS d FROM "Territory2" ORDER BY "Id"`).all() as { d: string | null }[];
  const states = [...new Set(rows.flatMap((r) => territoryStates(r.d)))].sort();
  statesCache.set(db, states);
  return states;
}

export const leadRouting: ProTaskGenerator = {
  task: 'lead_routing',
  reward: 'exact_match',
  noneShare: 0,
  draw(ctx: ProGeneratorContext) {
    const states = allStates(ctx.db);
    if (states.length === 0) return undefined;
    const state = ctx.rng.pick(states);
    const agent = routeLead(ctx.db, state);
    if (!agent) return undefined;
    return { query: ctx.rng.pick(LEAD_ROUTING_TEMPLATES).replace('{lead}', newLead(ctx)), answer: [agent], required: leadRoutingRequired(state) };
  },
};
