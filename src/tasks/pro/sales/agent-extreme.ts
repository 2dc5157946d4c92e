/**
 * Drawing one "which agent has the top/lowest X" sales instance (period, count filter, extreme, in
 * that RNG order) and its truth. Answerable instances take a small filter ("closed at least 2 deals",
 * or none); non-answerable ones a filter above every agent's count in the period, so the question's
 * presupposition (someone closed that many deals) is false and the gold is None.
 */
import { drawPeriod, type PeriodChoice } from '../../period-sampling.ts';
import { numberWord } from '../../period-phrases.ts';
import type { Period, Window } from '../../periods.ts';
import type { Rng } from '../../rng.ts';
import type { Truth } from '../../truth/extremes.ts';
import type { ProGeneratorContext } from '../context.ts';
import { agreedExtreme, maxCount, type AgentScores } from './truth.ts';

export interface SalesExtremeInstance {
  choice: PeriodChoice;
  min: number;
  extreme: 'min' | 'max';
  answer: string | null;
}

export function drawSalesExtreme(
  ctx: ProGeneratorContext,
  wantNone: boolean,
  scoresFor: (choice: PeriodChoice) => (w: Window) => AgentScores,
  margin: number,
): SalesExtremeInstance | undefined {
  const { rng } = ctx;
  const choice = drawPeriod(ctx, { namedShare: 0.6 });
  if (!choice) return undefined;
  const scores = memo(scoresFor(choice));
  const min = wantNone ? maxCount(choice.period, scores) + rng.int(1, 3) : rng.weighted([1, 2, 3], [55, 30, 15]);
  const extreme = rng.chance(0.5) ? 'min' : 'max';
  const answer: Truth = agreedExtreme(choice.period as Period, scores, min, extreme, margin);
  if (answer === undefined) return undefined;
  return { choice, min, extreme, answer };
}

function memo(f: (w: Window) => AgentScores): (w: Window) => AgentScores {
  const cache = new Map<string, AgentScores>();
  return (w) => {
    const k = `${w.start}|${w.end}`;
    let v = cache.get(k);
    if (!v) cache.set(k, (v = f(w)));
    return v;
  };
}

/** "agents who closed at least two deals" (empty for min 1: every agent with a closed deal is compared). */
export function phraseMin(min: number, noun: 'deal' | 'lead', rng: Rng): string {
  if (min <= 1) return '';
  const n = rng.chance(0.5) ? numberWord(min) : String(min);
  return noun === 'deal' ? `who closed at least ${n} deals` : `with at least ${n} leads`;
}
