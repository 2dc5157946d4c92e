/**
 * Reading a CPQ policy article the way a sales-ops analyst would: the title says which policy
 * ("Pricing Policy: Discount Ceiling for X", "Configuration Policy: X Requires Y"...), the body the
 * product (quoted, as Product2.Name spells it) and the numbers. Written from the article wording,
 * independently of the seed's rule objects.
 */

export type ReadRule =
  | { kind: 'discount_ceiling'; product: string; maxDiscount: number }
  | { kind: 'price_floor'; product: string; minNetPrice: number }
  | { kind: 'volume_band'; product: string; belowQuantity: number; maxDiscount: number }
  | { kind: 'validity'; maxDays: number }
  | { kind: 'min_quantity'; product: string; min: number }
  | { kind: 'max_quantity'; product: string; max: number }
  | { kind: 'companion'; product: string; requires: string };

const num = (s: string): number => Number(s.replace(/[$,]/g, ''));

function quoted(body: string): string[] {
  return [...body.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
}

/** The rule an article states, or undefined for an article that is not a CPQ policy. */
export function readPolicy(title: string, body: string): ReadRule | undefined {
  const names = quoted(body);
  let m: RegExpExecArray | null;
  if (/^Pricing Policy: Discount Ceiling for /.test(title) && (m = /by at most (\d+(?:\.\d+)?)%/.exec(body))) return { kind: 'discount_ceiling', product: names[0]!, maxDiscount: num(m[1]!) };
  if (/^Pricing Policy: Price Floor for /.test(title) && (m = /may not be lower than (\$[\d,]+(?:\.\d+)?)/.exec(body))) return { kind: 'price_floor', product: names[0]!, minNetPrice: num(m[1]!) };
  if (/^Pricing Policy: Volume Discount Band for /.test(title) && (m = /fewer than (\d+) \w+ of "[^"]+" may carry a Discount of at most (\d+(?:\.\d+)?)%/.exec(body))) {
    return { kind: 'volume_band', product: names[0]!, belowQuantity: num(m[1]!), maxDiscount: num(m[2]!) };
  }
  if (/^Pricing Policy: Quote Validity Period/.test(title) && (m = /at most (\d+) days after/.exec(body))) return { kind: 'validity', maxDays: num(m[1]!) };
  if (/^Configuration Policy: Minimum Quantity for /.test(title) && (m = /at least (\d+) \w+/.exec(body))) return { kind: 'min_quantity', product: names[0]!, min: num(m[1]!) };
  if (/^Configuration Policy: Maximum Quantity for /.test(title) && (m = /at most (\d+) \w+/.exec(body))) return { kind: 'max_quantity', product: names[0]!, max: num(m[1]!) };
  if (/^Configuration Policy: .+ Requires /.test(title) && /must also include/.test(body)) return { kind: 'companion', product: names[0]!, requires: names[1]! };
  return undefined;
}

export interface ReadLine {
  product: string;
  quantity: number;
  unitPrice: number;
  discount: number;
}

/** Whether a quote (creation day, expiration day, lines by product name) breaks the rule. */
export function quoteBreaks(rule: ReadRule, createdDay: string, expirationDate: string | null, lines: readonly ReadLine[]): boolean {
  const of = (name: string) => lines.filter((l) => l.product === name);
  switch (rule.kind) {
    case 'discount_ceiling':
      return of(rule.product).some((l) => l.discount > rule.maxDiscount);
    case 'price_floor':
      return of(rule.product).some((l) => l.unitPrice * (1 - l.discount / 100) < rule.minNetPrice);
    case 'volume_band':
      return of(rule.product).some((l) => l.quantity < rule.belowQuantity && l.discount > rule.maxDiscount);
    case 'validity':
      return expirationDate !== null && (Date.parse(expirationDate) - Date.parse(createdDay)) / 86_400_000 > rule.maxDays;
    case 'min_quantity':
      return of(rule.product).some((l) => l.quantity < rule.min);
    case 'max_quantity':
      return of(rule.product).some((l) => l.quantity > rule.max);
    case 'companion':
      return of(rule.product).length > 0 && of(rule.requires).length === 0;
  }
}
