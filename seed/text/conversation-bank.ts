/** Phrases agents and customers use in emails and chats. `{x}` placeholders are filled by fill(). */
export const GREETINGS_AGENT = [
  'Thank you for contacting {company}. I am sorry to hear about the trouble with your {product}.',
  'Thanks for reaching out about your {product}. I understand how frustrating this must be.',
  'I appreciate you letting us know about the {product}. I am looking into it now.',
  'Thank you for your patience. I have pulled up your order with the {product}.',
];

export const TRANSFER_LINES = [
  'I am transferring your case to my colleague {newAgent}, who specializes in {issue} cases and will take it from here.',
  'To get this resolved properly, I am handing your case over to {newAgent} from our {issue} team.',
  'This needs a specialist, so I am transferring you to {newAgent}, who handles {issue} requests.',
];

export const INTRO_NEW_AGENT = [
  'My name is {agent} and I have taken over your case.',
  'I am {agent}; your case about the {product} was transferred to me.',
];

export const NEXT_STEPS = [
  'Could you confirm your order details so I can proceed?',
  'Please reply with a photo if you have one, and I will take care of the rest.',
  'Let me know if that works for you.',
  'I will keep you updated on the next steps.',
];

export const OPEN_LINES = [
  'I am still working on this and will update you shortly.',
  'I have escalated this internally and will follow up as soon as I hear back.',
  'We are waiting on a reply from our warehouse team; I will be in touch.',
];

export const CLOSINGS_AGENT = [
  'Is there anything else I can help you with?',
  'Thank you for shopping with {company}.',
  'Have a great day!',
];

export const CUSTOMER_THANKS = ['Thank you so much for your help!', 'Great, thanks for sorting this out.', 'Perfect, that is all I needed.', 'Thanks, I appreciate it.'];

export const CHAT_OPENERS_AGENT = ['Hi {customerFirst}, thanks for contacting {company} chat support. How can I help you today?', 'Hello {customerFirst}! You are chatting with {agent}. What can I do for you?'];

export const CHAT_PENDING = [
  'I have everything I need. I will process this now and you will hear from us shortly.',
  'Thanks for the details. I am taking care of this and will update your case as soon as it is done.',
  'Got it. I am working on this with our team and will follow up by email.',
];
