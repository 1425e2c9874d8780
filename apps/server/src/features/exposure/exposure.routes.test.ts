import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiKey } from '@keyward/contract';
import { DAY_MS, REQUIRED_PRIVILEGES } from '@keyward/domain';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { activitiesOf, B, createKey, jsonOf } from '../../../test/api-keys.ts';
import { insertMember, insertUser } from '../people/people.repository.ts';

let ctx: TestContext;
let key: ApiKey;
beforeEach(async () => {
  ctx = await createTestContext();
  key = await createKey(ctx, 'anonymous-search');
});
afterEach(() => ctx.close());

const report = (id: string, body: unknown, token = ctx.adminToken) =>
  ctx.call('POST', `${B}/${id}/exposure`, { token, body });
const dismiss = (id: string, token = ctx.adminToken) => ctx.call('DELETE', `${B}/${id}/exposure`, { token });

/** Moves the clock on; the administrator's 4-hour token is renewed. */
async function later(ms: number): Promise<void> {
  ctx.clock.set(ctx.clock.now() + ms);
  ctx.adminToken = await ctx.tokenFor(ctx.adminId);
}

/** A member of the built-in Security contacts group. */
async function securityContact(): Promise<string> {
  const userId = await insertUser(ctx.db.db, {
    email: 'contact@example.com',
    displayName: 'Contact',
    passwordHash: 'x',
    now: ctx.clock.now(),
  });
  const group = await ctx.db.db
    .selectFrom('groups')
    .select('id')
    .where('built_in', '=', 'SECURITY_CONTACTS')
    .executeTakeFirstOrThrow();
  await insertMember(ctx.db.db, group.id, userId);
  return ctx.tokenFor(userId);
}

describe('POST B/{id}/exposure', () => {
  it('flags the key: the report in the key, a deadline by severity, an EXPOSE activity and a HELD notice', async () => {
    const res = await report(key.id, {
      reason: 'Found in a public repository',
      severity: 'HIGH',
      url: 'https://github.com/acme/app/blob/main/.env',
    });
    expect(res.status).toBe(200);
    const body = await jsonOf<ApiKey>(res);
    expect(body).toMatchObject({
      id: key.id,
      status: 'ENABLED',
      statusLabel: 'Exposed',
      enabled: true,
      exposureReport: {
        severity: 'HIGH',
        deactivationDate: ctx.clock.now() + 2 * DAY_MS,
        createdDate: ctx.clock.now(),
        reasons: [
          {
            reason: 'Found in a public repository',
            source: 'MANUAL',
            url: 'https://github.com/acme/app/blob/main/.env',
            createdDate: ctx.clock.now(),
          },
        ],
      },
    });
    expect(body.value).toBeUndefined();
    const [activity] = await activitiesOf(ctx, key.id);
    expect(activity).toMatchObject({
      operation: 'EXPOSE',
      content: { after: { exposureReport: { severity: 'HIGH' } } },
    });
    const outbox = await ctx.db.db.selectFrom('outbox').selectAll().execute();
    expect(outbox.map((o) => [o.status, o.subject])).toEqual([
      ['HELD', '[Keyward] API key flagged as exposed: "Search page" (My organization)'],
    ]);
  });

  it('keeps the most severe severity and the earliest deadline when reasons add up', async () => {
    await report(key.id, { reason: 'first', severity: 'MEDIUM' });
    await later(DAY_MS);
    const body = await jsonOf<ApiKey>(await report(key.id, { reason: 'second', severity: 'LOW' }));
    expect(body.exposureReport?.severity).toBe('MEDIUM');
    expect(body.exposureReport?.deactivationDate).toBe(ctx.clock.now() + 6 * DAY_MS);
    expect(body.exposureReport?.reasons.map((r) => r.reason)).toEqual(['first', 'second']);
  });

  it('CRITICAL deactivates at once, as a SYSTEM deactivation after the report', async () => {
    const body = await jsonOf<ApiKey>(await report(key.id, { reason: 'customer data at risk', severity: 'CRITICAL' }));
    expect(body).toMatchObject({
      status: 'DISABLED_EXPOSED',
      enabled: false,
      disabledReason: 'EXPOSED',
      disabledDate: ctx.clock.now(),
    });
    const ops = (await activitiesOf(ctx, key.id)).map((a) => a.operation);
    expect(ops.slice(0, 2).sort()).toEqual(['DEACTIVATE', 'EXPOSE']);
    const notices = await ctx.db.db
      .selectFrom('notices_sent')
      .select(['notice', 'outcome'])
      .orderBy('notice')
      .execute();
    // The deadline is now: every earlier notice of the series is due at once, only the last is sent.
    expect(notices).toEqual([
      { notice: 'EXPOSURE_24H', outcome: 'SUPERSEDED' },
      { notice: 'EXPOSURE_3D', outcome: 'SUPERSEDED' },
      { notice: 'EXPOSURE_DEACTIVATED', outcome: 'SENT' },
      { notice: 'EXPOSURE_FLAGGED', outcome: 'SUPERSEDED' },
    ]);
  });

  it('never stores a key value typed into a reason', async () => {
    const leaked = await createKey(ctx, 'push-api');
    const body = await jsonOf<ApiKey>(
      await report(key.id, { reason: `the value ${leaked.value} was posted`, severity: 'WARN' }),
    );
    expect(JSON.stringify(body)).not.toContain(leaked.value);
    expect(body.exposureReport?.deactivationDate).toBeNull();
  });

  it.each([
    ['no reason', { severity: 'HIGH' }],
    ['an empty reason', { reason: '  ', severity: 'HIGH' }],
    ['an unknown severity', { reason: 'x', severity: 'SEVERE' }],
    ['no severity', { reason: 'x' }],
    ['a url that is not http(s)', { reason: 'x', severity: 'LOW', url: 'ftp://example.com/a' }],
    ['a body that is not an object', ['x']],
  ])('answers 400 for %s', async (_name, body) => {
    const res = await report(key.id, body);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers 404 for an unknown key', async () => {
    expect((await report('nosuchkeynosuchkeynosuchk', { reason: 'x', severity: 'LOW' })).status).toBe(404);
  });

  it('lets exposure managers and key editors report, not viewers nor API keys', async () => {
    const contact = await securityContact();
    expect((await report(key.id, { reason: 'by contact', severity: 'WARN' }, contact)).status).toBe(200);
    const editor = await ctx.userWith({ apiKeyAccess: 'EDIT_ALL' });
    expect((await report(key.id, { reason: 'by editor', severity: 'WARN' }, editor.token)).status).toBe(200);
    const viewer = await ctx.userWith({ apiKeyAccess: 'VIEW_ALL', privileges: [REQUIRED_PRIVILEGES.viewActivities] });
    expect((await report(key.id, { reason: 'x', severity: 'WARN' }, viewer.token)).status).toBe(403);
    const outsider = await ctx.userWith({ apiKeyAccess: 'NONE' });
    expect((await report(key.id, { reason: 'x', severity: 'WARN' }, outsider.token)).status).toBe(404);
    const apiKey = await createKey(ctx, 'push-api');
    const res = await report(key.id, { reason: 'x', severity: 'WARN' }, apiKey.value);
    expect(res.status).toBe(403);
  });

  it('lets a CUSTOM group report a key it may edit, only that one', async () => {
    const custom = await ctx.userWith({ apiKeyAccess: 'CUSTOM' });
    const granted = await createKey(ctx, 'anonymous-search', {
      displayName: 'Granted',
      groupsThatCanEdit: [custom.groupId],
    });
    expect((await report(granted.id, { reason: 'x', severity: 'LOW' }, custom.token)).status).toBe(200);
    expect((await report(key.id, { reason: 'x', severity: 'LOW' }, custom.token)).status).toBe(404);
  });
});

