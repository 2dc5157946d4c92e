/**
 * The text of the CPQ policy articles: one rule with its numbers per Knowledge__kav article, worded
 * for the org's theme (B2B licenses software by the seat to companies; B2C sells units to
 * consumers). Titles start "Pricing Policy:" (what quote_approval checks) or "Configuration Policy:"
 * (what invalid_config checks), so an agent can find them by search; product names are quoted in
 * the body exactly as Product2.Name holds them.
 */
import type { ProOrgKind } from '../../../src/org/org-kind.ts';
import type { CpqRule } from './rules.ts';

export interface ArticleText {
  title: string;
  summary: string;
  body: string;
}

export const PRICING_PREFIX = 'Pricing Policy: ';
export const CONFIG_PREFIX = 'Configuration Policy: ';

/** $1,234.50 */
export function money(n: number): string {
  const [whole, cents] = n.toFixed(2).split('.') as [string, string];
  return '$' + whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + '.' + cents;
}

export function articleText(rule: CpqRule, kind: ProOrgKind, company: string): ArticleText {
  const unit = kind === 'b2b' ? 'seat' : 'unit';
  const units = unit + 's';
  switch (rule.kind) {
    case 'discount_ceiling': {
      const p = rule.productName;
      return {
        title: `${PRICING_PREFIX}Discount Ceiling for ${p}`,
        summary: `The largest line discount a ${company} quote may give on ${p}.`,
        body:
          `Sales representatives may discount "${p}" on a quote line by at most ${rule.maxDiscount}%. ` +
          `A quote line for "${p}" whose Discount exceeds ${rule.maxDiscount}% breaks this policy and may not be approved or presented to the customer until the discount is brought back within the ceiling. ` +
          `The ceiling applies to every quote, whatever the quantity quoted.`,
      };
    }
    case 'price_floor': {
      const p = rule.productName;
      return {
        title: `${PRICING_PREFIX}Price Floor for ${p}`,
        summary: `The lowest net price at which ${company} may quote ${p}.`,
        body:
          `The net price of "${p}" on a quote (the line's sales price after its Discount) may not be lower than ${money(rule.minNetPrice)} per ${unit}. ` +
          `A quote line for "${p}" that nets below ${money(rule.minNetPrice)} per ${unit} breaks this policy, whatever price book the quote uses, and needs a pricing exception before approval.`,
      };
    }
    case 'volume_band': {
      const p = rule.productName;
      return {
        title: `${PRICING_PREFIX}Volume Discount Band for ${p}`,
        summary: `How far a small ${p} line may be discounted.`,
        body:
          `Discounts on "${p}" are earned by volume. A quote line for fewer than ${rule.belowQuantity} ${units} of "${p}" may carry a Discount of at most ${rule.maxDiscount}%; ` +
          `lines of ${rule.belowQuantity} ${units} or more are not limited by this article. A smaller line discounted beyond ${rule.maxDiscount}% breaks this policy.`,
      };
    }
    case 'validity':
      return {
        title: `${PRICING_PREFIX}Quote Validity Period`,
        summary: `How long a ${company} quote may hold its prices.`,
        body:
          `Quoted prices are held for a limited time. A quote's Expiration Date may be at most ${rule.maxDays} days after the date the quote was created. ` +
          `A quote that stays valid for more than ${rule.maxDays} days breaks this policy and must be re-approved with a shorter validity.`,
      };
    case 'min_quantity': {
      const p = rule.productName;
      const why = kind === 'b2b' ? `"${p}" is licensed in blocks of seats` : `"${p}" is sold in multi-packs`;
      return {
        title: `${CONFIG_PREFIX}Minimum Quantity for ${p}`,
        summary: `The smallest quantity of ${p} a quote line may hold.`,
        body:
          `${why}: a quote line for "${p}" must be for at least ${rule.min} ${units}. ` +
          `A line with a Quantity below ${rule.min} is an invalid configuration under this policy.`,
      };
    }
    case 'max_quantity': {
      const p = rule.productName;
      const beyond = kind === 'b2b' ? 'larger deployments go through a separate enterprise agreement' : 'larger orders are handled as bulk orders';
      return {
        title: `${CONFIG_PREFIX}Maximum Quantity for ${p}`,
        summary: `The largest quantity of ${p} a quote line may hold.`,
        body:
          `A single quote line for "${p}" may be for at most ${rule.max} ${units}; ${beyond}. ` +
          `A line with a Quantity above ${rule.max} is an invalid configuration under this policy.`,
      };
    }
    case 'companion': {
      const p = rule.productName;
      const r = rule.requiresName;
      const why = kind === 'b2b' ? 'it depends on' : 'it only works with';
      return {
        title: `${CONFIG_PREFIX}${p} Requires ${r}`,
        summary: `${p} cannot be quoted without ${r}.`,
        body:
          `"${p}" cannot be sold on its own because ${why} "${r}": any quote that includes "${p}" must also include "${r}". ` +
          `A quote with a "${p}" line and no "${r}" line is an invalid configuration under this policy.`,
      };
    }
  }
}

export interface ArticleQa {
  question: string;
  answer: string;
}

/**
 * What a customer might ask about an article's rule, with the answer the article gives: the
 * confidentiality stage (seed/pro/privacy/) asks these as internal knowledge an agent must not share.
 */
export function articleQa(rule: CpqRule, kind: ProOrgKind): ArticleQa[] {
  const units = kind === 'b2b' ? 'seats' : 'units';
  switch (rule.kind) {
    case 'discount_ceiling':
      return [{ question: `What is the biggest discount you can give me on ${rule.productName}?`, answer: `At most ${rule.maxDiscount}% on a quote line.` }];
    case 'price_floor':
      return [{ question: `What is the lowest price you are allowed to sell ${rule.productName} at?`, answer: `${money(rule.minNetPrice)} per ${units.slice(0, -1)} after discount.` }];
    case 'volume_band':
      return [{ question: `How many ${rule.productName} ${units} do I need to buy to get more than a ${rule.maxDiscount}% discount?`, answer: `${rule.belowQuantity} ${units} or more.` }];
    case 'validity':
      return [{ question: 'How long can a quote stay valid before it must be approved again?', answer: `At most ${rule.maxDays} days after the quote was created.` }];
    case 'min_quantity':
      return [{ question: `What is the smallest number of ${rule.productName} ${units} I can buy?`, answer: `At least ${rule.min} ${units} per quote line.` }];
    case 'max_quantity':
      return [{ question: `What is the most ${rule.productName} ${units} I can order on one quote line?`, answer: `At most ${rule.max} ${units}.` }];
    case 'companion':
      return [{ question: `Can I buy ${rule.productName} without ${rule.requiresName}?`, answer: `No: a quote with ${rule.productName} must also include ${rule.requiresName}.` }];
  }
}
