import { afterEach, describe, expect, it } from 'vitest';
import type { JobRunSummary } from '@keyward/contract';
import { readConfig } from '../../config.ts';
import { createTestContext, T0, type TestContext } from '../../../test/harness.ts';
import { jsonOf } from '../../../test/api-keys.ts';

let ctx: TestContext;
afterEach(() => ctx.close());

const json = (method: string, url: string, body?: unknown) =>
  ctx.app.request(url, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });

describe('the test clock (KEYWARD_CLOCK=manual)', () => {
  it('GET tells the time; PUT sets the time every part of the server sees', async () => {
    ctx = await createTestContext();
    expect(await jsonOf(await json('GET', '/__test__/clock'))).toEqual({
      now: new Date(T0).toISOString(),
      epochMs: T0,
    });
    const res = await json('PUT', '/__test__/clock', { now: '2027-03-01T08:30:00+02:00' });
    expect(res.status).toBe(200);
    expect(await jsonOf(res)).toEqual({ now: '2027-03-01T06:30:00.000Z', epochMs: Date.UTC(2027, 2, 1, 6, 30) });
    expect(ctx.clock.now()).toBe(Date.UTC(2027, 2, 1, 6, 30));
    await json('PUT', '/__test__/clock', { now: '2027-03-02' });
    expect(ctx.clock.now()).toBe(Date.UTC(2027, 2, 2));
  });

  it.each([[{}], [{ now: 'tomorrow' }], [{ now: 1700000000000 }], [{ now: '2027-02-30T00:00:00Z' }]])(
    'answers 400 for %j',
    async (body) => {
      ctx = await createTestContext();
      expect((await json('PUT', '/__test__/clock', body)).status).toBe(400);
      expect(ctx.clock.now()).toBe(T0);
    },
  );

  it('POST /__test__/jobs/run runs one pass and answers its summary', async () => {
    ctx = await createTestContext();
    const summary = await jsonOf<JobRunSummary>(await json('POST', '/__test__/jobs/run'));
    expect(summary).toMatchObject({
      now: new Date(T0).toISOString(),
      keysExamined: 0,
      deactivated: { inactivity: 0, exposure: 0, rotation: 0 },
      noticesQueued: 0,
      noticesSuperseded: 0,
      mail: { sent: 0, retrying: 0, failed: 0 },
    });
  });

  it('does not exist with the system clock (404)', async () => {
    ctx = await createTestContext({ KEYWARD_CLOCK: 'system' });
    expect((await json('GET', '/__test__/clock')).status).toBe(404);
    expect((await json('PUT', '/__test__/clock', { now: '2027-01-01T00:00:00Z' })).status).toBe(404);
    expect((await json('POST', '/__test__/jobs/run')).status).toBe(404);
  });

  it('is refused at start in production', () => {
    expect(() => readConfig({ KEYWARD_CLOCK: 'manual', NODE_ENV: 'production' })).toThrow(/refused/);
  });
});
