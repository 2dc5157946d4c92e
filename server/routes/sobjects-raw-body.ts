/**
 * Keeps each request's raw JSON text next to its parsed body, for error positions
 * (sobjects-json-position.ts). Installed inside the sobjects/composite plugins only: it replaces the
 * app's catch-all parser in that encapsulated scope with the same parse (server/json-body.ts) plus
 * a note of the text.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseJsonBody } from '../json-body.ts';
import { locateValue, type Position } from './sobjects-json-position.ts';

const rawBodies = new WeakMap<FastifyRequest, string>();

export function captureRawBodies(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (req, body, done) => {
    rawBodies.set(req, body as string);
    try {
      done(null, parseJsonBody(body as string));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
}

/** A locator for keys of the object at `prefix` in the request's raw body. */
export function locatorFor(req: FastifyRequest, prefix: readonly (string | number)[] = []): ((key: string) => Position | undefined) | undefined {
  const raw = rawBodies.get(req);
  if (raw === undefined) return undefined;
  return (key: string) => locateValue(raw, [...prefix, key]);
}
