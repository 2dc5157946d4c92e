/**
 * `--agent oracle`: the tasks helper's oracle solver, run through the same runner as the models so
 * its score (which must be 100%) is measured the same way. It answers through the org's REST API.
 */
import type { EpisodeOutcome } from '../agent/episode.ts';
import type { OrgEndpoint } from './org-endpoint.ts';
import type { EpisodeAgent } from './runner.ts';
import type { TaskRecord } from './task-file.ts';

type OracleSolve = (task: TaskRecord, conn: { instanceUrl: string; accessToken: string }) => Promise<string | null>;

async function loadOracle(): Promise<OracleSolve> {
  const candidates = ['../oracle/index.ts', '../tasks/oracle/index.ts', '../tasks/oracle.ts'];
  for (const spec of candidates) {
    let mod: Record<string, unknown>;
    try {
      mod = (await import(spec)) as Record<string, unknown>;
    } catch {
      continue;
    }
    const solve = (mod.solveTask ?? mod.solve) as OracleSolve | undefined;
    if (typeof solve === 'function') return solve;
  }
  throw new Error('the oracle solver is not available in this build (src/oracle)');
}

export async function oracleAgent(endpoint: OrgEndpoint): Promise<EpisodeAgent> {
  const solve = await loadOracle();
  return async (task): Promise<EpisodeOutcome> => {
    const answer = await solve(task, { instanceUrl: endpoint.url, accessToken: endpoint.token });
    const prediction = answer === null || answer === undefined ? 'None' : String(answer);
    return {
      prediction,
      endReason: 'respond',
      turns: 0,
      usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0, calls: 0, cost: null },
      trajectory: [
        { role: 'user', content: task.query },
        { role: 'assistant', content: `<respond> ${prediction} </respond>` },
      ],
    };
  };
}
