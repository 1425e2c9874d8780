import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { B, createKey, jsonOf } from '../../test/api-keys.ts';
import { ORG, createTestContext, type TestContext } from '../../test/harness.ts';
import type { ProblemBody } from './problem.ts';

// Issue 12, finding 2: `GET …/apikeys?filter=a%00b` answered 500 ("SqliteError: unterminated
// string"). Decision: a NUL character is refused in every text input (query, path, JSON and form
// bodies) with 400 naming the field, before it reaches SQL (PostgreSQL refuses NUL in text too).

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

async function expectNulRefused(res: Response, path: string): Promise<void> {
  expect(res.status).toBe(400);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const body = await jsonOf<ProblemBody>(res);
  expect(body.errorCode).toBe('MALFORMED_REQUEST');
  expect(body.errors).toContainEqual(expect.objectContaining({ path, rule: 'no_nul' }));
}

const keyCount = async () =>
  Number(
    (
      await ctx.db.db
        .selectFrom('api_keys')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('NUL characters in text inputs', () => {
  it.each(['a%00b', 'abc%00', '%00', 'ab%00cdef'])('GET B?filter=%s answers 400 naming filter', async (filter) => {
    await createKey(ctx);
    await expectNulRefused(await ctx.call('GET', `${B}?filter=${filter}`, { token: ctx.adminToken }), 'filter');
  });

  it('still searches without the NUL', async () => {
    await createKey(ctx, 'anonymous-search', { displayName: 'abc key' });
    const res = await ctx.call('GET', `${B}?filter=abc`, { token: ctx.adminToken });
    expect(res.status).toBe(200);
    expect(await jsonOf<unknown[]>(res)).toHaveLength(1);
  });

  it('refuses NUL in other query parameters and in the path', async () => {
    await expectNulRefused(await ctx.call('GET', `${B}?sortBy=x%00`, { token: ctx.adminToken }), 'sortBy');
    await expectNulRefused(await ctx.call('GET', `${B}/abc%00def`, { token: ctx.adminToken }), '(path)');
    await expectNulRefused(
      await ctx.call('GET', `/rest/organizations/${ORG}%00/apikeys`, { token: ctx.adminToken }),
      '(path)',
    );
  });

  it('refuses NUL in a JSON body, naming the field, and writes nothing', async () => {
    const before = await keyCount();
    const res = await ctx.call('POST', `${B}?apiKeyTemplateId=anonymous-search`, {
      token: ctx.adminToken,
      body: {
        displayName: 'a\u0000b',
        additionalConfiguration: { search: { enforcedQueryPipelineConfiguration: { searchHub: 'main' } } },
      },
    });
    await expectNulRefused(res, 'displayName');
    expect(await keyCount()).toBe(before);
  });

  it('refuses NUL nested in a JSON body (array items, group names, e-mails, login)', async () => {
    const created = await ctx.call('POST', `${B}?apiKeyTemplateId=push-api`, {
      token: ctx.adminToken,
      body: { displayName: 'Connector', sourceIds: ['ok', 'b\u0000ad'] },
    });
    await expectNulRefused(created, 'sourceIds.1');
    const group = await ctx.call('POST', `/rest/organizations/${ORG}/groups`, {
      token: ctx.adminToken,
      body: { displayName: 'G\u0000', apiKeyAccess: 'NONE', privileges: [] },
    });
    await expectNulRefused(group, 'displayName');
    const login = await ctx.call('POST', '/rest/auth/login', { body: { email: 'a\u0000@b.c', password: 'x' } });
    await expectNulRefused(login, 'email');
  });

  it('refuses NUL in a form body (/oauth/check_token)', async () => {
    const res = await ctx.app.request('/oauth/check_token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'token=abc%00def',
    });
    await expectNulRefused(res, 'token');
  });
});
