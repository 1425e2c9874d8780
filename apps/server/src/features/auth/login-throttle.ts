import { sql } from 'kysely';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../http/problem.ts';
export interface LoginLimits {
  perEmail: number;
  perAddress: number;
  windowS: number;
}

/** 5 failures per e-mail and 20 per caller address, per 15 minutes. */
export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perEmail: 5, perAddress: 20, windowS: 15 * 60 };

export interface LoginThrottle {
  /** 429 with Retry-After when the e-mail or the address has used up its failures. */
  assertNotBlocked(email: string, address: string | null): Promise<void>;
  recordFailure(email: string, address: string | null): Promise<void>;
  /** Clears the e-mail's failures; the address keeps its count so one good account cannot reset guessing at others. */
  recordSuccess(email: string): Promise<void>;
}

const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`;
const addressKey = (address: string | null) => `address:${address ?? 'unknown'}`;

/**
 * Failures counted by e-mail and by caller address in the database (table login_failures), so
 * that every instance on one database counts the same failures. Each failure is one additive
 * upsert (a window that has ended starts again at 1): concurrent failures never lose a count.
 */
export function createLoginThrottle(db: Db, clock: Clock, limits: LoginLimits = DEFAULT_LOGIN_LIMITS): LoginThrottle {
  const windowMs = limits.windowS * 1000;
  const fail = async (key: string, now: number) => {
    await db
      .insertInto('login_failures')
      .values({ key, failures: 1, window_ends: now + windowMs })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          failures: sql<number>`case when login_failures.window_ends <= ${now} then 1 else login_failures.failures + 1 end`,
          window_ends: sql<number>`case when login_failures.window_ends <= ${now} then ${now + windowMs} else login_failures.window_ends end`,
        }),
      )
      .execute();
  };
  return {
    assertNotBlocked: async (email, address) => {
      const now = clock.now();
      const rows = await db
        .selectFrom('login_failures')
        .select(['key', 'failures', 'window_ends'])
        .where('key', 'in', [emailKey(email), addressKey(address)])
        .where('window_ends', '>', now)
        .execute();
      let waitMs = 0;
      for (const row of rows) {
        const limit = row.key.startsWith('email:') ? limits.perEmail : limits.perAddress;
        if (row.failures >= limit) waitMs = Math.max(waitMs, row.window_ends - now);
      }
      if (waitMs <= 0) return;
      const retryAfterS = Math.max(1, Math.ceil(waitMs / 1000));
      throw new AppError(
        'TOO_MANY_REQUESTS',
        `Too many failed logins: try again in ${Math.ceil(retryAfterS / 60)} minute(s).`,
        undefined,
        {
          'Retry-After': String(retryAfterS),
        },
      );
    },
    recordFailure: async (email, address) => {
      const now = clock.now();
      await fail(emailKey(email), now);
      await fail(addressKey(address), now);
    },
    recordSuccess: async (email) => {
      await db.deleteFrom('login_failures').where('key', '=', emailKey(email)).execute();
    },
  };
}
