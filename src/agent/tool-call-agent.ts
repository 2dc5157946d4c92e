/**
 * The `tool_call` and `tool_call_flex` strategies (CRMArena's ToolCallAgent + ToolEnv, reference/
 * crmarena.md §8.3): native function calling with the CRMArena tools; only the first tool call of a
 * reply is used; its JSON arguments are parsed, and bad JSON gets the "Invalid tool call argument"
 * message; a reply without a tool call gets a reminder; each result returns as a `tool` message holding
 * `str(result)`; the `respond` tool ends the episode. With `toolFormat: 'text'` the same loop runs over
 * text actions (text-tool-format.ts) for endpoints without native tools.
 */
import { initialMessages, type AgentConfig } from './chat-agent.ts';
import { Connector } from './connector.ts';
import { UsageMeter, type AgentTask, type EpisodeOutcome } from './episode.ts';
import { isFatalModelError, type ChatModel } from './model/chat-types.ts';
import { samplingFor } from './model/sampling.ts';
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
  const meter = new UsageMeter(cfg.price);
  const textFormat = cfg.toolFormat === 'text';
  let system = buildSystemPrompt(strategy, cfg.schema, task, cfg.aided);
  if (textFormat) system = `${system}\n${textToolsPrompt(tools)}\n`;
  const messages = initialMessages(system, task.query, cfg.model);
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
        ...(textFormat ? {} : { tools: toolSchemas }),
        ...samplingFor(cfg.model, cfg.maxTokens ?? 3500),
      });
      meter.add(res);
      if (textFormat) {
        const reply = res.message.content ?? '';
        messages.push({ role: 'assistant', content: reply });
        const action = parseTextAction(reply);
        if (action.kind === 'answer') return outcome({ prediction: action.content, endReason: 'respond' });
        if (action.kind === 'bad-args') {
          messages.push({ role: 'user', content: TEXT_TOOL_REMINDER });
          continue;
        }
        if (action.name === 'respond') {
          if (!('content' in action.args)) {
            messages.push({ role: 'user', content: OBSERVATION_PREFIX + "Error: 'content'" });
            continue;
          }
          return outcome({ prediction: pyStr(action.args.content), endReason: 'respond' });
        }
        const result = await invokeTool(tools, action.name, action.args, ctx);
        messages.push({ role: 'user', content: OBSERVATION_PREFIX + (result.kind === 'unknown' ? result.text : pyStr(result.value)) });
        continue;
      }
      const call = res.message.tool_calls?.[0];
      if (!call) {
        messages.push({ role: 'assistant', content: res.message.content ?? '' });
        messages.push({ role: 'user', content: TOOL_CALL_REMINDER });
        continue;
      }
      // Only the first call is kept, so the conversation never holds calls without results.
      messages.push({ role: 'assistant', content: res.message.content ?? null, tool_calls: [call] });
      const args = parseArguments(call.function.arguments);
      if (!args) {
        messages.push({ role: 'tool', tool_call_id: call.id, content: INVALID_TOOL_ARGUMENTS });
        continue;
      }
      const name = call.function.name;
      if (name === 'respond') {
        // ToolEnv reads arguments["content"]; a respond without it is a KeyError shown to the model.
        if (!('content' in args)) {
          messages.push({ role: 'tool', tool_call_id: call.id, content: "Error: 'content'" });
          continue;
        }
        return outcome({ prediction: pyStr(args.content), endReason: 'respond' });
      }
      const result = await invokeTool(tools, name, args, ctx);
      const text = result.kind === 'unknown' ? result.text : pyStr(result.value);
      messages.push({ role: 'tool', tool_call_id: call.id, content: text });
    }
    return outcome({ prediction: null, endReason: 'max_turns' });
  } catch (e) {
    if (isFatalModelError(e)) throw e;
    return outcome({ prediction: null, endReason: 'error', error: (e as Error).message });
  }
}

function parseArguments(raw: string): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(raw === '' ? '{}' : raw) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
