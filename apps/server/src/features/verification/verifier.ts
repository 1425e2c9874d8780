import crypto from 'node:crypto';
import {
  holdsAll,
  ipVerdict,
  normalizeAddress,
  parseKeyValue,
  statusOf,
  type KeyStatus,
  type Privilege,
} from '@keyward/domain';
import type { VerifyResponse } from '@keyward/contract';
import type { Clock } from '../../clock.ts';
import type { BrowserUseListener } from './browser-use.ts';
import type { KeyCache, CachedKey } from './key-cache.ts';
import type { UsageBuffer } from './usage-buffer.ts';

export type VerifyCode = VerifyResponse['code'];

export interface VerifyInput {
  key: string;
  /** The caller's address as seen by the service asking (verify route), or the connection's (bearer auth). */
  ip: string | null;
  origin?: string | null;
  privileges?: readonly Privilege[];
  searchHub?: string | null;
}

export interface Verdict {
  valid: boolean;
  code: VerifyCode;
  key: CachedKey | null;
}

const STATUS_CODES: Partial<Record<KeyStatus, VerifyCode>> = {
  DISABLED: 'DISABLED',
  EXPIRED: 'EXPIRED',
  DISABLED_FOR_INACTIVITY: 'DISABLED_FOR_INACTIVITY',
  DISABLED_EXPOSED: 'DISABLED_EXPOSED',
};

/**
 * Decides whether a presented key may do something (PRODUCT.md §4), from the in-memory cache, and
 * records the use (allowed or denied) in the usage buffer. A value with a bad checksum is NOT_FOUND
 * without touching the database.
 */
export class Verifier {
  constructor(
    private readonly cache: KeyCache,
    private readonly usage: UsageBuffer,
    private readonly clock: Clock,
    private readonly onBrowserUse: BrowserUseListener | null = null,
  ) {}

  /** Synchronous when the key is cached (or the database is synchronous), else a promise. */
  verify(input: VerifyInput, organizationId: string | null): Verdict | Promise<Verdict> {
    if (!parseKeyValue(input.key).ok) return { valid: false, code: 'NOT_FOUND', key: null };
    const hash = crypto.createHash('sha256').update(input.key).digest('hex');
    const key = this.cache.get(hash);
    if (key instanceof Promise) return key.then((k) => this.#verdict(k, input, organizationId));
    return this.#verdict(key, input, organizationId);
  }

  #verdict(key: CachedKey | null, input: VerifyInput, organizationId: string | null): Verdict {
    if (!key || (organizationId !== null && key.organizationId !== organizationId))
      return { valid: false, code: 'NOT_FOUND', key: null };
    const now = this.clock.now();
    const code = decide(key, input, now);
    const allowed = code === 'VALID';
    const ip = input.ip ? normalizeAddress(input.ip) : null;
    this.usage.record({ keyId: key.id, at: now, ip, code, allowed });
    if (input.origin && this.onBrowserUse && !STATUS_CODES[statusOf(key.facts, now).status])
      this.onBrowserUse(key, input.origin, now);
    if (key.facts.lastUsedDate === null || now > key.facts.lastUsedDate) {
      if (key.facts.enabled && statusOf(key.facts, now).usable) key.facts.lastUsedDate = now;
    }
    return { valid: allowed, code, key };
  }
}

function decide(key: CachedKey, input: VerifyInput, now: number): VerifyCode {
  const view = statusOf(key.facts, now);
  const statusCode = STATUS_CODES[view.status];
  if (statusCode) return statusCode;
  if (ipVerdict(key.ipRules, input.ip ?? '') === 'DENIED') return 'IP_DENIED';
  if (input.privileges && input.privileges.length > 0 && !holdsAll(key.privileges, input.privileges))
    return 'INSUFFICIENT_PRIVILEGES';
  if (key.searchHub && input.searchHub && input.searchHub !== key.searchHub) return 'SEARCH_HUB_MISMATCH';
  return 'VALID';
}
