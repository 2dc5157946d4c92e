/**
 * The logged-in user's details as the auth endpoints report them (SOAP userInfo, OAuth userinfo,
 * identity URL), read from the org's User row. Orgs without that row (e.g. a bare snapshot) still
 * answer, with the login identity's username.
 */
import type { Org } from '../../src/org/index.ts';

export interface UserProfile {
  userId: string;
  username: string;
  email: string;
  firstName: string | null;
  lastName: string;
  fullName: string;
  timeZone: string;
  language: string;
  locale: string;
  userType: string;
  active: boolean;
  lastModifiedDate: string | null;
}

export function userProfile(org: Org, userId: string): UserProfile {
  let row: Record<string, unknown> | undefined;
  try {
    row = org.store.get('User', userId);
  } catch {
    row = undefined;
  }
  const identity = org.loginIdentity();
  const username = str(row?.Username) ?? identity?.username ?? '';
  const first = str(row?.FirstName);
  const last = str(row?.LastName) ?? username;
  return {
    userId,
    username,
    email: str(row?.Email) ?? username,
    firstName: first ?? null,
    lastName: last,
    fullName: str(row?.Name) ?? [first, last].filter(Boolean).join(' '),
    timeZone: str(row?.TimeZoneSidKey) ?? 'America/Los_Angeles',
    language: str(row?.LanguageLocaleKey) ?? 'en_US',
    locale: str(row?.LocaleSidKey) ?? 'en_US',
    userType: str(row?.UserType) ?? 'Standard',
    active: row?.IsActive === undefined ? true : row.IsActive === 1 || row.IsActive === true,
    lastModifiedDate: str(row?.LastModifiedDate) ?? null,
  };
}

export function organizationName(org: Org): string {
  return org.meta('organization_name') ?? 'mockforce';
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}
