/**
 * The slice of the OpenAI chat-completions protocol the harness uses. Requests are plain JSON so
 * they hash stably for cassettes; responses are reduced to what an agent reads.
 */
export interface ToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export type ChatMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string | null; tool_calls?: ToolCall[] }
  | { role: 'tool'; content: string; tool_call_id: string };

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  tools?: unknown[];
  /** Omitted for OpenAI reasoning models, which accept only their default. */
  temperature?: number;
  top_p?: number;
  max_tokens?: number;
  /** Reasoning models' token cap (they reject max_tokens). */
  max_completion_tokens?: number;
}

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export interface ChatResponse {
  message: { role: 'assistant'; content: string | null; tool_calls?: ToolCall[] };
  finish_reason: string | null;
  usage: Usage;
  /** The model name the endpoint reports (may differ from the one asked for). */
  model?: string;
}

/** Anything that answers a chat request: the OpenAI SDK, a cassette, a recorder around either. */
export interface ChatModel {
  complete(req: ChatRequest): Promise<ChatResponse>;
}

/**
 * A model call that failed for good (after retries), or that replay cannot answer. `fatal` marks
 * failures no other episode would escape (bad key, unknown model, unreachable endpoint): the run stops
 * instead of scoring every remaining episode 0.
 */
export class ModelError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly fatal = false,
  ) {
    super(message);
    this.name = 'ModelError';
  }
}

export function isFatalModelError(e: unknown): e is ModelError {
  return e instanceof ModelError && e.fatal;
}
