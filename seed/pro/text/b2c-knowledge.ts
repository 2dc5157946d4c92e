/**
 * The B2C brand's knowledge base, on the pattern of seed/text/knowledge-bank.ts: ten policy articles
 * (one per issue) whose terms are facts an agent may misstate, FAQ articles, and a care guide and a
 * feature overview per product category. Every `qa` answer appears verbatim in its own article and in
 * no other; every policy term is stated once, with one value.
 */
import type { ArticleDef } from '../../text/knowledge-bank.ts';
import { B2C_CATEGORIES, B2C_COMPANY } from './b2c-catalog.ts';

const C = B2C_COMPANY.name;

const POLICY: ArticleDef[] = [
  {
    key: 'billing', issue: 'Billing/Payment Issue',
    title: `Billing, Payments and Installment Plans at ${C}`,
    summary: 'Billing errors reported within 45 days of the charge are refunded to the original payment method.',
    body: `Report a duplicate charge, an overcharge or a promo code that was not applied within 45 days of the charge date. Verified billing errors are refunded to the original payment method, and the refund appears in 3-5 business days. Installment plans split the price into 4 interest-free payments, one every 2 weeks. Promo codes cannot be added after an order has shipped. We accept Visa, Mastercard, American Express, PayPal and ${C} gift cards.`,
    facts: [
      { key: 'billing-window', value: '45 days', wrongValues: ['7 days', '6 months', '1 year'], statement: 'Billing errors are corrected when they are reported within {value} of the charge date.' },
      { key: 'billing-refund', value: '3-5 business days', wrongValues: ['24 hours', '30 business days'], statement: 'The refund will appear on your original payment method in {value}.' },
    ],
    qa: [
      { question: 'Within how many days of the charge must a billing error be reported?', answer: '45 days of the charge date' },
      { question: 'How long does a refund for a billing error take to appear?', answer: 'the refund appears in 3-5 business days' },
      { question: 'How do installment plans split the price?', answer: '4 interest-free payments, one every 2 weeks' },
      { question: 'Can a promo code be added after an order has shipped?', answer: 'Promo codes cannot be added after an order has shipped' },
      { question: 'Which payment methods are accepted?', answer: `Visa, Mastercard, American Express, PayPal and ${C} gift cards` },
    ],
  },
  {
    key: 'returns', issue: 'Return Request',
    title: `Return Policy for Devices Bought from ${C}`,
    summary: 'Devices can be returned within 30 days of delivery in their original packaging.',
    body: `${C} accepts returns of devices in their original packaging with all accessories within 30 days of delivery. Opened devices are subject to a 10% restocking fee unless they are defective. Refunds are processed within 5 business days of the return reaching our warehouse. Gifts can be returned for store credit with the gift receipt. Personal care items cannot be returned once opened, for hygiene reasons.`,
    facts: [
      { key: 'return-window', value: '30 days', wrongValues: ['90 days', '14 days', '60 days'], statement: 'You can return the device within {value} of delivery in its original packaging.' },
      { key: 'restocking-fee', value: '10%', wrongValues: ['25%', '50%'], statement: 'Because the box was opened, a restocking fee of {value} applies to the return.' },
    ],
    qa: [
      { question: 'How long do customers have to return a device?', answer: '30 days of delivery' },
      { question: 'What fee applies to opened devices that are returned?', answer: 'a 10% restocking fee unless they are defective' },
      { question: 'How quickly are refunds processed after a return reaches the warehouse?', answer: 'within 5 business days of the return reaching our warehouse' },
      { question: 'How can gifts be returned?', answer: 'returned for store credit with the gift receipt' },
      { question: 'Can opened personal care items be returned?', answer: 'Personal care items cannot be returned once opened, for hygiene reasons' },
    ],
  },
  {
    key: 'malfunction', issue: 'Device Malfunction',
    title: 'Faulty Devices: Troubleshooting, Replacement and Refunds',
    summary: 'Devices that fail within 60 days of delivery are replaced free of charge.',
    body: `If a device stops working in normal use, try the troubleshooting steps in the app first. Devices that fail within 60 days of delivery are replaced free of charge, or refunded if the model is no longer available. A prepaid return label is emailed within 1 business day of approval. After 60 days, failures are handled under the limited warranty. Damage from drops, liquids or unauthorized repairs is not covered.`,
    facts: [
      { key: 'malfunction-window', value: '60 days', wrongValues: ['14 days', '7 days', '6 months'], statement: 'Because the device failed within {value} of delivery, we replace it free of charge.' },
    ],
    qa: [
      { question: 'What should customers try first when a device stops working?', answer: 'try the troubleshooting steps in the app first' },
      { question: 'Within how many days of delivery is a failed device replaced free of charge?', answer: '60 days of delivery are replaced free of charge' },
      { question: 'How soon is a prepaid return label emailed for a faulty device?', answer: 'within 1 business day of approval' },
      { question: 'Which kinds of damage are not covered for faulty devices?', answer: 'Damage from drops, liquids or unauthorized repairs is not covered' },
    ],
  },
  {
    key: 'battery', issue: 'Battery Problem',
    title: 'Battery Care, Capacity and Replacement',
    summary: 'Batteries keep at least 80% of their capacity for 500 charge cycles; replacements within 18 months.',
    body: `Lumivale batteries are designed to keep at least 80% of their original capacity for 500 full charge cycles. A battery that falls below that capacity within 18 months of purchase is replaced free of charge. Devices should be charged between 0 and 35 degrees Celsius. A swollen or overheating battery must not be charged again; contact support for a prepaid safety return.`,
    facts: [
      { key: 'battery-capacity', value: '80%', wrongValues: ['50%', '95%'], statement: 'Your battery should keep at least {value} of its original capacity over its rated charge cycles.' },
      { key: 'battery-replacement', value: '18 months', wrongValues: ['6 months', '5 years', '3 months'], statement: 'A battery that loses capacity within {value} of purchase is replaced free of charge.' },
    ],
    qa: [
      { question: 'How much capacity do Lumivale batteries keep over their rated charge cycles?', answer: 'at least 80% of their original capacity' },
      { question: 'For how many full charge cycles are batteries rated?', answer: '500 full charge cycles' },
      { question: 'Within what period is a worn battery replaced free of charge?', answer: '18 months of purchase' },
      { question: 'At what temperatures should devices be charged?', answer: 'between 0 and 35 degrees Celsius' },
      { question: 'What should be done with a swollen or overheating battery?', answer: 'must not be charged again; contact support for a prepaid safety return' },
    ],
  },
  {
    key: 'shipping', issue: 'Shipping Delay',
    title: 'Delivery Times and Delayed Orders',
    summary: 'Standard delivery takes 3-6 business days; orders late by more than 7 business days get the shipping fee back.',
    body: `Standard delivery takes 3-6 business days and is free on orders over $50. Express delivery takes 1-2 business days for $12.99. If an order has not arrived 7 business days after shipping, ${C} refunds the shipping fee and opens a carrier trace; if the parcel is not found, we reship it at no cost. Large appliances are delivered by appointment.`,
    facts: [
      { key: 'delay-threshold', value: '7 business days', wrongValues: ['2 business days', '30 business days'], statement: 'Since your order has not arrived {value} after shipping, we refund the shipping fee and open a carrier trace.' },
      { key: 'free-delivery', value: '$50', wrongValues: ['$20', '$150'], statement: 'Standard delivery is free on orders over {value}.' },
    ],
    qa: [
      { question: 'How long does standard delivery take?', answer: '3-6 business days' },
      { question: 'What is the minimum order for free standard delivery?', answer: 'free on orders over $50' },
      { question: 'How long does express delivery take and what does it cost?', answer: 'Express delivery takes 1-2 business days for $12.99' },
      { question: 'How are large appliances delivered?', answer: 'Large appliances are delivered by appointment' },
      { question: 'What happens if a delayed parcel is not found?', answer: 'we reship it at no cost' },
    ],
  },
  {
    key: 'connectivity', issue: 'Connectivity Issue',
    title: 'Pairing, Wi-Fi and App Connection Troubleshooting',
    summary: 'Devices support 2.4 GHz Wi-Fi; firmware updates are released every 3 months.',
    body: `Lumivale smart devices connect to 2.4 GHz Wi-Fi networks and pair over Bluetooth within 10 meters of the phone. Firmware updates are released every 3 months and install automatically overnight. A device can be linked to one Lumivale app account at a time; up to 8 family members can be invited to share control. Resetting a device removes it from the app.`,
    facts: [
      { key: 'firmware-cadence', value: '3 months', wrongValues: ['1 year', '2 weeks'], statement: 'Firmware updates are released every {value} and install automatically overnight.' },
    ],
    qa: [
      { question: 'Which Wi-Fi networks do Lumivale smart devices connect to?', answer: '2.4 GHz Wi-Fi networks' },
      { question: 'How close to the phone must a device be to pair over Bluetooth?', answer: 'within 10 meters of the phone' },
      { question: 'How often are firmware updates released?', answer: 'released every 3 months and install automatically overnight' },
      { question: 'How many family members can share control of a device?', answer: 'up to 8 family members' },
      { question: 'What happens to a device in the app when it is reset?', answer: 'Resetting a device removes it from the app' },
    ],
  },
  {
    key: 'cancellation', issue: 'Order Cancellation',
    title: `Cancelling an Order at ${C}`,
    summary: 'Orders can be cancelled within 1 hour of being placed; later they must be returned.',
    body: `An order can be cancelled free of charge within 1 hour of being placed, from the order page or through support. After that the order is sent to the warehouse and can no longer be cancelled; customers can refuse the delivery or return the items. Cancelled orders are refunded in full within 3 business days. Pre-orders can be cancelled at any time before they ship.`,
    facts: [
      { key: 'cancellation-window', value: '1 hour', wrongValues: ['24 hours', '48 hours', '7 days'], statement: 'Orders can be cancelled free of charge within {value} of being placed.' },
    ],
    qa: [
      { question: 'Within how long after placing an order can it be cancelled free of charge?', answer: '1 hour of being placed' },
      { question: 'How quickly are cancelled orders refunded?', answer: 'refunded in full within 3 business days' },
      { question: 'When can pre-orders be cancelled?', answer: 'Pre-orders can be cancelled at any time before they ship' },
      { question: 'What can customers do once an order can no longer be cancelled?', answer: 'refuse the delivery or return the items' },
    ],
  },
  {
    key: 'warranty', issue: 'Warranty Claim',
    title: 'Limited Warranty for Lumivale Devices',
    summary: 'Devices carry a 2-year limited warranty; accessories are covered for 1 year.',
    body: `Every ${C} device carries a 2-year limited warranty against defects in materials and workmanship from the date of purchase. Cables, chargers and other accessories are covered for 1 year. Claims need the order number and a photo of the serial label. Approved claims get a repaired or replacement unit. Lumivale Care extends the coverage and adds accidental damage protection.`,
    facts: [
      { key: 'device-warranty', value: '2-year', wrongValues: ['lifetime', '5-year', '6-month'], statement: 'Your device is covered by our {value} limited warranty against defects.' },
    ],
    qa: [
      { question: `How long a warranty do ${C} devices carry?`, answer: '2-year limited warranty against defects in materials and workmanship' },
      { question: 'How long are cables, chargers and accessories covered?', answer: 'Cables, chargers and other accessories are covered for 1 year' },
      { question: 'What do warranty claims need?', answer: 'the order number and a photo of the serial label' },
      { question: 'What do approved warranty claims get?', answer: 'a repaired or replacement unit' },
      { question: 'What does Lumivale Care add?', answer: 'extends the coverage and adds accidental damage protection' },
    ],
  },
  {
    key: 'setup', issue: 'Setup Assistance',
    title: 'Free Setup Help and Home Tech Appointments',
    summary: 'Free setup help for 90 days after purchase; home tech visits cost $79.',
    body: `Every purchase includes free setup help by chat, phone or video for 90 days after purchase. Home tech appointments for wall mounting and whole-home installations cost $79 per visit. Quick start guides and video tutorials for every device are in the Lumivale app. Setup help covers our devices only, not third-party equipment.`,
    facts: [
      { key: 'setup-window', value: '90 days', wrongValues: ['30 days', '1 year'], statement: 'Free setup help by chat, phone or video is included for {value} after purchase.' },
      { key: 'home-visit-fee', value: '$79', wrongValues: ['$29', '$199'], statement: 'A home tech appointment costs {value} per visit.' },
    ],
    qa: [
      { question: 'How long is free setup help included after a purchase?', answer: 'by chat, phone or video for 90 days after purchase' },
      { question: 'How much does a home tech appointment cost?', answer: '$79 per visit' },
      { question: 'Where can customers find quick start guides and video tutorials?', answer: 'Quick start guides and video tutorials for every device are in the Lumivale app' },
      { question: 'Does setup help cover third-party equipment?', answer: 'covers our devices only, not third-party equipment' },
    ],
  },
  {
    key: 'damaged', issue: 'Damaged on Arrival',
    title: 'Devices That Arrive Damaged or Incomplete',
    summary: 'Report damage within 7 days of delivery; a replacement ships within 2 business days.',
    body: `If a device arrives damaged or with missing parts, report it within 7 days of delivery with photos of the box and the device. ${C} ships a replacement within 2 business days at no charge and emails a prepaid label for the damaged unit. Missing accessories are shipped separately. If the model is out of stock, a full refund is issued instead.`,
    facts: [
      { key: 'damage-window', value: '7 days', wrongValues: ['30 days', '60 days', '24 hours'], statement: 'Damage must be reported within {value} of delivery, so you are covered.' },
      { key: 'damage-reship', value: '2 business days', wrongValues: ['2 weeks', '10 business days'], statement: 'We will ship a replacement within {value} at no charge.' },
    ],
    qa: [
      { question: 'Within how many days of delivery must damage be reported?', answer: '7 days of delivery with photos of the box and the device' },
      { question: 'How quickly is a replacement for a damaged device shipped?', answer: 'ships a replacement within 2 business days at no charge' },
      { question: 'How are missing accessories sent?', answer: 'Missing accessories are shipped separately' },
      { question: 'What happens if the damaged model is out of stock?', answer: 'a full refund is issued instead' },
    ],
  },
];

