/**
 * The sales team and its territories: a share of the org's agents work sales (own leads and
 * opportunities), each with a latent selling skill; Territory2 rows from territory-bank.ts and
 * UserTerritory2Association rows tying every sales agent to a home territory (every territory gets at
 * least one agent) and some to a second one.
 */
import type { Agent } from '../../generators/users.ts';
import type { GenContext } from '../../context.ts';
import { streamFor } from '../../rng.ts';
import { DAY, HISTORY_START, iso } from '../../time.ts';
import type { SalesAgentLatent } from './latent.ts';
import { TERRITORY_BANK } from './territory-bank.ts';
import type { SalesTerritory } from './types.ts';

export interface SalesTeam {
  agents: SalesAgentLatent[];
  territories: SalesTerritory[];
  /** State code → the territory holding it. */
  territoryOfState: Map<string, SalesTerritory>;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** Sales agents: about 30% of the agents, at least one per territory. */
export function salesAgentCount(agents: number): number {
  return Math.min(agents, Math.max(TERRITORY_BANK.length, Math.round(agents * 0.3)));
}

export function generateTeam(ctx: GenContext, agents: Agent[]): SalesTeam {
  const { org } = ctx;
  const rng = streamFor(ctx.seed, 'pro/sales/team');
  const created = iso(HISTORY_START - 30 * DAY);
  const chosen = rng.sample(agents.map((_, i) => i), salesAgentCount(agents.length)).sort((a, b) => a - b);

  const territories: SalesTerritory[] = TERRITORY_BANK.map((t) => {
    const id = org.store.insert(
      'Territory2',
      { Name: t.name, DeveloperName: t.name.replace(/[^A-Za-z0-9]+/g, '_'), Description: t.states.join(','), AccountAccessLevel: 'Edit', OpportunityAccessLevel: 'Edit', CaseAccessLevel: 'Read', ContactAccessLevel: 'Edit' },
      { CreatedDate: created },
    );
    return { id, name: t.name, states: [...t.states], userIds: [] };
  });
  ctx.progress('Territory2', territories.length);

  // Home territories round-robin over a shuffled order, so every territory has an agent; a fifth of
  // the agents also cover a second territory.
  const order = rng.shuffle(territories.map((_, i) => i));
  const team: SalesAgentLatent[] = chosen.map((ai, k) => {
    const home = order[k % order.length]!;
    const ids = [home];
    if (rng.chance(0.2)) {
      const other = rng.pick(territories.map((_, i) => i).filter((i) => i !== home));
      ids.push(other);
    }
    return { userId: agents[ai]!.id, skill: round3(rng.real(0.1, 0.95)), territoryIds: ids.map((i) => territories[i]!.id) };
  });
  for (const a of team) {
    for (const tid of a.territoryIds) {
      const t = territories.find((x) => x.id === tid)!;
      t.userIds.push(a.userId);
      org.store.insert('UserTerritory2Association', { UserId: a.userId, Territory2Id: tid, IsActive: 1, RoleInTerritory2: 'Sales Representative' }, { CreatedDate: created });
    }
  }
  ctx.progress('UserTerritory2Association', team.reduce((s, a) => s + a.territoryIds.length, 0));
  const territoryOfState = new Map<string, SalesTerritory>();
  for (const t of territories) for (const s of t.states) territoryOfState.set(s, t);
  return { agents: team, territories, territoryOfState };
}
