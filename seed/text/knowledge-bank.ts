/**
 * The knowledge base: 45 articles of Trailmark Outfitters. Ten policy articles govern the ten issues
 * and state concrete terms (windows in days, warranty years, points); each term is a `fact` with the
 * wrong values an agent might claim instead — the source of CRMArena's policy-violation task
 * (reference/crmarena.md §3.2 PVI). The other articles answer FAQs and describe care and technology,
 * for Knowledge QA. Every `qa` answer appears verbatim in its own article and in no other (so the
 * article a search finds decides the answer), and every answer is distinct: 161 pairs for the 130
 * knowledge_qa instances, where CRMArena has 127 distinct answers of 130 (reference/crmarena.md §3.1).
 * Articles state each policy term once, with one value, so the policy-violation task stays decidable.
 */
import { CATEGORIES } from './catalog-bank.ts';
import { COMPANY } from './company.ts';

export interface FactDef {
  key: string;
  value: string;
  wrongValues: readonly string[];
  /** What an agent says when stating this term; `{value}` is the correct or a wrong value. */
  statement: string;
}

export interface ArticleDef {
  key: string;
  title: string;
  summary: string;
  body: string;
  /** The issue (Issue__c.Name) whose policy this article governs. */
  issue?: string;
  facts: readonly FactDef[];
  qa: readonly { question: string; answer: string }[];
}

const C = COMPANY.name;

