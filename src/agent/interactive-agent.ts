/**
 * CRMArena-Pro's interactive mode (reference/crmarena.md §8.4; ChatAgent.act over InteractiveChatEnv):
 * ReAct only. The simulated user (simulated-user.ts) opens the conversation; the agent works with
 * `<execute>` as usual, and each `<respond>` goes to the simulator instead of ending the episode. A
 * reply containing ###STOP### ends it and the last response is scored; any other reply becomes the
 * agent's next user message and the agent's turn budget starts again. After `maxUserTurns` replies
 * without a STOP the episode ends unscored (`max_user_turns`). Both models' calls go through the same
 * ChatModel, so one cassette records and replays the whole conversation.
 *
 * [obs] Pro's env checks the user-turn cap at the start of the step after the cap is reached, so its
 * agent gets one more action (and a STOP on an 11th response still scores); we stop at the cap.
 */
import { parseAction } from './action-parser.ts';
import type { AgentConfig } from './chat-agent.ts';
import { Connector } from './connector.ts';
import type { AgentTask, ConversationTurn, EpisodeOutcome } from './episode.ts';
import { EpisodeState } from './episode-state.ts';
import { isFatalModelError, type ChatModel } from './model/chat-types.ts';
import { buildSystemPrompt, OBSERVATION_PREFIX, REACT_FORMAT_REMINDER } from './prompts.ts';
import { pyStr } from './python-repr.ts';
import type { SalesforceApi } from './salesforce-client.ts';
import { isStop, SimulatedUser } from './simulated-user.ts';

export interface InteractiveConfig {
  /** The simulated user's model name (CRMArena-Pro: gpt-4o-2024-08-06; default here: the agent's). */
  userModel: string;
  /** Simulator replies to agent responses before the episode ends unscored (Pro: 10). */
  maxUserTurns: number;
}

export async function runInteractiveEpisode(
  task: AgentTask,
  cfg: AgentConfig,
  icfg: InteractiveConfig,
  model: ChatModel,
  api: SalesforceApi,
): Promise<EpisodeOutcome> {
  const connector = new Connector(api);
  const user = new SimulatedUser(model, icfg.userModel, task.persona, task.query);
  const conversation: ConversationTurn[] = [];
  const actions: string[] = [];
  let userTurns = 0;
  let ep: EpisodeState | undefined;
  const extra = () => ({ actions, conversation, userTurns, userUsage: user.usage });
  try {
    const opening = await user.start();
    conversation.push({ role: 'user', content: opening });
    ep = new EpisodeState(buildSystemPrompt('react', cfg.schema, task, cfg.aided, { interactive: true, privacyAware: cfg.privacyAware }), opening, cfg);
    let agentTurns = 0;
    let lastResponse: string | null = null;
    while (agentTurns < cfg.maxTurns) {
      agentTurns++;
      const res = await ep.complete(model, 2000);
      const text = res.message.content ?? '';
      ep.messages.push({ role: 'assistant', content: text });
      const action = parseAction(text);
      if (!action) {
        ep.messages.push({ role: 'user', content: REACT_FORMAT_REMINDER });
        continue;
      }
      actions.push(action.content);
      if (action.name === 'execute') {
        const result = await connector.runQuery(action.content);
        ep.messages.push({ role: 'user', content: OBSERVATION_PREFIX + (result.ok ? pyStr(result.records) : result.error) });
        continue;
      }
      lastResponse = action.content;
      conversation.push({ role: 'agent', content: action.content });
      const reply = await user.reply(action.content);
      userTurns++;
      conversation.push({ role: 'user', content: reply });
      if (isStop(reply)) return ep.outcome({ prediction: lastResponse, endReason: 'respond', ...extra() });
      if (userTurns >= icfg.maxUserTurns) return ep.outcome({ prediction: null, endReason: 'max_user_turns', ...extra() });
      // Pro never sends an empty message: a blank reply is shown as "(empty response)".
      ep.messages.push({ role: 'user', content: reply.trim() ? reply : '(empty response)' });
      agentTurns = 0; // the agent's budget is per user turn
    }
    return ep.outcome({ prediction: null, endReason: 'max_turns', ...extra() });
  } catch (e) {
    if (isFatalModelError(e)) throw e;
    const error = (e as Error).message;
    if (ep) return ep.outcome({ prediction: null, endReason: 'error', error, ...extra() });
    // The simulator's opening failed: there is no agent conversation yet.
    return {
      prediction: null,
      endReason: 'error',
      error,
      turns: 0,
      usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0, calls: 0, cost: cfg.price ? 0 : null },
      trajectory: [],
      ...extra(),
    };
  }
}
