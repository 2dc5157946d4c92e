/** Issue__c: CRMArena's ten issue types (reference/crmarena.md §2.2), in a fixed order. */
import type { GenContext } from '../context.ts';
import type { ServiceTheme } from '../text/theme.ts';
import { ISSUE_NAMES } from '../latent.ts';
import { DAY, HISTORY_START, iso } from '../time.ts';

export const ISSUE_DESCRIPTIONS: Record<(typeof ISSUE_NAMES)[number], string> = {
  'Billing/Payment Issue': 'Duplicate charges, overcharges, promotional codes not applied and other payment problems.',
  'Return Policy Issue': 'Questions about returning items, refunds for returns and store credit.',
  'Product Defect': 'Items with manufacturing defects: separating soles, broken zippers, seam failures.',
  'Size Mismatch': 'Items that do not fit or do not match the size ordered; size exchanges.',
  'Shipping Delay': 'Orders that arrive late or whose tracking stops updating.',
  'Product Availability': 'Out-of-stock items, backorders and restock requests.',
  'Order Cancellation': 'Requests to cancel an order or problems with a cancelled order.',
  'Warranty Issue': 'Claims for items that fail under normal use within the warranty period.',
  'Incorrect Item Received': 'A different product, size or color was delivered than the one ordered.',
  'Loyalty Program Inquiry': 'Questions about Trailmark Rewards points, balances and redemption.',
};

/** Returns the Issue__c Ids in the theme's issue order (ISSUE_NAMES for the original org). */
export function generateIssues(ctx: GenContext, theme: ServiceTheme): string[] {
  const created = iso(HISTORY_START - 45 * DAY);
  const ids = theme.issues.map((issue) =>
    ctx.org.store.insert('Issue__c', { Name: issue.name, Description__c: issue.description }, { CreatedDate: created }),
  );
  ctx.progress('Issue__c', ids.length);
  return ids;
}
