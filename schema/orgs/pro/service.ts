/**
 * Picklist values the CRMArena-Pro orgs use instead of the standard ones, for the service slice
 * (reference/crmarena.md §12.2). Key: 'Object.Field'.
 */
import type { PicklistOverride } from './picklist-override.ts';

export const SERVICE_PICKLISTS: Readonly<Record<string, PicklistOverride>> = {};
