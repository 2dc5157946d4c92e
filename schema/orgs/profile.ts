/**
 * Applying an org kind's schema profile to the process-wide schema: nothing for CRMArena's original
 * org, the CRMArena-Pro profile for b2b and b2c (both orgs share one schema; B2C leaves the company
 * fields empty). Like user metadata (src/metadata/), a profile cannot be unloaded: apply it before the
 * org is created or served. Applying it twice is a no-op.
 */
import type { OrgKind } from '../../src/org/org-kind.ts';
import { applyMetadata, getField, getObject } from '../index.ts';
import { PRO_FIELDS, PRO_OBJECTS } from './crmarena-pro.ts';
import { ACTIVITY_PICKLISTS } from './pro/activity.ts';
import { CPQ_PICKLISTS } from './pro/cpq.ts';
import type { PicklistOverride } from './pro/picklist-override.ts';
import { SALES_PICKLISTS } from './pro/sales.ts';
import { SERVICE_PICKLISTS } from './pro/service.ts';

/** Every Pro picklist override, 'Object.Field' → values (schema/orgs/pro/<slice>.ts). */
export const PRO_PICKLISTS: Readonly<Record<string, PicklistOverride>> = { ...SERVICE_PICKLISTS, ...SALES_PICKLISTS, ...CPQ_PICKLISTS, ...ACTIVITY_PICKLISTS };

let proApplied = false;

export function applyOrgProfile(kind: OrgKind): void {
  if (kind === 'original' || proApplied) return;
  for (const [key, o] of Object.entries(PRO_PICKLISTS)) {
    const [objName, fieldName] = key.split('.') as [string, string];
    const field = getField(getObject(objName)!, fieldName)!;
    field.picklistValues = o.values.map((v) => ({ value: v, label: v, ...(v === o.defaultValue ? { default: true } : {}) }));
    if (o.restricted !== undefined) field.restrictedPicklist = o.restricted;
    // jsforce's schema types every picklist as a string (Quote.Status): a Pro override makes it one.
    if (field.type === 'string') {
      field.type = 'picklist';
      field.search = [];
    }
    if (o.defaultValue !== undefined) {
      field.defaultValue = o.defaultValue;
      field.defaultedOnCreate = true;
    }
  }
  // applyMetadata rebuilds the lookups and tells the caches over the schema (picklists included).
  applyMetadata(PRO_OBJECTS, PRO_FIELDS);
  proApplied = true;
}

export function proProfileApplied(): boolean {
  return proApplied;
}
