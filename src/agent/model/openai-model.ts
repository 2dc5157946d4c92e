/**
 * Model access through the `openai` SDK, so any OpenAI-compatible endpoint works (OpenAI, vLLM,
 * Ollama, LM Studio...) via `OPENAI_BASE_URL`. The SDK's own retries are off: this class retries 429,
 * 5xx and connection failures with exponential backoff (honouring `retry-after`), like CRMArena's
 * tenacity wrapper (reference/crmarena.md §8.3), and gives up with a ModelError.
 */
import OpenAI from 'openai';
import { ModelError, type ChatModel, type ChatRequest, type ChatResponse } from './chat-types.ts';

export interface OpenAIModelOptions {
  apiKey?: string;
  baseURL?: string;
  /** Attempts in all, first included. */
  maxAttempts?: number;
  /** First backoff delay; doubles each retry. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface ModelEndpoint {
  apiKey: string;
  baseURL?: string;
}

/**
 * The endpoint from the environment. A base URL alone is enough (local servers ignore the key); with
 * neither, the error says what to set.
 */
export function endpointFromEnv(env: NodeJS.ProcessEnv = process.env): ModelEndpoint {
  const apiKey = env.OPENAI_API_KEY?.trim();
  const baseURL = env.OPENAI_BASE_URL?.trim() || undefined;
  if (!apiKey && !baseURL) {
    throw new ModelError(
      'no model endpoint configured: set OPENAI_API_KEY (and OPENAI_BASE_URL for another OpenAI-compatible server such as vLLM or Ollama), or pass --replay CASSETTE to replay recorded model calls',
    );
  }
  return { apiKey: apiKey || 'not-needed', ...(baseURL ? { baseURL } : {}) };
}

const RETRYABLE = (status: number | undefined) => status === undefined || status === 408 || status === 409 || status === 429 || status >= 500;

export class OpenAIModel implements ChatModel {
  private readonly client: OpenAI;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(opts: OpenAIModelOptions = {}) {
    const ep = opts.apiKey !== undefined || opts.baseURL !== undefined ? { apiKey: opts.apiKey ?? 'not-needed', baseURL: opts.baseURL } : endpointFromEnv();
    this.client = new OpenAI({ apiKey: ep.apiKey, baseURL: ep.baseURL, maxRetries: 0, timeout: opts.timeoutMs ?? 600_000 });
    this.maxAttempts = opts.maxAttempts ?? 8;
    this.baseDelayMs = opts.baseDelayMs ?? 1000;
    this.maxDelayMs = opts.maxDelayMs ?? 60_000;
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  async complete(req: ChatRequest): Promise<ChatResponse> {
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await this.client.chat.completions.create(req as unknown as OpenAI.Chat.ChatCompletionCreateParamsNonStreaming);
        const choice = res.choices?.[0];
        if (!choice) throw new ModelError('the model endpoint returned no choices');
        const msg = choice.message;
        const toolCalls = (msg.tool_calls ?? [])
          .filter((t): t is OpenAI.Chat.ChatCompletionMessageFunctionToolCall => t.type === 'function')
          // Some OpenAI-compatible servers omit call ids or send arguments as an object: normalise both,
          // since the tool result must quote the id and the agent parses the arguments as JSON text.
          .map((t, i) => ({
            id: t.id || `call_${i}`,
            type: 'function' as const,
            function: {
              name: t.function.name,
              arguments: typeof t.function.arguments === 'string' ? t.function.arguments : JSON.stringify(t.function.arguments ?? {}),
            },
          }));
        return {
          message: { role: 'assistant', content: msg.content ?? null, ...(toolCalls.length ? { tool_calls: toolCalls } : {}) },
          finish_reason: choice.finish_reason ?? null,
          usage: {
            prompt_tokens: res.usage?.prompt_tokens ?? 0,
            completion_tokens: res.usage?.completion_tokens ?? 0,
            total_tokens: res.usage?.total_tokens ?? (res.usage?.prompt_tokens ?? 0) + (res.usage?.completion_tokens ?? 0),
          },
          model: res.model,
        };
      } catch (e) {
        if (e instanceof ModelError) throw e;
        const status = e instanceof OpenAI.APIError ? e.status : undefined;
        const connection = e instanceof OpenAI.APIConnectionError;
        const retryable = connection || (e instanceof OpenAI.APIError && RETRYABLE(status));
        if (!retryable || attempt >= this.maxAttempts) {
          const what = status ? `HTTP ${status}` : connection ? 'connection failed' : 'error';
          const fatal = connection || status === 401 || status === 403 || status === 404;
          throw new ModelError(`model call failed (${what}) after ${attempt} attempt${attempt > 1 ? 's' : ''}: ${(e as Error).message}`, status, fatal);
        }
        await this.sleep(this.delayFor(attempt, e));
      }
    }
  }

  private delayFor(attempt: number, e: unknown): number {
    const headers = e instanceof OpenAI.APIError ? e.headers : undefined;
    const retryAfter = headers?.get?.('retry-after');
    const seconds = retryAfter !== undefined && retryAfter !== null ? Number(retryAfter) : NaN;
    if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, this.maxDelayMs);
    return Math.min(this.baseDelayMs * 2 ** (attempt - 1), this.maxDelayMs);
  }
}
