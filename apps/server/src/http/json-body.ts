import type { IncomingMessage } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './context.ts';
import { incomingOf } from './early-answers.ts';

// The media types Hono's JSON validator reads (hono/validator's jsonRegex, with parameters).
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json(\s*;.*)?$/i;

/**
 * The limit on request bodies of the API, checked without building a web Request for it (which
 * even asking whether a body exists does; with readJsonBodies, that machinery was a tenth of the
 * time of creating a key through the API, PRODUCT.md §9): a declared Content-Length over the limit
 * gets `tooLarge()` (413) before anything is read; chunked bodies (and app.request in tests, which
 * has no IncomingMessage) go through Hono's bodyLimit, which counts the bytes as they stream.
 */
export function limitRequestBodies(limitBytes: number, tooLarge: () => never): MiddlewareHandler {
  const streamed = bodyLimit({ maxSize: limitBytes, onError: tooLarge });
  return async (c, next) => {
    const incoming = incomingOf(c.env);
    if (!incoming || incoming.headers['transfer-encoding'] !== undefined) return streamed(c, next);
    const length = incoming.headers['content-length'];
    if (length === undefined) return next(); // no body
    const declared = Number(length);
    if (!Number.isSafeInteger(declared) || declared < 0) return streamed(c, next);
    if (declared > limitBytes) tooLarge();
    return next();
  };
}

/**
 * A JSON body that declares its length (within the limit checked before), of an authenticated
 * request, read straight from node's IncomingMessage into Hono's body cache: `text`, which `json()`
 * parses, and `arrayBuffer`, the exact bytes, decoded as the Fetch standard's text() does (UTF-8, a
 * leading BOM dropped, bad sequences replaced). Unauthenticated requests are answered first (401
 * without waiting for their body); other bodies take Hono's own path.
 */
export function readJsonBodies(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = incomingOf(c.env);
    if (!incoming || !c.var.principal || incoming.readableDidRead) return next();
    const length = incoming.headers['content-length'];
    const type = incoming.headers['content-type'];
    if (length === undefined || incoming.headers['transfer-encoding'] !== undefined) return next();
    if (!type || !JSON_MEDIA_TYPE.test(type)) return next();
    const declared = Number(length);
    if (!Number.isSafeInteger(declared) || declared <= 0) return next();
    const bytes = await readAll(incoming, declared);
    if (bytes === null) return next(); // the client went away mid-body: nothing cached, Hono's path answers
    // Hono keeps promises there (its types say values): what raw.text() and raw.arrayBuffer() would give.
    const cache = c.req.bodyCache as Record<string, Promise<unknown>>;
    cache.arrayBuffer = Promise.resolve(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    cache.text = Promise.resolve(new TextDecoder().decode(bytes));
    return next();
  };
}

/** The whole body (node holds it to Content-Length), or null when the request fails first. */
function readAll(incoming: IncomingMessage, declared: number): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (value: Buffer | null) => {
      incoming.off('data', onData).off('end', onEnd).off('error', onError).off('aborted', onError);
      resolve(value);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      chunks.push(chunk);
    };
    const onEnd = () => {
      if (size !== declared) done(null);
      else done(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
    };
    const onError = () => done(null);
    incoming.on('data', onData).on('end', onEnd).on('error', onError).on('aborted', onError);
  });
}