const POLICY_ARTICLES: ArticleDef[] = [
  {
    key: 'return-policy', issue: 'Return Policy Issue',
    title: `Return Policy for Purchased Items at ${C}`,
    summary: 'Unworn items can be returned within 30 days of delivery for a refund to the original payment method.',
    body: `${C} accepts returns of unworn, unwashed items with original tags attached within 30 days of delivery. Refunds are issued to the original payment method and are processed within 5 business days of the return reaching our warehouse. Footwear must be returned in its original box. Final-sale items marked "Clearance" cannot be returned. Customers who prefer store credit may request it within 90 days of the purchase date; store credit never expires. Return shipping is free for loyalty members and costs $6.95 for other customers, deducted from the refund.`,
    facts: [
      { key: 'return-window', value: '30 days', wrongValues: ['60 days', '90 days', '45 days'], statement: 'Under our return policy you can send the item back within {value} of delivery for a full refund.' },
      { key: 'store-credit-window', value: '90 days', wrongValues: ['180 days', '1 year', '30 days'], statement: 'If you would rather have store credit, you can request it within {value} of the purchase date.' },
    ],
    qa: [
      { question: `How long do customers have to return unworn items to ${C}?`, answer: '30 days of delivery' },
      { question: 'If opting for store credit, within how many days from the purchase date must you request it?', answer: '90 days of the purchase date' },
      { question: 'How much does return shipping cost for customers who are not loyalty members?', answer: '$6.95 for other customers, deducted from the refund' },
      { question: 'Can clearance items be returned?', answer: 'Final-sale items marked "Clearance" cannot be returned' },
      { question: 'Does store credit from a return ever expire?', answer: 'store credit never expires' },
      { question: 'How must footwear be packed when it is returned?', answer: 'in its original box' },
      { question: 'How quickly are refunds for returned items processed after the return reaches the warehouse?', answer: 'within 5 business days of the return reaching our warehouse' },
    ],
  },
  {
    key: 'billing', issue: 'Billing/Payment Issue',
    title: 'Resolving Billing and Payment Issues: Overcharges, Promo Codes and Double Charges',
    summary: 'Billing errors reported within 60 days of the charge are corrected; refunds reach the original card in 3-5 business days.',
    body: `If you were overcharged, charged twice, or a promotional code was not applied, contact ${C} within 60 days of the charge date. Our billing team verifies the transaction and refunds the difference to the original payment method; the refund appears in 3-5 business days depending on your bank. Promotional codes cannot be applied after an order has shipped, but a price adjustment is offered when the code was valid at checkout. Pending authorizations from declined payments drop off automatically within 7 days. We accept Visa, Mastercard, American Express, Discover, PayPal and ${C} gift cards.`,
    facts: [
      { key: 'billing-dispute-window', value: '60 days', wrongValues: ['7 days', '14 days', '6 months'], statement: 'Billing errors can be corrected as long as they are reported within {value} of the charge date.' },
      { key: 'billing-refund-time', value: '3-5 business days', wrongValues: ['24 hours', '30 business days'], statement: 'The refund of the difference will show on your original payment method within {value}.' },
    ],
    qa: [
      { question: 'Within how many days of the charge must a billing error be reported?', answer: '60 days of the charge date' },
      { question: 'How long does a billing refund take to appear on the original payment method?', answer: '3-5 business days depending on your bank' },
      { question: 'How long do pending authorizations from declined payments take to drop off?', answer: 'within 7 days' },
      { question: 'Which credit cards, wallets and gift cards are accepted as payment?', answer: `Visa, Mastercard, American Express, Discover, PayPal and ${C} gift cards` },
      { question: 'Can a promotional code be applied after an order has shipped?', answer: 'Promotional codes cannot be applied after an order has shipped' },
      { question: 'What is offered when a promotional code was valid at checkout but not applied?', answer: 'a price adjustment is offered when the code was valid at checkout' },
    ],
  },
  {
    key: 'defect', issue: 'Product Defect',
    title: 'Defective Products: Replacement and Refund Guidelines',
    summary: 'Items with manufacturing defects reported within 60 days of delivery are replaced free of charge or refunded.',
    body: `Products with a manufacturing defect (separating soles, broken zippers, seam failures, faulty lights) reported within 60 days of delivery are replaced free of charge, or refunded in full if the item is no longer available. Customers send a photo of the defect; a prepaid return label is emailed within 1 business day. Defects discovered after 60 days are handled under the warranty policy. Damage caused by normal wear, misuse or improper care is not a defect.`,
    facts: [
      { key: 'defect-window', value: '60 days', wrongValues: ['14 days', '7 days', '6 months'], statement: 'Because the defect was reported within {value} of delivery, we can replace the item free of charge.' },
    ],
    qa: [
      { question: 'Within how many days of delivery must a manufacturing defect be reported for a free replacement?', answer: '60 days of delivery' },
      { question: 'How soon is a prepaid return label emailed for a defective product?', answer: 'within 1 business day' },
      { question: 'How are defects discovered after 60 days handled?', answer: 'handled under the warranty policy' },
      { question: 'What does a customer send to report a defective product?', answer: 'a photo of the defect' },
      { question: 'Is damage from normal wear, misuse or improper care treated as a defect?', answer: 'Damage caused by normal wear, misuse or improper care is not a defect' },
      { question: 'What happens to a defective product claim if the item is no longer available?', answer: 'refunded in full if the item is no longer available' },
    ],
  },
  {
    key: 'size', issue: 'Size Mismatch',
    title: 'Navigating Size Mismatches: Free Size Exchanges',
    summary: 'One free size exchange per item within 45 days of delivery; unworn items only.',
    body: `If your item does not fit, ${C} offers one free size exchange per item within 45 days of delivery. The item must be unworn, or worn indoors only for footwear. We ship the new size as soon as the exchange is requested, before the original arrives back, and include a prepaid label. Size charts for every category are on each product page; our footwear runs true to size except the Racing Flat range, which runs half a size small.`,
    facts: [
      { key: 'size-exchange-window', value: '45 days', wrongValues: ['90 days', '10 days', '120 days'], statement: 'You are entitled to one free size exchange within {value} of delivery.' },
    ],
    qa: [
      { question: 'How long do customers have to request a free size exchange?', answer: '45 days of delivery' },
      { question: 'How many free size exchanges are allowed per item?', answer: 'one free size exchange per item' },
      { question: `Which ${C} footwear range runs half a size small?`, answer: 'the Racing Flat range' },
      { question: 'When is the new size shipped in a size exchange?', answer: 'as soon as the exchange is requested, before the original arrives back' },
      { question: 'Where can customers find the size charts for each category?', answer: 'Size charts for every category are on each product page' },
      { question: 'Can footwear that was tried on still be exchanged for another size?', answer: 'worn indoors only for footwear' },
    ],
  },
  {
    key: 'shipping', issue: 'Shipping Delay',
    title: 'Shipping Times and What to Do About Delayed Orders',
    summary: 'Standard shipping takes 3-7 business days; orders delayed more than 10 business days get the shipping fee refunded.',
    body: `Standard shipping takes 3-7 business days and is free on orders over $75. Express shipping takes 2 business days and costs $14.95. If an order has not arrived 10 business days after shipping, ${C} refunds the shipping fee and opens a trace with the carrier; if the carrier cannot locate the parcel within 5 business days, we reship the order at no cost. Orders placed after 2 PM Eastern ship the next business day.`,
    facts: [
      { key: 'shipping-delay-threshold', value: '10 business days', wrongValues: ['3 business days', '30 business days'], statement: 'Since your order has not arrived {value} after shipping, we can refund the shipping fee and open a trace with the carrier.' },
      { key: 'free-shipping-threshold', value: '$75', wrongValues: ['$25', '$150'], statement: 'Standard shipping is free on orders over {value}.' },
    ],
    qa: [
      { question: 'How many business days does standard shipping take?', answer: '3-7 business days' },
      { question: 'What is the minimum order value for free standard shipping?', answer: '$75' },
      { question: 'What happens if an order has not arrived 10 business days after shipping?', answer: 'refunds the shipping fee and opens a trace with the carrier' },
      { question: 'How long does express shipping take and what does it cost?', answer: 'Express shipping takes 2 business days and costs $14.95' },
      { question: 'When do orders placed after 2 PM Eastern ship?', answer: 'ship the next business day' },
      { question: 'What happens if the carrier cannot locate a delayed parcel?', answer: 'we reship the order at no cost' },
    ],
  },
  {
    key: 'availability', issue: 'Product Availability',
    title: 'Product Availability, Backorders and Restock Alerts',
    summary: 'Backordered items ship within 21 days or the order is cancelled and refunded automatically.',
    body: `When a size or color is out of stock, customers can place a backorder or sign up for a restock alert on the product page. Backordered items ship within 21 days; if they cannot ship within 21 days the order line is cancelled and refunded automatically. Restock alerts are sent by email once and expire after 30 days. ${C} does not hold or reserve stock for individual customers.`,
    facts: [
      { key: 'backorder-window', value: '21 days', wrongValues: ['60 days', '90 days', '7 days'], statement: 'A backordered item ships within {value}, otherwise the line is cancelled and refunded.' },
    ],
    qa: [
      { question: 'Within how many days do backordered items ship?', answer: '21 days' },
      { question: 'When do restock alerts expire?', answer: 'after 30 days' },
      { question: 'Can stock be reserved for an individual customer?', answer: 'does not hold or reserve stock for individual customers' },
      { question: 'How many times is a restock alert email sent?', answer: 'sent by email once' },
      { question: 'What happens to a backordered order line that cannot ship in time?', answer: 'the order line is cancelled and refunded automatically' },
      { question: 'What can customers do when a size or color is out of stock?', answer: 'place a backorder or sign up for a restock alert on the product page' },
    ],
  },
  {
    key: 'cancellation', issue: 'Order Cancellation',
    title: `How to Handle Order Cancellation Requests at ${C}`,
    summary: 'Orders can be cancelled free of charge within 2 hours of being placed; later, they must be returned.',
    body: `An order can be cancelled free of charge within 2 hours of being placed, from the order page or by contacting support. After 2 hours the order enters fulfillment and can no longer be cancelled; customers can refuse the delivery or return the items under the return policy. Cancelled orders are refunded in full to the original payment method within 3 business days. Partially shipped orders can only be cancelled for the lines that have not shipped.`,
    facts: [
      { key: 'cancellation-window', value: '2 hours', wrongValues: ['24 hours', '48 hours', '7 days'], statement: 'Orders can be cancelled free of charge within {value} of being placed.' },
    ],
    qa: [
      { question: 'Within how long after placing an order can it be cancelled free of charge?', answer: '2 hours of being placed' },
      { question: 'How quickly are cancelled orders refunded in full to the original payment method?', answer: 'within 3 business days' },
      { question: 'What can customers do once an order has entered fulfillment and can no longer be cancelled?', answer: 'refuse the delivery or return the items under the return policy' },
      { question: 'Where can customers go to cancel an order free of charge?', answer: 'from the order page or by contacting support' },
      { question: 'Can a partially shipped order be cancelled?', answer: 'only be cancelled for the lines that have not shipped' },
    ],
  },
  {
    key: 'warranty', issue: 'Warranty Issue',
    title: 'Warranty Coverage for Footwear, Apparel and Outerwear',
    summary: 'Footwear carries a 1-year limited warranty; outerwear carries a 2-year limited warranty against manufacturing defects.',
    body: `All ${C} footwear carries a 1-year limited warranty against manufacturing defects from the date of purchase. Outerwear and jackets carry a 2-year limited warranty, and other apparel and accessories a 6-month warranty. The warranty covers defects in materials and workmanship, not normal wear, accidents or alterations. Warranty claims need the order number and photos; approved claims receive a replacement or store credit for the purchase price. Waterproofing treatments wear off with use and are not covered after 6 months.`,
    facts: [
      { key: 'footwear-warranty', value: '1-year', wrongValues: ['lifetime', '5-year', '3-year'], statement: 'Your shoes are covered by our {value} limited warranty against manufacturing defects.' },
    ],
    qa: [
      { question: `How long a warranty do ${C} footwear products carry from the date of purchase?`, answer: '1-year limited warranty against manufacturing defects' },
      { question: 'What warranty do outerwear and jackets carry?', answer: '2-year limited warranty' },
      { question: 'What do approved warranty claims receive?', answer: 'a replacement or store credit for the purchase price' },
      { question: 'What warranty covers apparel and accessories other than outerwear?', answer: 'a 6-month warranty' },
      { question: 'What do warranty claims need?', answer: 'the order number and photos' },
      { question: 'Are waterproofing treatments covered by the warranty?', answer: 'are not covered after 6 months' },
      { question: 'What does the limited warranty not cover?', answer: 'not normal wear, accidents or alterations' },
    ],
  },
  {
    key: 'incorrect-item', issue: 'Incorrect Item Received',
    title: `How to Address Incorrect Items Received at ${C}`,
    summary: 'Report a wrong item within 14 days of delivery; the correct item ships within 2 business days with a prepaid return label.',
    body: `If you received the wrong product, size or color, report it within 14 days of delivery with a photo of the item and its label. ${C} ships the correct item within 2 business days at no charge and emails a prepaid return label for the incorrect one, which must be sent back within 30 days. If the correct item is out of stock, a full refund is issued instead.`,
    facts: [
      { key: 'incorrect-item-window', value: '14 days', wrongValues: ['60 days', '90 days', '3 days'], statement: 'Wrong items must be reported within {value} of delivery, so you are covered.' },
      { key: 'incorrect-item-reship', value: '2 business days', wrongValues: ['2 weeks', '10 business days'], statement: 'We will ship the correct item within {value} at no charge.' },
    ],
    qa: [
      { question: 'Within how many days of delivery must an incorrect item be reported?', answer: '14 days of delivery' },
      { question: 'How quickly is the correct item shipped after a customer reports receiving the wrong one?', answer: 'within 2 business days at no charge' },
      { question: 'Within how many days must the incorrect item be sent back?', answer: 'must be sent back within 30 days' },
      { question: 'What if the correct item is out of stock after receiving the wrong item?', answer: 'a full refund is issued instead' },
      { question: 'What must a customer include when reporting the wrong product, size or color?', answer: 'a photo of the item and its label' },
    ],
  },
  {
    key: 'loyalty', issue: 'Loyalty Program Inquiry',
    title: 'Trailmark Rewards: Earning and Redeeming Loyalty Points',
    summary: 'Members earn 1 point per $1; 500 points become a $10 reward; points expire after 12 months without activity.',
    body: `Trailmark Rewards members earn 1 point for every $1 spent and double points during their birthday month. Every 500 points convert automatically into a $10 reward, valid for 60 days. Points expire after 12 months without account activity. Members reaching 2,000 points in a calendar year become Summit members and get free express shipping. Points are not earned on gift card purchases or shipping fees.`,
    facts: [
      { key: 'points-expiry', value: '12 months', wrongValues: ['never', '36 months', '3 months'], statement: 'Your points stay valid as long as there is activity on the account at least every {value}.' },
      { key: 'points-conversion', value: '500 points', wrongValues: ['100 points', '1,000 points'], statement: 'Every {value} convert automatically into a $10 reward.' },
    ],
    qa: [
      { question: 'How many points do Trailmark Rewards members earn per dollar spent?', answer: '1 point for every $1 spent' },
      { question: 'How many points convert into a $10 reward?', answer: '500 points' },
      { question: 'When do loyalty points expire?', answer: 'after 12 months without account activity' },
      { question: 'What do members who reach 2,000 points in a calendar year get?', answer: 'become Summit members and get free express shipping' },
      { question: 'When do Trailmark Rewards members earn double points?', answer: 'double points during their birthday month' },
      { question: 'How long is a $10 loyalty reward valid?', answer: 'valid for 60 days' },
      { question: 'Are loyalty points earned on gift card purchases or shipping fees?', answer: 'Points are not earned on gift card purchases or shipping fees' },
    ],
  },
];

