import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DAY_MS,
  endOfUtcDay,
  exposureDeactivationDate,
  generateKeyValue,
  inactivityDeadline,
  keyIdFrom,
  nameSortKey,
  noticesDue,
  SEVERITIES,
  type ExposureReport,
  automaticDeactivation,
} from '@keyward/domain';
import { factsOf } from '../api-keys/api-key-row.ts';
import { recordedNotices } from '../notifications/notices.repository.ts';
import { createTestContext, ORG, T0, type TestContext } from '../../../test/harness.ts';
import { createJobRunner } from '../../jobs/job-runner.ts';
import { lifecycleCandidateIds } from './lifecycle.repository.ts';

/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.close());

async function insertRandomKeys(random: () => number, count: number): Promise<void> {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const within = (from: number, to: number) => Math.round(from + random() * (to - from));
  const rows = [];
  for (let i = 0; i < count; i++) {
    const activation = within(T0 - 400 * DAY_MS, T0);
    const lastUsed = random() < 0.4 ? null : within(activation, T0);
    const severity = pick(SEVERITIES);
    const flagged = within(T0 - 40 * DAY_MS, T0 + 20 * DAY_MS);
    const exposure: ExposureReport | null =
      random() < 0.2
        ? { severity, createdDate: flagged, deactivationDate: exposureDeactivationDate(severity, flagged), reasons: [] }
        : null;
    // Automatic deactivations only ever come from a pass (which queues their notice with them).
    const disabled = random() < 0.1 ? pick(['MANUAL', 'ROTATED']) : null;
    const value = generateKeyValue('PRIVATE', crypto.randomBytes);
    rows.push({
      id: keyIdFrom(crypto.randomBytes),
      organization_id: ORG,
      display_name: `Key ${i}`,
      name_sort: nameSortKey(`Key ${i}`),
      description: '',
      value_hash: crypto.createHash('sha256').update(value).digest('hex'),
      value_prefix: 'kwprv_',
      value_last4: value.slice(-4),
      template_id: 'custom',
      privacy_level: 'PRIVATE',
      privileges_json: '[]',
      allowed_ips_json: '[]',
      denied_ips_json: '[]',
      additional_configuration_json: '{}',
      enabled: disabled ? 0 : 1,
      disabled_reason: disabled,
      disabled_date: disabled ? within(activation, T0) : null,
      created_by: 'test',
      created_date: activation,
      activation_date: activation,
      last_used_date: lastUsed,
      last_used_ip: null,
      expiration_date: random() < 0.5 ? endOfUtcDay(within(T0 - 20 * DAY_MS, T0 + 90 * DAY_MS)) : null,
      inactivity_deadline: inactivityDeadline({ activationDate: activation, lastUsedDate: lastUsed }),
      scheduled_deactivation_date: random() < 0.1 ? within(T0 - 5 * DAY_MS, T0 + 30 * DAY_MS) : null,
      rotated_to_key_id: null,
      exposure_json: exposure ? JSON.stringify(exposure) : null,
      exposure_deactivation_date: exposure?.deactivationDate ?? null,
      updated_date: activation,
    });
  }
  await ctx.db.db.insertInto('api_keys').values(rows).execute();
}

/** Ids of the keys for which statusOf / noticesDue have work now, judged over every key. */
async function keysWithWork(now: number): Promise<string[]> {
  const rows = await ctx.db.db.selectFrom('api_keys').selectAll().execute();
  const sent = await recordedNotices(
    ctx.db.db,
    rows.map((r) => r.id),
  );
  return rows
    .filter((row) => {
      const facts = factsOf(row);
      return (
        automaticDeactivation(facts, now) !== null || noticesDue(facts, sent.get(row.id) ?? new Set(), now).length > 0
      );
    })
    .map((r) => r.id)
    .sort();
}

describe('the SQL pre-filter of a pass', () => {
  it.each([1, 2, 3])(
    'never leaves out a key that statusOf or noticesDue has work for (random keys, seed %i)',
    async (seed) => {
      const random = prng(seed);
      await insertRandomKeys(random, 200);
      const jobs = createJobRunner({
        db: ctx.db.db,
        clock: ctx.clock,
        config: ctx.config,
        mailer: null,
        log: () => {},
      });
      let now = T0 - 10 * DAY_MS;
      let examined = 0;
      while (now < T0 + 120 * DAY_MS) {
        ctx.clock.set(now);
        const needed = await keysWithWork(now);
        const candidates = new Set(await lifecycleCandidateIds(ctx.db.db, '', now, 1_000_000));
        const missed = needed.filter((id) => !candidates.has(id));
        expect(missed, `at ${new Date(now).toISOString()}`).toEqual([]);
        examined += candidates.size;
        await jobs.runOnce();
        expect(await keysWithWork(now), 'a pass leaves nothing to do').toEqual([]);
        now += Math.round(random() * 4 * DAY_MS);
      }
      expect(examined).toBeGreaterThan(0);
    },
  );

  it('is empty once a pass has done everything, apart from flagged keys', async () => {
    await insertRandomKeys(prng(7), 250);
    const jobs = createJobRunner({ db: ctx.db.db, clock: ctx.clock, config: ctx.config, mailer: null, log: () => {} });
    await jobs.runOnce();
    const left = await lifecycleCandidateIds(ctx.db.db, '', ctx.clock.now(), 1_000_000);
    const rows = await ctx.db.db
      .selectFrom('api_keys')
      .select(['id', 'exposure_json'])
      .where('id', 'in', left.length > 0 ? left : [''])
      .execute();
    expect(rows.every((r) => r.exposure_json !== null)).toBe(true);
  });
});
