/**
 * Import of CRMArena's official SQLite snapshot (`local_data/crmarena_data.db`, reference/crmarena.md
 * §11) into a mockforce org. The snapshot has the right tables but its own quirks: only CRMArena's
 * columns (no system fields), `PriceBookEntryId` for `PricebookEntryId`, Phone as REAL,
 * Quantity/UnitPrice as TEXT, datetimes as `...+0000`. Each value is converted to our stored form;
 * fields the snapshot lacks are filled as a real org would have them (audit fields, autonumbers,
 * Knowledge articles published, names derived). Ids are kept as they are, so the official task
 * files' answers (`005...`, `01t...`) match.
 */
import Database from 'better-sqlite3';
import { OBJECTS } from '../../schema/index.ts';
import { applyOrgProfile } from '../../schema/orgs/profile.ts';
import { generateSetupObjects, PROFILE_ID, RECORD_TYPE_PERSON_ACCOUNT } from '../../seed/generators/setup-objects.ts';
import type { OrgKind } from './org-kind.ts';
import type { FieldDef, ObjectDef } from '../../schema/types.ts';
import { q } from './ddl.ts';
import { normalizeId } from './ids.ts';
import { DEFAULT_NOW, Org } from './org.ts';
import type { Row } from './record-store.ts';
import { parseDate, parseDatetime, type SqlValue } from './values.ts';

/** True when `db` is laid out like CRMArena's snapshot (its tables, no mockforce meta). */
export function isCrmArenaSnapshot(db: Database.Database): boolean {
  const tables = new Set(
    (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name),
  );
  return !tables.has('_mockforce_meta') && tables.has('Case') && tables.has('CaseHistory__c');
}

/**
 * Which benchmark a snapshot is: CRMArena-Pro's snapshots have its sales tables (Opportunity,
 * VoiceCallTranscript__c...); the B2C one's Account is a person account (PersonEmail, reference/
 * crmarena.md §12.2), the B2B one's a company.
 */
export function snapshotOrgKind(db: Database.Database): OrgKind {
  const has = (t: string) => db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(t) !== undefined;
  if (!has('VoiceCallTranscript__c') && !has('Opportunity')) return 'original';
  const accountCols = has('Account') ? (db.prepare(`SELECT name FROM pragma_table_info('Account')`).all() as { name: string }[]).map((c) => c.name.toLowerCase()) : [];
  return accountCols.includes('personemail') ? 'b2c' : 'b2b';
}

export interface ImportOptions {
  /** Where the imported org lives; ':memory:' (default) leaves the snapshot file untouched. */
  out?: string;
  now?: string;
}

/** Natural timestamps to use as CreatedDate when the snapshot has none (orders, emails, chats...). */
const CREATED_FROM: Record<string, string> = {
  Order: 'EffectiveDate',
  EmailMessage: 'MessageDate',
  LiveChatTranscript: 'EndTime',
  Pricebook2: 'ValidFrom',
};

export const SNAPSHOT_ADMIN = {
  username: 'admin@crmarena.mockforce.dev',
  password: 'mockforce',
  securityToken: 'MOCKFORCETOKEN',
};

export function importCrmArenaSnapshot(snapshotFile: string, opts: ImportOptions = {}): Org {
  const src = new Database(snapshotFile, { readonly: true, fileMustExist: true });
  try {
    if (!isCrmArenaSnapshot(src)) throw new Error(`${snapshotFile} is not a CRMArena snapshot`);
    // A Pro snapshot's extra object and field must be in the schema before the org's tables are made.
    const kind = snapshotOrgKind(src);
    applyOrgProfile(kind);
    const org = Org.create(opts.out ?? ':memory:', { now: opts.now ?? DEFAULT_NOW });
    if (kind !== 'original') org.setMeta('org_kind', kind);
    const importTime = org.clock.nowIso();
    org.store.transaction(() => {
      // The API user the org's logins authenticate as; CRMArena's own users are agents.
      const adminId = org.store.insert(
        'User',
        {
          FirstName: 'Mockforce',
          LastName: 'Admin',
          Username: SNAPSHOT_ADMIN.username,
          Alias: 'madmin',
          Email: SNAPSHOT_ADMIN.username,
          LanguageLocaleKey: 'en_US',
          EmailEncodingKey: 'UTF-8',
          TimeZoneSidKey: 'America/Los_Angeles',
          LocaleSidKey: 'en_US',
        },
        { CreatedDate: importTime },
      );
      org.store.defaultUserId = adminId;
      org.setLoginIdentity({ userId: adminId, ...SNAPSHOT_ADMIN });
      for (const obj of OBJECTS) importTable(src, org, obj, importTime, adminId, kind);
      // A snapshot has no profiles or roles; give it a DE org's setup rows, as a generated org has,
      // so User.Profile.Name (sf org list users) answers for every user.
      importSetupRows(org, adminId, importTime);
    });
    org.setMeta('source', 'crmarena-snapshot');
    return org;
  } finally {
    src.close();
  }
}

