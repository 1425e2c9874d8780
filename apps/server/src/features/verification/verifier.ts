import crypto from 'node:crypto';
import {
  decideVerification,
  exercisedPrivilegeIndex,
  parseKeyValue,
  privilegeUsageId,
  touchesLastUsed,
  type Privilege,
  type VerificationCode,
} from '@keyward/domain';
import type { Clock } from '../../clock.ts';
import type { BrowserUseListener } from './browser-use.ts';
import type { KeyCache, CachedKey } from './key-cache.ts';
import type { UsageBuffer } from './usage-buffer.ts';

export type VerifyCode = VerificationCode;

export interface VerifyInput {
  key: string;
  /** The caller's address as seen by the service asking (verify route), or the connection's (bearer auth). */
  ip: string | null;
  origin?: string | null;
  privileges?: readonly Privilege[] | null;
  searchHub?: string | null;
}

export interface Verdict {
  valid: boolean;
  code: VerifyCode;
  key: CachedKey | null;
}

const NOT_FOUND: Verdict = Object.freeze({ valid: false, code: 'NOT_FOUND', key: null });

/**
 * Decides whether a presented key may do something (PRODUCT.md §4) from the in-memory cache, with
 * the domain's rules, and records the use (allowed or denied) in the usage buffer, with the
 * privileges it exercised. A value with a bad checksum is NOT_FOUND without touching the database
 * (a value found in memory is a real key's: its checksum is not computed again).
 */
export class Verifier {
  constructor(
    private readonly cache: KeyCache,
    private readonly usage: UsageBuffer,
    private readonly clock: Clock,
    private readonly onBrowserUse: BrowserUseListener | null = null,
  ) {}

  /** Synchronous when the key is cached (or the database is synchronous, SQLite), else a promise (PostgreSQL). */
  verify(input: VerifyInput, organizationId: string | null): Verdict | Promise<Verdict> {
    const valueHash = crypto.hash('sha256', input.key, 'hex');
    const cached = this.cache.peek(valueHash);
    if (cached) return this.#verdict(cached, input, organizationId);
    // Not in memory: a value whose checksum is wrong is NOT_FOUND without a database read.
    if (!parseKeyValue(input.key).ok) return NOT_FOUND;
    const key = this.cache.get(valueHash);
    if (key instanceof Promise) return key.then((k) => this.#verdict(k, input, organizationId));
    return this.#verdict(key, input, organizationId);
  }

  #verdict(key: CachedKey | null, input: VerifyInput, organizationId: string | null): Verdict {
    if (!key || (organizationId !== null && key.organizationId !== organizationId)) return NOT_FOUND;
    const now = this.clock.now();
    const asked = input.privileges ?? null;
    const { code, view } = decideVerification(
      key,
      { ip: input.ip, privileges: asked, searchHub: input.searchHub ?? null },
      now,
    );
    const allowed = code === 'VALID';
    this.usage.record({
      keyId: key.id,
      at: now,
      ip: input.ip,
      code,
      allowed,
      exercised: allowed && asked && asked.length > 0 ? exercisedIds(key, asked) : null,
    });
    if (input.origin && this.onBrowserUse && view.usable) this.onBrowserUse(key, input.origin, now);
    if (touchesLastUsed(key.facts, view, now)) key.facts.lastUsedDate = now;
    return { valid: allowed, code, key };
  }

  /** Least-privilege record for an API key calling the REST API: the privileges the route required (all held). */
  recordExercised(keyId: string, held: readonly Privilege[], required: readonly Privilege[]): void {
    if (required.length === 0) return;
    const ids = required.flatMap((p) => {
      const i = exercisedPrivilegeIndex(held, p);
      return i >= 0 ? [privilegeUsageId(held[i] as Privilege)] : [];
    });
    this.usage.recordExercised(keyId, this.clock.now(), ids);
  }
}

function exercisedIds(key: Pick<CachedKey, 'privileges' | 'privilegeIds'>, asked: readonly Privilege[]): string[] {
  const ids: string[] = [];
  for (const p of asked) {
    const i = exercisedPrivilegeIndex(key.privileges, p);
    if (i >= 0) ids.push(key.privilegeIds[i] as string);
  }
  return ids;
}
