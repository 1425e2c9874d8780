import http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listen } from '../../test/listening.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { B } from '../../test/api-keys.ts';

// Request bodies over a real socket (limitRequestBodies, readJsonBodies): the answers are those of
// Hono's own path (app.request, no IncomingMessage), for well-formed and malformed bodies alike.
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

const CREATE = `${B}?apiKeyTemplateId=anonymous-search`;

function post(
  path: string,
  body: Buffer,
  opts: { chunked?: boolean; type?: string; token?: string | null } = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const headers: Record<string, string> = { 'content-type': opts.type ?? 'application/json' };
  if (opts.token !== null) headers.authorization = `Bearer ${opts.token ?? ctx.adminToken}`;
  if (!opts.chunked) headers['content-length'] = String(body.length);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString() || '{}') }),
      );
    });
    req.on('error', reject);
    if (opts.chunked) {
      for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.subarray(i, i + 64 * 1024));
      req.end();
    } else req.end(body);
  });
}

async function viaHono(path: string, body: Buffer, type = 'application/json') {
  const res = await ctx.app.request(path, {
    method: 'POST',
    headers: { 'content-type': type, authorization: `Bearer ${ctx.adminToken}` },
    body,
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const comparable = (json: Record<string, unknown>) => {
  const { id, value, maskedValue, createdDate, activationDate, inactivityDeadline, ...rest } = json;
  void [id, value, maskedValue, createdDate, activationDate, inactivityDeadline];
  return rest;
};

describe('request bodies over a socket', () => {
  it('reads a JSON body as Hono would: UTF-8, a leading BOM dropped', async () => {
    const name = 'Clé ✓ 東京';
    for (const body of [
      Buffer.from(JSON.stringify({ displayName: name, description: 'd' })),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ displayName: name }))]),
    ]) {
      const fast = await post(CREATE, body);
      const hono = await viaHono(CREATE, body);
      expect(fast.status).toBe(201);
      expect(fast.json.displayName).toBe(name);
      expect(comparable(fast.json)).toEqual(comparable(hono.json));
    }
  });

  it.each([
    ['malformed JSON', '{"displayName": '],
    ['an empty object', '{}'],
    ['a wrong type', '{"displayName": 5}'],
    ['an array', '[1,2]'],
    ['bytes that are not UTF-8', Buffer.from([0x7b, 0x22, 0x64, 0xff, 0xfe, 0x22, 0x7d])],
  ])('answers %s exactly as Hono does', async (_name, body) => {
    const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
    const fast = await post(CREATE, bytes);
    const hono = await viaHono(CREATE, bytes);
    expect(fast.status).toBe(hono.status);
    expect(fast.json).toEqual(hono.json);
  });

  it('413 on a declared length over 1 MiB, and on a chunked body over 1 MiB', async () => {
    const big = Buffer.from(JSON.stringify({ displayName: 'x', description: 'y'.repeat(1024 * 1024) }));
    for (const chunked of [false, true]) {
      const res = await post(CREATE, big, { chunked });
      expect(res.status, `chunked: ${chunked}`).toBe(413);
      expect(res.json.errorCode).toBe('PAYLOAD_TOO_LARGE');
    }
  });

  it('a chunked body within the limit is read (Hono path)', async () => {
    const res = await post(CREATE, Buffer.from(JSON.stringify({ displayName: 'Chunked' })), { chunked: true });
    expect(res.status).toBe(201);
    expect(res.json.displayName).toBe('Chunked');
  });

  it('401 without credentials, a wrong media type 400, as before', async () => {
    const body = Buffer.from(JSON.stringify({ displayName: 'No token' }));
    expect((await post(CREATE, body, { token: null })).status).toBe(401);
    const text = await post(CREATE, body, { type: 'text/plain' });
    expect(text.status).toBe((await viaHono(CREATE, body, 'text/plain')).status);
  });
});
