/**
 * Request body parsing. Fastify's defaults would answer malformed JSON with its own error shape and
 * reject unknown content types with 415; Salesforce answers JSON_PARSER_ERROR arrays and reads REST
 * bodies as JSON whatever the declared type. SOAP bodies stay text (the login handler reads them
 * with namespace-agnostic regexes); OAuth forms become plain objects. Chunked bodies need nothing
 * special: Node de-chunks them (reference/salesforce-api.md §0.3).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { createGunzip, createInflate } from 'node:zlib';
import { SalesforceError } from '../src/errors/salesforce-error.ts';
import { parseJsonBody } from './json-body.ts';

export function registerBodyParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();

  // Salesforce accepts compressed request bodies (`Content-Encoding: gzip|deflate`, reference §8).
  // The body limit applies to the decompressed stream, so a small bomb cannot grow unbounded.
  app.addHook('preParsing', async (req, _reply, payload) => {
    const enc = String(req.headers['content-encoding'] ?? '').trim().toLowerCase();
    if (enc === '' || enc === 'identity') return payload;
    if (enc !== 'gzip' && enc !== 'deflate' && enc !== 'x-gzip') {
      throw new SalesforceError('UNSUPPORTED_MEDIA_TYPE', `Content-Encoding '${enc}' is not supported`, 415);
    }
    let encoded = 0;
    payload.on('data', (chunk: Buffer) => (encoded += chunk.length));
    const inflated = payload.pipe(enc === 'deflate' ? createInflate() : createGunzip()) as Readable & { receivedEncodedLength?: number };
    // Fastify compares Content-Length with the bytes received on the wire, not the inflated ones.
    Object.defineProperty(inflated, 'receivedEncodedLength', { get: () => encoded });
    payload.on('error', (e) => inflated.destroy(e));
    return inflated;
  });

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

/**
 * SOAP and OAuth endpoints read their own bodies (XML; forms whatever the declared type), and so
 * does the Bulk API (1.0 query batches are SOQL text sent as application/json by simple-salesforce;
 * 2.0 ingest uploads are CSV).
 */
function isSoap(req: FastifyRequest): boolean {
  return (
    req.url.startsWith('/services/Soap/') ||
    req.url.startsWith('/services/oauth2/') ||
    req.url.startsWith('/services/async/') ||
    // Bulk API 2.0 ingest data: CSV uploaded with PUT .../jobs/ingest/{id}/batches.
    (req.method === 'PUT' && /^\/services\/data\/[^/]+\/jobs\/ingest\/[^/?]+\/batches\/?(?:\?|$)/.test(req.url))
  );
}
