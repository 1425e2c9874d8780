import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import {
  ProblemSchema,
  VerifyRequestSchema,
  VerifyResponseSchema,
  type PrivilegeInput,
  type VerifyResponse,
} from '@keyward/contract';
import { z } from 'zod';
import type { Privilege } from '@keyward/domain';
import { clientAddress } from '../../http/client-address.ts';
import type { AppEnv, Deps } from '../../http/context.ts';
import { registerUsageRoutes } from './usage.routes.ts';
import type { Verdict } from './verifier.ts';

const verifyRoute = createRoute({
  method: 'post',
  path: '/rest/organizations/{org}/apikeys/verify',
  tags: ['Verification'],
  summary: 'Verify a key presented to a service',
  description:
    'Answers whether the key may be used from `ip` (default: the caller) with the `privileges` and `searchHub` asked. ' +
    'The key itself is the credential: no other authentication is needed. Every call counts as a use of the key.',
  request: {
    params: z.object({ org: z.string() }),
    body: { required: true, content: { 'application/json': { schema: VerifyRequestSchema } } },
  },
  responses: {
    200: { description: 'The verdict', content: { 'application/json': { schema: VerifyResponseSchema } } },
    400: { description: 'Malformed request', content: { 'application/problem+json': { schema: ProblemSchema } } },
  },
});

export function registerVerificationRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  registerUsageRoutes(app, deps);
  app.openapi(verifyRoute, async (c) => {
    const { org } = c.req.valid('param');
    const body = c.req.valid('json');
    const verdict = await deps.verifier.verify(
      {
        key: body.key,
        ip: body.ip ?? clientAddress(c, deps.config.trustProxy),
        origin: body.origin ?? null,
        privileges: (body.privileges ?? []).map(toPrivilege),
        searchHub: body.searchHub ?? null,
      },
      org,
    );
    return c.json(toResponse(verdict), 200);
  });
}

function toPrivilege(p: PrivilegeInput): Privilege {
  return {
    owner: p.owner,
    targetDomain: p.targetDomain,
    ...(p.type ? { type: p.type } : {}),
    ...(p.targetId || p.targetIds?.[0] ? { targetId: (p.targetId ?? p.targetIds?.[0]) as string } : {}),
  };
}

function toResponse(verdict: Verdict): VerifyResponse {
  if (!verdict.key) return { valid: false, code: verdict.code };
  const key = verdict.key;
  return {
    valid: verdict.valid,
    code: verdict.code,
    keyId: key.id,
    displayName: key.displayName,
    ...(verdict.valid
      ? { privileges: key.privileges, enforcedSearchHub: key.searchHub, expirationDate: key.facts.expirationDate }
      : {}),
  };
}
