/**
 * URLs the server hands out (instance URL, identity URL, SOAP server URL). They are built from the
 * request so that a client reaching us as http://localhost:8080 or https://127.0.0.1:8443 gets URLs
 * it can use: jsforce keeps scheme://host:port of serverUrl/instance_url (§1.1, §1.2).
 */
import type { FastifyRequest } from 'fastify';

export function instanceUrl(req: FastifyRequest): string {
  const host = (req.headers.host ?? `${req.hostname}`).replace(/[^\w.:[\]-]/g, '');
  return `${req.protocol}://${host || 'localhost'}`;
}

export function identityUrl(req: FastifyRequest, orgId: string, userId: string): string {
  return `${instanceUrl(req)}/id/${orgId}/${userId}`;
}
