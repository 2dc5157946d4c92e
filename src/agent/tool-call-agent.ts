/**
 * The `tool_call` and `tool_call_flex` strategies (CRMArena's ToolCallAgent + ToolEnv, reference/
 * crmarena.md §8.3): native function calling with the CRMArena tools; only the first tool call of a
 * reply is used; its JSON arguments are parsed, and bad JSON gets the "Invalid tool call argument"
 * message; a reply without a tool call gets a reminder; each result returns as a `tool` message holding
 * `str(result)`; the `respond` tool ends the episode. With `toolFormat: 'text'` the same loop runs over
 * text actions (text-tool-format.ts) for endpoints without native tools.
 */
import type { AgentConfig } from './chat-agent.ts';
import { Connector } from './connector.ts';
import type { AgentTask, EpisodeOutcome } from './episode.ts';
import { EpisodeState } from './episode-state.ts';
import type { ChatModel } from './model/chat-types.ts';
import { buildSystemPrompt, INVALID_TOOL_ARGUMENTS, OBSERVATION_PREFIX, TOOL_CALL_REMINDER } from './prompts.ts';
import { pyStr } from './python-repr.ts';
import type { SalesforceApi } from './salesforce-client.ts';
import { parseTextAction, TEXT_TOOL_REMINDER, textToolsPrompt } from './text-tool-format.ts';
import { invokeTool, TOOLS, TOOLS_FULL } from './tools/tool-registry.ts';
import { toolSchema } from './tools/tool-types.ts';

export async function runToolCallEpisode(
  strategy: 'tool_call' | 'tool_call_flex',
  task: AgentTask,
  cfg: AgentConfig,
  model: ChatModel,
  api: SalesforceApi,
): Promise<EpisodeOutcome> {
  const tools = strategy === 'tool_call' ? TOOLS : TOOLS_FULL;
  const toolSchemas = tools.map(toolSchema);
  const ctx = { connector: new Connector(api) };
  const textFormat = cfg.toolFormat === 'text';
  let system = buildSystemPrompt(strategy, cfg.schema, task, cfg.aided);
  if (textFormat) system = `${system}\n${textToolsPrompt(tools)}\n`;
  const ep = new EpisodeState(system, task.query, cfg);
  const messages = ep.messages;

  return ep.runTurns(async () => {
    // Text actions go without the tools parameter: the endpoint may not accept it.
    const res = await ep.complete(model, 3500, textFormat ? undefined : toolSchemas);
    if (textFormat) {
      const reply = res.message.content ?? '';
      messages.push({ role: 'assistant', content: reply });
      const action = parseTextAction(reply);
      if (action.kind === 'answer') return ep.outcome({ prediction: action.content, endReason: 'respond' });
      if (action.kind === 'bad-args') {
        messages.push({ role: 'user', content: TEXT_TOOL_REMINDER });
        return undefined;
      }
      if (action.name === 'respond') {
        if (!('content' in action.args)) {
          messages.push({ role: 'user', content: OBSERVATION_PREFIX + "Error: 'content'" });
          return undefined;
        }
        return ep.outcome({ prediction: pyStr(action.args.content), endReason: 'respond' });
      }
      const result = await invokeTool(tools, action.name, action.args, ctx);
      messages.push({ role: 'user', content: OBSERVATION_PREFIX + (result.kind === 'unknown' ? result.text : pyStr(result.value)) });
      return undefined;
    }
    const call = res.message.tool_calls?.[0];
    if (!call) {
      messages.push({ role: 'assistant', content: res.message.content ?? '' });
      messages.push({ role: 'user', content: TOOL_CALL_REMINDER });
      return undefined;
    }
    // Only the first call is kept, so the conversation never holds calls without results.
    messages.push({ role: 'assistant', content: res.message.content ?? null, tool_calls: [call] });
    const args = parseArguments(call.function.arguments);
    if (!args) {
      messages.push({ role: 'tool', tool_call_id: call.id, content: INVALID_TOOL_ARGUMENTS });
      return undefined;
    }
    const name = call.function.name;
    if (name === 'respond') {
      // ToolEnv reads arguments["content"]; a respond without it is a KeyError shown to the model.
      if (!('content' in args)) {
        messages.push({ role: 'tool', tool_call_id: call.id, content: "Error: 'content'" });
        return undefined;
      }
      return ep.outcome({ prediction: pyStr(args.content), endReason: 'respond' });
    }
    const result = await invokeTool(tools, name, args, ctx);
    const text = result.kind === 'unknown' ? result.text : pyStr(result.value);
    messages.push({ role: 'tool', tool_call_id: call.id, content: text });
    return undefined;
  });
}

function parseArguments(raw: string): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(raw === '' ? '{}' : raw) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
