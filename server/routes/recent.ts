/**
 * `GET /recent[?limit=n]` (jsforce `conn.recent()`): the user's most recently viewed records.
 * mockforce records no UI views, so the list is empty, as it is for an API-only user in a real org.
 * `limit` is still validated the way Salesforce validates it.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SalesforceError } from '../../src/errors/salesforce-error.ts';

export async function recentRoutes(app: FastifyInstance): Promise<void> {
  app.get('/recent', async (req: FastifyRequest<{ Querystring: { limit?: string | string[] } }>) => {
    const raw = req.query?.limit;
    const limit = Array.isArray(raw) ? raw[0] : raw;
    if (limit !== undefined && !/^\d+$/.test(limit)) {
      throw new SalesforceError('INVALID_QUERY_PARAMETER_VALUE', `For input string: "${limit}"`, 400);
    }
    return [];
  });
}
