/**
 * The org registry: one server process holds many isolated orgs, each under a key, and maps session
 * tokens to them. Tests and agent episodes clone a base org, get a token bound to the clone, and
 * reset or drop it afterwards; nothing one episode writes is visible to another.
 *
 * Tokens are shaped like Salesforce's (`00D<org id 15>!<opaque>`) because the sf CLI rejects any
 * other shape (reference/salesforce-api.md §0.8). They never expire: a 401 on a valid token sends
 * jsforce into an endless re-login loop (§0.7).
 */
import { randomBytes } from 'node:crypto';
import type { LoginIdentity, Org } from '../src/org/index.ts';
import type { ApiUsage, Session } from './types.ts';

/** DailyApiRequests of a Developer Edition org, as Sforce-Limit-Info reports it (§8). */
export const API_REQUEST_LIMIT = 15000;

export interface OrgEntry {
  readonly key: string;
  org: Org;
  /** The key this org was cloned from (reset re-clones it), if any. */
  readonly base?: string;
  /** Whether username/password logins may land on this org (clones are reached by token). */
  readonly loginable: boolean;
  apiUsed: number;
}

export interface RegisterOptions {
  /** Let SOAP/OAuth logins with the org's credentials reach this org. Default true. */
  loginable?: boolean;
  /** Close the org when it is dropped or replaced. Default true. */
  owned?: boolean;
  /**
   * The key of the org this one is a copy of, so reset() can restore it (startOrg's loginable
   * working copy; episodes get theirs from cloneForEpisode).
   */
  base?: string;
}

export class OrgRegistry {
  private readonly entries = new Map<string, OrgEntry & { owned: boolean }>();
  private readonly sessions = new Map<string, Session>();
  /** Which refresh token granted a session: revoking the refresh token ends them too. */
  private readonly grantedBy = new Map<string, string>();
  private readonly refreshTokens = new Map<string, { orgKey: string; userId: string }>();
  private cloneCounter = 0;

  /** Add `org` under `key` (replacing nothing: a taken key is an error). */
  register(key: string, org: Org, opts: RegisterOptions = {}): OrgEntry {
    if (this.entries.has(key)) throw new Error(`org key '${key}' is already registered`);
    const entry = { key, org, ...(opts.base !== undefined ? { base: opts.base } : {}), loginable: opts.loginable ?? true, owned: opts.owned ?? true, apiUsed: 0 };
    this.entries.set(key, entry);
    return entry;
  }

  get(key: string): OrgEntry | undefined {
    return this.entries.get(key);
  }

  keys(): string[] {
    return [...this.entries.keys()];
  }

  /** The first registered org: the one `mock-org` serves and client_credentials logs into. */
  defaultEntry(): OrgEntry | undefined {
    return this.entries.values().next().value;
  }

  /**
   * An isolated in-memory copy of `baseKey` for one episode, with a session for the base org's API
   * user. Writes to the clone never reach the base.
   */
  cloneForEpisode(baseKey: string, key?: string): { entry: OrgEntry; token: string } {
    const base = this.mustGet(baseKey);
    const newKey = key ?? `${baseKey}~${++this.cloneCounter}`;
    if (this.entries.has(newKey)) throw new Error(`org key '${newKey}' is already registered`);
    const entry = { key: newKey, org: base.org.clone(), base: baseKey, loginable: false, owned: true, apiUsed: 0 };
    this.entries.set(newKey, entry);
    const userId = base.org.loginIdentity()?.userId ?? '';
    return { entry, token: this.issueSession(newKey, userId).token };
  }

  /** Throw away everything written to a cloned org: it becomes a fresh copy of its base. Sessions stay valid. */
  reset(key: string): OrgEntry {
    const entry = this.mustGet(key);
    if (!entry.base) throw new Error(`org '${key}' was not cloned from another org and cannot be reset`);
    const fresh = this.mustGet(entry.base).org.clone();
    const old = entry.org;
    entry.org = fresh;
    entry.apiUsed = 0;
    if (entry.owned) old.close();
    return entry;
  }

