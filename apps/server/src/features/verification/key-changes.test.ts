import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { depsOf } from '../../app.ts';
import { createTestContext, ORG, type TestContext } from '../../../test/harness.ts';
import { B, createKey } from '../../../test/api-keys.ts';
import type { KeyChange } from './key-changes.ts';

const DAY = 86_400_000;
let ctx: TestContext;
let announced: KeyChange[];

beforeEach(async () => {
  ctx = await createTestContext();
  announced = [];
  depsOf(ctx.app).keyChanges.subscribe((change) => announced.push(change));
});
afterEach(async () => {
  await ctx.close();
});

async function codeOf(value: unknown, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await ctx.call('POST', `/rest/organizations/${ORG}/apikeys/verify`, { body: { key: value, ...extra } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { code: string }).code;
}

async function admin(method: string, path: string, body?: unknown): Promise<Response> {
  const token = await ctx.tokenFor(ctx.adminId); // the clock may have moved past the first token
  const res = await ctx.call(method, `${B}${path}`, { token, ...(body === undefined ? {} : { body }) });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return res;
}

function announcedKey(id: string): boolean {
  return announced.some((c) => c === 'all' || c.includes(id));
}

/** Each path that changes a key announces it after commit, and the next verification reflects it (the cache was warm). */
describe('every change to a key reaches verification at once', () => {
  it('update (IP lists)', async () => {
    const key = await createKey(ctx, 'push-api', { allowedIps: [] });
    expect(await codeOf(key.value, { ip: '198.51.100.7' })).toBe('VALID');
    await admin('PUT', `/${key.id}`, { ...key, deniedIps: ['198.51.100.0/24'] });
    expect(announcedKey(key.id)).toBe(true);
    expect(await codeOf(key.value, { ip: '198.51.100.7' })).toBe('IP_DENIED');
  });

  it('disable and activate, one key and in bulk', async () => {
    const a = await createKey(ctx);
    const b = await createKey(ctx);
    expect(await codeOf(a.value)).toBe('VALID');
    expect(await codeOf(b.value)).toBe('VALID');
    await admin('PUT', `/${a.id}/disable`);
    expect(await codeOf(a.value)).toBe('DISABLED');
    await admin('PUT', `/${a.id}/activate`);
    expect(await codeOf(a.value)).toBe('VALID');
    announced = [];
    await admin('PUT', '/disable/bulk', [a.id, b.id]);
    expect(announcedKey(a.id) && announcedKey(b.id)).toBe(true);
    expect([await codeOf(a.value), await codeOf(b.value)]).toEqual(['DISABLED', 'DISABLED']);
    await admin('PUT', '/activate/bulk', [a.id, b.id]);
    expect([await codeOf(a.value), await codeOf(b.value)]).toEqual(['VALID', 'VALID']);
  });

  it('delete, one key and in bulk', async () => {
    const a = await createKey(ctx);
    const b = await createKey(ctx);
    const c = await createKey(ctx);
    for (const k of [a, b, c]) expect(await codeOf(k.value)).toBe('VALID');
    await admin('DELETE', `/${a.id}`);
    expect(announcedKey(a.id)).toBe(true);
    expect(await codeOf(a.value)).toBe('NOT_FOUND');
    await admin('POST', '/delete/bulk', [b.id, c.id]);
    expect([await codeOf(b.value), await codeOf(c.value)]).toEqual(['NOT_FOUND', 'NOT_FOUND']);
  });

  it('keep active for a year', async () => {
    const key = await createKey(ctx);
    ctx.clock.set(ctx.clock.now() + 340 * DAY);
    expect(await codeOf(key.value)).toBe('VALID');
    announced = [];
    await admin('PUT', `/${key.id}/activation/extend`);
    expect(announcedKey(key.id)).toBe(true);
    expect(await codeOf(key.value)).toBe('VALID');
  });

  it('exposure reported (CRITICAL deactivates now), then a dismissed report', async () => {
    const key = await createKey(ctx);
    expect(await codeOf(key.value)).toBe('VALID');
    await admin('POST', `/${key.id}/exposure`, { severity: 'CRITICAL', reason: 'posted on a forum' });
    expect(announcedKey(key.id)).toBe(true);
    expect(await codeOf(key.value)).toBe('DISABLED_EXPOSED');

    const other = await createKey(ctx);
    await admin('POST', `/${other.id}/exposure`, { severity: 'HIGH', reason: 'in a public repository' });
    expect(await codeOf(other.value)).toBe('VALID');
    announced = [];
    await admin('DELETE', `/${other.id}/exposure`);
    expect(announcedKey(other.id)).toBe(true);
    ctx.clock.set(ctx.clock.now() + 3 * DAY); // past the HIGH deadline: only the dismissal keeps it valid
    expect(await codeOf(other.value)).toBe('VALID');
  });

  it('rotation with no grace period deactivates the old key at once', async () => {
    const key = await createKey(ctx);
    expect(await codeOf(key.value)).toBe('VALID');
    const res = await admin('POST', `/${key.id}/rotate`, { previousKeyExpirationPeriod: 'PT0S' });
    const replacement = (await res.json()) as { id: string; value: string };
    expect(announcedKey(key.id)).toBe(true);
    expect(await codeOf(key.value)).not.toBe('VALID');
    expect(await codeOf(replacement.value)).toBe('VALID');
  });

  it('create and create from existing announce the new key', async () => {
    const key = await createKey(ctx);
    expect(announcedKey(key.id)).toBe(true);
    const res = await admin('PUT', `/${key.id}/duplicate`, { displayName: 'Copy' });
    const copy = (await res.json()) as { id: string; value: string };
    expect(announcedKey(copy.id)).toBe(true);
    expect(await codeOf(copy.value)).toBe('VALID');
  });

  it("the jobs' automatic deactivation", async () => {
    const key = await createKey(ctx);
    expect(await codeOf(key.value)).toBe('VALID');
    ctx.clock.set(ctx.clock.now() + 400 * DAY);
    announced = [];
    await depsOf(ctx.app).jobs.runOnce();
    expect(announced).toContain('all');
    expect(await codeOf(key.value)).toBe('DISABLED_FOR_INACTIVITY');
  });

  it('browser use of a private key (the automatic exposure report)', async () => {
    const key = await createKey(ctx, 'push-api', { allowedIps: [] });
    announced = [];
    expect(await codeOf(key.value, { origin: 'https://shop.example.com' })).toBe('VALID');
    for (let i = 0; i < 50 && !announcedKey(key.id); i += 1) await new Promise((r) => setTimeout(r, 20));
    expect(announcedKey(key.id)).toBe(true);
  });

  it('a read (GET) announces nothing', async () => {
    const key = await createKey(ctx);
    announced = [];
    await admin('GET', `/${key.id}`);
    await admin('GET', '');
    expect(announced).toEqual([]);
  });
});
