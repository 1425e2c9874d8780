import type { IncomingMessage } from 'node:http';
import type { MiddlewareHandler } from 'hono';

/** Bodies up to this size are read to the end after an early answer, so the connection stays usable. */
export const DRAIN_LIMIT_BYTES = 8 * 1024 * 1024;
/** How long an early answer waits for the rest of a body still arriving. */
export const DRAIN_TIMEOUT_MS = 10_000;

/** The Node request behind the answer (absent under app.request, a bare stand-in in some tests). */
export function incomingOf(env: unknown): IncomingMessage | undefined {
  const incoming = (env as { incoming?: Partial<IncomingMessage> } | undefined)?.incoming;
  return incoming && typeof incoming.resume === 'function' && incoming.headers
    ? (incoming as IncomingMessage)
    : undefined;
}

function hasBody(incoming: IncomingMessage): boolean {
  const length = incoming.headers['content-length'];
  return incoming.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Reads and discards the rest of the request body through the Request's own stream (which
 * @hono/node-server feeds from the socket); false when it is over the limit, too slow, or fails.
 */
async function drain(body: ReadableStream<Uint8Array>, limitBytes: number, timeoutMs: number): Promise<boolean> {
  const reader = body.getReader();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  let bytes = 0;
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), timeout]);
      if (next === 'timeout') return false;
      if (next.done) return true;
      bytes += next.value.byteLength;
      if (bytes > limitBytes) return false;
    }
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
    reader.releaseLock();
  }
}

/**
 * An answer given before the request body was read (413 on Content-Length, 401, 400, 404…) must
 * leave a keep-alive connection usable: Node reads the next request only once this body is off
 * the socket, and @hono/node-server gives up draining after 500 ms and destroys the socket, which
 * a keep-alive client then finds dead. So the body is read to its end (up to DRAIN_LIMIT_BYTES and
 * DRAIN_TIMEOUT_MS) before the answer is sent; beyond that, or when a reader was left half-way, the
 * answer says `Connection: close`, so that the client opens a new connection for its next request.
 */
export function finishUnreadBody(limitBytes = DRAIN_LIMIT_BYTES, timeoutMs = DRAIN_TIMEOUT_MS): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const incoming = incomingOf(c.env);
    if (!incoming || incoming.readableEnded || incoming.destroyed || !hasBody(incoming)) return;
    const declared = Number(incoming.headers['content-length'] ?? Number.NaN);
    const body = c.req.raw.body;
    const readable = body !== null && !body.locked && !c.req.raw.bodyUsed;
    const drained = readable && !(declared > limitBytes) && (await drain(body, limitBytes, timeoutMs));
    if (!drained) c.res.headers.set('Connection', 'close');
  };
}
