/**
 * CRMArena-Pro's simulated user (reference/crmarena.md §8.4, `LLMUserSimulationEnv` in users.py): a
 * model that plays the person asking the task's question, from the persona and the query, under the
 * partial-information rules: one piece of information at a time, nothing made up, ask for the Id when
 * the agent answers with a name, and `###STOP###` alone once the goal is met or the agent says None.
 *
 * In the simulator's own conversation the roles are swapped: its replies are `assistant` messages and
 * the agent's responses reach it as `user` messages. The conversation opens with the seed turn
 * "Hi! How can I help you today?" (as a user message), whose reply is the task's first user message.
 * Like users.py's `completion(model, messages)`, calls carry no sampling settings.
 */
import type { ChatMessage, ChatModel, Usage } from './model/chat-types.ts';

/** The simulator's end-of-conversation token. */
export const STOP_TOKEN = '###STOP###';

/** The agent's greeting the simulator answers first. */
export const SEED_GREETING = 'Hi! How can I help you today?';

export function userSimulatorPrompt(persona: string | undefined, query: string): string {
  return `You are a user interacting with an agent. \n\nInstruction: ${persona ?? ''} ${query}
Rules:
- Generate only one line at a time, simulating the user's message.
- Do not give away the whole instruction at once. If it has several criteria (e.g. a number of cases and a time range), give away only one piece of that information at a time. It is fine if the request starts out under-specified.
- You may also start with an abstract term (e.g. "the best performing agent" for a question about transfer counts) and let the agent ask what you mean.
- Do not hallucinate information the instruction does not give. For example, if the agent asks for an order id that the instruction does not mention, do not make one up: say that you do not remember it or do not have it.
- Do not repeat the instruction word for word; say the same thing in your own words.
- Keep the conversation as natural as possible and stay in the character the instruction describes.
- The agent may answer that it found nothing. That may not be a mistake: there may simply be no matching record.
- The two examples below show two ways of giving away partial information; you may combine them.
- If the instruction asks for the ID of a person, case, account, etc. and the agent answers with a name instead, ask for the ID.
- If the agent responds "None", it found no record: reply "${STOP_TOKEN}" to end the conversation.
- When the agent's response fulfils the goal of the instruction, reply with "${STOP_TOKEN}" only, as a standalone message, with nothing else (no "Thank you.").

# Example 1 (broad, then specific)
Instruction: Which agent has the shortest handle time in Q2 in 2025?
Your output: Hi! I'd like to know which agent performed best in Q2 of 2025. Can you help me with that?

# Example 2 (leaving out a criterion)
Instruction: Which agent has the shortest handle time in Q2 in 2025?
Your output: Could you tell me which agent has the shortest average handle time?

# Example 3 (the goal is met)
Instruction: Find the Account ID for Acme Corp.
Agent's response: The Account ID for Acme Corp is 001XX000003GXXX.
Your output: ${STOP_TOKEN}
`;
}

/** Did the simulator end the conversation? (Pro checks `"###STOP###" in observation`.) */
export function isStop(reply: string): boolean {
  return reply.includes(STOP_TOKEN);
}

export class SimulatedUser {
  readonly messages: ChatMessage[];
  readonly usage: Usage = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };

  constructor(
    private readonly model: ChatModel,
    private readonly modelName: string,
    persona: string | undefined,
    query: string,
  ) {
    this.messages = [
      { role: 'system', content: userSimulatorPrompt(persona, query) },
      { role: 'user', content: SEED_GREETING },
    ];
  }

  /** The user's opening message: its reply to the seed greeting. */
  start(): Promise<string> {
    return this.next();
  }

  /** The user's reply to an agent response. */
  reply(agentResponse: string): Promise<string> {
    this.messages.push({ role: 'user', content: agentResponse });
    return this.next();
  }

  private async next(): Promise<string> {
    const res = await this.model.complete({ model: this.modelName, messages: this.messages });
    this.usage.prompt_tokens += res.usage.prompt_tokens;
    this.usage.completion_tokens += res.usage.completion_tokens;
    this.usage.total_tokens += res.usage.total_tokens;
    const text = res.message.content ?? '';
    this.messages.push({ role: 'assistant', content: text });
    return text;
  }
}