function importTable(src: Database.Database, org: Org, obj: ObjectDef, importTime: string, adminId: string, kind: OrgKind): void {
  const exists = src.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(obj.name);
  if (!exists) return;
  const columns = (src.prepare(`PRAGMA table_info(${q(obj.name)})`).all() as { name: string }[]).map((c) => c.name);
  // Column names match fields case-insensitively: this is what maps `PriceBookEntryId`.
  const mapping = columns
    .map((col) => ({ col, field: obj.fields.find((f) => f.name.toLowerCase() === col.toLowerCase()) }))
    .filter((m): m is { col: string; field: FieldDef } => m.field !== undefined);
  for (const raw of src.prepare(`SELECT * FROM ${q(obj.name)}`).iterate() as Iterable<Record<string, unknown>>) {
    const values: Row = {};
    const system: Row = {};
    for (const { col, field } of mapping) {
      const v = convert(field, raw[col]);
      if (field.createable && field.name !== 'Id') values[field.name] = v;
      else system[field.name] = v;
    }
    if (!system.Id) continue;
    const created = (system.CreatedDate ?? values[CREATED_FROM[obj.name] ?? ''] ?? importTime) as string;
    system.CreatedDate = created.length === 10 ? `${created}T00:00:00.000Z` : created;
    system.LastModifiedDate ??= (system.ClosedDate as string | null) ?? system.CreatedDate;
    system.SystemModstamp = system.LastModifiedDate;
    system.CreatedById = adminId;
    system.LastModifiedById = adminId;
    if (obj.name === 'Knowledge__kav') {
      Object.assign(system, {
        PublishStatus: 'Online',
        VersionNumber: 1,
        IsLatestVersion: 1,
        FirstPublishedDate: system.CreatedDate,
        LastPublishedDate: system.CreatedDate,
      });
    }
    // Pro's B2B accounts are companies; its B2C accounts person accounts with no record type column.
    if (obj.name === 'Account' && kind === 'b2b') system.IsPersonAccount = 0;
    if (obj.name === 'Account' && kind === 'b2c') values.RecordTypeId ??= RECORD_TYPE_PERSON_ACCOUNT;
    if (obj.name === 'Case' && values.Status === 'Closed' && !system.ClosedDate) system.ClosedDate = system.CreatedDate;
    // ClosedDate is not client-writable, so it travels in `system`; IsClosed derives from Status.
    org.store.insert(obj.name, values, system);
  }
}

/** One snapshot value in our stored form. */
function convert(field: FieldDef, v: unknown): SqlValue {
  if (v === null || v === undefined || v === '') return null;
  switch (field.type) {
    case 'id':
    case 'reference':
      return typeof v === 'string' ? (normalizeId(v) ?? v) : String(v);
    case 'datetime':
      return typeof v === 'string' ? (parseDatetime(v) ?? null) : null;
    case 'date':
      return typeof v === 'string' ? (parseDate(v) ?? null) : null;
    case 'boolean':
      return v === 1 || v === '1' || v === 'true' || v === true ? 1 : 0;
    case 'int':
    case 'double':
    case 'currency':
    case 'percent': {
      const n = Number(v);
      return Number.isFinite(n) ? n : null;
    }
    case 'phone':
      // Stored as REAL in the snapshot; String(5035550101.0) is "5035550101".
      return String(v);
    default:
      return typeof v === 'string' ? v : String(v);
  }
}

/** Setup rows after the import (snapshot rows keep their own Ids); users without a profile get one. */
function importSetupRows(org: Org, adminId: string, importTime: string): void {
  generateSetupObjects(org, adminId, importTime);
  org.store.prepare('UPDATE "User" SET "ProfileId" = ? WHERE "Id" = ?').run(PROFILE_ID('System Administrator'), adminId);
  org.store.prepare('UPDATE "User" SET "ProfileId" = ? WHERE "ProfileId" IS NULL').run(PROFILE_ID('Custom: Support Profile'));
}
