/**
 * The `react` and `act` strategies (CRMArena's ChatAgent, reference/crmarena.md §8.2): the model
 * writes `<execute> SOQL/SOSL </execute>` or `<respond> answer </respond>` (after a `<thought>` in
 * ReAct); each query's result comes back as a user message `Salesforce instance output: <str(result)>`;
 * a reply in neither form gets the format reminder and still costs a turn; the episode ends at the
 * first respond or after max turns.
 */
import { parseAction } from './action-parser.ts';
import { Connector } from './connector.ts';
import type { AgentTask, EpisodeOutcome } from './episode.ts';
import { EpisodeState } from './episode-state.ts';
import type { ChatModel } from './model/chat-types.ts';
import type { Price } from './model/pricing.ts';
import { ACT_FORMAT_REMINDER, buildSystemPrompt, OBSERVATION_PREFIX, REACT_FORMAT_REMINDER } from './prompts.ts';
import { pyStr } from './python-repr.ts';
import type { SalesforceApi } from './salesforce-client.ts';

export interface AgentConfig {
  model: string;
  maxTurns: number;
  /** Append the task's optional domain details to the system prompt (CRMArena's `aided` mode). */
  aided: boolean;
  schema: string;
  price?: Price;
  /** Completion token cap per call (CRMArena: 2000 for chat, 3500 for function calling). */
  maxTokens?: number;
  /** Function-calling strategies: native tools (default) or text actions for endpoints without them. */
  toolFormat?: 'native' | 'text';
  /** ReAct, customer-facing tasks: CRMArena-Pro's privacy-aware prompt (`--privacy_aware_prompt true`). */
  privacyAware?: boolean;
}

// Re-exported: the opening messages are shared with the tool-calling strategies.
export { initialMessages } from './episode-state.ts';

export async function runChatEpisode(
  strategy: 'react' | 'act',
  task: AgentTask,
  cfg: AgentConfig,
  model: ChatModel,
  api: SalesforceApi,
): Promise<EpisodeOutcome> {
  const connector = new Connector(api);
  const ep = new EpisodeState(buildSystemPrompt(strategy, cfg.schema, task, cfg.aided, { privacyAware: cfg.privacyAware }), task.query, cfg);
  const reminder = strategy === 'react' ? REACT_FORMAT_REMINDER : ACT_FORMAT_REMINDER;
  // What the env's step() receives: a reply in neither form never reaches it.
  const actions: string[] = [];

  return ep.runTurns(async () => {
    const res = await ep.complete(model, 2000);
    const text = res.message.content ?? '';
    ep.messages.push({ role: 'assistant', content: text });
    const action = parseAction(text);
    if (!action) {
      ep.messages.push({ role: 'user', content: reminder });
      return undefined;
    }
    actions.push(action.content);
    if (action.name === 'respond') return ep.outcome({ prediction: action.content, endReason: 'respond', actions });
    const result = await connector.runQuery(action.content);
    const observation = result.ok ? pyStr(result.records) : result.error;
    ep.messages.push({ role: 'user', content: OBSERVATION_PREFIX + observation });
    return undefined;
  });
}
