import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listen } from '../../test/listening.ts';
import { ORG, createTestContext, type TestContext } from '../../test/harness.ts';

// Issue 12, finding 3: after an early answer (413 on a 1.1 MB body, 401/400 while the body was
// still arriving) the server closed a keep-alive connection under the client. Here a raw socket
// sends two requests one after the other on one connection, against a real listening server.

let ctx: TestContext;
let server: Awaited<ReturnType<typeof listen>>;
let port: number;
beforeEach(async () => {
  ctx = await createTestContext();
  server = await listen(ctx);
  port = server.port;
});
afterEach(async () => {
  await server.close();
  await ctx.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A raw HTTP/1.1 connection that reads answers one by one (Content-Length bodies only). */
class Connection {
  readonly socket: net.Socket;
  #buffer = Buffer.alloc(0);
  #closed = false;
  #waiters: (() => void)[] = [];
  constructor(p: number) {
    this.socket = net.connect(p, '127.0.0.1');
    this.socket.on('data', (chunk: Buffer) => {
      this.#buffer = Buffer.concat([this.#buffer, chunk]);
      this.#wake();
    });
    this.socket.on('close', () => {
      this.#closed = true;
      this.#wake();
    });
    this.socket.on('error', () => {});
  }
  #wake(): void {
    for (const w of this.#waiters.splice(0)) w();
  }
  get closed(): boolean {
    return this.#closed;
  }
  write(data: string | Buffer): Promise<void> {
    return new Promise((resolve, reject) => this.socket.write(data, (err) => (err ? reject(err) : resolve())));
  }
  async answer(): Promise<{ status: number; headers: Record<string, string>; body: string }> {
    for (;;) {
      const end = this.#buffer.indexOf('\r\n\r\n');
      if (end >= 0) {
        const head = this.#buffer.subarray(0, end).toString('latin1').split('\r\n');
        const headers: Record<string, string> = {};
        for (const line of head.slice(1)) {
          const i = line.indexOf(':');
          headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
        }
        const length = Number(headers['content-length'] ?? 0);
        if (this.#buffer.length >= end + 4 + length) {
          const body = this.#buffer.subarray(end + 4, end + 4 + length).toString('utf8');
          this.#buffer = this.#buffer.subarray(end + 4 + length);
          return { status: Number(head[0]?.split(' ')[1]), headers, body };
        }
      }
      if (this.#closed) throw new Error(`connection closed before a full answer (${this.#buffer.length} bytes)`);
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }
  close(): void {
    this.socket.destroy();
  }
}

const createPath = `/rest/organizations/${ORG}/apikeys?apiKeyTemplateId=anonymous-search`;
const head = (method: string, path: string, headers: Record<string, string | number>) =>
  `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;
const healthz = head('GET', '/healthz', {});

async function expectHealthyAfter(conn: Connection): Promise<void> {
  // Past @hono/node-server's 500 ms drain limit, which destroyed the socket.
  await sleep(700);
  expect(conn.closed).toBe(false);
  await conn.write(healthz);
  const next = await conn.answer();
  expect(next.status).toBe(200);
  expect(JSON.parse(next.body)).toEqual({ status: 'ok' });
}

describe('keep-alive after an early answer', () => {
  it('answers 413 to a 1.1 MB JSON body, then serves the next request on the same socket', async () => {
    const body = Buffer.from(JSON.stringify({ displayName: 'x'.repeat(1.1 * 1024 * 1024) }));
    const conn = new Connection(port);
    try {
      await conn.write(
        head('POST', createPath, {
          authorization: `Bearer ${ctx.adminToken}`,
          'content-type': 'application/json',
          'content-length': body.length,
        }),
      );
      await conn.write(body);
      const first = await conn.answer();
      expect(first.status).toBe(413);
      expect(first.headers.connection).toBe('keep-alive');
      await expectHealthyAfter(conn);
    } finally {
      conn.close();
    }
  });

  it('answers 401 while the body is still arriving, then serves the next request on the same socket', async () => {
    const body = Buffer.from(JSON.stringify({ displayName: 'Late', padding: 'y'.repeat(200_000) }));
    const conn = new Connection(port);
    try {
      await conn.write(head('POST', createPath, { 'content-type': 'application/json', 'content-length': body.length }));
      await conn.write(body.subarray(0, 1000));
      await sleep(700);
      await conn.write(body.subarray(1000));
      const first = await conn.answer();
      expect(first.status).toBe(401);
      await expectHealthyAfter(conn);
    } finally {
      conn.close();
    }
  });

  it('answers 400 (wrong content type) while the body is still arriving, then serves the next request', async () => {
    const body = Buffer.from('z'.repeat(50_000));
    const conn = new Connection(port);
    try {
      await conn.write(
        head('POST', createPath, {
          authorization: `Bearer ${ctx.adminToken}`,
          'content-type': 'text/plain',
          'content-length': body.length,
        }),
      );
      await conn.write(body.subarray(0, 10));
      await sleep(700);
      await conn.write(body.subarray(10));
      expect((await conn.answer()).status).toBe(400);
      await expectHealthyAfter(conn);
    } finally {
      conn.close();
    }
  });

  it('says Connection: close on an early answer to a body too large to read, and closes cleanly', async () => {
    const conn = new Connection(port);
    try {
      await conn.write(
        head('POST', createPath, {
          authorization: `Bearer ${ctx.adminToken}`,
          'content-type': 'application/json',
          'content-length': 64 * 1024 * 1024,
        }),
      );
      const first = await conn.answer();
      expect(first.status).toBe(413);
      expect(first.headers.connection).toBe('close');
    } finally {
      conn.close();
    }
  });

  it('after a chunked body over 1 MiB (read half-way by the size check): 413 with Connection: close, then a clean close', async () => {
    const conn = new Connection(port);
    try {
      await conn.write(
        head('POST', createPath, {
          authorization: `Bearer ${ctx.adminToken}`,
          'content-type': 'application/json',
          'transfer-encoding': 'chunked',
        }),
      );
      const chunk = Buffer.from('x'.repeat(64 * 1024));
      for (let i = 0; i < 18; i += 1) await conn.write(`${chunk.length.toString(16)}\r\n${chunk.toString()}\r\n`);
      await conn.write('0\r\n\r\n');
      const first = await conn.answer();
      expect(first.status).toBe(413);
      expect(first.headers.connection).toBe('close');
      // The client was told: it opens a new connection, which works.
      const fresh = new Connection(port);
      await fresh.write(healthz);
      expect((await fresh.answer()).status).toBe(200);
      fresh.close();
    } finally {
      conn.close();
    }
  });

  it('keeps two ordinary requests on one socket', async () => {
    const conn = new Connection(port);
    try {
      await conn.write(healthz);
      expect((await conn.answer()).status).toBe(200);
      await conn.write(healthz);
      expect((await conn.answer()).status).toBe(200);
    } finally {
      conn.close();
    }
  });
});