  /** Remove an org and every session bound to it. */
  drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    for (const [token, s] of this.sessions) {
      if (s.orgKey === key) {
        this.sessions.delete(token);
        this.grantedBy.delete(token);
      }
    }
    for (const [token, s] of this.refreshTokens) if (s.orgKey === key) this.refreshTokens.delete(token);
    if (entry.owned) entry.org.close();
  }

  /** Drop every org (closing those the registry owns). */
  close(): void {
    for (const key of [...this.entries.keys()]) this.drop(key);
  }

  /** A new session token for `userId` in org `orgKey`. `token` may be given to restore a known one. */
  issueSession(orgKey: string, userId: string, token?: string, refreshToken?: string): Session {
    const entry = this.mustGet(orgKey);
    const session: Session = { token: token ?? this.newToken(entry.org), orgKey, userId };
    this.sessions.set(session.token, session);
    if (refreshToken) this.grantedBy.set(session.token, refreshToken);
    return session;
  }

  /** A refresh token for the OAuth refresh_token grant. `token` may be given to restore a known one. */
  issueRefreshToken(orgKey: string, userId: string, token?: string): string {
    this.mustGet(orgKey);
    // Salesforce refresh tokens start `5Aep861`.
    const t = token ?? `5Aep861${randomToken(80)}`;
    this.refreshTokens.set(t, { orgKey, userId });
    return t;
  }

  /** The session behind a token, or undefined when it is unknown, revoked or its org dropped. */
  session(token: string): Session | undefined {
    return this.sessions.get(token);
  }

  refreshGrant(refreshToken: string): { orgKey: string; userId: string } | undefined {
    return this.refreshTokens.get(refreshToken);
  }

  /** Revoke an access or refresh token. Returns whether it was known. */
  revoke(token: string): boolean {
    const refresh = this.refreshTokens.get(token);
    if (refresh) {
      // "Revoking a refresh token also revokes the access tokens issued with it" (Salesforce's
      // token revocation docs).
      this.refreshTokens.delete(token);
      for (const [session, via] of this.grantedBy) {
        if (via === token) {
          this.sessions.delete(session);
          this.grantedBy.delete(session);
        }
      }
      return true;
    }
    this.grantedBy.delete(token);
    return this.sessions.delete(token);
  }

  /**
   * The loginable org whose API user matches: username compared case-insensitively (Salesforce
   * usernames are), password accepted alone or with the security token appended
   * (reference/salesforce-api.md §1.1).
   */
  authenticate(username: string, password: string): { entry: OrgEntry; identity: LoginIdentity } | undefined {
    const wanted = username.trim().toLowerCase();
    for (const entry of this.entries.values()) {
      if (!entry.loginable) continue;
      const id = entry.org.loginIdentity();
      if (!id || id.username.toLowerCase() !== wanted) continue;
      if (password === id.password || password === id.password + id.securityToken) return { entry, identity: id };
    }
    return undefined;
  }

  /** The loginable org whose API user has this username (JWT bearer logins carry no password). */
  findUser(username: string): { entry: OrgEntry; identity: LoginIdentity } | undefined {
    const wanted = username.trim().toLowerCase();
    for (const entry of this.entries.values()) {
      if (!entry.loginable) continue;
      const id = entry.org.loginIdentity();
      if (id && id.username.toLowerCase() === wanted) return { entry, identity: id };
    }
    return undefined;
  }

  /** Count one API request against the org and report its usage. */
  countRequest(orgKey: string): ApiUsage {
    const entry = this.entries.get(orgKey);
    if (!entry) return { used: 0, limit: API_REQUEST_LIMIT };
    entry.apiUsed += 1;
    return { used: entry.apiUsed, limit: API_REQUEST_LIMIT };
  }

  usage(orgKey: string): ApiUsage {
    return { used: this.entries.get(orgKey)?.apiUsed ?? 0, limit: API_REQUEST_LIMIT };
  }

  private mustGet(key: string): OrgEntry & { owned: boolean } {
    const entry = this.entries.get(key);
    if (!entry) throw new Error(`no org registered under '${key}'`);
    return entry;
  }

  private newToken(org: Org): string {
    // `00D` + 15-char org id, '!', then an opaque tail of [.\w] (the sf CLI's accessTokenRegex).
    return `${org.organizationId.slice(0, 15)}!AQ${randomToken(96)}`;
  }
}

/** Random [A-Za-z0-9.] text: session tokens are secrets, not org data, so they need not be seeded. */
function randomToken(length: number): string {
  return randomBytes(Math.ceil((length * 3) / 4) + 3)
    .toString('base64')
    .replace(/\+/g, '.')
    .replace(/\//g, '_')
    .replace(/=/g, '')
    .slice(0, length);
}
