/**
 * The org registry: one server process holds many isolated orgs, each under a key, and maps session
 * tokens to them. Tests and agent episodes create a copy-on-write episode of a base org, get a token
 * bound to it, and reset or drop it afterwards; nothing one episode writes is visible to another.
 * Episodes are bounded (server/episode-limits.ts).
 *
 * Tokens are shaped like Salesforce's (`00D<org id 15>!<opaque>`) because the sf CLI rejects any
 * other shape (reference/salesforce-api.md §0.8). They never expire: a 401 on a valid token sends
 * jsforce into an endless re-login loop (§0.7).
 */
import { randomBytes } from 'node:crypto';
import type { EpisodeDiff } from '../src/org/episode-diff.ts';
import { Episode } from '../src/org/episode.ts';
import { dropSnapshots } from '../src/org/episode-snapshot.ts';
import type { LoginIdentity, Org } from '../src/org/index.ts';
import { DEFAULT_EPISODE_LIMITS, episodeMemoryExceeded, tooManyEpisodes, type EpisodeLimits } from './episode-limits.ts';
import type { ApiUsage, Session } from './types.ts';

/** DailyApiRequests of a Developer Edition org, as Sforce-Limit-Info reports it (§8). */
export const API_REQUEST_LIMIT = 15000;

export interface OrgEntry {
  readonly key: string;
  org: Org;
  /** The key of the org this episode was made from, if it is one. */
  readonly base?: string;
  /** The episode (copy-on-write view of `base`), if this entry is one. */
  readonly episode?: Episode;
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
   * The key of the org this one is a working copy of (startOrg's loginable copy): episodes made
   * from its sessions (POST /mockforce/episodes) are episodes of that base.
   */
  base?: string;
}

type RegistryEntry = OrgEntry & { owned: boolean; lastUsed?: number };

export class OrgRegistry {
  private readonly entries = new Map<string, RegistryEntry>();
  readonly limits: EpisodeLimits;
  private episodeCount = 0;
  /** Sum of the live episodes' `bytes` (connections and table copies), kept as they change. */
  private episodeBytes = 0;
  private sweeper: NodeJS.Timeout | undefined;

  constructor(limits: Partial<EpisodeLimits> = {}) {
    this.limits = { ...DEFAULT_EPISODE_LIMITS, ...limits };
  }

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
   * A new episode of `baseKey` (copy-on-write: it shares the base until it writes, see
   * src/org/episode.ts) with a session for the base org's API user. Writes to it never reach the base.
   * Throws REQUEST_LIMIT_EXCEEDED (403) past `limits.maxEpisodes`.
   */
  createEpisode(baseKey: string, key?: string): { entry: OrgEntry; token: string } {
    const base = this.mustGet(baseKey);
    if (base.episode) throw new Error(`org '${baseKey}' is an episode; create episodes of its base '${base.base}'`);
    const newKey = key ?? `${baseKey}~${++this.cloneCounter}`;
    if (this.entries.has(newKey)) throw new Error(`org key '${newKey}' is already registered`);
    // The sweeper expires idle episodes in the background; sweep here only when that would make room,
    // so creating stays O(1) however many episodes are live.
    if (this.episodeCount >= this.limits.maxEpisodes) this.expireIdle();
    if (this.episodeCount >= this.limits.maxEpisodes) throw tooManyEpisodes(this.limits.maxEpisodes);
    const registry = this;
    // Each table an episode copies on its first write to it is charged against the memory cap first.
    const episode = new Episode(base.org, {
      budget: (bytes) => {
        registry.charge(bytes);
        registry.episodeBytes += bytes;
      },
    });
    const entry: RegistryEntry = {
      key: newKey,
      base: baseKey,
      loginable: false,
      owned: true,
      apiUsed: 0,
      episode,
      lastUsed: this.limits.now(),
      // In-process callers may write through `entry.org`, so handing it out makes the episode's copy.
      get org(): Org {
        return registry.writableOrg(entry);
      },
      set org(_: Org) {
        throw new Error('an episode org cannot be replaced; reset it instead');
      },
    };
    this.entries.set(newKey, entry);
    this.episodeCount += 1;
    this.startSweeper();
    const userId = base.org.loginIdentity()?.userId ?? '';
    return { entry, token: this.issueSession(newKey, userId).token };
  }

  /** The former name of createEpisode. */
  cloneForEpisode(baseKey: string, key?: string): { entry: OrgEntry; token: string } {
    return this.createEpisode(baseKey, key);
  }

