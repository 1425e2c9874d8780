import { RateLimiterMemory } from 'rate-limiter-flexible';
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

const emailKey = (email: string) => email.trim().toLowerCase();
const addressKey = (address: string | null) => address ?? 'unknown';

/** In memory, per app instance: failures are counted by e-mail and by caller address. */
export function createLoginThrottle(limits: LoginLimits = DEFAULT_LOGIN_LIMITS): LoginThrottle {
  const byEmail = new RateLimiterMemory({
    keyPrefix: 'login-email',
    points: limits.perEmail,
    duration: limits.windowS,
  });
  const byAddress = new RateLimiterMemory({
    keyPrefix: 'login-ip',
    points: limits.perAddress,
    duration: limits.windowS,
  });
  const blockedFor = async (limiter: RateLimiterMemory, key: string, points: number): Promise<number> => {
    const res = await limiter.get(key);
    return res && res.consumedPoints >= points ? res.msBeforeNext : 0;
  };
  return {
    assertNotBlocked: async (email, address) => {
      const waitMs = Math.max(
        await blockedFor(byEmail, emailKey(email), limits.perEmail),
        await blockedFor(byAddress, addressKey(address), limits.perAddress),
      );
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
      // consume() rejects once over the limit; the count still grows, which is all we need.
      await Promise.allSettled([byEmail.consume(emailKey(email)), byAddress.consume(addressKey(address))]);
    },
    recordSuccess: async (email) => {
      await byEmail.delete(emailKey(email));
    },
  };
}
