/**
 * startOrg: a mockforce org inside the caller's process, the way mongodb-memory-server and
 * Miniflare hand a test suite its backend: `const org = await startOrg()`, point jsforce at
 * `org.loginUrl`, `await org.stop()` at the end.
 *
 * The org served is an in-memory copy of a base org (see base-orgs.ts), so nothing is written to
 * disk unless a data directory is given, reset() brings the initial data back in one clone, and
 * episode() hands out further isolated copies with their own sessions. The same registry and
 * buildApp as `mockforce serve`: nothing reachable here that the CLI cannot reach.
 */
import { ORG_KINDS, type OrgKind } from '../org/org-kind.ts';
import type { FastifyInstance } from 'fastify';
import { resolve } from 'node:path';
import { buildApp } from '../../server/app.ts';
import { OrgRegistry } from '../../server/org-registry.ts';
import { DEFAULT_API_VERSION } from '../agent/salesforce-client.ts';
import { warmSoqlParser } from '../soql/soql-parser.ts';
import { apiTls, type ApiTls } from './api-tls.ts';
import { prepareMetadata } from '../metadata/index.ts';
import { baseOrg, baseOrgWithMetadata } from './base-orgs.ts';

/** The org profiles mockforce can generate: CRMArena's original org, CRMArena-Pro's B2B and B2C orgs. */
export const ORG_PROFILES = ORG_KINDS;
export type OrgProfile = OrgKind;

export interface StartOrgOptions {
  /** Generator seed (default 42): the same seed gives the same org. */
  seed?: number;
  /** Data volume; 1 is CRMArena's size (~20k rows, ~1 s to generate once per process). Default 1. */
  scale?: number;
  /** Org profile: 'original' (default, CRMArena's retail service org), or CRMArena-Pro's 'b2b' / 'b2c'. */
  org?: OrgProfile;
  /**
   * SFDX source or Metadata API folders whose custom objects and fields are added to the org (as
   * `mockforce serve --metadata`). The schema is per process: a different set of folders in the
   * same process is an error.
   */
  metadata?: string | readonly string[];
  /** The org clock (ISO datetime): TODAY, LAST_N_DAYS and CreatedDate read it. Default: the seed's. */
  now?: string;
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** Serve HTTPS (simple-salesforce needs it) with a local CA; its certificate is `caFile`. */
  https?: boolean;
  /**
   * Keep the generated org (and TLS files) in this folder across processes, as `mockforce serve
   * --data-dir` does; an org already there is opened instead of generated. The served org is still
   * an in-memory copy: writes never reach the file. Default: nothing on disk.
   */
  dataDir?: string;
}

/** Connection details of one isolated copy of the org. */
export interface OrgConnection {
  /** Base URL of the REST API (jsforce `instanceUrl`). */
  instanceUrl: string;
  /** A session token for the API user (`Authorization: Bearer ...`). */
  accessToken: string;
  organizationId: string;
  /** The API user's Id. */
  userId: string;
  apiVersion: string;
  /** The CA certificate to trust when serving HTTPS (NODE_EXTRA_CA_CERTS, REQUESTS_CA_BUNDLE). */
  caFile?: string;
}

/** An episode: a fresh copy of the initial org, reached only by its own token. */
export interface OrgEpisode extends OrgConnection {
  /** The registry key of the copy (as in `/mockforce/episodes/:key`). */
  orgKey: string;
  /** Restore the episode's copy to the initial data. */
  reset(): Promise<void>;
  /** Remove the copy; its token stops working. */
  stop(): Promise<void>;
}

export interface StartedOrg extends OrgConnection {
  /** Where to log in (SOAP and OAuth username-password): the server itself. */
  loginUrl: string;
  username: string;
  password: string;
  /** Appended to the password for logins from outside trusted IP ranges, as Salesforce expects. */
  securityToken: string;
  /** Close the server and free the org. Idempotent. */
  stop(): Promise<void>;
  /** Throw away every write: the org holds its initial data again. Sessions stay valid. */
  reset(): Promise<void>;
  /** A new isolated copy of the initial org with its own session; writes there are invisible here. */
  episode(): Promise<OrgEpisode>;
}

