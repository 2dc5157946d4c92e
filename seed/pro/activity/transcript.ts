/**
 * Assembling a voice-call transcript: `Agent: ...` / `Customer: ...` lines, an opening and a goodbye
 * around the content exchanges, with now and then a line of small talk between them.
 */
import type { Stream } from '../../rng.ts';
import { CLOSERS_AGENT, CLOSERS_CUSTOMER, FILLER, OPENERS_AGENT, OPENERS_CUSTOMER } from './text/call-bank.ts';

export function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (m, k: string) => vars[k] ?? m);
}

export interface CallParties {
  agent: string;
  customer: string;
  company: string;
}

/** One exchange: the agent's line, then the customer's. */
export const exchange = (agentLine: string, customerLine: string): string[] => [`Agent: ${agentLine}`, `Customer: ${customerLine}`];

export function transcript(rng: Stream, p: CallParties, exchanges: string[][]): string {
  const vars = { agent: p.agent, agentFirst: p.agent.split(' ')[0]!, customer: p.customer, company: p.company };
  const lines = [`Agent: ${fill(rng.pick(OPENERS_AGENT), vars)}`, `Customer: ${fill(rng.pick(OPENERS_CUSTOMER), vars)}`];
  exchanges.forEach((ex, i) => {
    if (i > 0 && rng.chance(0.3)) lines.push(...rng.pick(FILLER));
    lines.push(...ex);
  });
  lines.push(`Agent: ${fill(rng.pick(CLOSERS_AGENT), vars)}`, `Customer: ${fill(rng.pick(CLOSERS_CUSTOMER), vars)}`);
  return lines.join('\n');
}
