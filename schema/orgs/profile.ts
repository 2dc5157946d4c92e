/**
 * Applying an org kind's schema profile to the process-wide schema: nothing for CRMArena's original
 * org, the CRMArena-Pro profile for b2b and b2c (both orgs share one schema; B2C leaves the company
 * fields empty). Like user metadata (src/metadata/), a profile cannot be unloaded: apply it before the
 * org is created or served. Applying it twice is a no-op.
 */
import type { OrgKind } from '../../src/org/org-kind.ts';
import { applyMetadata } from '../index.ts';
import { PRO_FIELDS, PRO_OBJECTS } from './crmarena-pro.ts';

let proApplied = false;

export function applyOrgProfile(kind: OrgKind): void {
  if (kind === 'original' || proApplied) return;
  applyMetadata(PRO_OBJECTS, PRO_FIELDS);
  proApplied = true;
}

export function proProfileApplied(): boolean {
  return proApplied;
}
