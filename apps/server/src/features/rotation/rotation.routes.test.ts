import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiKey } from '@keyward/contract';
import { DAY_MS, REQUIRED_PRIVILEGES } from '@keyward/domain';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { activitiesOf, B, createKey, jsonOf } from '../../../test/api-keys.ts';

let ctx: TestContext;
let old: ApiKey;
beforeEach(async () => {
  ctx = await createTestContext();
  old = await createKey(ctx, 'view-all-content', { description: 'for support', allowedIps: ['203.0.113.0/24'] });
});
afterEach(() => ctx.close());

const rotate = (id: string, body: unknown, token = ctx.adminToken) =>
  ctx.call('POST', `${B}/${id}/rotate`, { token, body });
const get = async (id: string) => jsonOf<ApiKey>(await ctx.call('GET', `${B}/${id}`, { token: ctx.adminToken }));

async function later(ms: number): Promise<void> {
  ctx.clock.set(ctx.clock.now() + ms);
  ctx.adminToken = await ctx.tokenFor(ctx.adminId);
}

describe('POST B/{id}/rotate', () => {
  it('creates the replacement with the same settings, reveals it once, and schedules the old key', async () => {
    const res = await rotate(old.id, { previousKeyExpirationPeriod: 'P7D' });
    expect(res.status).toBe(201);
    const fresh = await jsonOf<ApiKey>(res);
    expect(fresh.value).toMatch(/^kwprv_[0-9A-Za-z]{36}$/);
    expect(fresh.id).not.toBe(old.id);
    expect(fresh).toMatchObject({
      displayName: old.displayName,
      description: 'for support',
      apiKeyTemplateId: 'view-all-content',
      privileges: old.privileges,
      allowedIps: ['203.0.113.0/24'],
      additionalConfiguration: old.additionalConfiguration,
      status: 'ENABLED',
      expirationDate: ctx.clock.now() - (ctx.clock.now() % DAY_MS) + 7 * DAY_MS + DAY_MS - 1000,
    });
    expect((await get(fresh.id)).value).toBeUndefined();
    const before = await get(old.id);
    expect(before).toMatchObject({
      status: 'ENABLED',
      scheduledDeactivationDate: ctx.clock.now() + 7 * DAY_MS,
      rotatedToKeyId: fresh.id,
    });
    expect((await activitiesOf(ctx, old.id))[0]).toMatchObject({
      operation: 'ROTATE',
      content: { rotatedTo: fresh.id, after: { rotatedToKeyId: fresh.id } },
    });
    expect((await activitiesOf(ctx, fresh.id))[0]).toMatchObject({
      operation: 'ROTATE',
      content: { rotatedFrom: old.id },
    });
  });

  it('deactivates the old key when the grace period ends: status, then a ROTATED deactivation by the job', async () => {
    await jsonOf(await rotate(old.id, { previousKeyExpirationPeriod: 'PT12H' }));
    await later(12 * 3_600_000 - 1);
    expect((await get(old.id)).status).toBe('ENABLED');
    await later(1);
    expect((await get(old.id)).status).toBe('DISABLED');
    expect((await ctx.app.request('/__test__/jobs/run', { method: 'POST' })).status).toBe(200);
    expect(await get(old.id)).toMatchObject({
      status: 'DISABLED',
      enabled: false,
      disabledReason: 'ROTATED',
      disabledDate: ctx.clock.now(),
    });
    expect((await activitiesOf(ctx, old.id))[0]).toMatchObject({
      operation: 'DEACTIVATE',
      content: { after: { disabledReason: 'ROTATED' } },
    });
  });

  it('PT0S deactivates the old key at once', async () => {
    const fresh = await jsonOf<ApiKey>(await rotate(old.id, { previousKeyExpirationPeriod: 'PT0S' }));
    expect(await get(old.id)).toMatchObject({
      status: 'DISABLED',
      enabled: false,
      disabledReason: 'ROTATED',
      rotatedToKeyId: fresh.id,
    });
    expect((await activitiesOf(ctx, old.id))[0]).toMatchObject({
      operation: 'ROTATE',
      content: { resourceState: 'DISABLED' },
    });
  });

  it('keeps a Custom key that never expires never-expiring', async () => {
    const custom = await createKey(ctx, 'custom');
    const fresh = await jsonOf<ApiKey>(await rotate(custom.id, { previousKeyExpirationPeriod: 'P1D' }));
    expect(fresh).toMatchObject({ apiKeyTemplateId: 'custom', expirationDate: null, privileges: custom.privileges });
  });

  it.each(['P31D', 'PT721H', 'P1M', 'P1Y', '7 days', 'P', '-P1D'])('answers 422 for the period %s', async (period) => {
    const res = await rotate(old.id, { previousKeyExpirationPeriod: period });
    expect(res.status).toBe(422);
    expect((await jsonOf<{ errors: { path: string }[] }>(res)).errors[0]?.path).toBe('previousKeyExpirationPeriod');
    expect((await get(old.id)).rotatedToKeyId).toBeNull();
  });

  it.each([[{}], [{ previousKeyExpirationPeriod: 7 }], ['P7D']])('answers 400 for the body %j', async (body) => {
    expect((await rotate(old.id, body)).status).toBe(400);
  });

  it('answers 409 for a key already rotated or not active, 404 for an unknown key', async () => {
    await jsonOf(await rotate(old.id, { previousKeyExpirationPeriod: 'P1D' }));
    expect((await rotate(old.id, { previousKeyExpirationPeriod: 'P1D' })).status).toBe(409);
    const disabled = await createKey(ctx, 'anonymous-search');
    await ctx.call('PUT', `${B}/${disabled.id}/disable`, { token: ctx.adminToken });
    expect((await rotate(disabled.id, { previousKeyExpirationPeriod: 'P1D' })).status).toBe(409);
    expect((await rotate('nosuchkeynosuchkeynosuchk', { previousKeyExpirationPeriod: 'P1D' })).status).toBe(404);
  });

  it('requires API keys Create and Edit access to the key; never an API key', async () => {
    const editorWithoutCreate = await ctx.userWith({ apiKeyAccess: 'EDIT_ALL' });
    expect((await rotate(old.id, { previousKeyExpirationPeriod: 'P1D' }, editorWithoutCreate.token)).status).toBe(403);
    const viewer = await ctx.userWith({ apiKeyAccess: 'VIEW_ALL', privileges: [REQUIRED_PRIVILEGES.createApiKeys] });
    expect((await rotate(old.id, { previousKeyExpirationPeriod: 'P1D' }, viewer.token)).status).toBe(403);
    const apiKey = await createKey(ctx, 'push-api');
    expect((await rotate(old.id, { previousKeyExpirationPeriod: 'P1D' }, apiKey.value)).status).toBe(403);
    const editor = await ctx.userWith({ apiKeyAccess: 'EDIT_ALL', privileges: [REQUIRED_PRIVILEGES.createApiKeys] });
    expect((await rotate(old.id, { previousKeyExpirationPeriod: 'P1D' }, editor.token)).status).toBe(201);
  });

  it('lets a security contact rotate an exposed key without Edit or Create (PRODUCT.md §6), and no other key', async () => {
    const contact = await ctx.userWith({ apiKeyAccess: 'VIEW_ALL', privileges: [REQUIRED_PRIVILEGES.manageExposures] });
    const refused = await rotate(old.id, { previousKeyExpirationPeriod: 'P1D' }, contact.token);
    expect(refused.status).toBe(403);
    expect((await jsonOf<{ detail: string }>(refused)).detail).toContain('not rotate it');
    const reported = await ctx.call('POST', `${B}/${old.id}/exposure`, {
      token: ctx.adminToken,
      body: { reason: 'Pasted in a public forum', severity: 'WARN' },
    });
    expect(reported.ok).toBe(true);
    const res = await rotate(old.id, { previousKeyExpirationPeriod: 'PT1H' }, contact.token);
    expect(res.status).toBe(201);
    const fresh = await jsonOf<ApiKey>(res);
    expect(fresh.value).toBeTruthy();
    expect(await get(old.id)).toMatchObject({ rotatedToKeyId: fresh.id, status: 'ENABLED' });
  });
});

