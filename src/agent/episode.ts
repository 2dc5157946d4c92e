/**
 * What one agent episode produces, whatever the strategy: the final answer, why it ended, the
 * turns and tokens it took, and the trajectory a person can read afterwards.
 */
import type { ChatMessage, ChatResponse, Usage } from './model/chat-types.ts';
import { costOf, type Price } from './model/pricing.ts';

export type EndReason = 'respond' | 'max_turns' | 'error';

export interface EpisodeUsage extends Usage {
  /** Model calls made. */
  calls: number;
  /** US dollars, or null when the model's price is unknown. */
  cost: number | null;
}

export interface EpisodeOutcome {
  /** The content of the final respond action; null when the episode never responded. */
  prediction: string | null;
  endReason: EndReason;
  error?: string;
  /** Agent turns (model calls), as CRMArena counts them. */
  turns: number;
  usage: EpisodeUsage;
  /** The conversation after the system prompt: user query, model replies, observations. */
  trajectory: ChatMessage[];
}

/** The task fields an agent reads (the CRMArena record, reference/crmarena.md §3.2). */
export interface AgentTask {
  idx: number;
  task: string;
  query: string;
  metadata?: { required?: string; optional?: string } | null;
}

export class UsageMeter {
  readonly usage: EpisodeUsage = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0, calls: 0, cost: null };

  constructor(private readonly price: Price | undefined) {
    if (price) this.usage.cost = 0;
  }

  add(res: ChatResponse): void {
    const u = this.usage;
    u.calls++;
    u.prompt_tokens += res.usage.prompt_tokens;
    u.completion_tokens += res.usage.completion_tokens;
    u.total_tokens += res.usage.total_tokens;
    u.cost = costOf(this.price, u.prompt_tokens, u.completion_tokens);
  }
}
