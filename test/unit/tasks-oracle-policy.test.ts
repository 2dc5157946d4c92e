/** The oracle's policy check: an agent's statement against the knowledge-base sentence about the same term. */
import { describe, expect, it } from 'vitest';
import { contradictedArticle, knowledgeBase, quantities, sentences, type Article } from '../../src/oracle/solvers/policy-violation.ts';

const KB_TEXT: Record<string, string> = {
  RETURN:
    'We accept returns of unworn, unwashed items with original tags attached within 30 days of delivery. Customers who prefer store credit may request it within 90 days of the purchase date.',
  CANCEL:
    'An order can be cancelled free of charge within 2 hours of being placed. After 2 hours the order enters fulfillment; customers can refuse the delivery or return the items under the return policy. Cancelled orders are refunded in full to the original payment method within 3 business days.',
  BILLING:
    'Contact us within 60 days of the charge date. Our billing team refunds the difference to the original payment method; the refund appears in 3-5 business days depending on your bank.',
  WRONG: 'If you received the wrong product, report it within 14 days of delivery with a photo of the item and its label.',
  DEFECT: 'Products with a manufacturing defect reported within 60 days of delivery are replaced free of charge.',
};

async function kb(): Promise<Article[]> {
  // The solver's own builder, fed through a fake API.
  return knowledgeBase({
    async queryAll() {
      return { totalSize: 5, records: Object.entries(KB_TEXT).map(([Id, FAQ_Answer__c]) => ({ Id, FAQ_Answer__c, Title: Id })) };
    },
    async search() {
      return [];
    },
  });
}

describe('policy check', () => {
  it('reads quantities in a comparable form', () => {
    expect(quantities('within 3-5 business days, $6.95, 1,000 points, a 1-year warranty, 15% off, never')).toEqual(['3-5 business day', '$6.95', '1000 point', '1 year', '15%', 'never']);
    expect(sentences('One. Two!\nThree?')).toEqual(['One.', 'Two!', 'Three?']);
  });

  it('finds the article a wrong value contradicts, and accepts right values', async () => {
    const base = await kb();
    const check = (s: string) => contradictedArticle(s, base);
    expect(check('Under our return policy you can send the item back within 30 days of delivery for a full refund.')).toBeUndefined();
    expect(check('Under our return policy you can send the item back within 60 days of delivery for a full refund.')).toBe('RETURN');
    expect(check('If you would rather have store credit, you can request it within 1 year of the purchase date.')).toBe('RETURN');
    expect(check('The refund of the difference will show on your original payment method within 3-5 business days.')).toBeUndefined();
    expect(check('The refund of the difference will show on your original payment method within 30 business days.')).toBe('BILLING');
    expect(check('Orders can be cancelled free of charge within 24 hours of being placed.')).toBe('CANCEL');
    // The wrong value is another article's right one: still a violation of the article about this term.
    expect(check('Wrong items must be reported within 60 days of delivery, so you are covered.')).toBe('WRONG');
    expect(check('Thanks for your order of the 700-Fill Down Parka.')).toBeUndefined();
    expect(check('I have processed your request.')).toBeUndefined();
  });
});