describe('POST B/{id}/replace (after Create from existing)', () => {
  const replace = (id: string, body: unknown, token = ctx.adminToken) =>
    ctx.call('POST', `${B}/${id}/replace`, { token, body });
  const duplicate = async () => {
    const res = await ctx.call('PUT', `${B}/${old.id}/duplicate`, {
      token: ctx.adminToken,
      body: { lifetimeDuration: 'P7D' },
    });
    expect(res.status).toBe(201);
    return jsonOf<ApiKey>(res);
  };

  it('links both keys and schedules the original: 204, then each page names the other and the Activity says so', async () => {
    const fresh = await duplicate();
    const res = await replace(old.id, { replacementKeyId: fresh.id, previousKeyExpirationPeriod: 'P1D' });
    expect(res.status).toBe(204);
    expect(await get(old.id)).toMatchObject({
      rotatedToKeyId: fresh.id,
      scheduledDeactivationDate: ctx.clock.now() + DAY_MS,
      status: 'ENABLED',
      timeline: { next: { kind: 'ROTATION', date: ctx.clock.now() + DAY_MS } },
    });
    expect(await get(fresh.id)).toMatchObject({ rotatedFromKeyId: old.id, rotatedToKeyId: null });
    expect((await activitiesOf(ctx, old.id))[0]).toMatchObject({
      operation: 'ROTATE',
      content: { rotatedTo: fresh.id },
    });
    expect((await activitiesOf(ctx, fresh.id))[0]).toMatchObject({
      operation: 'ROTATE',
      content: { rotatedFrom: old.id },
    });
    await later(DAY_MS);
    expect(await get(old.id)).toMatchObject({ enabled: false, timeline: { ended: { kind: 'ROTATION' } } });
  });

  it('PT0S deactivates the original now', async () => {
    const fresh = await duplicate();
    expect((await replace(old.id, { replacementKeyId: fresh.id, previousKeyExpirationPeriod: 'PT0S' })).status).toBe(
      204,
    );
    expect(await get(old.id)).toMatchObject({ enabled: false, disabledReason: 'ROTATED' });
  });

  it.each([
    ['no replacement', { previousKeyExpirationPeriod: 'P1D' }, 400],
    ['a period beyond 30 days', { replacementKeyId: 'x', previousKeyExpirationPeriod: 'P31D' }, 422],
    ['a malformed body', 'nope', 400],
  ])('answers %s with %s', async (_name, body, status) => {
    expect((await replace(old.id, body)).status).toBe(status);
  });

  it('refuses the key itself (422), an unknown replacement (404), a second retirement (409)', async () => {
    const self = await replace(old.id, { replacementKeyId: old.id, previousKeyExpirationPeriod: 'P1D' });
    expect(self.status).toBe(422);
    expect((await jsonOf<{ errors: { path: string }[] }>(self)).errors[0]?.path).toBe('replacementKeyId');
    const unknown = await replace(old.id, {
      replacementKeyId: 'nosuchkeynosuchkeynosuchk',
      previousKeyExpirationPeriod: 'P1D',
    });
    expect(unknown.status).toBe(404);
    const fresh = await duplicate();
    expect((await replace(old.id, { replacementKeyId: fresh.id, previousKeyExpirationPeriod: 'P1D' })).status).toBe(
      204,
    );
    expect((await replace(old.id, { replacementKeyId: fresh.id, previousKeyExpirationPeriod: 'P1D' })).status).toBe(
      409,
    );
  });

  it('refuses viewers (403), security contacts without Edit (403), API keys (403) and anonymous callers (401)', async () => {
    const fresh = await duplicate();
    const body = { replacementKeyId: fresh.id, previousKeyExpirationPeriod: 'P1D' };
    const viewer = await ctx.userWith({ apiKeyAccess: 'VIEW_ALL', privileges: [REQUIRED_PRIVILEGES.manageExposures] });
    expect((await replace(old.id, body, viewer.token)).status).toBe(403);
    const apiKey = await createKey(ctx, 'push-api');
    expect((await replace(old.id, body, apiKey.value)).status).toBe(403);
    expect((await ctx.call('POST', `${B}/${old.id}/replace`, { body })).status).toBe(401);
    expect((await get(old.id)).rotatedToKeyId).toBeNull();
  });
});
