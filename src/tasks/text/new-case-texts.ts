/**
 * Subjects and descriptions of the new cases in Case Routing questions, one bank per Issue__c name.
 * Each text names the product exactly and speaks of its issue in words of that issue only (a return
 * case never mentions sizes or charges), so "the issue most similar to the given case" has one answer.
 */
export interface CaseTextBank {
  subjects: readonly string[];
  descriptions: readonly string[];
}

export const NEW_CASE_TEXTS: Record<string, CaseTextBank> = {
  'Billing/Payment Issue': {
    subjects: ['Charged twice for {product}', 'Billing problem with my {product} order', 'Overcharged for {product}', 'Payment issue on {product} purchase'],
    descriptions: [
      'I bought the {product} last week and my card was charged twice for the same order. Please correct the billing and refund the duplicate charge.',
      'The promo code I entered at checkout for the {product} was not applied and I was billed the full price. I would like the billing corrected.',
      'My bank statement shows a payment for the {product} that is higher than the price at checkout. Can you look into this overcharge?',
      'I was charged for the {product} even though the payment was declined on the website. Please explain this charge on my card.',
    ],
  },
  'Return Policy Issue': {
    subjects: ['Return request for {product}', 'Unable to return {product}', 'Question about returning {product}', 'Return of unworn {product} refused'],
    descriptions: [
      'I want to return the {product} I bought. It is unworn with the tags still on, but the return page will not accept my request. What is the return policy here?',
      'I tried to send back the {product} for a refund and was told the return window had closed. I am within the period I was told at purchase, please accept the return.',
      'Can I return the {product} for store credit instead of a refund? The online return form does not give me that option.',
      'My return of the {product} was rejected at the store. I still have the receipt and the item is unused, so I would like to understand the return rules.',
    ],
  },
  'Product Defect': {
    subjects: ['Defective {product}', '{product} fell apart after a week', 'Broken {product}', 'Manufacturing defect in my {product}'],
    descriptions: [
      'The {product} I received is defective: the stitching came apart after two uses. I would like a replacement for this faulty item.',
      'After only a week of light use, my {product} broke. This looks like a manufacturing defect, not wear.',
      'The zipper on my {product} was broken straight out of the box. Please send a replacement for the defective product.',
      'The sole of the {product} separated during its first outing. I expected much better quality; this is clearly a defect.',
    ],
  },
  'Size Mismatch': {
    subjects: ['Size mismatch for {product}', '{product} does not fit', 'Wrong fit on {product}', '{product} runs too small'],
    descriptions: [
      'I ordered the {product} in my usual size using the size chart, but it fits a full size too small. I need to exchange it for a bigger size.',
      'The {product} is much larger than the size chart says. I ordered a medium and it fits like an extra large.',
      'The size of the {product} does not match the chart on your website at all. Can I swap it for the correct size?',
      'My {product} fits far too tight even though I measured myself as the size guide says. I would like a size exchange.',
    ],
  },
  'Shipping Delay': {
    subjects: ['{product} order has not arrived', 'Shipping delay on {product}', 'Where is my {product}?', 'Late delivery of {product}'],
    descriptions: [
      'I ordered the {product} two weeks ago and it still has not arrived. The tracking has not updated in days. When will it be delivered?',
      'My {product} was supposed to be delivered last Friday but the shipment is delayed with no explanation from the carrier.',
      'The tracking for my {product} shows it stuck in transit for over ten days. I need it for a trip, please look into this delay.',
      'Shipping on my {product} is taking far longer than the estimate at checkout. Can you tell me what is holding up the delivery?',
    ],
  },
  'Product Availability': {
    subjects: ['{product} out of stock', 'When will {product} be back in stock?', 'Availability of {product}', '{product} backorder question'],
    descriptions: [
      'The {product} has been out of stock in my size for weeks. Do you know when it will be restocked?',
      'I placed a backorder for the {product} and want to know when it will become available again.',
      'Your website says the {product} is sold out everywhere. Is there any way to find one available in a store near me?',
      'I signed up for a restock alert for the {product} but never got notified. Is it still available at all?',
    ],
  },
  'Order Cancellation': {
    subjects: ['Cancel my {product} order', 'Unable to cancel order for {product}', 'Order cancellation request: {product}', 'Cancellation of {product} not processed'],
    descriptions: [
      'I placed an order for the {product} by mistake an hour ago and need to cancel it, but the cancel button does not work.',
      'I asked to cancel my order for the {product} yesterday and it still shows as active. Please cancel it.',
      'I no longer need the {product} I just ordered. Can you cancel the order before it is processed?',
      'The website will not let me cancel my {product} order even though I placed it only minutes ago. Please help me cancel it.',
    ],
  },
  'Warranty Issue': {
    subjects: ['Warranty claim for {product}', 'Is my {product} still under warranty?', 'Warranty coverage on {product}', '{product} warranty request'],
    descriptions: [
      'I bought the {product} about eight months ago and would like to file a warranty claim. What does the warranty cover?',
      'My {product} stopped performing as it should after several months. I believe it is still under warranty and would like it covered.',
      'Can you confirm the warranty period for the {product}? I would like to make a claim under the warranty.',
      'I was told the {product} comes with a warranty, but my warranty claim has not been answered. Please check the coverage.',
    ],
  },
  'Incorrect Item Received': {
    subjects: ['Incorrect item received instead of {product}', 'Wrong item in my {product} order', 'Received a different product, not {product}', 'Wrong product delivered for {product} order'],
    descriptions: [
      'I ordered the {product}, but the package contained a completely different item. I need the correct product sent to me.',
      'Instead of the {product} I ordered, I received the wrong item in a different color and style. Please send what I actually ordered.',
      'The box was labeled {product} but the item inside is an incorrect product. I would like an exchange for the right one.',
      'I received someone else\'s item instead of my {product}. Can you ship the correct item?',
    ],
  },
  'Loyalty Program Inquiry': {
    subjects: ['Loyalty points missing for {product} purchase', 'Rewards points question about {product}', 'Loyalty program inquiry: {product}', 'No reward points for {product}'],
    descriptions: [
      'I bought the {product} but did not receive any loyalty points for the purchase. Can you add the missing points to my rewards account?',
      'How many rewards points should I have earned on my {product} purchase? My loyalty balance did not change.',
      'I wanted to redeem my loyalty reward on the {product}, but the points would not apply at checkout.',
      'My loyalty program account shows fewer points than expected after buying the {product}. Please check my rewards.',
    ],
  },
};
