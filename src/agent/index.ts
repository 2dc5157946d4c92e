/** The agent harness: run one episode of a strategy against an org over HTTP. */
import { runChatEpisode, type AgentConfig } from './chat-agent.ts';
import type { AgentTask, EpisodeOutcome } from './episode.ts';
import type { ChatModel } from './model/chat-types.ts';
import type { Strategy } from './prompts.ts';
import type { SalesforceApi } from './salesforce-client.ts';
import { runInteractiveEpisode, type InteractiveConfig } from './interactive-agent.ts';
import { runToolCallEpisode } from './tool-call-agent.ts';

export type { AgentConfig } from './chat-agent.ts';
export type { AgentTask, ConversationTurn, EpisodeOutcome, EpisodeUsage, EndReason } from './episode.ts';
export type { InteractiveConfig } from './interactive-agent.ts';
export { STRATEGIES, type Strategy } from './prompts.ts';
export { buildSchemaString } from './schema-string.ts';

/** One episode; with `interactive` (ReAct only, as in CRMArena-Pro), against a simulated user. */
export function runEpisode(strategy: Strategy, task: AgentTask, cfg: AgentConfig, model: ChatModel, api: SalesforceApi, interactive?: InteractiveConfig): Promise<EpisodeOutcome> {
  if (interactive) {
    if (strategy !== 'react') throw new Error(`interactive mode supports only the react strategy, not '${strategy}'`);
    return runInteractiveEpisode(task, cfg, interactive, model, api);
  }
  if (strategy === 'react' || strategy === 'act') return runChatEpisode(strategy, task, cfg, model, api);
  return runToolCallEpisode(strategy, task, cfg, model, api);
}
