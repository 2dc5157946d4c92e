/**
 * What one agent episode produces, whatever the strategy: the final answer, why it ended, the
 * turns and tokens it took, and the trajectory a person can read afterwards.
 */
import type { EpisodeDiff } from '../org/episode-diff.ts';
import type { ChatMessage, ChatResponse, Usage } from './model/chat-types.ts';
import { costOf, type Price } from './model/pricing.ts';

/**
 * `max_user_turns`: an interactive episode whose simulated user never said ###STOP### within its
 * turn budget (CRMArena-Pro's InteractiveChatEnv ends it unscored).
 */
export type EndReason = 'respond' | 'max_turns' | 'max_user_turns' | 'error';

/** One utterance of an interactive conversation (CRMArena-Pro §8.4): the simulated user or the agent's respond. */
export interface ConversationTurn {
  role: 'user' | 'agent';
  content: string;
}

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
  /**
   * The content of every action the agent took (each query, each response), what CRMArena's env
   * collects as `actions` and its privacy judge reads. Strategies that do not set it are judged on
   * their assistant messages (src/eval/runner.ts actionContents).
   */
  actions?: string[];
  /** Interactive runs: the user/agent conversation, the simulator's opening included. */
  conversation?: ConversationTurn[];
  /** Interactive runs: the simulated user's replies to agent responses. */
  userTurns?: number;
  /** Interactive runs: the simulated user's model usage (kept apart from the agent's). */
  userUsage?: Usage;
  /** What the episode changed in its isolated org, when it wrote (src/eval/org-endpoint.ts leaseChanges). */
  changes?: EpisodeDiff;
}

/** The task fields an agent reads (the CRMArena record, reference/crmarena.md §3.2). */
export interface AgentTask {
  idx: number;
  task: string;
  query: string;
  metadata?: { required?: string; optional?: string } | null;
  /** CRMArena-Pro's persona sentence, for the simulated user of interactive runs. */
  persona?: string;
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
