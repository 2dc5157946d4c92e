/**
 * Errors Node's HTTP parser raises before Fastify sees a request (a request line or headers over
 * Node's 16 KB limit, a malformed request line, a header timeout). Fastify's default handler writes
 * its own `{"error","message","statusCode"}` object; clients of a Salesforce org parse an error array
 * (reference/salesforce-api.md §6.1: the body is a JSON array; 431 is among Salesforce's statuses), so
 * this writes the same status with a Salesforce-shaped array straight to the socket.
 */
import { STATUS_CODES, maxHeaderSize } from 'node:http';
import type { Socket } from 'node:net';
import { JSON_TYPE } from './reply.ts';

/** Status and message for one parser error code (Fastify's defaultClientErrorHandler maps the same ones). */
function statusOf(code: string | undefined): { status: number; message: string } {
  if (code === 'HPE_HEADER_OVERFLOW') return { status: 431, message: `Request Header Fields Too Large: the request line and headers exceed ${maxHeaderSize} bytes` };
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, message: 'Request Timeout' };
  return { status: 400, message: 'The request could not be understood' };
}

export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  // A reset connection has nobody to answer (Node's clientError documentation).
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, message } = statusOf(err.code);
  // INVALID_REQUEST, as buildApp's error handler names other framework-level client errors.
  const body = JSON.stringify([{ message, errorCode: 'INVALID_REQUEST' }]);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${JSON_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}
