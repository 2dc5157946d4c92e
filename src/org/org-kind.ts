/**
 * Which benchmark org an org file is: CRMArena's original service org, or one of CRMArena-Pro's two
 * (reference/crmarena.md §12): B2B (accounts are companies) and B2C (person accounts). Recorded in the
 * org's meta table as `org_kind` by the generator and the snapshot importer; absent means original.
 */
export const ORG_KINDS = ['original', 'b2b', 'b2c'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export type ProOrgKind = Exclude<OrgKind, 'original'>;

export function isOrgKind(s: string): s is OrgKind {
  return (ORG_KINDS as readonly string[]).includes(s);
}

export function isProKind(k: OrgKind): k is ProOrgKind {
  return k !== 'original';
}

/** The kind an opened org records (meta `org_kind`), original when it records none. */
export function orgKindOf(org: { meta(key: string): string | undefined }): OrgKind {
  const k = org.meta('org_kind');
  return k && isOrgKind(k) ? k : 'original';
}
