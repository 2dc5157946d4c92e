/**
 * The setup rows every Developer Edition org has before any data: its standard profiles, a small
 * role hierarchy and the Person Account record type. Fixed rows with fixed Ids (no random stream is
 * drawn, so the other generators' streams are unchanged); the users point at them (users.ts).
 * Profile names are a DE org's standard profiles (Setup > Users > Profiles).
 */
// ids.ts directly, not src/org/index.ts: the snapshot importer (in src/org) uses this module too.
import { makeId } from '../../src/org/ids.ts';
import type { Org } from '../../src/org/org.ts';

/** The Person Account record type every CRMArena account carries (customers.ts). */
export const RECORD_TYPE_PERSON_ACCOUNT = makeId('012', 1);

export const STANDARD_PROFILES = [
  'System Administrator',
  'Standard User',
  'Read Only',
  'Solution Manager',
  'Marketing User',
  'Contract Manager',
  'Standard Platform User',
  'Minimum Access - Salesforce',
  'Custom: Sales Profile',
  'Custom: Support Profile',
  'Custom: Marketing Profile',
  'Chatter Free User',
] as const;

export const PROFILE_ID = (name: (typeof STANDARD_PROFILES)[number]): string => makeId('00e', STANDARD_PROFILES.indexOf(name) + 1);

/** A DE org's sample role hierarchy, cut to the branch CRMArena's support team sits in. */
const ROLES = [
  { name: 'CEO', developerName: 'CEO', parent: undefined },
  { name: 'SVP, Customer Service & Support', developerName: 'SVPCustomerServiceSupport', parent: 'CEO' },
  { name: 'Customer Support, North America', developerName: 'CustomerSupportNorthAmerica', parent: 'SVP, Customer Service & Support' },
  { name: 'SVP, Sales & Marketing', developerName: 'SVPSalesMarketing', parent: 'CEO' },
] as const;

export const ROLE_ID = (name: (typeof ROLES)[number]['name']): string => makeId('00E', ROLES.findIndex((r) => r.name === name) + 1);

/** The admin's permissions that matter to clients reading Profile (sf, permission checks). */
const ADMIN_PERMISSIONS = ['PermissionsModifyAllData', 'PermissionsViewAllData', 'PermissionsManageUsers', 'PermissionsApiEnabled', 'PermissionsCustomizeApplication', 'PermissionsAuthorApex'];
const USER_PERMISSIONS = ['PermissionsApiEnabled', 'PermissionsEditTask', 'PermissionsEditEvent'];

export function generateSetupObjects(org: Org, adminId: string, created: string): void {
  const system = { CreatedDate: created, CreatedById: adminId, LastModifiedById: adminId };
  for (const [i, name] of STANDARD_PROFILES.entries()) {
    const perms = name === 'System Administrator' ? ADMIN_PERMISSIONS : name === 'Read Only' || name.startsWith('Chatter') ? [] : USER_PERMISSIONS;
    const values: Record<string, string | number> = { Name: name, UserType: name.startsWith('Chatter') ? 'CsnOnly' : 'Standard' };
    for (const p of perms) values[p] = 1;
    org.store.insert('Profile', {}, { ...system, ...values, Id: makeId('00e', i + 1) });
  }
  for (const [i, r] of ROLES.entries()) {
    org.store.insert('UserRole', {}, {
      ...system,
      Id: makeId('00E', i + 1),
      Name: r.name,
      DeveloperName: r.developerName,
      ParentRoleId: r.parent ? ROLE_ID(r.parent) : null,
      RollupDescription: r.name,
      OpportunityAccessForAccountOwner: 'None',
      CaseAccessForAccountOwner: 'Edit',
      ContactAccessForAccountOwner: 'Edit',
    });
  }
  org.store.insert('RecordType', {}, {
    ...system,
    Id: RECORD_TYPE_PERSON_ACCOUNT,
    Name: 'Person Account',
    DeveloperName: 'PersonAccount',
    SobjectType: 'Account',
    IsActive: 1,
    Description: 'Person account record type',
  });
}
