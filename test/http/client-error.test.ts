/**
 * Errors Node's HTTP parser raises before routing (server/client-error.ts) answer a Salesforce error
 * array with the parser's status, not Fastify's own JSON object. Needs a real socket: app.inject never
 * goes through Node's parser.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './test-org.ts';

let t: TestApp;
let port: number;

beforeAll(async () => {
  t = await startTestApp({ accounts: 1 });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as { port: number }).port;
});
afterAll(() => t.close());

/** Send raw bytes and read everything the server writes until it closes the connection. */
function raw(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1');
    let out = '';
    s.on('data', (d) => (out += d.toString('utf8')));
    s.on('close', () => resolve(out));
    s.on('error', (e) => (out ? resolve(out) : reject(e)));
    s.write(request);
  });
}

function parse(response: string): { status: number; type: string | undefined; body: unknown } {
  const [head, body] = response.split('\r\n\r\n');
  const lines = head!.split('\r\n');
  const status = Number(lines[0]!.split(' ')[1]);
  const type = lines.find((l) => /^content-type:/i.test(l))?.split(': ')[1];
  return { status, type, body: JSON.parse(body!) };
}

describe('client errors before routing', () => {
  it('a request line over the header limit: 431 with a Salesforce error array', async () => {
    const q = 'SELECT Id FROM Account WHERE Name IN (' + Array.from({ length: 2000 }, (_, i) => `'n${i}'`).join(',') + ')';
    const r = parse(await raw(`GET /services/data/v61.0/query?q=${encodeURIComponent(q)} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${t.token}\r\n\r\n`));
    expect(r.status).toBe(431);
    expect(r.type).toBe('application/json;charset=UTF-8');
    expect(r.body).toEqual([{ message: 'Request Header Fields Too Large: the request line and headers exceed 16384 bytes', errorCode: 'INVALID_REQUEST' }]);
  });

  it('an unparsable request line: 400 with a Salesforce error array', async () => {
    const r = parse(await raw('NOT A REQUEST\r\n\r\n'));
    expect(r.status).toBe(400);
    expect(r.body).toEqual([{ message: 'The request could not be understood', errorCode: 'INVALID_REQUEST' }]);
  });

  it('a request within the limit still answers normally', async () => {
    const r = parse(await raw(`GET /services/data/v61.0/query?q=${encodeURIComponent('SELECT COUNT() FROM Account')} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${t.token}\r\nConnection: close\r\n\r\n`));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ totalSize: 1, done: true });
  });
});