const FAQ: ArticleDef[] = [
  { key: 'plus', title: 'Lumivale Plus Membership', summary: 'Members get free express delivery and early access to sales.', facts: [],
    body: `Lumivale Plus members get free express delivery, early access to sale events and member prices on selected devices. Membership renews every year and can be cancelled at any time from the account page. Member prices apply only while the membership is active.`,
    qa: [
      { question: 'What do Lumivale Plus members get?', answer: 'free express delivery, early access to sale events and member prices on selected devices' },
      { question: 'How can a Lumivale Plus membership be cancelled?', answer: 'cancelled at any time from the account page' },
      { question: 'When do member prices apply?', answer: 'only while the membership is active' },
    ] },
  { key: 'trade-in', title: 'Trade-In Program', summary: 'Trade in an old device for credit toward a new one.', facts: [],
    body: `Customers can trade in an eligible old device for credit toward a new ${C} purchase. The credit is based on the condition of the device after inspection. Devices must be reset and have their accounts removed before trade-in. Trade-in credit cannot be exchanged for cash.`,
    qa: [
      { question: 'What is trade-in credit based on?', answer: 'the condition of the device after inspection' },
      { question: 'What must be done to a device before it is traded in?', answer: 'reset and have their accounts removed before trade-in' },
      { question: 'Can trade-in credit be exchanged for cash?', answer: 'Trade-in credit cannot be exchanged for cash' },
    ] },
  { key: 'recycling', title: 'Recycling Old Electronics', summary: 'Free recycling of old electronics and batteries.', facts: [],
    body: `${C} recycles old electronics and batteries of any brand for free through prepaid mail-back kits. Data on returned devices is wiped before recycling. Our packaging is plastic-free and made from recycled paper.`,
    qa: [
      { question: 'How can customers recycle old electronics?', answer: 'for free through prepaid mail-back kits' },
      { question: 'What happens to the data on devices sent for recycling?', answer: 'Data on returned devices is wiped before recycling' },
      { question: 'What is the packaging made from?', answer: 'plastic-free and made from recycled paper' },
    ] },
  { key: 'price-match', title: 'Price Adjustments', summary: 'Price drops shortly after purchase are refunded once.', facts: [],
    body: `If the price of a device drops shortly after your purchase, ${C} refunds the difference once per item on request. We adjust to our own prices only; prices of other retailers are not matched. Refurbished and open-box items are excluded.`,
    qa: [
      { question: 'How often is a price drop refunded per item?', answer: 'refunds the difference once per item on request' },
      { question: 'Are prices of other retailers matched?', answer: 'prices of other retailers are not matched' },
      { question: 'Which items are excluded from price adjustments?', answer: 'Refurbished and open-box items are excluded' },
    ] },
  { key: 'privacy', title: 'Your Data and Privacy in the Lumivale App', summary: 'Control what the app stores and delete your data.', facts: [],
    body: `The Lumivale app stores device settings and usage history to run your devices. Camera recordings are encrypted and visible only to the account owner and invited members. Customers can download or delete their data from the privacy page of the app.`,
    qa: [
      { question: 'What does the Lumivale app store?', answer: 'device settings and usage history to run your devices' },
      { question: 'Who can see camera recordings?', answer: 'visible only to the account owner and invited members' },
      { question: 'Where can customers download or delete their data?', answer: 'from the privacy page of the app' },
    ] },
];

