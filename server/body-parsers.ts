/**
 * Request body parsing. Fastify's defaults would answer malformed JSON with its own error shape and
 * reject unknown content types with 415; Salesforce answers JSON_PARSER_ERROR arrays and reads REST
 * bodies as JSON whatever the declared type. SOAP bodies stay text (the login handler reads them
 * with namespace-agnostic regexes); OAuth forms become plain objects. Chunked bodies need nothing
 * special: Node de-chunks them (reference/salesforce-api.md §0.3).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseJsonBody } from './json-body.ts';

export function registerBodyParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();

  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  // Everything else: SOAP endpoints get the raw text, REST endpoints JSON (Salesforce parses a body
  // sent as text/plain or without a Content-Type as JSON too).
  app.addContentTypeParser('*', { parseAs: 'string' }, (req, body, done) => {
    if (isSoap(req)) return done(null, body);
    try {
      done(null, parseJsonBody(body as string));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
}

/** SOAP and OAuth endpoints read their own bodies (XML; forms whatever the declared type). */
function isSoap(req: FastifyRequest): boolean {
  return req.url.startsWith('/services/Soap/') || req.url.startsWith('/services/oauth2/');
}
