/**
 * The B2C brand's ten issues and what its customers write about them. Same placeholders as
 * seed/text/case-bank.ts (`{product}`, `{kind}`, `{orderDate}`, `{color}`, `{part}`/`{Part}`, `{it}`,
 * `{sizeNote}` from b2cProductVars). Agents' phrases carry no numbers: the policy-violation task
 * reads every quantity an agent states.
 */
import type { IssueTheme } from '../../text/theme.ts';

export const B2C_ISSUES: readonly IssueTheme[] = [
  {
    name: 'Billing/Payment Issue', phrase: 'billing and payment',
    description: 'Duplicate charges, promo codes not applied, installment plan errors and other payment problems.',
    monthFactor: (m) => (m === 12 ? 1.4 : m === 1 ? 1.3 : 1),
    delayDays: (rng) => rng.lognormal(6, 0.6),
    cases: {
      subjects: ['Charged Twice - {product}', 'Promo Code Not Applied - {product}', 'Installment Plan Error on {product}', 'Billing Error on Order with {product}'],
      descriptions: [
        'I ordered the {product} on {orderDate} and my card was charged twice for the same order. Please refund the duplicate charge.',
        'I entered a promo code when I bought the {product}, but the discount was not applied.',
        'I chose the installment plan for my {product} but the full amount was charged at once.',
        'My bank statement shows an extra charge after I purchased the {product}. I did not authorize it.',
      ],
      followUps: ['Here is a screenshot of my bank statement.', 'The code was still valid when I checked out.', 'How long until the money is back on my card?'],
      resolutions: ['I have refunded the duplicate charge.', 'I have applied a price adjustment for the promo code.', 'I have corrected the installment plan and refunded the difference.'],
      priorityWeights: [3, 5, 2], reason: 'Billing', type: 'Problem',
    },
  },
  {
    name: 'Return Request', phrase: 'returns',
    description: 'Requests to return a device, refunds for returns and restocking questions.',
    monthFactor: (m) => (m === 1 ? 2.2 : 1),
    delayDays: (rng) => rng.lognormal(9, 0.6),
    cases: {
      subjects: ['Return Request - {product}', 'How Do I Return My {product}?', 'Refund Not Received for Returned {product}', 'Return Window for {product}'],
      descriptions: [
        'I would like to return the {product} I bought on {orderDate}. It works fine but it is not what I expected.',
        'I sent back the {product} two weeks ago and have not received my refund.',
        'Can I still return the {product}? I opened the box but barely used {it}.',
        'The {product} was a gift and I would like to return it for store credit.',
      ],
      followUps: ['It is in the original packaging with all accessories.', 'Could I get store credit instead?', 'Please send me the return label.'],
      resolutions: ['I have emailed you a return label and will refund you once the item arrives.', 'I have located your return and released the refund.', 'I have issued store credit to your account.'],
      priorityWeights: [1, 5, 4], reason: 'Returns', type: 'Question',
    },
  },
  {
    name: 'Device Malfunction', phrase: 'device malfunction',
    description: 'Devices that stop working, freeze, restart or behave erratically in normal use.',
    monthFactor: () => 1,
    delayDays: (rng) => rng.lognormal(30, 0.6),
    cases: {
      subjects: ['{product} Stopped Working', '{Part} Not Working on {product}', '{product} Keeps Restarting', 'Faulty {Part} - {product}'],
      descriptions: [
        'My {product} stopped working after a few weeks of normal use.',
        'The {part} of my {product} no longer works. I have only used {it} as described in the manual.',
        'My {product} keeps freezing and restarting on its own.',
        'The {part} on my {product} is faulty and makes a strange noise.',
      ],
      followUps: ['I already tried a factory reset.', 'I would prefer a replacement rather than a refund.', 'Here is a short video of the problem.'],
      resolutions: ['I have arranged a free replacement and emailed a prepaid return label.', 'Since this model is sold out, I have refunded the purchase in full.', 'I have shipped a replacement unit today.'],
      priorityWeights: [6, 3, 1], reason: 'Product Quality', type: 'Problem',
    },
  },
  {
    name: 'Battery Problem', phrase: 'battery',
    description: 'Batteries that drain fast, will not charge, swell or overheat.',
    // Heat waves shorten battery life.
    monthFactor: (m) => (m === 7 || m === 8 ? 1.7 : 1),
    delayDays: (rng) => rng.lognormal(90, 0.5),
    cases: {
      subjects: ['Battery Drains Fast - {product}', '{product} Will Not Charge', 'Battery Overheating on {product}', 'Short Battery Life - {product}'],
      descriptions: [
        'The battery of my {product} drains in a few hours even when I do not use {it}.',
        'My {product} will not charge anymore; the light does not come on.',
        'My {product} gets very hot while charging. Is this safe?',
        'Battery life on my {product} is much shorter than advertised.',
      ],
      followUps: ['I use the charger that came in the box.', 'It started after the latest update.', 'Can I get a replacement battery?'],
      resolutions: ['I have arranged a replacement unit with a new battery.', 'I have sent a replacement charger and confirmed the fix.', 'I have walked you through a battery calibration that solved it.'],
      priorityWeights: [4, 4, 2], reason: 'Product Quality', type: 'Problem',
    },
  },
  {
    name: 'Shipping Delay', phrase: 'shipping delay',
    description: 'Orders that arrive late or whose tracking stops updating.',
    monthFactor: (m) => (m === 12 ? 2.5 : m === 11 ? 1.8 : 1),
    delayDays: (rng) => rng.real(0.1, 12),
    cases: {
      subjects: ['Order Not Arrived - {product}', 'Shipping Delay on {product}', 'Where Is My {product}?', 'Tracking Not Updating for {product}'],
      descriptions: [
        'I ordered the {product} on {orderDate} and it still has not arrived.',
        'My {product} was supposed to arrive last week. Where is my package?',
        'The delivery of my {product} is late and I needed it as a gift.',
        'Tracking for my {product} has not moved in over a week.',
      ],
      followUps: ['The tracking still shows "label created".', 'I really need it before the weekend.', 'Please let me know once you hear from the carrier.'],
      resolutions: ['I have opened a trace with the carrier and refunded your shipping fee.', 'I have reshipped your order with express delivery.', 'The carrier located the parcel and it is out for delivery.'],
      priorityWeights: [3, 5, 2], reason: 'Shipping', type: 'Problem',
    },
  },
  {
    name: 'Connectivity Issue', phrase: 'connectivity',
    description: 'Devices that will not pair, drop Wi-Fi or Bluetooth connections or lose the app link.',
    monthFactor: () => 1,
    delayDays: (rng) => rng.lognormal(12, 0.7),
    cases: {
      subjects: ['{product} Will Not Pair', 'Wi-Fi Keeps Dropping - {product}', '{product} Not Showing in the App', 'Bluetooth Disconnects - {product}'],
      descriptions: [
        'My {product} will not pair with my phone no matter what I try.',
        'The {product} keeps dropping off my home Wi-Fi network.',
        'The Lumivale app no longer finds my {product}.',
        'The Bluetooth connection of my {product} cuts out every few minutes.',
      ],
      followUps: ['I have restarted my router and my phone.', 'Other devices connect fine.', 'I am using the latest version of the app.'],
      resolutions: ['I have reset the pairing on our side and your device is connected again.', 'I have pushed a firmware update that fixes the connection drops.', 'I have walked you through reconnecting the device to the app.'],
      priorityWeights: [2, 5, 3], reason: 'Connectivity', type: 'Problem',
    },
  },
  {
    name: 'Order Cancellation', phrase: 'order cancellation',
    description: 'Requests to cancel an order or problems with a cancelled order.',
    monthFactor: (m) => (m === 11 ? 1.8 : 1),
    delayDays: (rng) => rng.real(0.1, 12),
    cases: {
      subjects: ['Cancel My Order - {product}', 'Order Cancellation Request for {product}', 'Unable to Cancel Order with {product}', 'Cancelled Order Still Charged - {product}'],
      descriptions: [
        'I placed an order for the {product} by mistake and would like to cancel it.',
        'I tried to cancel my order for the {product} on the website but the button is greyed out.',
        'I cancelled my order for the {product} but I was still charged.',
        'Please cancel the {product} from my order placed on {orderDate}; I picked the wrong color.',
      ],
      followUps: ['I placed the order just this morning.', 'Has it shipped already?', 'Please confirm once the refund is processed.'],
      resolutions: ['I have cancelled the order and issued a full refund.', 'The order had already shipped, so I have set up a return instead.', 'I have cancelled the unshipped line and refunded it.'],
      priorityWeights: [3, 5, 2], reason: 'Other', type: 'Problem',
    },
  },
  {
    name: 'Warranty Claim', phrase: 'warranty',
    description: 'Claims for devices that fail under normal use within the warranty period.',
    monthFactor: () => 1,
    delayDays: (rng) => rng.real(60, 330),
    cases: {
      subjects: ['Warranty Claim - {product}', 'Is My {product} Still Under Warranty?', 'Warranty Replacement for {product}', 'Warranty Coverage Question - {product}'],
      descriptions: [
        'My {product} failed after several months of normal use. I would like to file a warranty claim.',
        'Is the {product} I bought on {orderDate} still covered by the warranty? The {part} has stopped working.',
        'Does the warranty cover the {part} of my {product}?',
        'I need a warranty replacement for my {product}; it no longer turns on.',
      ],
      followUps: ['Here is my order number and a photo of the serial label.', 'I have always used it as the manual describes.', 'A replacement would be great.'],
      resolutions: ['I have approved your warranty claim and a replacement is on its way.', 'I have issued store credit for the purchase price under the warranty.', 'I have escalated the claim to our quality team for approval.'],
      priorityWeights: [4, 4, 2], reason: 'Warranty', type: 'Problem',
    },
  },
  {
    name: 'Setup Assistance', phrase: 'setup',
    description: 'Help setting up a new device, installing the app or configuring features.',
    // New devices unwrapped at the holidays.
    monthFactor: (m) => (m === 12 || m === 1 ? 1.8 : 1),
    delayDays: (rng) => rng.real(0.1, 7),
    cases: {
      subjects: ['Help Setting Up {product}', 'How Do I Install the {product}?', 'Setup Instructions for {product}', 'Cannot Finish Setup - {product}'],
      descriptions: [
        'I just received the {product} and cannot figure out how to set {it} up.',
        'The setup of my {product} stops at the step where it asks for my home network.',
        'Where can I find the instructions to mount the {product}?',
        'I need help configuring the {part} of my new {product}.',
      ],
      followUps: ['I followed the quick start guide.', 'Is there a video that shows the steps?', 'Thanks, I will try that now.'],
      resolutions: ['I have walked you through the setup and everything is working.', 'I have sent you the setup guide and a link to the video tutorial.', 'I have scheduled a free setup call with our home tech team.'],
      priorityWeights: [1, 4, 5], reason: 'Other', type: 'Question',
    },
  },
  {
    name: 'Damaged on Arrival', phrase: 'damaged delivery',
    description: 'Devices that arrive broken, scratched, with a cracked screen or missing parts.',
    monthFactor: (m) => (m === 12 ? 1.4 : 1),
    delayDays: (rng) => rng.real(0.1, 5),
    cases: {
      subjects: ['{product} Arrived Damaged', 'Cracked Screen on Delivery - {product}', 'Missing Parts in {product} Box', 'Damaged Package - {product}'],
      descriptions: [
        'My {product} arrived with a cracked casing. The box was crushed.',
        'The {product} I received has a scratch across the front and the {part} is bent.',
        'The box of my {product} was missing the charger and the manual.',
        'My order from {orderDate} arrived damaged; the {product} does not turn on.',
      ],
      followUps: ['I have attached photos of the box and the device.', 'Can you send a replacement quickly?', 'How do I send the damaged one back?'],
      resolutions: ['I have shipped a replacement and emailed a prepaid return label for the damaged unit.', 'The replacement is out of stock, so I have issued a full refund.', 'I have shipped the missing parts at no charge.'],
      priorityWeights: [3, 5, 2], reason: 'Shipping', type: 'Problem',
    },
  },
];

/** The part that fails, the pronoun and a fit note for the device families. */
export function b2cProductVars(kind: string, pick: <T>(xs: readonly T[]) => T): Record<string, string> {
  const audio = /Speaker|Soundbar|Subwoofer|Earbuds|Headphones|Headset/.test(kind);
  const wearable = /Tracker|watch|Ring/.test(kind);
  const appliance = /Fryer|Machine|Blender|Kettle|Oven|Vacuum|Purifier|Mop|Dehumidifier/.test(kind);
  const parts = audio ? ['left speaker', 'charging port', 'power button', 'volume control'] : wearable ? ['strap', 'display', 'charging contacts'] : appliance ? ['power switch', 'heating element', 'control panel', 'motor'] : ['power button', 'charging port', 'display', 'cable'];
  const part = pick(parts);
  const plural = /s$/.test(kind) && !/ss$/.test(kind);
  const sizeNote = wearable ? 'The band is too small for my wrist.' : 'It is bigger than the size listed on the website.';
  return { part, Part: part[0]!.toUpperCase() + part.slice(1), it: plural ? 'them' : 'it', sizeNote };
}
