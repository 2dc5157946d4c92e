/**
 * Users: the API admin and the support agents. Each agent gets the latent Skill per issue (CRMArena
 * §2.2: "determines if an agent can handle a case or needs to transfer it"), a workload capacity and
 * a policy-violation propensity; none of these reach the User table.
 */
import { makeId } from '../../src/org/index.ts';
import { streams, type GenContext } from '../context.ts';
import type { ServiceTheme } from '../text/theme.ts';
import { DAY, HISTORY_START, iso } from '../time.ts';
import { generateSetupObjects, PROFILE_ID, ROLE_ID } from './setup-objects.ts';

export const ADMIN_USERNAME = 'admin@mockforce.dev';

export interface Agent {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  /** Skill per issue index (ISSUE_NAMES order), 0..1. */
  skill: number[];
  capacity: number;
  violationPropensity: number;
}

export interface UsersResult {
  adminId: string;
  password: string;
  securityToken: string;
  agents: Agent[];
}

const TIME_ZONES = ['America/Los_Angeles', 'America/Denver', 'America/Chicago', 'America/New_York'] as const;

/** Agents at scale ≥ 1 match CRMArena's ~150 users; smaller scales shrink the team with the cases. */
export function agentCount(scale: number): number {
  return scale >= 1 ? 149 : Math.max(12, Math.round(149 * scale));
}

export function generateUsers(ctx: GenContext, theme: ServiceTheme): UsersResult {
  const COMPANY = theme.company;
  const ISSUE_NAMES = theme.issues;
  const { rng, faker } = streams(ctx, 'User');
  const { org } = ctx;
  const adminId = makeId('005', 1);
  const created = iso(HISTORY_START - 60 * DAY);
  const base = { LanguageLocaleKey: 'en_US', EmailEncodingKey: 'UTF-8', LocaleSidKey: 'en_US', IsActive: 1, CompanyName: COMPANY.name };
  // Profiles, roles and record types exist before the first user, as in a new org.
  generateSetupObjects(org, adminId, created);
  const agentSetup = { ProfileId: PROFILE_ID('Custom: Support Profile'), UserRoleId: ROLE_ID('Customer Support, North America') };
  org.store.insert(
    'User',
    { ...base, ProfileId: PROFILE_ID('System Administrator'), UserRoleId: ROLE_ID('CEO'), FirstName: 'Mockforce', LastName: 'Admin', Username: ADMIN_USERNAME, Alias: 'admin', Email: `admin@${COMPANY.domain}`, TimeZoneSidKey: 'America/Los_Angeles', Title: 'System Administrator', Department: 'IT' },
    { Id: adminId, CreatedDate: created, CreatedById: adminId, LastModifiedById: adminId },
  );
  const password = 'mockforce';
  const securityToken = Array.from({ length: 24 }, () => rng.pick([...'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'])).join('');
  org.setLoginIdentity({ userId: adminId, username: ADMIN_USERNAME, password, securityToken });

  const agents: Agent[] = [];
  const usedEmails = new Set<string>();
  const n = agentCount(ctx.scale);
  for (let i = 0; i < n; i++) {
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    let local = `${firstName}.${lastName}`.toLowerCase().replace(/[^a-z.]/g, '');
    for (let k = 2; usedEmails.has(local); k++) local = `${firstName}.${lastName}${k}`.toLowerCase().replace(/[^a-z0-9.]/g, '');
    usedEmails.add(local);
    const email = `${local}@${COMPANY.domain}`;
    // Skill: one or two issues of expertise, modest skill elsewhere.
    const experts = new Set(rng.sample(ISSUE_NAMES.map((_, j) => j), rng.chance(0.35) ? 2 : 1));
    const skill = ISSUE_NAMES.map((_, j) => (experts.has(j) ? rng.real(0.82, 0.97) : rng.real(0.2, 0.65)));
    const capacity = rng.lognormal(1, 0.35);
    const violationPropensity = rng.chance(0.25) ? rng.real(0.3, 0.6) : rng.real(0, 0.03);
    const id = org.store.insert(
      'User',
      {
        ...base,
        ...agentSetup,
        FirstName: firstName,
        LastName: lastName,
        Username: email,
        Alias: (firstName[0]! + lastName).toLowerCase().replace(/[^a-z]/g, '').slice(0, 8),
        Email: email,
        Phone: faker.phone.number({ style: 'national' }),
        TimeZoneSidKey: rng.pick(TIME_ZONES),
        Title: rng.chance(0.15) ? 'Senior Support Agent' : 'Customer Support Agent',
        Department: 'Customer Service',
      },
      { CreatedDate: iso(HISTORY_START - rng.int(1, 50) * DAY), CreatedById: adminId, LastModifiedById: adminId },
    );
    agents.push({ id, firstName, lastName, email, skill, capacity, violationPropensity });
  }
  ctx.progress('User', n + 1);
  return { adminId, password, securityToken, agents };
}
