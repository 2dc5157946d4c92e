/** Words for the sales records: lead titles, industries, opportunity descriptions (B2B and B2C). */
export const LEAD_TITLES = [
  'VP of Engineering', 'Director of IT', 'CTO', 'Engineering Manager', 'Head of Hardware Design', 'Procurement Manager',
  'Chief Operating Officer', 'Design Lead', 'Operations Director', 'Senior Buyer', 'Product Manager', 'CEO',
] as const;

export const B2B_INDUSTRIES = ['Electronics', 'Technology', 'Manufacturing', 'Telecommunications', 'Engineering', 'Energy', 'Machinery', 'Transportation'] as const;

export const LEAD_SOURCES = ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other'] as const;

export const B2B_DESCRIPTIONS = [
  'Evaluating {product} to replace an in-house toolchain; decision expected after a pilot.',
  'Expansion of the existing deployment with {product} for a new design team.',
  'Interested in {product} to shorten verification cycles before the next tape-out.',
  'Budget approved for {product}; legal review of the master agreement pending.',
  'Consolidating vendors; {product} is on the shortlist with two competitors.',
  'Renewal conversation that grew into an upgrade to {product}.',
] as const;

export const B2C_DESCRIPTIONS = [
  'Customer asked about {product} after browsing the online store.',
  'Follow-up on an in-store visit; interested in {product}.',
  'Wants {product} as a gift; comparing sizes and colours.',
  'Returning customer looking at {product} for the new season.',
  'Asked for a bundle price on {product}.',
] as const;