/** A care guide and a feature overview per category. */
function categoryArticles(): ArticleDef[] {
  return B2C_CATEGORIES.flatMap((cat): ArticleDef[] => {
    const lower = cat.name.toLowerCase();
    return [
      {
        key: `care-${cat.code.toLowerCase()}`,
        title: `Caring for Your ${cat.name}`,
        summary: `Cleaning and storage tips for ${lower}.`,
        facts: [],
        body: `${cat.description} Most of our ${lower} are made with ${cat.materials[0]}. Clean them with a soft dry cloth, never with solvents, and store them away from direct sunlight. For ${lower} with ${cat.materials[1]}, a slightly damp cloth removes marks.`,
        qa: [
          { question: `What are most ${C} ${lower} made with?`, answer: `Most of our ${lower} are made with ${cat.materials[0]}` },
          { question: `How should ${lower} with ${cat.materials[1]} be cleaned of marks?`, answer: `For ${lower} with ${cat.materials[1]}, a slightly damp cloth removes marks` },
        ],
      },
      {
        key: `features-${cat.code.toLowerCase()}`,
        title: `Feature Guide: ${cat.name}`,
        summary: `What sets ${C} ${lower} apart.`,
        facts: [],
        body: `${C} ${lower} offer ${cat.features[0]} and ${cat.features[1]}. Many models also have ${cat.features[2]}.`,
        qa: [
          { question: `Which features do ${C} ${lower} offer?`, answer: `${cat.features[0]} and ${cat.features[1]}` },
          { question: `What else do many ${lower} models have?`, answer: `Many models also have ${cat.features[2]}` },
        ],
      },
    ];
  });
}

export const B2C_ARTICLES: readonly ArticleDef[] = [...POLICY, ...FAQ, ...categoryArticles()];
