/**
 * The `react` and `act` strategies (CRMArena's ChatAgent, reference/crmarena.md §8.2): the model
 * writes `<execute> SOQL/SOSL </execute>` or `<respond> answer </respond>` (after a `<thought>` in
 * ReAct); each query's result comes back as a user message `Salesforce instance output: <str(result)>`;
 * a reply in neither form gets the format reminder and still costs a turn; the episode ends at the
 * first respond or after max turns.
 */
import { parseAction } from './action-parser.ts';
import { Connector } from './connector.ts';
import { UsageMeter, type AgentTask, type EpisodeOutcome } from './episode.ts';
import { isFatalModelError, type ChatMessage, type ChatModel } from './model/chat-types.ts';
import type { Price } from './model/pricing.ts';
import { samplingFor } from './model/sampling.ts';
import { ACT_FORMAT_REMINDER, buildSystemPrompt, lacksSystemRole, OBSERVATION_PREFIX, REACT_FORMAT_REMINDER } from './prompts.ts';
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
}

export function initialMessages(system: string, query: string, model: string): ChatMessage[] {
  if (lacksSystemRole(model)) return [{ role: 'user', content: `${system}\n${query}` }];
  return [
    { role: 'system', content: system },
    { role: 'user', content: query },
  ];
}

export async function runChatEpisode(
  strategy: 'react' | 'act',
  task: AgentTask,
  cfg: AgentConfig,
  model: ChatModel,
  api: SalesforceApi,
): Promise<EpisodeOutcome> {
  const connector = new Connector(api);
  const meter = new UsageMeter(cfg.price);
  const system = buildSystemPrompt(strategy, cfg.schema, task, cfg.aided);
  const messages = initialMessages(system, task.query, cfg.model);
  const reminder = strategy === 'react' ? REACT_FORMAT_REMINDER : ACT_FORMAT_REMINDER;
  const firstShown = messages[0]!.role === 'system' ? 1 : 0;
  const outcome = (o: Omit<EpisodeOutcome, 'usage' | 'trajectory' | 'turns'>): EpisodeOutcome => ({
    ...o,
    turns: meter.usage.calls,
    usage: meter.usage,
    trajectory: messages.slice(firstShown),
  });

  try {
    while (meter.usage.calls < cfg.maxTurns) {
      const res = await model.complete({
        model: cfg.model,
        messages,
        ...samplingFor(cfg.model, cfg.maxTokens ?? 2000),
      });
      meter.add(res);
      const text = res.message.content ?? '';
      messages.push({ role: 'assistant', content: text });
      const action = parseAction(text);
      if (!action) {
        messages.push({ role: 'user', content: reminder });
        continue;
      }
      if (action.name === 'respond') return outcome({ prediction: action.content, endReason: 'respond' });
      const result = await connector.runQuery(action.content);
      const observation = result.ok ? pyStr(result.records) : result.error;
      messages.push({ role: 'user', content: OBSERVATION_PREFIX + observation });
    }
    return outcome({ prediction: null, endReason: 'max_turns' });
  } catch (e) {
    if (isFatalModelError(e)) throw e;
    return outcome({ prediction: null, endReason: 'error', error: (e as Error).message });
  }
}
