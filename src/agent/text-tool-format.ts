/**
 * Function calling in plain text, for endpoints without native tool support (CRMArena does this for
 * llama models, reference/crmarena.md §8.3): the tools are listed in the system prompt, the model
 * writes `Action: <tool_name> Action Input: <JSON arguments>`, and a reply without `Action:` is taken
 * as the final answer. Observations come back as user messages.
 */
import type { ToolDef } from './tools/tool-types.ts';
import { toolSchema } from './tools/tool-types.ts';

export const TEXT_TOOL_REMINDER =
  "Invalid tool call! Make a tool call with the tools provided in the format: Action: <tool_name> Action Input: <tool_input> and NOTHING else, or submit the final answer with the 'respond' tool.";

export function textToolsPrompt(tools: readonly ToolDef[]): string {
  const lines = tools.map((t) => {
    const p = toolSchema(t).function.parameters;
    return `- ${t.name}: ${t.description}\n  Parameters: ${JSON.stringify(p.properties ?? {})}${p.required?.length ? `\n  Required: ${p.required.join(', ')}` : ''}`;
  });
  return `# Tools\nYou can use the following tools:\n${lines.join('\n')}\n\nOutput format: Action: <tool_name> Action Input: <tool_input> and NOTHING else.`;
}

export type TextAction = { kind: 'call'; name: string; args: Record<string, unknown> } | { kind: 'bad-args'; name: string } | { kind: 'answer'; content: string };

/** CRMArena's `base_action_parser`: `Action:` + `Action Input:` (JSON, then Python-literal-ish), else an answer. */
export function parseTextAction(text: string): TextAction {
  const m = /Action:\s*([\w.-]+)\s*(?:Action Input:\s*([\s\S]*))?/.exec(text);
  if (!m) return { kind: 'answer', content: text.trim() };
  const name = m[1]!;
  const raw = (m[2] ?? '{}').trim() || '{}';
  const args = parseLooseObject(raw);
  return args ? { kind: 'call', name, args } : { kind: 'bad-args', name };
}

function parseLooseObject(raw: string): Record<string, unknown> | undefined {
  // The JSON object may be followed by chatter; take the outermost {...}.
  const start = raw.indexOf('{');
  const end = raw.lastIndexOf('}');
  const body = start >= 0 && end > start ? raw.slice(start, end + 1) : raw;
  for (const candidate of [body, pythonLiteralToJson(body)]) {
    try {
      const v = JSON.parse(candidate) as unknown;
      if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
    } catch {
      /* next form */
    }
  }
  return undefined;
}

/** `ast.literal_eval`-style input: single quotes, None/True/False. */
function pythonLiteralToJson(s: string): string {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === '\\') {
        out += c + (s[++i] ?? '');
        continue;
      }
      if (c === quote) {
        quote = undefined;
        out += '"';
        continue;
      }
      out += c === '"' ? '\\"' : c;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      out += '"';
      continue;
    }
    out += c;
  }
  return out.replace(/\bNone\b/g, 'null').replace(/\bTrue\b/g, 'true').replace(/\bFalse\b/g, 'false');
}
