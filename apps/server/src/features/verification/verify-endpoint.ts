import type { OpenAPIHono } from '@hono/zod-openapi';
import { clientAddress } from '../../http/client-address.ts';
import type { AppEnv } from '../../http/context.ts';
import { FAST_PATH_API_HEADERS } from './answer-headers.ts';
import {
  answerVerify,
  TOO_LARGE,
  VERIFY_BODY_LIMIT,
  type VerifyAnswer,
  type VerifyEndpointDeps,
} from './verify-request.ts';

/**
 * `POST …/apikeys/verify` inside Hono, registered after the hardening middleware (request id, access
 * log, security headers) and before the generic one (body limit, authentication: the key itself is
 * the credential). Serves `app.request` (tests) and any
 * request the node:http fast path leaves to Hono; both answer through answerVerify.
 */
export function registerVerifyEndpoint(app: OpenAPIHono<AppEnv>, deps: VerifyEndpointDeps): void {
  app.post('/rest/organizations/:org/apikeys/verify', async (c) => {
    const declared = c.req.header('content-length');
    const text = declared && Number.parseInt(declared, 10) > VERIFY_BODY_LIMIT ? null : await readCapped(c.req.raw);
    const answer: VerifyAnswer =
      text === null
        ? TOO_LARGE
        : await answerVerify(deps.verifier, c.req.param('org'), c.req.header('content-type'), text, () =>
            clientAddress(c, deps.config.trustProxy),
          );
    if (answer.code) deps.metrics.countVerdict(answer.code);
    // The request id, the access log and the request metrics come from the hardening middleware before it.
    const headers = new Headers({ 'content-type': answer.contentType });
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
