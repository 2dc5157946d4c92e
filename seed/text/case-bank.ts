/**
 * What customers write when they open a case, per issue. `{product}` is the product name, `{kind}`
 * its kind in lower case ("hiking boot"), `{orderDate}` the order's date, `{color}` a color; `{part}`
 * (`{Part}` capitalized), `{it}` and `{sizeNote}` fit the product family (productVars below).
 * Subjects follow CRMArena's shape ("Wrong Size Delivered - ProGrip Tennis Racket", §3.3).
 */
import type { IssueName } from '../latent.ts';
import { familyOfKind } from './catalog-bank.ts';

export interface CaseTemplates {
  subjects: readonly string[];
  descriptions: readonly string[];
  /** How the customer follows up in a conversation. */
  followUps: readonly string[];
  /** What the agent does to resolve it. */
  resolutions: readonly string[];
  priorityWeights: readonly [high: number, medium: number, low: number];
  reason: string;
  type: 'Problem' | 'Question';
}

export const CASE_BANK: Record<IssueName, CaseTemplates> = {
  'Billing/Payment Issue': {
    subjects: ['Charged Twice - {product}', 'Promo Code Not Applied - {product}', 'Overcharged for {product}', 'Billing Error on Order with {product}'],
    descriptions: [
      'I ordered the {product} on {orderDate} and my card was charged twice for the same order. Please refund the duplicate charge.',
      'I used a promotional code when I bought the {product}, but the discount was not applied and I paid full price.',
      'The amount charged for my {product} is higher than the price shown at checkout. Can you check my invoice?',
      'My bank statement shows an extra charge after I purchased the {product} on {orderDate}. I did not authorize it.',
    ],
    followUps: ['Here is a screenshot of my bank statement showing both charges.', 'The code was SPRING20 and it was valid when I checked out.', 'Thanks, how long until I see the money back on my card?'],
    resolutions: ['I have issued a refund for the duplicate charge.', 'I have applied a price adjustment for the promotional code.', 'I have corrected the invoice and refunded the difference.'],
    priorityWeights: [3, 5, 2], reason: 'Billing', type: 'Problem',
  },
  'Return Policy Issue': {
    subjects: ['Return Request - {product}', 'Question About Returning {product}', 'Refund Not Received for Returned {product}', 'Return Window for {product}'],
    descriptions: [
      'I would like to return the {product} I bought on {orderDate}. It is unworn and still has the tags. What is the process?',
      'I sent back the {product} two weeks ago and have not received my refund yet.',
      'Can I still return the {product}? I bought it on {orderDate} and changed my mind.',
      'I want to return the {product} for store credit instead of a refund. Is that possible?',
    ],
    followUps: ['It is still in the original box with the tags attached.', 'Could I get store credit instead of a refund?', 'Great, please send me the return label.'],
    resolutions: ['I have emailed you a return label and will process the refund as soon as the item arrives.', 'I have located your return and released the refund.', 'I have issued store credit to your account.'],
    priorityWeights: [1, 5, 4], reason: 'Returns', type: 'Question',
  },
  'Product Defect': {
    subjects: ['Defective {product}', '{Part} Failure on {product}', 'Broken {Part} - {product}', '{product} Fell Apart After a Week'],
    descriptions: [
      'The {part} of my {product} started to come apart after only a few uses.',
      'The {part} of my {product} is coming apart. I have only used {it} a handful of times since {orderDate}.',
      'The {part} on my {product} broke the first time I used {it}. I would like a replacement.',
      'My {product} has a manufacturing flaw: the {part} is already failing.',
    ],
    followUps: ['I have attached photos of the damage.', 'I would prefer a replacement rather than a refund.', 'I have only used it as intended, never in harsh conditions.'],
    resolutions: ['I have arranged a free replacement and emailed a prepaid return label.', 'Since this style is sold out, I have refunded the purchase in full.', 'I have shipped a replacement unit today.'],
    priorityWeights: [6, 3, 1], reason: 'Product Quality', type: 'Problem',
  },
  'Size Mismatch': {
    subjects: ['Wrong Size Delivered - {product}', '{product} Runs Too Small', 'Size Exchange Request - {product}', '{product} Does Not Fit'],
    descriptions: [
      'I ordered my usual size in the {product} but it is much too small. I would like to exchange it for a larger size.',
      'The {product} I received does not match the size chart; it is a full size larger than what I ordered.',
      'I need to exchange the {product} for a different size. The one I got on {orderDate} is too tight.',
      'The size label on my {product} says one size but it fits like another. Can I swap it?',
    ],
    followUps: ['{sizeNote}', 'Can you send the next size up?', 'I have not worn {it} outside.'],
    resolutions: ['I have shipped the new size and emailed a prepaid label for the original.', 'I have set up the size exchange on your order.', 'The exchange is confirmed; the new size ships today.'],
    priorityWeights: [2, 5, 3], reason: 'Sizing', type: 'Problem',
  },
  'Shipping Delay': {
    subjects: ['Order Not Arrived - {product}', 'Shipping Delay on {product}', 'Where Is My {product}?', 'Tracking Not Updating for {product}'],
    descriptions: [
      'I ordered the {product} on {orderDate} and it still has not arrived. The tracking has not updated in days.',
      'My {product} was supposed to arrive last week. Can you tell me where my package is?',
      'The delivery of my {product} is very late and I needed it for a trip.',
      'Tracking for my {product} says it has been in transit for over two weeks.',
    ],
    followUps: ['The tracking number still shows "label created".', 'I really need it before the weekend.', 'Thanks, please let me know once you hear from the carrier.'],
    resolutions: ['I have opened a trace with the carrier and refunded your shipping fee.', 'I have reshipped your order with express delivery.', 'The carrier located the parcel and it is out for delivery.'],
    priorityWeights: [3, 5, 2], reason: 'Shipping', type: 'Problem',
  },
  'Product Availability': {
    subjects: ['When Will {product} Be Back in Stock?', '{product} Out of Stock', 'Backorder Status for {product}', 'Availability of {product} in My Size'],
    descriptions: [
      'The {product} is out of stock in my size. When will it be available again?',
      'I placed a backorder for the {product} and have not heard anything since.',
      'Is the {product} going to be restocked in {color}? I would like to buy another pair.',
      'I want to order the {product} again but the website says it is unavailable.',
    ],
    followUps: ['Can you reserve one for me when it comes back?', 'Is there a similar item you would recommend?', 'Please sign me up for the restock alert.'],
    resolutions: ['I have signed you up for a restock alert.', 'I have confirmed your backorder and the expected ship date.', 'I have suggested an in-stock alternative and placed the order.'],
    priorityWeights: [1, 4, 5], reason: 'Other', type: 'Question',
  },
  'Order Cancellation': {
    subjects: ['Cancel My Order - {product}', 'Order Cancellation Request for {product}', 'Unable to Cancel Order with {product}', 'Cancelled Order Still Charged - {product}'],
    descriptions: [
      'I placed an order for the {product} by mistake and would like to cancel it.',
      'I tried to cancel my order for the {product} on the website but the button is greyed out.',
      'I cancelled my order for the {product} but I was still charged.',
      'Please cancel the {product} from my order placed on {orderDate}; I found the wrong color.',
    ],
    followUps: ['I placed the order just this morning.', 'Has it shipped already?', 'Please confirm once the refund is processed.'],
    resolutions: ['I have cancelled the order and issued a full refund.', 'The order had already shipped, so I have set up a return instead.', 'I have cancelled the unshipped line and refunded it.'],
    priorityWeights: [3, 5, 2], reason: 'Other', type: 'Problem',
  },
  'Warranty Issue': {
    subjects: ['Warranty Claim - {product}', 'Is My {product} Still Under Warranty?', 'Warranty Replacement for {product}', 'Warranty Coverage Question - {product}'],
    descriptions: [
      'My {product} developed a crack after several months of normal use. I would like to file a warranty claim.',
      'Is the {product} I bought on {orderDate} still covered by the warranty? The stitching has come loose.',
      'The waterproofing on my {product} has stopped working. Does the warranty cover this?',
      'I need a warranty replacement for my {product}; the material failed under normal wear.',
    ],
    followUps: ['Here is my order number and some photos.', 'I have taken good care of it and followed the care instructions.', 'A replacement would be great.'],
    resolutions: ['I have approved your warranty claim and a replacement is on its way.', 'I have issued store credit for the purchase price under the warranty.', 'I have escalated the claim to our quality team for approval.'],
    priorityWeights: [4, 4, 2], reason: 'Warranty', type: 'Problem',
  },
  'Incorrect Item Received': {
    subjects: ['Incorrect Item Received', 'Wrong Item Instead of {product}', 'Received Wrong Color - {product}', 'Package Contained Someone Else\'s Order'],
    descriptions: [
      'I recently ordered the {product}, but I received a completely different item.',
      'I ordered the {product} in {color} but received a different color.',
      'The box I received contained the wrong product instead of my {product}.',
      'My order from {orderDate} was supposed to include the {product}, but another item was shipped.',
    ],
    followUps: ['I have attached a photo of what I received.', 'Can you send the correct one quickly?', 'How do I send the wrong item back?'],
    resolutions: ['I have shipped the correct item and emailed a prepaid return label for the wrong one.', 'The correct item is out of stock, so I have issued a full refund.', 'The correct item ships today at no charge.'],
    priorityWeights: [3, 5, 2], reason: 'Shipping', type: 'Problem',
  },
  'Loyalty Program Inquiry': {
    subjects: ['Loyalty Points Missing for {product}', 'Rewards Points Question', 'Points Not Credited - {product}', 'How Do I Redeem My Rewards?'],
    descriptions: [
      'I did not receive loyalty points for my purchase of the {product} on {orderDate}.',
      'How many points do I have, and when do they expire? I just bought the {product}.',
      'My rewards balance did not update after I bought the {product}.',
      'I would like to use my loyalty points toward another {kind}. How does redemption work?',
    ],
    followUps: ['My member number is on my account.', 'Will I lose my points if I do not shop for a while?', 'Thanks, that makes sense.'],
    resolutions: ['I have credited the missing points to your account.', 'I have explained the redemption process and applied your reward.', 'I have corrected your points balance.'],
    priorityWeights: [1, 3, 6], reason: 'Other', type: 'Question',
  },
};

/** Words that depend on the product: the part that breaks, the pronoun, how sizes are described. */
export function productVars(kind: string, pick: <T>(xs: readonly T[]) => T): Record<string, string> {
  const footwear = familyOfKind(kind) === 'Footwear';
  const bag = /Daypack|Duffel|Belt/.test(kind);
  const soft = /Socks|Insoles|Beanie|Cap|Mat/.test(kind);
  const parts = footwear ? ['sole', 'heel', 'stitching', 'lining'] : bag ? ['strap', 'zipper', 'buckle'] : soft ? ['stitching', 'fabric'] : ['zipper', 'seam', 'waistband', 'stitching'];
  const part = pick(parts);
  const plural = /s$/.test(kind) && !/ss$/.test(kind);
  const sizeNote = footwear
    ? 'I normally wear a size 9 and these feel like an 8.'
    : bag || soft
      ? 'It is much smaller than the size listed on the website.'
      : 'I ordered a medium but it fits like a small.';
  return { part, Part: part[0]!.toUpperCase() + part.slice(1), it: plural ? 'them' : 'it', sizeNote };
}
