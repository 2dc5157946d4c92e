/**
 * An Org: one SQLite database (schema/ tables plus a small meta table), the org's clock and its
 * record store. Orgs are created empty, opened from a file (a mockforce org or CRMArena's official
 * snapshot), or cloned into memory so an agent episode can write without touching the original.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { Clock } from './clock.ts';
import { META_TABLE, schemaDdl } from './ddl.ts';
import { makeId } from './ids.ts';
import { applyOrgProfile } from '../../schema/orgs/profile.ts';
import { orgKindOf } from './org-kind.ts';
import { RecordStore } from './record-store.ts';

/** The end of the seeded history: CRMArena's cases run to 2024-05-26 (reference/crmarena.md §2.2). */
export const DEFAULT_NOW = '2024-06-01T12:00:00.000Z';

/** Credentials of the org's API user; printed by `mock-org`, accepted by every login flow. */
export interface LoginIdentity {
  username: string;
  password: string;
  securityToken: string;
  userId: string;
}

export interface OrgOptions {
  /** Override the org clock (ISO datetime). Defaults to the time stored in the org. */
  now?: string;
  readonly?: boolean;
}

export class Org {
  readonly clock: Clock;
  readonly store: RecordStore;

  private constructor(
    readonly db: Database.Database,
    readonly file: string,
    now: string,
  ) {
    // A CRMArena-Pro org needs its schema profile (VoiceCallTranscript__c...) in the process schema,
    // whichever path opened it: generated, opened from a file, imported, cloned for an episode.
    applyOrgProfile(orgKindOf(this));
    this.clock = new Clock(now);
    this.store = new RecordStore(db, this.clock, this.meta('admin_user_id') ?? '');
  }

  /** A new, empty org (schema and meta only) at `file` (':memory:' for an in-memory org). */
  static create(file = ':memory:', opts: OrgOptions & { organizationId?: string } = {}): Org {
    const db = new Database(file);
    configure(db);
    db.exec(schemaDdl());
    const now = opts.now ?? DEFAULT_NOW;
    const set = db.prepare(`INSERT OR REPLACE INTO ${META_TABLE} (key, value) VALUES (?, ?)`);
    set.run('format', 'mockforce-org/1');
    set.run('organization_id', opts.organizationId ?? makeId('00D', 1));
    set.run('now', now);
    return new Org(db, file, now);
  }

  /** Open an existing mockforce org file. (CRMArena snapshots go through openAnyOrg in ./open.ts.) */
  static open(file: string, opts: OrgOptions = {}): Org {
    if (file !== ':memory:' && !existsSync(file)) throw new Error(`no org file at ${file}`);
    const db = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: true });
    configure(db, opts.readonly);
    const now = opts.now ?? (db.prepare(`SELECT value FROM ${META_TABLE} WHERE key = 'now'`).get() as { value: string } | undefined)?.value ?? DEFAULT_NOW;
    return new Org(db, file, now);
  }

  /** Wrap an already-open database that has the mockforce layout (used by importers). */
  static fromDatabase(db: Database.Database, file: string, now?: string): Org {
    configure(db);
    const stored = (db.prepare(`SELECT value FROM ${META_TABLE} WHERE key = 'now'`).get() as { value: string } | undefined)?.value;
    return new Org(db, file, now ?? stored ?? DEFAULT_NOW);
  }

  /** An independent in-memory copy: writes to it never reach this org. */
  clone(): Org {
    const image = this.db.serialize();
    // A WAL-mode file serializes with WAL version bytes (18-19 = 2) in its header, which an in-memory
    // database cannot open ("unable to open database file"): mark the image rollback-journal (1).
    if (image[18] === 2 && image[19] === 2) {
      image[18] = 1;
      image[19] = 1;
    }
    const db = new Database(image);
    return Org.fromDatabase(db, ':memory:', this.clock.nowIso());
  }

  get organizationId(): string {
    return this.meta('organization_id')!;
  }

  meta(key: string): string | undefined {
    // Prepared once per org: organizationId is read on hot request paths (resource map, identity),
    // where preparing the statement each time cost more than the request's own work.
    this.metaStmt ??= this.db.prepare(`SELECT value FROM ${META_TABLE} WHERE key = ?`);
    const row = this.metaStmt.get(key) as { value: string } | undefined;
    return row?.value;
  }

  private metaStmt: Database.Statement | undefined;

  setMeta(key: string, value: string): void {
    this.db.prepare(`INSERT OR REPLACE INTO ${META_TABLE} (key, value) VALUES (?, ?)`).run(key, value);
  }

  /** The API user's credentials, or undefined for an org without one. */
  loginIdentity(): LoginIdentity | undefined {
    const userId = this.meta('admin_user_id');
    const username = this.meta('admin_username');
    if (!userId || !username) return undefined;
    return { userId, username, password: this.meta('admin_password') ?? '', securityToken: this.meta('admin_security_token') ?? '' };
  }

  /** Make `userId` the API user: logins authenticate as it and writes default to it. */
  setLoginIdentity(id: LoginIdentity): void {
    this.setMeta('admin_user_id', id.userId);
    this.setMeta('admin_username', id.username);
    this.setMeta('admin_password', id.password);
    this.setMeta('admin_security_token', id.securityToken);
    this.store.defaultUserId = id.userId;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function configure(db: Database.Database, readonly = false): void {
  if (!readonly && db.name !== ':memory:' && db.name !== '') {
    // WAL keeps readers (queries) from blocking the writer; NORMAL sync is durable across process
    // crashes, which is what a local org needs.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = OFF');
}
