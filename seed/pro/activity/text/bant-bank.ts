/**
 * What a lead says on a sales call about each BANT factor (Budget, Authority, Need, Timeline), met or
 * not: CRMArena-Pro's lead_qualification asks which factors a lead's voice calls leave unmet
 * (reference/crmarena.md §12.3). Every customer line below states one factor unambiguously; Timeline
 * states a horizon in months, which the Lead Qualification Policy compares with its threshold.
 * Placeholders: {amount}, {approver}, {pain}, {product}, {months}.
 */
import type { ProOrgKind } from '../../../../src/org/org-kind.ts';

export const BANT_FACTORS = ['Budget', 'Authority', 'Need', 'Timeline'] as const;
export type BantFactor = (typeof BANT_FACTORS)[number];

/** A purchase within this many months meets Timeline (the policy text states it). */
export const TIMELINE_MONTHS = 6;

export interface BantLines {
  /** The agent's question that opens the factor's exchange. */
  ask: readonly string[];
  met: readonly string[];
  unmet: readonly string[];
}

/** Timeline answers: whether it is met depends only on {months} against TIMELINE_MONTHS. */
export const TIMELINE_ANSWERS: readonly string[] = [
  "We'd like to have something in place within {months} months.",
  'Realistically, we are looking at making the purchase in about {months} months.',
  'Our target is to have this decided {months} months from now.',
];

const SHARED_TIMELINE_ASK = [
  'When would you ideally want this up and running?',
  'What kind of timeframe are you working with?',
  'Is there a date you are trying to hit for this?',
];

export const BANT_LINES: Record<ProOrgKind, Record<Exclude<BantFactor, 'Timeline'>, BantLines> & { Timeline: { ask: readonly string[] } }> = {
  b2b: {
    Budget: {
      ask: ['Have you set aside a budget for a project like this?', 'Where are you on budget for this initiative?', 'Is there funding approved for this yet?'],
      met: [
        "We've set aside about {amount} for this in this year's budget.",
        'Budget is covered: {amount} is already approved for a tool like {product}.',
        'Finance signed off on roughly {amount} for this project last month.',
      ],
      unmet: [
        "To be honest, there's no budget allocated for this right now.",
        'We would have to request the funding first; nothing has been approved yet.',
        'Our budget for this year is already spent, so there is no money for it at the moment.',
      ],
    },
    Authority: {
      ask: ['Who else is involved in making this decision?', 'Are you the person who signs off on a purchase like this?', 'How does the approval process work on your side?'],
      met: ['I own this budget and I sign off on the purchase myself.', 'The final decision is mine; I do not need anyone else to approve it.', 'I am the decision maker for tooling in my group.'],
      unmet: [
        'I will need to run this by our {approver} before anything is decided.',
        'I cannot make the call myself; our {approver} has the final say.',
        'Honestly, I am only gathering information; the decision sits with our {approver}.',
      ],
    },
    Need: {
      ask: ['What prompted you to look at {product}?', 'What problem are you hoping to solve?', 'How is your current setup working for you?'],
      met: ['We really need this; the team struggles with {pain} every week.', 'Fixing {pain} is one of our top priorities this year.', 'We cannot keep living with {pain}; it is costing us real money.'],
      unmet: [
        'Our current tools work fine, so there is no pressing need on our side.',
        'We are just curious at this point; nothing is actually broken.',
        'Frankly, the team is happy with what we have today.',
      ],
    },
    Timeline: { ask: SHARED_TIMELINE_ASK },
  },
  b2c: {
    Budget: {
      ask: ['Do you have a price range in mind?', 'Have you thought about how much you would like to spend?', 'What budget are you working with?'],
      met: [
        "I've put aside about {amount} for this, so the price works for me.",
        'Money is not the issue; I have {amount} saved up for {product}.',
        'I have a budget of around {amount} ready to spend on this.',
      ],
      unmet: [
        "To be honest, I can't afford it right now.",
        'I would have to save up first; there is no money set aside for it yet.',
        'Things are tight this month, so I have nothing budgeted for this.',
      ],
    },
    Authority: {
      ask: ['Is anyone else involved in the decision?', 'Will you be making this purchase yourself?', 'Do you need to check with anyone before buying?'],
      met: ['It is my decision alone; I do not need to check with anyone.', 'I make the call on this myself.', 'I am buying this for myself, so the choice is entirely mine.'],
      unmet: [
        'I will need to run this by {approver} before deciding.',
        'I cannot decide on my own; {approver} has the final say.',
        'Honestly, {approver} makes these decisions, I am only looking.',
      ],
    },
    Need: {
      ask: ['What made you interested in {product}?', 'What are you hoping it will help with?', 'How are you managing without it today?'],
      met: ['I really need this; I struggle with {pain} every day.', 'Sorting out {pain} is a top priority for me right now.', 'I cannot keep putting up with {pain} any longer.'],
      unmet: [
        'What I have at home works fine, so there is no real need.',
        'I am just browsing at this point; nothing is actually wrong.',
        'Honestly, I am happy with what I already own.',
      ],
    },
    Timeline: { ask: SHARED_TIMELINE_ASK },
  },
};

export const APPROVERS: Record<ProOrgKind, readonly string[]> = {
  b2b: ['CFO', 'VP of Engineering', 'procurement committee', 'CTO', 'board'],
  b2c: ['my partner', 'my spouse', 'my parents', 'my husband', 'my wife'],
};

export const PAINS: Record<ProOrgKind, readonly string[]> = {
  b2b: ['slow design verification', 'manual power analysis', 'long simulation runs', 'licence sprawl', 'missed tape-out dates', 'poor data visibility'],
  b2c: ['my old one breaking all the time', 'wasting time every morning', 'poor quality from other brands', 'not finding anything that fits my needs', 'constant repairs'],
};
