/**
 * The runner's agent for a model: each episode leases an org session, runs the strategy, and gives
 * the session back.
 */
import { runEpisode, type AgentConfig, type Strategy } from '../agent/index.ts';
import type { ChatModel } from '../agent/model/chat-types.ts';
import type { OrgEndpoint } from './org-endpoint.ts';
import type { EpisodeAgent } from './runner.ts';

export function modelAgent(strategy: Strategy, cfg: AgentConfig, model: ChatModel, endpoint: OrgEndpoint): EpisodeAgent {
  return async (task) => {
    const lease = await endpoint.lease();
    try {
      return await runEpisode(strategy, task, cfg, model, lease.api);
    } finally {
      lease.release();
    }
  };
}
