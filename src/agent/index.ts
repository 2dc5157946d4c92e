/** The agent harness: run one episode of a strategy against an org over HTTP. */
import { runChatEpisode, type AgentConfig } from './chat-agent.ts';
import type { AgentTask, EpisodeOutcome } from './episode.ts';
import type { ChatModel } from './model/chat-types.ts';
import type { Strategy } from './prompts.ts';
import type { SalesforceApi } from './salesforce-client.ts';
import { runToolCallEpisode } from './tool-call-agent.ts';

export type { AgentConfig } from './chat-agent.ts';
export type { AgentTask, EpisodeOutcome, EpisodeUsage, EndReason } from './episode.ts';
export { STRATEGIES, type Strategy } from './prompts.ts';
export { buildSchemaString } from './schema-string.ts';

export function runEpisode(strategy: Strategy, task: AgentTask, cfg: AgentConfig, model: ChatModel, api: SalesforceApi): Promise<EpisodeOutcome> {
  if (strategy === 'react' || strategy === 'act') return runChatEpisode(strategy, task, cfg, model, api);
  return runToolCallEpisode(strategy, task, cfg, model, api);
}
