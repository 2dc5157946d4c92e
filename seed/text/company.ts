/** The fictional retailer the org belongs to: our own apparel and footwear brand, not CRMArena's. */
export const COMPANY = {
  name: 'Trailmark Outfitters',
  domain: 'trailmark-outfitters.com',
} as const;
