/**
 * `GET /services/data` (no auth: the versions array the sf CLI takes its max from) and
 * `GET /services/data/vNN.N` (the resource map, whose `identity` jsforce's `identity()` follows).
 * Shapes from reference/salesforce-api.md §2.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { instanceUrl } from '../auth/urls.ts';
import { JSON_TYPE } from '../reply.ts';

/** Oldest version still served by Salesforce (21.0-30.0 were retired in Summer '25) to the newest (Winter '26). */
export const MIN_VERSION = 31;
export const MAX_VERSION = 65;

/** Release label of a major version: 59.0 is Winter '24, then Spring, Summer, Winter '25... */
export function releaseLabel(major: number): string {
  const k = major - 59;
  const season = ['Winter', 'Spring', 'Summer'][((k % 3) + 3) % 3]!;
  const year = 24 + Math.floor(k / 3);
  return `${season} '${String(year).padStart(2, '0')}`;
}

export function versionsList(): { label: string; url: string; version: string }[] {
  const out = [];
  for (let v = MIN_VERSION; v <= MAX_VERSION; v++) {
    out.push({ label: releaseLabel(v), url: `/services/data/v${v}.0`, version: `${v}.0` });
  }
  return out;
}

export async function versionsRoutes(app: FastifyInstance): Promise<void> {
  const body = JSON.stringify(versionsList());
  app.get('/services/data', async (_req, reply) => reply.type(JSON_TYPE).send(body));
}

/** Registered under `/services/data/:version`. */
export async function resourcesRoutes(app: FastifyInstance): Promise<void> {
  app.get('/', async (req: FastifyRequest) => {
    const base = `/services/data/v${req.apiVersion}`;
    const names = ['tooling', 'metadata', 'eclair', 'folders', 'prechatForms', 'contact-tracing', 'jsonxform', 'chatter', 'tabs', 'appMenu',
      'quickActions', 'queryAll', 'commerce', 'wave', 'iot', 'analytics', 'search', 'smartdatadiscovery', 'identity', 'composite',
      'parameterizedSearch', 'fingerprint', 'theme', 'nouns', 'domino', 'event', 'serviceTemplates', 'recent', 'connect', 'licensing',
      'limits', 'process', 'async-queries', 'query', 'match', 'emailConnect', 'compactLayouts', 'knowledgeManagement', 'sobjects',
      'actions', 'support'];
    const map: Record<string, string> = {};
    for (const n of names) {
      map[n] = n === 'identity' ? `${instanceUrl(req)}/id/${req.org.organizationId}/${req.session.userId}` : `${base}/${n}`;
    }
    return map;
  });
}
