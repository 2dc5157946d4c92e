/**
 * Response conventions shared by every route: Salesforce's exact JSON content type, the
 * Sforce-Limit-Info header, X-PrettyPrint, and the rendering of SalesforceError as the JSON array
 * clients parse (reference/salesforce-api.md §0.1, §0.6, §8).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SalesforceError } from '../src/errors/salesforce-error.ts';

/** What Salesforce sends; jsforce picks its parser with /^application\/json(;|$)/ (§0.1). */
export const JSON_TYPE = 'application/json;charset=UTF-8';
export const XML_TYPE = 'text/xml;charset=UTF-8';

export function sendError(reply: FastifyReply, err: SalesforceError): FastifyReply {
  if (err.status === 401) reply.header('WWW-Authenticate', 'Token'); // as a real 401 carries (§6.2, restforce#284)
  return reply.code(err.status).type(JSON_TYPE).send(err.toJSON());
}

/** The `Sforce-Limit-Info` value: `api-usage=N/15000` (§8; jsforce reads /api-usage=(\d+)\/(\d+)/). */
export function limitInfo(used: number, limit: number): string {
  return `api-usage=${used}/${limit}`;
}

/** simple-salesforce sends `X-PrettyPrint: 1` on every call; Salesforce then indents its JSON. */
export function wantsPrettyPrint(req: FastifyRequest): boolean {
  const v = req.headers['x-prettyprint'];
  return v !== undefined && v !== '' && v !== '0' && v !== 'false';
}
