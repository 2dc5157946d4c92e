/**
 * The `metadata.required` texts of the CPQ slice, in Pro's style (reference/crmarena.md §12.3: a
 * named policy, "Lead Routing Policy: ...", that says how the answer is found). The oracle reads
 * only these and the query (src/oracle/pro/cpq/).
 */

export const QUOTE_APPROVAL_REQUIRED =
  "Quote Approval Policy: A quote may be approved only if it complies with every pricing and approval article in the knowledge base (the articles titled 'Pricing Policy: ...'): " +
  'the line discount ceiling of a product, the price floor on a line\'s net price (UnitPrice reduced by the line\'s Discount percent), the volume discount bands, and the quote validity period ' +
  "(the quote's ExpirationDate counted in days from the date the quote was created). A blank Discount means no discount. " +
  'If the quote violates one of these articles, return the Id of that Knowledge article; if it violates none of them, return None.';

export const INVALID_CONFIG_REQUIRED =
  "Product Configuration Policy: A quote's product setup is valid only if its lines comply with every configuration article in the knowledge base (the articles titled 'Configuration Policy: ...'): " +
  'the minimum and the maximum Quantity of a product on one quote line, and products that may only be quoted together with a required companion product on the same quote. ' +
  'If the product setup violates one of these articles, return the Id of that Knowledge article; if it violates none of them, return None.';

export function leadRoutingRequired(state: string): string {
  return (
    'Lead Routing Policy: Route a new lead to one agent in three steps. ' +
    "1. Territory Match: consider only the agents assigned (UserTerritory2Association) to the territory (Territory2) whose Description lists the lead's region among its state codes. " +
    "2. Among them, choose the agent with the most quotes in status 'Accepted'; a quote counts for the agent who owns the quote's opportunity. " +
    '3. If several agents tie, choose the one among them who owns the fewest unconverted leads (IsConverted is false). ' +
    'Return the Id of the chosen agent.\n' +
    `Lead's region: ${state}`
  );
}
