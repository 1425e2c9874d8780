import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '@keyward/domain';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { B, activitiesOf, createKey, getKey, jsonOf } from '../../../test/api-keys.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

type Problem = { errors?: { path: string; rule: string }[] };

async function put(id: string, body: unknown) {
  return ctx.call('PUT', `${B}/${id}`, { token: ctx.adminToken, body });
}

describe('PUT B/{id} (update)', () => {
  it('applies the editable fields of the whole model sent back, and records the change', async () => {
    const group = await ctx.userWith({ apiKeyAccess: 'CUSTOM' });
    const created = await createKey(ctx, 'push-api');
    const model = await getKey(ctx, created.id);
    const res = await put(created.id, {
      ...model,
      displayName: 'Renamed',
      description: 'Pushes the wiki',
      allowedIps: ['2001:db8:0:0:0:0:0:1', '198.51.100.7'],
      deniedIps: ['203.0.113.9'],
      groupsThatCanView: [{ id: group.groupId, displayName: 'ignored' }],
      enabled: false,
      status: 'DISABLED',
      createdDate: 0,
    });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    const after = await getKey(ctx, created.id);
    expect(after).toMatchObject({
      displayName: 'Renamed',
      description: 'Pushes the wiki',
      allowedIps: ['2001:db8::1', '198.51.100.7'],
      deniedIps: ['203.0.113.9'],
      enabled: true,
      status: 'ENABLED',
      createdDate: created.createdDate,
      privileges: created.privileges,
      groupsThatCanView: [{ id: group.groupId, displayName: expect.any(String) }],
    });
    const [activity] = await activitiesOf(ctx, created.id);
    expect(activity).toMatchObject({
      operation: 'UPDATE',
      content: {
        resourceState: 'ENABLED',
        before: { displayName: 'Connector', deniedIps: [] },
        after: { displayName: 'Renamed', deniedIps: ['203.0.113.9'] },
      },
    });
  });

  it('changes or removes the search hub, within the template rules', async () => {
    const key = await createKey(ctx, 'anonymous-search');
    expect((await put(key.id, { additionalConfiguration: {} })).status).toBe(204);
    expect((await getKey(ctx, key.id)).additionalConfiguration).toEqual({});
    const vac = await createKey(ctx, 'view-all-content');
    const res = await put(vac.id, {
      additionalConfiguration: { search: { enforcedQueryPipelineConfiguration: { searchHub: '' } } },
    });
    expect(res.status).toBe(422);
    expect((await jsonOf<Problem>(res)).errors).toContainEqual(
      expect.objectContaining({ rule: 'SEARCH_HUB_REQUIRED' }),
    );
  });

  it('ignores identical privileges and expiration, refuses changed ones with 422', async () => {
    const key = await createKey(ctx, 'custom', { lifetimeDuration: 'P10D' });
    expect(
      (await put(key.id, { privileges: key.privileges, expirationDate: key.expirationDate, displayName: 'same' }))
        .status,
    ).toBe(204);
    expect((await put(key.id, { expirationDate: (key.expirationDate ?? 0) - 3600_000 })).status).toBe(204); // same UTC day
    const cases: [unknown, string][] = [
      [{ privileges: [...key.privileges, { owner: 'PLATFORM', targetDomain: 'FIELD', type: 'VIEW' }] }, 'privileges'],
      [{ privileges: [] }, 'privileges'],
      [{ expirationDate: (key.expirationDate ?? 0) + DAY_MS }, 'expirationDate'],
      [{ expirationDate: null }, 'expirationDate'],
      [{ lifetimeDuration: 'P1Y' }, 'lifetimeDuration'],
    ];
    for (const [body, path] of cases) {
      const res = await put(key.id, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect((await jsonOf<Problem>(res)).errors).toContainEqual(
        expect.objectContaining({ path, rule: 'NOT_EDITABLE' }),
      );
    }
    expect((await getKey(ctx, key.id)).displayName).toBe('same');
  });

  it('refuses broken rules with 422 and changes nothing', async () => {
    const key = await createKey(ctx, 'push-api');
    for (const body of [
      { displayName: '' },
      { allowedIps: ['192.168.1.1'] },
      { description: 'x'.repeat(1001) },
      { groupsThatCanEdit: ['nope'] },
    ]) {
      const res = await put(key.id, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    expect(await getKey(ctx, key.id)).toMatchObject({
      displayName: 'Connector',
      allowedIps: ['203.0.113.0/24'],
      groupsThatCanEdit: [],
    });
    expect((await activitiesOf(ctx, key.id)).map((a) => a.operation)).toEqual(['CREATE']);
  });

  it('answers 400 for wrong types and malformed JSON, 404 for an unknown key', async () => {
    const key = await createKey(ctx);
    expect((await put(key.id, { displayName: 1 })).status).toBe(400);
    expect((await put(key.id, { allowedIps: '203.0.113.1' })).status).toBe(400);
    expect((await put(key.id, '{')).status).toBe(400);
    expect((await put('missing', { displayName: 'x' })).status).toBe(404);
  });

  it('writes no activity when nothing changes', async () => {
    const key = await createKey(ctx);
    expect((await put(key.id, await getKey(ctx, key.id))).status).toBe(204);
    expect((await activitiesOf(ctx, key.id)).map((a) => a.operation)).toEqual(['CREATE']);
  });

  it('keeps a group named in both lists in the edit list only', async () => {
    const group = await ctx.userWith({ apiKeyAccess: 'CUSTOM' });
    const key = await createKey(ctx);
    expect((await put(key.id, { groupsThatCanView: [group.groupId], groupsThatCanEdit: [group.groupId] })).status).toBe(
      204,
    );
    expect(await getKey(ctx, key.id)).toMatchObject({
      groupsThatCanView: [],
      groupsThatCanEdit: [{ id: group.groupId }],
    });
    expect((await put(key.id, { groupsThatCanEdit: [] })).status).toBe(204);
    expect(await getKey(ctx, key.id)).toMatchObject({ groupsThatCanView: [], groupsThatCanEdit: [] });
  });
});
