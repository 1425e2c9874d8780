import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { depsOf } from '../../app.ts';
import { createTestContext, ORG, type TestContext } from '../../../test/harness.ts';
import { createKey } from '../../../test/api-keys.ts';
import { createServerWithFastPaths, verifyFastPath } from './verify-fast-path.ts';

// The verify route over a real socket, as main.ts serves it: node:http fast path first, then Hono.
let ctx: TestContext;
let server: ServerType;
let agent: http.Agent;
let port: number;
const PATH = `/rest/organizations/${ORG}/apikeys/verify`;
const JSON_TYPE = { 'content-type': 'application/json' };

beforeEach(async () => {
  ctx = await createTestContext();
  server = serve({
    fetch: ctx.app.fetch,
    port: 0,
    hostname: '127.0.0.1',
    createServer: createServerWithFastPaths(verifyFastPath(depsOf(ctx.app))),
  });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  port = (server.address() as AddressInfo).port;
  agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
});
afterEach(async () => {
  agent.destroy();
  await new Promise((resolve) => server.close(resolve));
  await ctx.close();
});

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  socket: string;
  reused: boolean;
}

function send(
  body: string | Buffer | null,
  headers: Record<string, string> = JSON_TYPE,
  path = PATH,
  chunked = false,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', headers, agent }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (data += c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: data,
          socket: `${req.socket?.localPort}`,
          reused: req.reusedSocket,
        }),
      );
    });
    req.on('error', reject);
    if (chunked && body !== null) {
      const buf = Buffer.from(body);
      for (let i = 0; i < buf.length; i += 64 * 1024) req.write(buf.subarray(i, i + 64 * 1024));
      req.end();
    } else if (body !== null) req.end(body);
    else req.end();
  });
}

const problem = (status: number, code: string, detail: string, errors?: unknown[]) => ({
  type: `https://keyward.dev/problems/${code.toLowerCase().replaceAll('_', '-')}`,
  title: status === 413 ? 'Payload Too Large' : 'Bad Request',
  status,
  detail,
  errorCode: code,
  ...(errors ? { errors } : {}),
});
const SHAPE = 'The request does not match the expected shape.';

