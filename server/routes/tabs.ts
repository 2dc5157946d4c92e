/**
 * `GET /tabs` and `GET /theme` (jsforce `conn.tabs()`, `conn.theme()`), from src/describe/tabs.ts;
 * icon and tab URLs are absolute on the instance the client reached.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { describeTabs, describeTheme } from '../../src/describe/tabs.ts';
import { instanceUrl } from '../auth/urls.ts';

export async function tabsRoutes(app: FastifyInstance): Promise<void> {
  app.get('/tabs', async (req: FastifyRequest) => describeTabs(instanceUrl(req)));
  app.get('/theme', async (req: FastifyRequest) => describeTheme(instanceUrl(req)));
}
