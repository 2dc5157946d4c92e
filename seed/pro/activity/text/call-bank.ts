/**
 * The frame of a sales voice call: greetings, small talk and goodbyes around the exchanges that carry
 * the call's content (BANT answers, subtopics, stage evidence). None of these lines states a BANT
 * factor, a subtopic or a stage. Placeholders: {agent}, {agentFirst}, {customer}, {company}, {product}.
 */
export const OPENERS_AGENT: readonly string[] = [
  'Hi {customer}, this is {agent} from {company}. Thanks for making time today.',
  'Good morning {customer}, {agent} here from {company}. Is now still a good time?',
  'Hello {customer}, it is {agent} with {company}. Thanks for picking up.',
  'Hi {customer}, {agent} from {company} calling as promised.',
];

export const OPENERS_CUSTOMER: readonly string[] = [
  'Hi {agentFirst}, yes, happy to talk.',
  'Sure, I have about twenty minutes.',
  'Thanks for calling, go ahead.',
  'Hello, yes, this works for me.',
];

export const FILLER: readonly [string, string][] = [
  ['Agent: Before we dive in, how has your week been?', 'Customer: Busy, but good, thanks for asking.'],
  ['Agent: I saw the weather has been rough on your side.', 'Customer: It has, but we are managing.'],
  ['Agent: Let me make a note of that.', 'Customer: Sure, take your time.'],
  ['Agent: That makes sense.', 'Customer: Yes, it has been on my mind for a while.'],
  ['Agent: Thanks, that is really helpful context.', 'Customer: Glad it helps.'],
];

export const CLOSERS_AGENT: readonly string[] = [
  'Thanks {customer}, I will send a summary of today by email.',
  'Great, I will follow up with the next steps later this week.',
  'Thank you for your time, {customer}. Talk soon.',
  'Perfect, I will put a note in and get back to you shortly.',
];

export const CLOSERS_CUSTOMER: readonly string[] = ['Sounds good, thanks.', 'Great, speak soon.', 'Thanks, bye for now.', 'Perfect, thank you.'];
