/**
 * Picklist values the CRMArena-Pro orgs use instead of the standard ones, for the activity slice
 * (reference/crmarena.md §12.2). Key: 'Object.Field'.
 *
 * Task.Status: Pro's B2B org shows "Not Started, In Progress, Deferred, Waiting" (third-party
 * observation) where a standard org has "Waiting on someone else"; Completed stays, as the closed
 * status Task.IsClosed follows (src/org/standard-derived.ts).
 */
import type { PicklistOverride } from './picklist-override.ts';

export const ACTIVITY_PICKLISTS: Readonly<Record<string, PicklistOverride>> = {
  'Task.Status': { values: ['Not Started', 'In Progress', 'Completed', 'Waiting', 'Deferred'], defaultValue: 'Not Started' },
};
