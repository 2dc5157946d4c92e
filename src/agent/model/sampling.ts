/**
 * Sampling settings per model, as CRMArena sends them (reference/crmarena.md §8.2-§8.3): temperature 0,
 * top_p 1 and a completion cap (2000 for chat strategies, 3500 for function calling), raised to 50000
 * for reasoning models. OpenAI's o-series reject temperature/top_p other than their defaults and
 * `max_tokens`, so they get `max_completion_tokens` alone (litellm, which CRMArena uses, drops the
 * unsupported parameters the same way).
 */
import type { ChatRequest } from './chat-types.ts';

const OPENAI_REASONING = /(^|\/)o[1-9](-|$)/;
const OTHER_REASONING = /deepseek-r1|gemini-2\.5/i;

export function samplingFor(model: string, maxTokens: number): Pick<ChatRequest, 'temperature' | 'top_p' | 'max_tokens' | 'max_completion_tokens'> {
  const name = model.toLowerCase();
  if (OPENAI_REASONING.test(name)) return { max_completion_tokens: 50_000 };
  if (OTHER_REASONING.test(name)) return { temperature: 0, top_p: 1, max_tokens: 50_000 };
  return { temperature: 0, top_p: 1, max_tokens: maxTokens };
}