const WORKING = 'default';
const BASE = 'base';

export async function startOrg(opts: StartOrgOptions = {}): Promise<StartedOrg> {
  const profile = opts.org ?? 'original';
  if (!(ORG_PROFILES as readonly string[]).includes(profile)) {
    throw new Error(`startOrg: unknown org profile '${String(profile)}'; available: ${ORG_PROFILES.join(', ')}`);
  }
  // Read and check the metadata before any org is made (a MetadataError names the file and the problem).
  const metadata = opts.metadata !== undefined ? prepareMetadata((typeof opts.metadata === 'string' ? [opts.metadata] : [...opts.metadata]).map((d) => resolve(d))) : undefined;
  if (opts.now !== undefined && Number.isNaN(Date.parse(opts.now))) throw new Error(`startOrg: 'now' must be an ISO datetime, got '${opts.now}'`);
  const dataDir = opts.dataDir !== undefined ? resolve(opts.dataDir) : undefined;
  const now = opts.now !== undefined ? new Date(opts.now).toISOString() : undefined;
  const key = { seed: opts.seed ?? 42, scale: opts.scale ?? 1, ...(profile !== 'original' ? { org: profile } : {}), ...(now ? { now } : {}), ...(dataDir ? { dataDir } : {}) };
  const base = await (metadata ? baseOrgWithMetadata(key, metadata) : baseOrg(key));
  const identity = base.loginIdentity();
  if (!identity) throw new Error(`startOrg: the org has no API user (login identity)`);

  const registry = new OrgRegistry();
  // The working copy first: it is the default org (client_credentials, authorize) and the one
  // username/password logins land on; episodes made from its sessions are of the base. The base is
  // shared by every startOrg in the process: never logged into, never written, never closed here.
  registry.register(WORKING, base.clone(), { base: BASE });
  registry.register(BASE, base, { loginable: false, owned: false });
  const session = registry.issueSession(WORKING, identity.userId);

  let tls: ApiTls | undefined;
  let app: FastifyInstance | undefined;
  let url: string;
  try {
    tls = opts.https ? apiTls(dataDir) : undefined;
    app = await buildApp({ registry, ...(tls ? { https: { key: tls.key, cert: tls.cert } } : {}) });
    const host = opts.host ?? '127.0.0.1';
    await app.listen({ host, port: opts.port ?? 0 });
    const port = (app.server.address() as { port: number }).port;
    url = `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  } catch (err) {
    await app?.close();
    registry.close();
    tls?.dispose();
    throw err;
  }
  // The org answers already; load the SOQL parser now rather than on the first query (as serve does).
  setImmediate(warmSoqlParser);

  const apiVersion = DEFAULT_API_VERSION;
  const caFile = tls ? { caFile: tls.caFile } : {};
  let stopped: Promise<void> | undefined;
  const live = () => {
    if (stopped) throw new Error('startOrg: this org has been stopped');
  };

  return {
    instanceUrl: url,
    loginUrl: url,
    username: identity.username,
    password: identity.password,
    securityToken: identity.securityToken,
    accessToken: session.token,
    organizationId: base.organizationId,
    userId: identity.userId,
    apiVersion,
    ...caFile,
    stop() {
      stopped ??= app.close().finally(() => {
        registry.close();
        tls?.dispose();
      });
      return stopped;
    },
    async reset() {
      live();
      // The working copy is a plain org (username/password logins reach no episode), so reset
      // swaps in a fresh copy of the base; sessions name the key, so they stay valid.
      const entry = registry.get(WORKING)!;
      const old = entry.org;
      entry.org = base.clone();
      entry.apiUsed = 0;
      old.close();
    },
    async episode() {
      live();
      const { entry, token } = registry.createEpisode(BASE);
      const key = entry.key;
      return {
        orgKey: key,
        instanceUrl: url,
        accessToken: token,
        // Not entry.org: reading it would give the episode its own copy before any write.
        organizationId: base.organizationId,
        userId: identity.userId,
        apiVersion,
        ...caFile,
        async reset() {
          live();
          registry.resetEpisode(key);
        },
        async stop() {
          registry.dropEpisode(key);
        },
      };
    },
  };
}
