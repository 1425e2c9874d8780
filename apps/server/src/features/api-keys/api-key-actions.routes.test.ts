import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiKey } from '@keyward/contract';
import { DAY_MS, addYears, endOfUtcDay } from '@keyward/domain';
import { T0, createTestContext, type TestContext } from '../../../test/harness.ts';
import { B, activitiesOf, advanceTo, createKey, getKey, jsonOf } from '../../../test/api-keys.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

type Problem = { status: number; detail: string; errors?: { path: string; rule: string }[] };
const call = (method: string, path: string, body?: unknown) =>
  ctx.call(method, `${B}${path}`, { token: ctx.adminToken, body });

describe('activate and disable', () => {
  it('disables and reactivates a template key, with activities', async () => {
    const key = await createKey(ctx);
    await advanceTo(ctx, T0 + DAY_MS);
    const disabled = await call('PUT', `/${key.id}/disable`);
    expect(disabled.status).toBe(204);
    expect(await disabled.text()).toBe('');
    expect(await getKey(ctx, key.id)).toMatchObject({
      enabled: false,
      status: 'DISABLED',
      disabledDate: T0 + DAY_MS,
      reactivation: { allowed: true },
    });
    await advanceTo(ctx, T0 + 2 * DAY_MS);
    expect((await call('PUT', `/${key.id}/activate`, { ...key, enabled: false })).status).toBe(204);
    expect(await getKey(ctx, key.id)).toMatchObject({
      enabled: true,
      status: 'ENABLED',
      disabledDate: null,
      activationDate: T0 + 2 * DAY_MS,
    });
    const activities = await activitiesOf(ctx, key.id);
    expect(activities.map((a) => a.operation)).toEqual(['ENABLE', 'DISABLE', 'CREATE']);
    expect(activities[1]?.content).toMatchObject({
      resourceState: 'DISABLED',
      before: { status: 'ENABLED' },
      after: { status: 'DISABLED' },
    });
  });

  it('refuses to reactivate a Custom key, an expired key and an exposure-deactivated key (409 with the reason)', async () => {
    const custom = await createKey(ctx, 'custom');
    const expiring = await createKey(ctx, 'anonymous-search', { lifetimeDuration: 'P1D' });
    const exposed = await createKey(ctx, 'anonymous-search');
    await ctx.db.db
      .updateTable('api_keys')
      .set({ enabled: 0, disabled_reason: 'EXPOSED', disabled_date: T0 })
      .where('id', '=', exposed.id)
      .execute();
    expect((await call('PUT', `/${custom.id}/disable`)).status).toBe(204);
    await advanceTo(ctx, T0 + 3 * DAY_MS);
    for (const [key, reason] of [
      [custom, 'CUSTOM_KEY'],
      [expiring, 'EXPIRED'],
      [exposed, 'EXPOSED'],
    ] as const) {
      const res = await call('PUT', `/${key.id}/activate`);
      expect(res.status).toBe(409);
      const problem = await jsonOf<Problem>(res);
      expect(problem.errors).toEqual([expect.objectContaining({ path: key.id, rule: reason })]);
      expect(problem.detail.length).toBeGreaterThan(10);
    }
    expect((await call('PUT', `/${expiring.id}/disable`)).status).toBe(409);
    expect((await activitiesOf(ctx)).filter((a) => a.operation === 'ENABLE')).toHaveLength(0);
  });

  it('bulk: all or nothing', async () => {
    const a = await createKey(ctx);
    const b = await createKey(ctx);
    const c = await createKey(ctx, 'custom');
    expect((await call('PUT', '/disable/bulk', [a.id, b.id, c.id])).status).toBe(204);
    const refused = await call('PUT', '/activate/bulk', [a.id, b.id, c.id]);
    expect(refused.status).toBe(409);
    expect((await jsonOf<Problem>(refused)).errors).toEqual([
      expect.objectContaining({ path: c.id, rule: 'CUSTOM_KEY' }),
    ]);
    expect((await getKey(ctx, a.id)).enabled).toBe(false);
    expect((await call('PUT', '/activate/bulk', [a.id, 'missing'])).status).toBe(404);
    expect((await getKey(ctx, a.id)).enabled).toBe(false);
    expect((await call('PUT', '/activate/bulk', [a.id, b.id, a.id])).status).toBe(204);
    expect((await getKey(ctx, b.id)).status).toBe('ENABLED');
    for (const body of [[], 'x', { ids: [a.id] }, [1]])
      expect((await call('PUT', '/disable/bulk', body)).status).toBe(400);
  });
});

