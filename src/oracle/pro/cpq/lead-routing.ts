/**
 * lead_routing through the REST API, step by step as the Lead Routing Policy says: the territory
 * whose Description lists the lead's region, its agents (UserTerritory2Association), their
 * 'Accepted' quotes counted through each quote's opportunity owner, then their unconverted leads.
 */
import { soqlIdList, soqlString } from '../../api.ts';
import type { ProSolver } from '../solver.ts';

export function readRegion(required: string): string {
  const m = /Lead's region:\s*([A-Za-z]{2})\b/.exec(required);
  if (!m) throw new Error(`no lead region in: ${required.slice(-80)}`);
  return m[1]!.toUpperCase();
}

export const solveLeadRouting: ProSolver = async (api, { required }) => {
  const region = readRegion(required);
  const territories = (await api.queryAll(`SELECT Id, Description FROM Territory2`)).records.filter((t) =>
    String(t.Description ?? '')
      .split(',')
      .map((s) => s.trim().toUpperCase())
      .includes(region),
  );
  if (territories.length !== 1) throw new Error(`${territories.length} territories list ${region}`);
  const agents = [
    ...new Set((await api.queryAll(`SELECT UserId FROM UserTerritory2Association WHERE Territory2Id = ${soqlString(String(territories[0]!.Id))}`)).records.map((r) => String(r.UserId))),
  ];
  if (agents.length === 0) throw new Error(`no agents in the territory of ${region}`);
  const accepted = new Map<string, number>();
  const quotes = await api.queryAll(`SELECT Id, Opportunity.OwnerId FROM Quote WHERE Status = 'Accepted' AND Opportunity.OwnerId IN ${soqlIdList(agents)}`);
  for (const q of quotes.records) {
    const owner = String((q.Opportunity as { OwnerId?: string } | null)?.OwnerId ?? '');
    accepted.set(owner, (accepted.get(owner) ?? 0) + 1);
  }
  const most = Math.max(...agents.map((a) => accepted.get(a) ?? 0));
  let top = agents.filter((a) => (accepted.get(a) ?? 0) === most);
  if (top.length > 1) {
    const open = new Map(
      (await api.queryAll(`SELECT OwnerId, COUNT(Id) n FROM Lead WHERE IsConverted = false AND OwnerId IN ${soqlIdList(top)} GROUP BY OwnerId`)).records.map((r) => [
        String(r.OwnerId),
        Number(r.n),
      ]),
    );
    const fewest = Math.min(...top.map((a) => open.get(a) ?? 0));
    top = top.filter((a) => (open.get(a) ?? 0) === fewest);
  }
  if (top.length !== 1) throw new Error(`routing tie among ${top.join(', ')}`);
  return top;
};
