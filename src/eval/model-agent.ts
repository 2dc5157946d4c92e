/**
 * The runner's agent for a model: each episode leases an org session, runs the strategy (against a
 * simulated user when `interactive`), and gives the session back.
 */
import { runEpisode, type AgentConfig, type InteractiveConfig, type Strategy } from '../agent/index.ts';
import type { ChatModel } from '../agent/model/chat-types.ts';
import { SalesforceClient } from '../agent/salesforce-client.ts';
import { leaseChanges, type OrgEndpoint } from './org-endpoint.ts';
import type { EpisodeAgent } from './runner.ts';

export function modelAgent(strategy: Strategy, cfg: AgentConfig, model: ChatModel, endpoint: OrgEndpoint, interactive?: InteractiveConfig): EpisodeAgent {
  return async (task) => {
    const lease = await endpoint.lease();
    try {
      // Agents see org data as the benchmark's Python does (15000.0 stays a float).
      const api = lease.api instanceof SalesforceClient ? lease.api.withPythonFloats() : lease.api;
      const outcome = await runEpisode(strategy, task, cfg, model, api, interactive);
      const changes = leaseChanges(lease);
      return changes ? { ...outcome, changes } : outcome;
    } finally {
      lease.release();
    }
  };
}
