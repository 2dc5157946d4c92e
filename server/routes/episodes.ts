/**
 * mockforce's own (non-Salesforce) endpoints for isolated agent episodes when the harness runs in
 * another process than the server: clone the caller's org into a fresh in-memory copy with its own
 * session, reset it to the base, drop it. Authenticated with any session of the org being cloned
 * (or of the episode itself, for reset/drop). Errors use Salesforce's array shape like the rest.
 *
 *   POST   /mockforce/episodes              -> 201 {orgKey, accessToken, instanceUrl, organizationId, userId}
 *   POST   /mockforce/episodes/:key/reset   -> 204
 *   DELETE /mockforce/episodes/:key         -> 204
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { invalidSession, notFound } from '../../src/errors/codes.ts';
import { sessionFor } from '../auth/session-hook.ts';
import { instanceUrl } from '../auth/urls.ts';
import type { OrgEntry } from '../org-registry.ts';
import type { Session } from '../types.ts';

export async function episodeRoutes(app: FastifyInstance): Promise<void> {
  const registry = app.registry;

  function caller(req: FastifyRequest): Session {
    const s = sessionFor(registry, req);
    if (!s) throw invalidSession();
    return s;
  }

  /** The episode `key`, if the caller's session belongs to it or to the org it was cloned from. */
  function episode(req: FastifyRequest<{ Params: { key: string } }>): OrgEntry {
    const s = caller(req);
    const entry = registry.get(req.params.key);
    if (!entry || !entry.base || (s.orgKey !== entry.key && s.orgKey !== entry.base)) throw notFound();
    return entry;
  }

  app.post('/mockforce/episodes', async (req, reply) => {
    const s = caller(req);
    const base = registry.get(s.orgKey)!;
    // Episodes of an episode are cloned from the same base, so reset means the same thing for all.
    const { entry, token } = registry.cloneForEpisode(base.base ?? base.key);
    return reply.code(201).send({
      orgKey: entry.key,
      accessToken: token,
      instanceUrl: instanceUrl(req),
      organizationId: entry.org.organizationId,
      userId: registry.session(token)!.userId,
    });
  });

  app.post('/mockforce/episodes/:key/reset', async (req: FastifyRequest<{ Params: { key: string } }>, reply: FastifyReply) => {
    registry.reset(episode(req).key);
    return reply.code(204).send();
  });

  app.delete('/mockforce/episodes/:key', async (req: FastifyRequest<{ Params: { key: string } }>, reply: FastifyReply) => {
    registry.drop(episode(req).key);
    return reply.code(204).send();
  });
}