const FAQ_ARTICLES: ArticleDef[] = [
  { key: 'gift-cards', title: 'Gift Cards: Balances, Expiry and Lost Cards', summary: 'Gift cards never expire and can be used online and in stores.', facts: [],
    body: `${C} gift cards never expire and carry no fees. They can be used online and in all stores, and the balance can be checked on the gift card page. Lost cards can be replaced once with proof of purchase. Gift cards cannot be redeemed for cash except where required by law. Digital gift cards come in amounts from $20 to $300 and are delivered by email within 1 hour of purchase; plastic gift cards arrive in a free greeting sleeve.`,
    qa: [
      { question: 'Do gift cards expire?', answer: 'never expire and carry no fees' },
      { question: 'How many times can a lost gift card be replaced?', answer: 'once with proof of purchase' },
      { question: 'Can gift cards be redeemed for cash?', answer: 'cannot be redeemed for cash except where required by law' },
      { question: 'Where can a gift card balance be checked?', answer: 'on the gift card page' },
      { question: 'In what amounts are digital gift cards available?', answer: 'in amounts from $20 to $300' },
      { question: 'How quickly is a digital gift card delivered after purchase?', answer: 'delivered by email within 1 hour of purchase' },
      { question: 'What do plastic gift cards arrive in?', answer: 'a free greeting sleeve' },
    ] },
  { key: 'price-match', title: 'Price Adjustments and Price Match', summary: 'Price drops within 14 days of purchase are refunded once.', facts: [],
    body: `If the price of an item drops within 14 days of your purchase, ${C} refunds the difference once per item. We match prices from our own website and stores only; competitor prices are not matched. Clearance and flash-sale prices are excluded from adjustments.`,
    qa: [
      { question: "If an item's price drops after purchase, within how many days is the difference refunded?", answer: 'within 14 days of your purchase' },
      { question: 'Are competitor prices matched?', answer: 'competitor prices are not matched' },
      { question: 'How many times per item is a price drop difference refunded?', answer: 'refunds the difference once per item' },
      { question: 'Are clearance and flash-sale prices eligible for price adjustments?', answer: 'Clearance and flash-sale prices are excluded from adjustments' },
      { question: 'Which websites and stores have their prices matched?', answer: 'from our own website and stores only' },
    ] },
  { key: 'international', title: 'International Shipping and Duties', summary: 'We ship to Canada and Mexico; duties are collected at checkout.', facts: [],
    body: `${C} ships to Canada and Mexico in 7-12 business days. Flat-rate international shipping costs $19.95 per order. Duties and taxes are calculated and collected at checkout, so there are no surprise fees on delivery. International returns are accepted within 30 days, but return shipping is paid by the customer. Gift cards and monogrammed items cannot be shipped outside the United States.`,
    qa: [
      { question: 'How long does international shipping to Canada and Mexico take?', answer: '7-12 business days' },
      { question: 'How much does international shipping to Canada or Mexico cost?', answer: 'Flat-rate international shipping costs $19.95 per order' },
      { question: 'When are duties and taxes collected on international orders?', answer: 'calculated and collected at checkout' },
      { question: 'Who pays return shipping on international returns?', answer: 'return shipping is paid by the customer' },
      { question: 'Which items cannot be shipped internationally outside the United States?', answer: 'Gift cards and monogrammed items cannot be shipped outside the United States' },
    ] },
  { key: 'sizing-footwear', title: 'Finding Your Shoe Size: Measuring Your Foot at Home', summary: 'Measure in the evening, both feet, and add a thumb’s width.', facts: [],
    body: `Measure your feet in the evening, when they are largest. Stand on a sheet of paper, mark the heel and longest toe, and measure both feet; use the larger measurement. Leave about a thumb's width (3/8 inch) of space at the toe for running and hiking shoes. Wide-fit versions add 1/4 inch of width across the forefoot.`,
    qa: [
      { question: 'When is the best time of day to measure your feet for a shoe size?', answer: 'in the evening, when they are largest' },
      { question: 'How much space should be left at the toe for running and hiking shoes?', answer: "a thumb's width (3/8 inch)" },
      { question: 'If my two feet measure differently, which measurement should I use for my shoe size?', answer: 'use the larger measurement' },
      { question: 'How much extra width do wide-fit shoe versions add?', answer: 'add 1/4 inch of width across the forefoot' },
    ] },
  { key: 'sizing-apparel', title: 'Apparel Size Guide: Chest, Waist and Inseam', summary: 'How to measure for tops and bottoms; athletic fits run close to the body.', facts: [],
    body: `For tops, measure around the fullest part of the chest; for bottoms, around the natural waist and from crotch to ankle for the inseam. Our athletic and compression pieces have a close fit; size up for a relaxed feel. Yoga leggings are offered in 25-inch and 28-inch inseams. Apparel runs from XS to 3XL, and between two sizes we recommend the larger one.`,
    qa: [
      { question: 'Which inseams are yoga leggings offered in?', answer: '25-inch and 28-inch inseams' },
      { question: 'Where should the chest be measured to pick a top size?', answer: 'around the fullest part of the chest' },
      { question: 'How is the inseam measured for pants and bottoms?', answer: 'from crotch to ankle for the inseam' },
      { question: 'What should I do with athletic or compression apparel if I want a relaxed feel?', answer: 'size up for a relaxed feel' },
      { question: 'Which apparel sizes are offered, from smallest to largest?', answer: 'Apparel runs from XS to 3XL' },
      { question: 'Which apparel size is recommended when between two sizes?', answer: 'between two sizes we recommend the larger one' },
    ] },
  { key: 'waterproofing', title: 'Keeping Waterproof Gear Waterproof', summary: 'Wash with tech wash and reactivate DWR with low heat.', facts: [],
    body: `Waterproof jackets and boots perform best when clean. Wash shells with a technical wash, never fabric softener, and tumble dry on low heat for 20 minutes to reactivate the DWR finish. Re-treat boots with a wax or spray every season of regular use.`,
    qa: [
      { question: 'How do you reactivate the DWR finish on a waterproof jacket?', answer: 'tumble dry on low heat for 20 minutes' },
      { question: 'Which detergent and fabric softener advice applies when washing waterproof shells?', answer: 'a technical wash, never fabric softener' },
      { question: 'How often should waterproof boots be re-treated with wax?', answer: 'with a wax or spray every season of regular use' },
    ] },
  { key: 'account', title: 'Managing Your Online Account and Order History', summary: 'Reset passwords, update addresses and view past orders.', facts: [],
    body: `Your ${C} account shows every order from the last 5 years, tracking links and invoices. Passwords can be reset from the sign-in page; reset links are valid for 30 minutes. After 5 failed sign-in attempts the account is locked for 15 minutes. Address changes apply to future orders only. Up to 4 saved payment cards can be stored, and closing an account erases its saved addresses and cards.`,
    qa: [
      { question: 'How long are password reset links valid?', answer: 'valid for 30 minutes' },
      { question: 'How many years of order history does the account show?', answer: 'the last 5 years' },
      { question: 'What happens to an online account after too many failed sign-in attempts?', answer: 'the account is locked for 15 minutes' },
      { question: 'Do address changes in my account apply to orders already placed?', answer: 'Address changes apply to future orders only' },
      { question: 'How many saved payment cards can an account store?', answer: 'Up to 4 saved payment cards' },
      { question: 'Besides orders, what does the online account show for each order?', answer: 'tracking links and invoices' },
    ] },
  { key: 'stores', title: 'Buying Online and Picking Up in Store', summary: 'Pick-up orders are ready within 2 hours and held for 7 days.', facts: [],
    body: `Buy online, pick up in store orders are usually ready within 2 hours during store hours. We hold pick-up orders for 7 days before cancelling and refunding them. Bring the confirmation email and a photo ID. Someone else can collect the order if you add their name at checkout.`,
    qa: [
      { question: 'How long are in-store pick-up orders held?', answer: 'hold pick-up orders for 7 days' },
      { question: 'How soon is a buy online, pick up in store order ready?', answer: 'usually ready within 2 hours during store hours' },
      { question: 'What should I bring to pick up an online order in store?', answer: 'the confirmation email and a photo ID' },
      { question: 'Can someone else pick up my store pick-up order?', answer: 'if you add their name at checkout' },
    ] },
  { key: 'sustainability', title: 'Our Materials and Sustainability Commitments', summary: 'Recycled materials, take-back program and repair.', facts: [],
    body: `Over half of ${C} apparel uses recycled polyester or nylon. Our Second Stride take-back program accepts worn shoes in any store and gives a $5 coupon per pair. We also repair zippers and resole select boots through our repair partner. All shipping boxes are made from 100% recycled cardboard.`,
    qa: [
      { question: 'What does the Second Stride take-back program give per pair of worn shoes?', answer: 'a $5 coupon per pair' },
      { question: 'What share of the apparel uses recycled polyester or nylon?', answer: `Over half of ${C} apparel` },
      { question: 'Which repairs are offered through the repair partner?', answer: 'repair zippers and resole select boots' },
      { question: 'What are the shipping boxes made from?', answer: '100% recycled cardboard' },
    ] },
  { key: 'student-discount', title: 'Student, Military and First Responder Discounts', summary: 'Verified customers get 15% off full-price items.', facts: [],
    body: `Students, military members and first responders verified through our partner get 15% off full-price items, online and in store. The discount cannot be combined with other promotions or used on gift cards. Student verification must be renewed once a year.`,
    qa: [
      { question: 'What discount do verified students, military members and first responders get?', answer: '15% off full-price items' },
      { question: 'Can the student or military discount be combined with other promotions?', answer: 'cannot be combined with other promotions or used on gift cards' },
      { question: 'How often must student discount verification be renewed?', answer: 'renewed once a year' },
    ] },
  { key: 'custom-orders', title: 'Personalization and Monogramming', summary: 'Monogrammed items ship in 5-7 business days and cannot be returned.', facts: [],
    body: `Select bags, caps and jackets can be monogrammed with up to 3 characters for $9.95. Monograms are available in 6 thread colors. Personalized items ship in 5-7 business days and cannot be returned unless defective.`,
    qa: [
      { question: 'How many characters can a monogram have?', answer: 'up to 3 characters' },
      { question: 'What is the price to monogram bags, caps or jackets?', answer: '$9.95' },
      { question: 'How long do personalized items take to ship?', answer: 'ship in 5-7 business days' },
      { question: 'Can personalized or monogrammed items be returned?', answer: 'cannot be returned unless defective' },
      { question: 'How many thread colors are available for monograms?', answer: '6 thread colors' },
    ] },
];

