import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { SecretScanningRequestSchema, SecretScanningResultSchema } from '@keyward/contract';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { AppEnv } from '../../http/context.ts';
import { jsonBody, jsonResponse, problemResponses } from '../../http/openapi.ts';
import { AppError } from '../../http/problem.ts';
import { readGithubKeyFile, verifyGithubSignature } from './github-signature.ts';
import type { ExposureDeps } from '../exposure/exposure.service.ts';
import { triageGithubMatches } from './secret-scanning.service.ts';

/** GitHub signs the raw body: checked before the body is parsed, so a bad signature is 401 whatever the body. */
const signedByGithub = (keysFile: string | undefined) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const body = new Uint8Array(await c.req.arrayBuffer());
    const keys = await readGithubKeyFile(keysFile);
    const check = verifyGithubSignature(
      keys,
      c.req.header('github-public-key-identifier'),
      c.req.header('github-public-key-signature'),
      body,
    );
    if (!check.ok) throw new AppError(check.status === 400 ? 'MALFORMED_REQUEST' : 'UNAUTHENTICATED', check.detail);
    await next();
  });

const intakeRoute = (keysFile: string | undefined) =>
  createRoute({
    method: 'post',
    path: '/rest/secret-scanning/github',
    tags: ['Secret scanning'],
    summary: 'GitHub secret-scanning partner endpoint',
    description:
      'Tokens GitHub found in public content, signed by GitHub (ECDSA P-256 SHA-256 over the raw body: `Github-Public-Key-Signature`, ' +
      'key chosen by `Github-Public-Key-Identifier` from the file KEYWARD_SECRET_SCANNING_KEYS). A Keyward key that exists is a ' +
      'true positive and is reported exposed (private: HIGH, public: WARN); anything else is a false positive.',
    middleware: [signedByGithub(keysFile)] as const,
    request: { body: jsonBody(SecretScanningRequestSchema) },
    responses: {
      200: jsonResponse(z.array(SecretScanningResultSchema), 'One verdict per token'),
      ...problemResponses(400, 401, 413),
    },
  });

export function registerSecretScanningRoutes(
  app: OpenAPIHono<AppEnv>,
  deps: ExposureDeps & { config: Pick<Config, 'secretScanningKeysFile'> },
): void {
  app.openapi(intakeRoute(deps.config.secretScanningKeysFile), async (c) =>
    c.json(await triageGithubMatches(deps, c.req.valid('json')), 200),
  );
}
