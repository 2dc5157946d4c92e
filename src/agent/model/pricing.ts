/**
 * Cost accounting: US dollars per million prompt and completion tokens for well-known models
 * (public list prices; CRMArena reports cost per run, reference/crmarena.md §6.2). Unknown models
 * cost null unless prices are given on the command line; local models are free in money, not in tokens.
 */
export interface Price {
  inputPerM: number;
  outputPerM: number;
}

const PRICES: [RegExp, Price][] = [
  [/^gpt-4o-mini/, { inputPerM: 0.15, outputPerM: 0.6 }],
  [/^gpt-4o/, { inputPerM: 2.5, outputPerM: 10 }],
  [/^gpt-4\.1-nano/, { inputPerM: 0.1, outputPerM: 0.4 }],
  [/^gpt-4\.1-mini/, { inputPerM: 0.4, outputPerM: 1.6 }],
  [/^gpt-4\.1/, { inputPerM: 2, outputPerM: 8 }],
  [/^gpt-3\.5-turbo/, { inputPerM: 0.5, outputPerM: 1.5 }],
  [/^o1-mini/, { inputPerM: 1.1, outputPerM: 4.4 }],
  [/^o1/, { inputPerM: 15, outputPerM: 60 }],
  [/^o3-mini/, { inputPerM: 1.1, outputPerM: 4.4 }],
  [/^o4-mini/, { inputPerM: 1.1, outputPerM: 4.4 }],
];

export function priceFor(model: string, override?: Partial<Price>): Price | undefined {
  if (override?.inputPerM !== undefined && override.outputPerM !== undefined) return override as Price;
  const name = model.replace(/^openai\//, '');
  return PRICES.find(([re]) => re.test(name))?.[1];
}

export function costOf(price: Price | undefined, promptTokens: number, completionTokens: number): number | null {
  if (!price) return null;
  return (promptTokens * price.inputPerM + completionTokens * price.outputPerM) / 1_000_000;
}
