import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiKey, SecretScanningResult } from '@keyward/contract';
import { DAY_MS } from '@keyward/domain';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { activitiesOf, B, createKey, jsonOf } from '../../../test/api-keys.ts';

const URL_PATH = '/rest/secret-scanning/github';
let dir: string;
let keyFile: string;
let signer: crypto.KeyObject;
let otherSigner: crypto.KeyObject;
let ctx: TestContext;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyward-github-keys-'));
  const current = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const old = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  signer = current.privateKey;
  otherSigner = old.privateKey;
  const pem = (k: crypto.KeyObject) => k.export({ type: 'spki', format: 'pem' }).toString();
  keyFile = path.join(dir, 'github-keys.json');
  fs.writeFileSync(
    keyFile,
    JSON.stringify({
      public_keys: [
        { key_identifier: 'current-key-id', key: pem(current.publicKey), is_current: true },
        { key_identifier: 'old-key-id', key: pem(old.publicKey), is_current: false },
      ],
    }),
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
beforeEach(async () => {
  ctx = await createTestContext({ KEYWARD_SECRET_SCANNING_KEYS: keyFile });
});
afterEach(() => ctx.close());

const sign = (body: string, key = signer) => crypto.sign('sha256', Buffer.from(body), key).toString('base64');

function post(body: string, headers: Record<string, string>) {
  return ctx.app.request(URL_PATH, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

function signed(body: string, keyId = 'current-key-id', key = signer) {
  return post(body, { 'Github-Public-Key-Identifier': keyId, 'Github-Public-Key-Signature': sign(body, key) });
}

const match = (token: string, type = 'keyward_api_key') => ({
  token,
  type,
  url: 'https://github.com/acme/app/blob/abc/config.js',
  source: 'content',
});

describe('POST /rest/secret-scanning/github', () => {
  it('labels a private Keyward key true_positive and reports it HIGH, a public one WARN, unknown tokens false_positive', async () => {
    const privateKey = await createKey(ctx, 'push-api');
    const publicKey = await createKey(ctx, 'anonymous-search');
    const forged = `${privateKey.value?.slice(0, -1)}${privateKey.value?.endsWith('A') ? 'B' : 'A'}`;
    const unknownButWellFormed = await createKey(ctx, 'push-api', { displayName: 'Deleted later' });
    await ctx.call('DELETE', `${B}/${unknownButWellFormed.id}`, { token: ctx.adminToken });
    const tokens = [
      privateKey.value,
      publicKey.value,
      forged,
      unknownButWellFormed.value,
      'ghp_notoursatall',
    ] as string[];
    const body = JSON.stringify(tokens.map((t) => match(t)));
    const res = await signed(body);
    expect(res.status).toBe(200);
    const results = await jsonOf<SecretScanningResult[]>(res);
    expect(results.map((r) => r.label)).toEqual([
      'true_positive',
      'true_positive',
      'false_positive',
      'false_positive',
      'false_positive',
    ]);
    expect(results[0]).toEqual({ token_raw: privateKey.value, token_type: 'keyward_api_key', label: 'true_positive' });

    const exposedPrivate = await jsonOf<ApiKey>(
      await ctx.call('GET', `${B}/${privateKey.id}`, { token: ctx.adminToken }),
    );
    expect(exposedPrivate.exposureReport).toMatchObject({
      severity: 'HIGH',
      deactivationDate: ctx.clock.now() + 2 * DAY_MS,
      reasons: [{ source: 'GITHUB', url: 'https://github.com/acme/app/blob/abc/config.js', severity: 'HIGH' }],
    });
    const exposedPublic = await jsonOf<ApiKey>(
      await ctx.call('GET', `${B}/${publicKey.id}`, { token: ctx.adminToken }),
    );
    expect(exposedPublic.exposureReport).toMatchObject({
      severity: 'WARN',
      deactivationDate: null,
      reasons: [{ source: 'GITHUB' }],
    });
    expect((await activitiesOf(ctx, privateKey.id))[0]).toMatchObject({ operation: 'EXPOSE' });
  });

  it('a retried delivery adds no second reason', async () => {
    const key = await createKey(ctx, 'push-api');
    const body = JSON.stringify([match(key.value as string)]);
    await signed(body);
    await signed(body);
    const after = await jsonOf<ApiKey>(await ctx.call('GET', `${B}/${key.id}`, { token: ctx.adminToken }));
    expect(after.exposureReport?.reasons).toHaveLength(1);
    expect((await activitiesOf(ctx, key.id)).filter((a) => a.operation === 'EXPOSE')).toHaveLength(1);
  });

  it('accepts a signature by any key of the file (keys rotate), chosen by its identifier', async () => {
    const body = JSON.stringify([match('ghp_x')]);
    expect((await signed(body, 'old-key-id', otherSigner)).status).toBe(200);
  });

  it('refuses a wrong key identifier, a signature by another key, a tampered body, or no signature (401)', async () => {
    const key = await createKey(ctx, 'push-api');
    const body = JSON.stringify([match(key.value as string)]);
    expect((await signed(body, 'no-such-key')).status).toBe(401);
    expect((await signed(body, 'current-key-id', otherSigner)).status).toBe(401);
    const tampered = body.replace('config.js', 'config.ts');
    expect(
      (
        await post(tampered, {
          'Github-Public-Key-Identifier': 'current-key-id',
          'Github-Public-Key-Signature': sign(body),
        })
      ).status,
    ).toBe(401);
    expect((await post(body, {})).status).toBe(401);
    expect((await post(body, { 'Github-Public-Key-Identifier': 'current-key-id' })).status).toBe(401);
    const untouched = await jsonOf<ApiKey>(await ctx.call('GET', `${B}/${key.id}`, { token: ctx.adminToken }));
    expect(untouched.exposureReport).toBeNull();
  });

  it('answers 400 for a malformed signature or a signed body of the wrong shape', async () => {
    const body = JSON.stringify([match('x')]);
    expect(
      (
        await post(body, {
          'Github-Public-Key-Identifier': 'current-key-id',
          'Github-Public-Key-Signature': 'not base64!',
        })
      ).status,
    ).toBe(400);
    expect((await signed('{"token": "x"}')).status).toBe(400);
    expect((await signed('[{"token": 1}]')).status).toBe(400);
    expect((await signed('not json')).status).toBe(400);
  });

  it('refuses everything (401) when no key file is configured', async () => {
    const bare = await createTestContext();
    try {
      const body = '[]';
      const res = await bare.app.request(URL_PATH, {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          'Github-Public-Key-Identifier': 'current-key-id',
          'Github-Public-Key-Signature': sign(body),
        },
      });
      expect(res.status).toBe(401);
    } finally {
      await bare.close();
    }
  });
});