  /** Throw away everything an episode wrote: it shares its base again. Sessions stay valid. */
  resetEpisode(key: string): OrgEntry {
    const entry = this.mustGet(key);
    if (!entry.episode) throw new Error(`org '${key}' is not an episode and cannot be reset`);
    this.episodeBytes -= entry.episode.bytes;
    entry.episode.reset();
    entry.apiUsed = 0;
    entry.lastUsed = this.limits.now();
    return entry;
  }

  /** The former name of resetEpisode. */
  reset(key: string): OrgEntry {
    return this.resetEpisode(key);
  }

  /** Drop an episode (and its sessions). */
  dropEpisode(key: string): void {
    if (this.entries.get(key)?.episode) this.drop(key);
  }

  /** What episode `key` changed against its base: per object, created / updated / deleted Ids. */
  episodeDiff(key: string): EpisodeDiff {
    const entry = this.mustGet(key);
    if (!entry.episode) throw new Error(`org '${key}' is not an episode`);
    return entry.episode.diff();
  }

  /** Live episodes, how many have their own connection, and the bytes those hold (connections and copied tables). */
  episodeStats(): { live: number; materialized: number; bytes: number } {
    let materialized = 0;
    for (const e of this.entries.values()) if (e.episode?.materialized) materialized += 1;
    return { live: this.episodeCount, materialized, bytes: this.episodeBytes };
  }

  /**
   * The org a request of session org `key` works on, marking the episode used. A request that
   * cannot write (`mayWrite` false) reads an unwritten episode's base directly.
   */
  orgForRequest(key: string, mayWrite: boolean): Org {
    const entry = this.mustGet(key);
    if (!entry.episode) return entry.org;
    entry.lastUsed = this.limits.now();
    return mayWrite ? this.writableOrg(entry) : entry.episode.readOrg();
  }

  /** Drop episodes idle past `limits.idleMs`. Returns how many went. */
  expireIdle(): number {
    if (!this.limits.idleMs) return 0;
    const cutoff = this.limits.now() - this.limits.idleMs;
    let n = 0;
    for (const e of [...this.entries.values()]) {
      if (e.episode && e.lastUsed! < cutoff) {
        this.drop(e.key);
        n += 1;
      }
    }
    return n;
  }

  private writableOrg(entry: RegistryEntry): Org {
    const ep = entry.episode!;
    if (ep.materialized) return ep.writeOrg();
    const bytes = ep.projectedBytes();
    this.charge(bytes);
    const org = ep.writeOrg();
    this.episodeBytes += bytes;
    return org;
  }

  /** Refuse (REQUEST_LIMIT_EXCEEDED) what would take the episodes past the memory cap. O(1) unless near it. */
  private charge(bytes: number): void {
    if (this.episodeBytes + bytes <= this.limits.maxMemoryBytes) return;
    this.expireIdle();
    if (this.episodeBytes + bytes > this.limits.maxMemoryBytes) throw episodeMemoryExceeded(this.limits.maxMemoryBytes);
  }

  private startSweeper(): void {
    if (this.sweeper || !this.limits.idleMs) return;
    this.sweeper = setInterval(() => this.expireIdle(), Math.min(this.limits.idleMs, 60_000));
    this.sweeper.unref();
  }

  /** Remove an org and every session bound to it; dropping a base drops its episodes (they read it). */
  drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    if (!entry.episode) for (const e of [...this.entries.values()]) if (e.base === key && e.episode) this.drop(e.key);
    this.entries.delete(key);
    for (const [token, s] of this.sessions) {
      if (s.orgKey === key) {
        this.sessions.delete(token);
        this.grantedBy.delete(token);
      }
    }
    for (const [token, s] of this.refreshTokens) if (s.orgKey === key) this.refreshTokens.delete(token);
    if (entry.episode) {
      // Not entry.org: for an episode that getter would make the copy it is about to throw away.
      this.episodeBytes -= entry.episode.bytes;
      entry.episode.close();
      this.episodeCount -= 1;
    } else {
      dropSnapshots(entry.org);
      if (entry.owned) entry.org.close();
    }
  }

  /** Drop every org (closing those the registry owns). */
  close(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = undefined;
    for (const key of [...this.entries.keys()]) this.drop(key);
  }

  /** A new session token for `userId` in org `orgKey`. `token` may be given to restore a known one. */
  issueSession(orgKey: string, userId: string, token?: string, refreshToken?: string): Session {
    const entry = this.mustGet(orgKey);
    const session: Session = { token: token ?? this.newToken(entry.episode?.readOrg() ?? entry.org), orgKey, userId };
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

  private mustGet(key: string): RegistryEntry {
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