describe('DELETE B/{id}/exposure', () => {
  it('a security contact dismisses the report of an active key: 204, an activity, the key no longer exposed', async () => {
    await report(key.id, { reason: 'false alarm', severity: 'HIGH' });
    const res = await dismiss(key.id, await securityContact());
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    const after = await jsonOf<ApiKey>(await ctx.call('GET', `${B}/${key.id}`, { token: ctx.adminToken }));
    expect(after).toMatchObject({ exposureReport: null, statusLabel: 'Active', status: 'ENABLED' });
    expect((await activitiesOf(ctx, key.id))[0]).toMatchObject({
      operation: 'DISMISS_EXPOSURE',
      content: { after: { exposureReport: null } },
    });
  });

  it('answers 409 when there is no report, or once the key is deactivated', async () => {
    expect((await dismiss(key.id)).status).toBe(409);
    await report(key.id, { reason: 'x', severity: 'HIGH' });
    await later(2 * DAY_MS);
    const late = await dismiss(key.id);
    expect(late.status).toBe(409);
    expect((await jsonOf<{ detail: string }>(late)).detail).toContain('no longer active');
  });

  it('answers 404 for an unknown key and 403 to editors who are not exposure managers', async () => {
    expect((await dismiss('nosuchkeynosuchkeynosuchk')).status).toBe(404);
    await report(key.id, { reason: 'x', severity: 'HIGH' });
    const editor = await ctx.userWith({ apiKeyAccess: 'EDIT_ALL' });
    expect((await dismiss(key.id, editor.token)).status).toBe(403);
    const apiKey = await createKey(ctx, 'push-api');
    expect((await dismiss(key.id, apiKey.value)).status).toBe(403);
    expect((await ctx.call('DELETE', `${B}/${key.id}/exposure`)).status).toBe(401);
  });
});