/** How each category is cleaned, and how often it should be replaced or re-treated. */
const CARE: Record<string, { clean: string; replace: string; cleanQ?: string; replaceQ?: string }> = {
  RUN: { clean: 'remove the insoles and wipe the upper with a damp cloth and mild soap', replace: 'every 300 to 500 miles' },
  TRL: { clean: 'brush off dried mud and rinse the outsole with lukewarm water', replace: 're-treat the upper with a waterproofing spray every season' },
  SNK: { clean: 'scrub the sole with a soft brush and a paste of baking soda and water', replace: 'swap the laces and insoles once a year' },
  // "boots" also names hiking boots (TRL) and waterproofed boots: these questions carry the words of this category's own article.
  BOT: {
    clean: 'wipe with a damp cloth, let dry at room temperature, then condition the leather', replace: 'condition the leather every 3 months',
    cleanQ: 'How should weatherproof and fashion boots be cleaned?', replaceQ: 'What maintenance keeps leather boots for the colder months performing their best?',
  },
  SDL: { clean: 'rinse in fresh water after every swim and dry in the shade', replace: 'replace the footbed when the cork shows through' },
  WAW: { clean: 'machine wash cold on a gentle cycle inside a mesh bag', replace: 'replace sports bras every 6 to 12 months' },
  MAW: { clean: 'machine wash cold with similar colors and skip the fabric softener', replace: 'retire compression shirts once the fabric loses its stretch' },
  OUT: { clean: 'machine wash warm with a technical wash and tumble dry low', replace: 're-apply the DWR finish every 20 washes' },
  YGA: { clean: 'wash inside out in cold water and hang to dry', replace: 'wipe yoga mats with a water and vinegar solution after every practice' },
  JKT: { clean: 'close all zippers and wash on a gentle cycle with a down-safe detergent', replace: 'tumble dry on low with two clean tennis balls to restore the loft' },
  KID: { clean: 'machine wash cold; light-up shoes should only be wiped with a damp cloth', replace: 'check the fit every 3 months as kids grow' },
  ACC: { clean: 'hand wash bags and hats in cold water; machine wash socks inside out', replace: 'replace insoles every 6 months' },
};

