import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHeaders } from './verify-fast-path.ts';

// The fast path reads three headers from rawHeaders; they must be what req.headers would give.
let server: http.Server;
let port = 0;
const seen: { ours: ReturnType<typeof readHeaders>; node: http.IncomingHttpHeaders }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push({ ours: readHeaders(req.rawHeaders), node: req.headers });
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Sends raw header lines (any case, duplicates) and returns what each reader saw. */
async function probe(lines: string[]): Promise<(typeof seen)[number]> {
  const socket = net.connect(port, '127.0.0.1');
  const body = '{}';
  socket.write(`POST /x HTTP/1.1\r\nHost: a\r\n${lines.map((l) => `${l}\r\n`).join('')}\r\n${body}`);
  await new Promise<void>((resolve) => socket.once('data', () => resolve()));
  socket.destroy();
  return seen[seen.length - 1] as (typeof seen)[number];
}

describe('readHeaders', () => {
  it.each([
    [['Content-Type: application/json', 'Content-Length: 2']],
    [['content-type: application/json; charset=utf-8', 'CONTENT-LENGTH: 2', 'X-Request-Id: abc-1']],
    [['Content-Length: 2', 'content-type: text/plain', 'Content-Type: application/json']],
    [['Content-Length: 2', 'x-request-id: one', 'X-REQUEST-ID: two']],
    [['Content-Length: 2', 'X-Requested-With: x', 'Content-Typo: y', 'Accept: */*']],
    [['Content-Length: 2']],
  ])('reads %j as req.headers does', async (lines) => {
    const { ours, node } = await probe(lines);
    expect(ours).toEqual({
      contentLength: node['content-length'],
      contentType: node['content-type'],
      requestId: node['x-request-id'],
    });
  });
});