describe('keep active for a year', () => {
  it('resets the activation date and the inactivity deadline', async () => {
    const key = await createKey(ctx);
    const later = T0 + 340 * DAY_MS;
    await advanceTo(ctx, later);
    expect((await getKey(ctx, key.id)).status).toBe('SOON_TO_BE_DISABLED');
    expect((await call('PUT', `/${key.id}/activation/extend`)).status).toBe(204);
    expect(await getKey(ctx, key.id)).toMatchObject({
      status: 'ENABLED',
      activationDate: later,
      inactivityDeadline: addYears(later, 1),
    });
    const row = await ctx.db.db
      .selectFrom('api_keys')
      .select('inactivity_deadline')
      .where('id', '=', key.id)
      .executeTakeFirstOrThrow();
    expect(row.inactivity_deadline).toBe(addYears(later, 1));
    expect((await activitiesOf(ctx, key.id))[0]).toMatchObject({
      operation: 'EXTEND',
      content: { after: { activationDate: later } },
    });
  });

  it('refuses a deactivated key (409)', async () => {
    const key = await createKey(ctx);
    await advanceTo(ctx, T0 + 400 * DAY_MS);
    expect((await call('PUT', `/${key.id}/activation/extend`)).status).toBe(409);
  });
});

describe('duplicate (create from existing)', () => {
  it('makes a new key like the original, which is unchanged', async () => {
    const group = await ctx.userWith({ apiKeyAccess: 'CUSTOM' });
    const original = await createKey(ctx, 'push-api', {
      groupsThatCanEdit: [group.groupId],
      deniedIps: ['198.51.100.0/24'],
    });
    await call('PUT', `/${original.id}/disable`);
    const before = await getKey(ctx, original.id);
    const res = await call('PUT', `/${original.id}/duplicate`, {
      displayName: 'Connector v2',
      lifetimeDuration: 'P90D',
    });
    expect(res.status).toBe(201);
    const copy = await jsonOf<ApiKey>(res);
    expect(copy.value).toMatch(/^kwprv_/);
    expect(copy.id).not.toBe(original.id);
    expect(copy).toMatchObject({
      displayName: 'Connector v2',
      description: original.description,
      apiKeyTemplateId: 'push-api',
      privileges: original.privileges,
      allowedIps: original.allowedIps,
      deniedIps: ['198.51.100.0/24'],
      additionalConfiguration: original.additionalConfiguration,
      groupsThatCanEdit: original.groupsThatCanEdit,
      status: 'ENABLED',
      expirationDate: endOfUtcDay(T0 + 90 * DAY_MS),
    });
    expect(await getKey(ctx, original.id)).toEqual(before);
    expect((await activitiesOf(ctx, copy.id))[0]).toMatchObject({
      operation: 'DUPLICATE',
      content: { duplicatedFrom: original.id },
    });
  });

  it('keeps the name without a body, and applies the template rules (422)', async () => {
    const anon = await createKey(ctx);
    const res = await ctx.call('PUT', `${B}/${anon.id}/duplicate`, { token: ctx.adminToken });
    expect(res.status).toBe(201);
    expect((await jsonOf<ApiKey>(res)).displayName).toBe(anon.displayName);
    const custom = await createKey(ctx, 'custom');
    const refused = await call('PUT', `/${custom.id}/duplicate`, {});
    expect(refused.status).toBe(422);
    expect((await jsonOf<Problem>(refused)).errors).toContainEqual(
      expect.objectContaining({ rule: 'EXPIRATION_REQUIRED' }),
    );
    expect((await call('PUT', `/${custom.id}/duplicate`, { lifetimeDuration: 'nope' })).status).toBe(422);
    expect((await call('PUT', `/${custom.id}/duplicate`, { displayName: 5 })).status).toBe(400);
    expect((await call('PUT', '/missing/duplicate', { lifetimeDuration: 'P1D' })).status).toBe(404);
  });
});

describe('delete', () => {
  it('deletes one key, or several all or nothing, with DELETE activities', async () => {
    const [a, b, c] = [await createKey(ctx), await createKey(ctx), await createKey(ctx)];
    const res = await call('DELETE', `/${a.id}`);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect((await call('GET', `/${a.id}`)).status).toBe(404);
    expect((await call('DELETE', `/${a.id}`)).status).toBe(404);
    expect((await call('POST', '/delete/bulk', [b.id, a.id])).status).toBe(404);
    expect((await call('GET', `/${b.id}`)).status).toBe(200);
    expect((await call('POST', '/delete/bulk', [b.id, c.id])).status).toBe(204);
    expect((await ctx.call('GET', B, { token: ctx.adminToken })).headers.get('x-total-count')).toBe('0');
    const deletes = (await activitiesOf(ctx)).filter((x) => x.operation === 'DELETE');
    expect(deletes.map((x) => x.resourceId).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(deletes[0]?.content).toMatchObject({ resourceState: 'DELETED', before: { displayName: 'Search page' } });
    expect((await call('POST', '/delete/bulk', {})).status).toBe(400);
  });
});
