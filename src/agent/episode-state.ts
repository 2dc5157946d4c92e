/**
 * The scaffolding every agent strategy shares (CRMArena's agents, reference/crmarena.md §8): the
 * opening messages, the usage meter, one metered model call per turn, the turn budget, and how an
 * episode ends (respond, max turns, or a non-fatal error shown as the outcome). Each strategy keeps
 * only its own reply handling, in the `turn` callback it gives `runTurns`.
 */
import type { AgentConfig } from './chat-agent.ts';
import { UsageMeter, type EpisodeOutcome } from './episode.ts';
import { isFatalModelError, type ChatMessage, type ChatModel, type ChatResponse } from './model/chat-types.ts';
import { samplingFor } from './model/sampling.ts';
import { lacksSystemRole } from './prompts.ts';

/** What a strategy's turn decides: the episode's outcome, or undefined to take another turn. */
export type TurnResult = EpisodeOutcome | undefined;

export function initialMessages(system: string, query: string, model: string): ChatMessage[] {
  if (lacksSystemRole(model)) return [{ role: 'user', content: `${system}\n${query}` }];
  return [
    { role: 'system', content: system },
    { role: 'user', content: query },
  ];
}

export class EpisodeState {
  readonly meter: UsageMeter;
  readonly messages: ChatMessage[];
  /** The trajectory leaves out the system message, when the model takes one. */
  private readonly firstShown: number;

  constructor(
    system: string,
    query: string,
    private readonly cfg: AgentConfig,
  ) {
    this.meter = new UsageMeter(cfg.price);
    this.messages = initialMessages(system, query, cfg.model);
    this.firstShown = this.messages[0]!.role === 'system' ? 1 : 0;
  }

  /** The episode's outcome, with the turns, usage and trajectory so far. */
  outcome(o: Omit<EpisodeOutcome, 'usage' | 'trajectory' | 'turns'>): EpisodeOutcome {
    return {
      ...o,
      turns: this.meter.usage.calls,
      usage: this.meter.usage,
      trajectory: this.messages.slice(this.firstShown),
    };
  }

  /**
   * One metered model call over the conversation so far. `defaultMaxTokens` is the strategy's
   * completion cap when the config sets none; `tools` is sent only when given (native tool calling).
   */
  async complete(model: ChatModel, defaultMaxTokens: number, tools?: unknown[]): Promise<ChatResponse> {
    const res = await model.complete({
      model: this.cfg.model,
      messages: this.messages,
      ...(tools ? { tools } : {}),
      ...samplingFor(this.cfg.model, this.cfg.maxTokens ?? defaultMaxTokens),
    });
    this.meter.add(res);
    return res;
  }

  /**
   * Takes turns until one returns an outcome or the model has been called `maxTurns` times. A fatal
   * model error (e.g. bad credentials) aborts the run; any other error ends this episode only.
   */
  async runTurns(turn: () => Promise<TurnResult>): Promise<EpisodeOutcome> {
    try {
      while (this.meter.usage.calls < this.cfg.maxTurns) {
        const ended = await turn();
        if (ended) return ended;
      }
      return this.outcome({ prediction: null, endReason: 'max_turns' });
    } catch (e) {
      if (isFatalModelError(e)) throw e;
      return this.outcome({ prediction: null, endReason: 'error', error: (e as Error).message });
    }
  }
}
