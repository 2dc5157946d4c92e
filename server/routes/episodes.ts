/**
 * mockforce's own (non-Salesforce) endpoints for isolated agent episodes when the harness runs in
 * another process than the server: make a copy-on-write episode of the caller's org with its own
 * session (src/org/episode.ts), reset it to the base, read what it changed, drop it. Authenticated with any session of the org being cloned
 * (or of the episode itself, for reset/drop). Errors use Salesforce's array shape like the rest.
 *
 *   POST   /mockforce/episodes              -> 201 {orgKey, accessToken, instanceUrl, organizationId, userId}
 *   POST   /mockforce/episodes/:key/reset   -> 204
 *   GET    /mockforce/episodes/:key/diff    -> 200 {orgKey, changes: {Object: {created, updated, deleted}}}
 *   Past the server's episode limits         -> 403 REQUEST_LIMIT_EXCEEDED
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
    const { entry, token } = registry.createEpisode(base.base ?? base.key);
    return reply.code(201).send({
      orgKey: entry.key,
      accessToken: token,
      instanceUrl: instanceUrl(req),
      organizationId: registry.orgForRequest(entry.key, false).organizationId,
      userId: registry.session(token)!.userId,
    });
  });

  app.post('/mockforce/episodes/:key/reset', async (req: FastifyRequest<{ Params: { key: string } }>, reply: FastifyReply) => {
    registry.resetEpisode(episode(req).key);
    return reply.code(204).send();
  });

  app.get('/mockforce/episodes/:key/diff', async (req: FastifyRequest<{ Params: { key: string } }>) => {
    const key = episode(req).key;
    return { orgKey: key, changes: registry.episodeDiff(key) };
  });

  app.delete('/mockforce/episodes/:key', async (req: FastifyRequest<{ Params: { key: string } }>, reply: FastifyReply) => {
    registry.drop(episode(req).key);
    return reply.code(204).send();
  });
}
