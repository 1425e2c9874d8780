import type { OpenAPIHono } from '@hono/zod-openapi';
import { clientAddress } from '../../http/client-address.ts';
import type { AppEnv } from '../../http/context.ts';
import { FAST_PATH_API_HEADERS, requestIdFor } from './answer-headers.ts';
import {
  answerVerify,
  TOO_LARGE,
  VERIFY_BODY_LIMIT,
  type VerifyAnswer,
  type VerifyEndpointDeps,
} from './verify-request.ts';

/**
 * `POST …/apikeys/verify` inside Hono, registered before the generic middleware (request id, body
 * limit, authentication: the key itself is the credential). Serves `app.request` (tests) and any
 * request the node:http fast path leaves to Hono; both answer through answerVerify.
 */
export function registerVerifyEndpoint(app: OpenAPIHono<AppEnv>, deps: VerifyEndpointDeps): void {
  app.post('/rest/organizations/:org/apikeys/verify', async (c) => {
    const requestId = requestIdFor(c.req.header('x-request-id'));
    const declared = c.req.header('content-length');
    const text = declared && Number.parseInt(declared, 10) > VERIFY_BODY_LIMIT ? null : await readCapped(c.req.raw);
    const answer: VerifyAnswer =
      text === null
        ? TOO_LARGE
        : await answerVerify(deps.verifier, c.req.param('org'), c.req.header('content-type'), text, () =>
            clientAddress(c, deps.config.trustProxy),
          );
    const headers = new Headers({ 'content-type': answer.contentType, 'x-request-id': requestId });
    for (let i = 0; i < FAST_PATH_API_HEADERS.length; i += 2)
      headers.set(FAST_PATH_API_HEADERS[i] as string, FAST_PATH_API_HEADERS[i + 1] as string);
    return new Response(answer.body, { status: answer.status, headers });
  });
}

/** The body as UTF-8 text, or null past the limit (reading stops there). */
async function readCapped(request: Request): Promise<string | null> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > VERIFY_BODY_LIMIT) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
