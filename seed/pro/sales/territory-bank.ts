/**
 * Pro's sales territories: groups of neighbouring states, every state of seed/text/regions.ts in
 * exactly one (Territory2.Description holds the codes comma-separated, "MO,KS,OK", as Pro's org does;
 * reference/crmarena.md §12.2). The lead routing policy matches a lead's region against them.
 */
export const TERRITORY_BANK: readonly { name: string; states: readonly string[] }[] = [
  { name: 'Pacific Northwest', states: ['WA', 'OR'] },
  { name: 'California', states: ['CA'] },
  { name: 'Mountain West', states: ['NV', 'UT', 'AZ', 'CO'] },
  { name: 'Texas', states: ['TX'] },
  { name: 'Upper Midwest', states: ['MN', 'WI', 'MI'] },
  { name: 'Great Lakes', states: ['IL', 'OH'] },
  { name: 'Central South', states: ['MO', 'TN', 'AL'] },
  { name: 'Southeast', states: ['GA', 'FL'] },
  { name: 'Carolinas and Virginia', states: ['NC', 'VA'] },
  { name: 'Mid-Atlantic', states: ['PA', 'NJ', 'MD'] },
  { name: 'Northeast', states: ['NY', 'MA'] },
];
