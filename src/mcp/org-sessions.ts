/**
 * Which org each MCP session talks to. By default every session shares the served org (as every
 * client of `mockforce serve` does); with `episodePerSession` each session gets its own episode of
 * it from the registry (an isolated copy, dropped when the session ends), so parallel agents cannot
 * see each other's writes.
 */
import type { FastifyInstance } from 'fastify';
import type { OrgRegistry } from '../../server/org-registry.ts';
import { OrgClient } from './org-client.ts';

export interface OrgSession {
  client: OrgClient;
  /** The registry key of the org this session reaches (its episode's, when it has one). */
  orgKey: string;
  close(): void;
}

export class OrgSessions {
  private readonly sharedToken: string;

  constructor(
    private readonly registry: OrgRegistry,
    private readonly app: FastifyInstance,
    private readonly orgKey: string,
    private readonly episodePerSession: boolean,
  ) {
    const entry = registry.get(orgKey);
    const userId = entry?.org.loginIdentity()?.userId;
    if (!entry || !userId) throw new Error(`no org with an API user registered under '${orgKey}'`);
    this.sharedToken = registry.issueSession(orgKey, userId).token;
  }

  open(): OrgSession {
    if (!this.episodePerSession) {
      return { client: new OrgClient(this.app, this.sharedToken), orgKey: this.orgKey, close: () => {} };
    }
    const { entry, token } = this.registry.createEpisode(this.orgKey);
    let closed = false;
    return {
      client: new OrgClient(this.app, token),
      orgKey: entry.key,
      close: () => {
        if (closed) return;
        closed = true;
        this.registry.dropEpisode(entry.key);
      },
    };
  }
}