describe('the verification fast path (node:http)', () => {
  it('answers many calls arriving together, each with its own verdict and request id, in one turn', async () => {
    const valid = await createKey(ctx, 'push-api', { allowedIps: [] });
    const fenced = await createKey(ctx, 'push-api', { allowedIps: ['203.0.113.0/24'] });
    const many = new http.Agent({ keepAlive: true, maxSockets: 40 });
    try {
      const calls = Array.from({ length: 120 }, (_, i) => {
        const key = i % 3 === 0 ? fenced : valid;
        const body = JSON.stringify({ key: i % 5 === 4 ? `${key.value ?? ''}x` : key.value });
        return new Promise<{ i: number; status: number; code: string; id: string }>((resolve, reject) => {
          const req = http.request(
            { host: '127.0.0.1', port, path: PATH, method: 'POST', headers: JSON_TYPE, agent: many },
            (res) => {
              let data = '';
              res.on('data', (c: Buffer) => (data += c.toString()));
              res.on('end', () =>
                resolve({
                  i,
                  status: res.statusCode ?? 0,
                  code: (JSON.parse(data) as { code: string }).code,
                  id: String(res.headers['x-request-id']),
                }),
              );
            },
          );
          req.on('error', reject);
          req.end(body);
        });
      });
      const answers = await Promise.all(calls);
      for (const a of answers) {
        expect(a.status).toBe(200);
        expect(a.code, `call ${a.i}`).toBe(a.i % 5 === 4 ? 'NOT_FOUND' : a.i % 3 === 0 ? 'IP_DENIED' : 'VALID');
      }
      expect(new Set(answers.map((a) => a.id)).size).toBe(answers.length);
    } finally {
      many.destroy();
    }
  });

  it('answers a valid call like the Hono route, with the connection as the caller address', async () => {
    const fenced = await createKey(ctx, 'push-api', { allowedIps: ['203.0.113.0/24'] });
    expect(JSON.parse((await send(JSON.stringify({ key: fenced.value }))).body).code).toBe('IP_DENIED');
    const key = await createKey(ctx, 'push-api', { allowedIps: [] });
    const fast = await send(JSON.stringify({ key: key.value }));
    expect(fast.status).toBe(200);
    expect(fast.headers['content-type']).toBe('application/json');
    expect(fast.headers['x-request-id']).toMatch(/^[\w\-=]+$/);
    const viaHono = await ctx.call('POST', PATH, { body: { key: key.value, ip: '127.0.0.1' } });
    expect(JSON.parse(fast.body)).toEqual(await viaHono.json());
    expect(JSON.parse(fast.body)).toMatchObject({ valid: true, code: 'VALID', keyId: key.id });
    await depsOf(ctx.app).usage.flush();
    const row = await ctx.db.db
      .selectFrom('api_keys')
      .select(['last_used_ip', 'last_used_date'])
      .where('id', '=', key.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ last_used_ip: '127.0.0.1', last_used_date: ctx.clock.now() });
  });

  it('keeps the caller X-Request-Id when acceptable', async () => {
    const key = await createKey(ctx);
    expect(
      (await send(JSON.stringify({ key: key.value }), { ...JSON_TYPE, 'x-request-id': 'abc-123' })).headers[
        'x-request-id'
      ],
    ).toBe('abc-123');
    expect(
      (await send(JSON.stringify({ key: key.value }), { ...JSON_TYPE, 'x-request-id': 'no spaces' })).headers[
        'x-request-id'
      ],
    ).not.toBe('no spaces');
  });

  it('answers bad input exactly as the generic pipeline did, on a connection that stays open', async () => {
    const key = await createKey(ctx);
    const cases: [string, string | null, Record<string, string>, number, unknown][] = [
      ['malformed JSON', '{', JSON_TYPE, 400, problem(400, 'MALFORMED_REQUEST', 'Malformed JSON in request body')],
      ['empty body', '', JSON_TYPE, 400, problem(400, 'MALFORMED_REQUEST', 'Malformed JSON in request body')],
      ['no body', null, JSON_TYPE, 400, problem(400, 'MALFORMED_REQUEST', 'Malformed JSON in request body')],
      [
        'key a number',
        '{"key":42}',
        JSON_TYPE,
        400,
        problem(400, 'MALFORMED_REQUEST', SHAPE, [
          { path: 'key', message: 'Invalid input: expected string, received number', rule: 'invalid_type' },
        ]),
      ],
      [
        'key missing',
        '{}',
        JSON_TYPE,
        400,
        problem(400, 'MALFORMED_REQUEST', SHAPE, [
          { path: 'key', message: 'Invalid input: expected string, received undefined', rule: 'invalid_type' },
        ]),
      ],
      [
        'ip a number',
        JSON.stringify({ key: key.value, ip: 5 }),
        JSON_TYPE,
        400,
        problem(400, 'MALFORMED_REQUEST', SHAPE, [
          { path: 'ip', message: 'Invalid input: expected string, received number', rule: 'invalid_type' },
        ]),
      ],
      [
        'an array',
        '[1]',
        JSON_TYPE,
        400,
        problem(400, 'MALFORMED_REQUEST', SHAPE, [
          { path: '(body)', message: 'Invalid input: expected object, received array', rule: 'invalid_type' },
        ]),
      ],
      [
        'null',
        'null',
        JSON_TYPE,
        400,
        problem(400, 'MALFORMED_REQUEST', SHAPE, [
          { path: '(body)', message: 'Invalid input: expected object, received null', rule: 'invalid_type' },
        ]),
      ],
      [
        'a bad privilege',
        JSON.stringify({ key: key.value, privileges: [{ owner: 'BAD' }] }),
        JSON_TYPE,
        400,
        problem(400, 'MALFORMED_REQUEST', SHAPE, [
          {
            path: 'privileges.0.owner',
            message: 'Invalid option: expected one of "PLATFORM"|"SEARCH_API"|"USAGE_ANALYTICS"|"COVEO_ML"',
            rule: 'invalid_value',
          },
          {
            path: 'privileges.0.targetDomain',
            message: 'Invalid input: expected string, received undefined',
            rule: 'invalid_type',
          },
        ]),
      ],
      [
        'privileges not an array',
        JSON.stringify({ key: key.value, privileges: {} }),
        JSON_TYPE,
        400,
        problem(400, 'MALFORMED_REQUEST', SHAPE, [
          { path: 'privileges', message: 'Invalid input: expected array, received object', rule: 'invalid_type' },
        ]),
      ],
      [
        'a key over 200 characters',
        JSON.stringify({ key: 'k'.repeat(201) }),
        JSON_TYPE,
        400,
        problem(400, 'MALFORMED_REQUEST', SHAPE, [
          { path: 'key', message: 'Too big: expected string to have <=200 characters', rule: 'too_big' },
        ]),
      ],
      [
        'no content type',
        JSON.stringify({ key: key.value }),
        {},
        400,
        problem(400, 'MALFORMED_REQUEST', 'Unsupported Content-Type: send the body as application/json.'),
      ],
      [
        'text/plain',
        JSON.stringify({ key: key.value }),
        { 'content-type': 'text/plain' },
        400,
        problem(400, 'MALFORMED_REQUEST', 'Unsupported Content-Type: send the body as application/json.'),
      ],
    ];
    let socket: string | null = null;
    for (const [name, body, headers, status, expected] of cases) {
      const reply = await send(body, headers);
      expect(reply.status, name).toBe(status);
      expect(reply.headers['content-type'], name).toBe('application/problem+json');
      expect(reply.headers['x-request-id'], name).toBeTruthy();
      expect(JSON.parse(reply.body), name).toEqual(expected);
      socket ??= reply.socket;
      expect(reply.socket, `${name}: same connection`).toBe(socket);
    }
    const after = await send(JSON.stringify({ key: key.value }));
    expect([after.status, after.socket, after.reused]).toEqual([200, socket, true]);
  });

  it('accepts what the schema accepts: unknown fields (ignored), nulls, a charset, a BOM, targetIds', async () => {
    const key = await createKey(ctx, 'push-api', { allowedIps: [] });
    const ok = [
      [JSON.stringify({ key: key.value, foo: 1 }), JSON_TYPE],
      [JSON.stringify({ key: key.value, ip: null, origin: null, privileges: null, searchHub: null }), JSON_TYPE],
      [JSON.stringify({ key: key.value }), { 'content-type': 'application/json; charset=utf-8' }],
      [`\uFEFF${JSON.stringify({ key: key.value })}`, JSON_TYPE],
      [`{"key":"${key.value}","__proto__":{"x":1}}`, JSON_TYPE],
      [
        JSON.stringify({
          key: key.value,
          privileges: [
            { owner: 'PLATFORM', targetDomain: 'SOURCE_PUSH', targetIds: ['src-a'], global: false, extra: 1 },
          ],
        }),
        JSON_TYPE,
      ],
    ] as const;
    for (const [body, headers] of ok) {
      const reply = await send(body, headers);
      expect(reply.status, body).toBe(200);
      expect(JSON.parse(reply.body), body).toMatchObject({ valid: true, code: 'VALID' });
    }
  });

  it('answers 413 past 1 MiB, declared or streamed, and the connection stays usable', async () => {
    const key = await createKey(ctx);
    const big = JSON.stringify({ key: 'x'.repeat(1024 * 1024) });
    const tooLarge = problem(413, 'PAYLOAD_TOO_LARGE', 'The request body is over 1 MiB.');
    const declared = await send(big);
    expect([declared.status, JSON.parse(declared.body)]).toEqual([413, tooLarge]);
    const streamed = await send(big, { ...JSON_TYPE, 'transfer-encoding': 'chunked' }, PATH, true);
    expect([streamed.status, JSON.parse(streamed.body)]).toEqual([413, tooLarge]);
    const after = await send(JSON.stringify({ key: key.value }));
    expect([after.status, after.socket, after.reused]).toEqual([200, declared.socket, true]);
  });

  it('takes a query string; leaves other paths and encoded organization ids to Hono', async () => {
    const key = await createKey(ctx);
    expect((await send(JSON.stringify({ key: key.value }), JSON_TYPE, `${PATH}?x=1`)).status).toBe(200);
    expect((await send(JSON.stringify({ key: key.value }), JSON_TYPE, `${PATH}/`)).status).toBe(404);
    const encoded = await send(
      JSON.stringify({ key: key.value }),
      JSON_TYPE,
      PATH.replace(ORG, encodeURIComponent(`${ORG}`).replace('m', '%6D')),
    );
    expect(JSON.parse(encoded.body)).toMatchObject({ code: 'VALID' });
  });

  it('sends the headers of the generic pipeline for an API JSON answer', async () => {
    const key = await createKey(ctx, 'push-api', { allowedIps: [] });
    const fast = await send(JSON.stringify({ key: key.value }));
    const generic = await new Promise<http.IncomingMessage>((resolve, reject) => {
      http
        .get(
          {
            host: '127.0.0.1',
            port,
            path: `/rest/organizations/${ORG}/privileges/me`,
            agent,
            headers: { authorization: `Bearer ${key.value}` },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res));
          },
        )
        .on('error', reject);
    });
    expect(generic.statusCode).toBe(200);
    const names = (h: http.IncomingHttpHeaders) =>
      Object.keys(h)
        .filter((n) => n !== 'date')
        .sort();
    expect(names(fast.headers)).toEqual(names(generic.headers));
  });
});
