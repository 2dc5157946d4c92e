/**
 * The opportunity stages of CRMArena-Pro (Qualification, Discovery, Quote, Negotiation, Closed,
 * reference/crmarena.md §12.2) as a sales team's guide: what each stage means, what a customer says on
 * a call at that stage (the evidence wrong_stage_rectification reads), and the activities typical of
 * it (the guide activity_priority checks 'Not Started' tasks against). Each activity type has several
 * subject phrasings; every phrasing belongs to one type only. Placeholders: {product}, {contact}, {account}.
 */
import type { ProOrgKind } from '../../../../src/org/org-kind.ts';
import type { ProStage } from '../../sales/types.ts';

export interface ActivityType {
  /** The activity as the guide names it. */
  name: string;
  /** Task subjects of this activity. */
  subjects: readonly string[];
}

export interface StageDef {
  definition: string;
  /** What the customer says on a call when the opportunity is at this stage. */
  evidence: readonly string[];
  activities: readonly ActivityType[];
  /** Calendar events typical of the stage (Event.Subject). */
  events: readonly string[];
}

export const STAGE_GUIDE: Record<ProOrgKind, Record<ProStage, StageDef>> = {
  b2b: {
    Qualification: {
      definition: 'the prospect is being qualified: fit, budget and decision makers are still being confirmed',
      evidence: [
        'We are only starting to explore whether something like {product} makes sense for us.',
        'At this point we have not even decided whether we need a new solution.',
      ],
      activities: [
        { name: 'Schedule a discovery call', subjects: ['Schedule discovery call with {contact}', 'Book an introductory discovery call'] },
        { name: 'Research the account', subjects: ['Research {account} before the first meeting', "Review {account}'s current design tools"] },
        { name: 'Identify decision makers', subjects: ['Identify decision makers at {account}', 'Confirm who signs off on the purchase'] },
      ],
      events: ['Introductory call', 'Qualification call'],
    },
    Discovery: {
      definition: "the customer's requirements are being gathered and the product is being demonstrated",
      evidence: [
        'The demo helped, and we are still mapping out exactly what we need from {product}.',
        'Before we talk numbers, we want to finish writing down our requirements with you.',
      ],
      activities: [
        { name: 'Run a needs assessment', subjects: ['Run needs assessment with {contact}', "Document {account}'s requirements"] },
        { name: 'Deliver a product demo', subjects: ['Deliver a {product} demo', 'Prepare the live demo of {product}'] },
        { name: 'Map technical requirements', subjects: ['Map technical requirements for {account}', 'Collect the integration checklist from IT'] },
      ],
      events: ['Product demo', 'Requirements workshop'],
    },
    Quote: {
      definition: 'pricing has been or is being proposed and the customer is reviewing the quote',
      evidence: [
        'We have the quote you sent for {product} and are reviewing it internally.',
        'Please send over the revised pricing proposal so we can compare it with the first one.',
      ],
      activities: [
        { name: 'Send the pricing proposal', subjects: ['Send pricing proposal to {contact}', 'Email the {product} price sheet'] },
        { name: 'Prepare the quote', subjects: ['Prepare quote for {account}', 'Build the quote in CPQ'] },
        { name: 'Confirm the product configuration', subjects: ['Confirm product configuration with {contact}', 'Validate licence counts for the quote'] },
      ],
      events: ['Pricing review', 'Quote walkthrough'],
    },
    Negotiation: {
      definition: 'contract terms, discounts and approvals are being negotiated',
      evidence: [
        'Our legal team is marking up the contract, and we still want a better discount.',
        'We are close; we only need to agree on the payment terms in the contract.',
      ],
      activities: [
        { name: 'Review contract terms', subjects: ['Review contract redlines from {account}', 'Go through the contract terms with legal'] },
        { name: 'Negotiate the discount', subjects: ['Negotiate discount with {contact}', 'Get approval for the requested discount'] },
        { name: 'Obtain legal approval', subjects: ['Obtain legal sign-off on the MSA', 'Send the final contract for legal approval'] },
      ],
      events: ['Contract negotiation meeting', 'Legal review call'],
    },
    Closed: {
      definition: 'the deal is concluded: the contract is signed and the customer is being onboarded',
      evidence: [
        'The contract is signed, so let us plan the onboarding kickoff.',
        'Now that we have signed, who will be our contact for the rollout?',
      ],
      activities: [
        { name: 'Schedule the onboarding kickoff', subjects: ['Schedule onboarding kickoff with {account}', 'Plan the implementation kickoff meeting'] },
        { name: 'Send the welcome package', subjects: ['Send welcome package to {contact}', 'Share the customer success handbook'] },
        { name: 'Hand over to customer success', subjects: ['Hand {account} over to customer success', 'Introduce {contact} to the account manager'] },
      ],
      events: ['Onboarding kickoff', 'Implementation handover'],
    },
  },
  b2c: {
    Qualification: {
      definition: "the shopper's interest, budget and decision are still being confirmed",
      evidence: [
        'I am only starting to look around to see whether {product} is right for me.',
        'At this point I have not even decided whether I need a new one.',
      ],
      activities: [
        { name: 'Schedule a first consultation', subjects: ['Schedule first consultation with {contact}', 'Book an intro call with the shopper'] },
        { name: 'Review purchase history', subjects: ["Review {contact}'s purchase history", 'Check past orders before the first call'] },
        { name: 'Confirm who decides', subjects: ['Confirm whether {contact} decides alone', 'Ask who else is involved in the purchase'] },
      ],
      events: ['Intro call', 'First consultation'],
    },
    Discovery: {
      definition: "the customer's preferences are being gathered and products are being shown",
      evidence: [
        'The demo was helpful, and I am still working out exactly what I need from {product}.',
        'Before we talk about price, I want to go through my preferences with you.',
      ],
      activities: [
        { name: 'Collect preferences', subjects: ['Collect preferences from {contact}', 'Note room size and feature preferences'] },
        { name: 'Show the product', subjects: ['Show {product} to {contact}', 'Prepare a video demo of {product}'] },
        { name: 'Send recommendations', subjects: ['Send product recommendations to {contact}', 'Shortlist three matching products'] },
      ],
      events: ['In-store demo', 'Video consultation'],
    },
    Quote: {
      definition: 'a price offer has been or is being made and the customer is considering it',
      evidence: [
        'I got the price offer you sent for {product} and I am thinking it over.',
        'Could you send me the updated offer so I can compare it with the first one?',
      ],
      activities: [
        { name: 'Send the price offer', subjects: ['Send price offer to {contact}', 'Email the {product} offer'] },
        { name: 'Prepare the quote', subjects: ['Prepare quote for {contact}', 'Build the bundle quote'] },
        { name: 'Confirm the selected options', subjects: ['Confirm selected options with {contact}', 'Double-check models and colours for the quote'] },
      ],
      events: ['Offer review call', 'Quote walkthrough'],
    },
    Negotiation: {
      definition: 'the final price, payment plan and terms are being agreed',
      evidence: [
        'I am ready to go ahead if you can do a little better on the price.',
        'We are close; I only need to settle the payment plan before signing.',
      ],
      activities: [
        { name: 'Agree the payment plan', subjects: ['Agree payment plan with {contact}', 'Set up the instalment schedule'] },
        { name: 'Negotiate the discount', subjects: ['Negotiate discount with {contact}', 'Get manager approval for the price match'] },
        { name: 'Finalise the agreement', subjects: ['Send the purchase agreement to {contact}', 'Finalise terms of the purchase agreement'] },
      ],
      events: ['Price discussion', 'Agreement call'],
    },
    Closed: {
      definition: 'the purchase is complete and the customer is being looked after',
      evidence: [
        'I have signed the agreement, so when can I expect delivery?',
        'Now that the purchase is done, who do I contact if I need help?',
      ],
      activities: [
        { name: 'Arrange delivery', subjects: ['Arrange delivery for {contact}', 'Confirm the delivery slot'] },
        { name: 'Send the welcome email', subjects: ['Send welcome email to {contact}', 'Share the care guide for {product}'] },
        { name: 'Request feedback', subjects: ['Request feedback from {contact}', 'Send the satisfaction survey'] },
      ],
      events: ['Delivery appointment', 'Follow-up call'],
    },
  },
};

export const EVENT_LOCATIONS: Record<ProOrgKind, readonly string[]> = {
  b2b: ['Zoom', 'Microsoft Teams', 'Customer HQ', 'Our office', 'Google Meet'],
  b2c: ['Phone', 'Flagship store', 'Video call', 'Customer home', 'Downtown store'],
};
