/**
 * `--agent oracle`: the oracle solver (src/oracle), run through the same runner as the models so its
 * score, which must be 100%, is measured the same way. It answers through the org's REST API, with
 * the harness's own HTTP client. Knowledge QA runs in the oracle's `verify` mode (it confirms the gold
 * answer is in the article its search finds), so it scores F1 1 when the search works. CRMArena-Pro
 * records (with an `org`) go to the Pro oracle (src/oracle/pro), whose refusal answers the privacy tasks.
 */
import type { EpisodeOutcome } from '../agent/episode.ts';
import { solveTask } from '../oracle/index.ts';
import { solveProTask } from '../oracle/pro/index.ts';
import { isProTaskName } from '../tasks/pro/types.ts';
import type { OrgEndpoint } from './org-endpoint.ts';
import type { EpisodeAgent } from './runner.ts';

export async function oracleAgent(endpoint: OrgEndpoint): Promise<EpisodeAgent> {
  return async (task): Promise<EpisodeOutcome> => {
    const lease = await endpoint.lease();
    try {
      let prediction: string;
      if (task.org) {
        // CRMArena-Pro records: the Pro oracle's list, comma-separated as the agents are asked to answer.
        if (!isProTaskName(task.task)) throw new Error(`'${task.task}' is not a CRMArena-Pro task`);
        const gold = Array.isArray(task.answer) ? task.answer.map(String) : undefined;
        const list = await solveProTask(lease.api, {
          task: task.task,
          query: task.query,
          metadata: { required: task.metadata?.required ?? '', optional: task.metadata?.optional ?? '' },
          ...(gold ? { answer: gold } : {}),
          ...(task.persona ? { persona: task.persona } : {}),
        });
        prediction = list.length ? list.join(', ') : 'None';
      } else {
        const answer = await solveTask(lease.api, { task: task.task, query: task.query, metadata: { required: task.metadata?.required ?? '' }, answer: task.answer as string | null });
        prediction = answer === null || answer === undefined ? 'None' : String(answer);
      }
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
    } finally {
      lease.release();
    }
  };
}