/** One care guide and one technology article per category: 24 articles generated from the catalog vocabulary. */
function categoryArticles(): ArticleDef[] {
  const out: ArticleDef[] = [];
  for (const cat of CATEGORIES) {
    const mat = cat.materials[0]!;
    const care = CARE[cat.code]!;
    out.push({
      key: `care-${cat.code.toLowerCase()}`,
      title: `How to Care for Your ${cat.name}`,
      summary: `Cleaning, drying and storage tips that keep ${cat.name.toLowerCase()} in shape.`,
      facts: [],
      body: `${cat.description} Most of our ${cat.name.toLowerCase()} are made with ${mat}. To clean them, ${care.clean}. Let them dry away from direct heat and store them in a cool, dry place. For the best performance, ${care.replace}. With regular care, ${cat.name.toLowerCase()} from ${C} last well beyond their warranty period.`,
      qa: [
        { question: care.cleanQ ?? `How should ${cat.name.toLowerCase()} be cleaned?`, answer: care.clean },
        { question: care.replaceQ ?? `What maintenance keeps ${cat.name.toLowerCase()} performing their best?`, answer: care.replace },
      ],
    });
    out.push({
      key: `tech-${cat.code.toLowerCase()}`,
      title: `Technology Spotlight: What Makes Our ${cat.name} Different`,
      summary: `The features built into ${C} ${cat.name.toLowerCase()}.`,
      facts: [],
      body: `${C} ${cat.name.toLowerCase()} feature ${cat.features[0]} and ${cat.features[1]}. Many styles also offer ${cat.features[2]}. We test every design for 300 hours in the field before it reaches our stores.`,
      qa: [
        { question: `What technology features do ${C} ${cat.name.toLowerCase()} have?`, answer: `${cat.features[0]} and ${cat.features[1]}` },
        { question: `What else do many styles of ${C} ${cat.name.toLowerCase()} offer?`, answer: cat.features[2]! },
      ],
    });
  }
  return out;
}

/** The 45 articles, in a fixed order (policy articles first). */
export const ARTICLES: readonly ArticleDef[] = [...POLICY_ARTICLES, ...FAQ_ARTICLES, ...categoryArticles()];
