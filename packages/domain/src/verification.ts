import { holdsPrivilege } from './privilege-sets.ts';
import type { Privilege } from './privilege-catalog.ts';
import { ipVerdict, type CompiledIpRules } from './ip-rules.ts';
import { statusOf, type KeyFacts, type KeyStatus, type StatusView } from './status.ts';

/** The answers of `POST …/apikeys/verify` (PRODUCT.md §4). */
export const VERIFICATION_CODES = [
  'VALID',
  'NOT_FOUND',
  'DISABLED',
  'EXPIRED',
  'DISABLED_FOR_INACTIVITY',
  'DISABLED_EXPOSED',
  'IP_DENIED',
  'INSUFFICIENT_PRIVILEGES',
  'SEARCH_HUB_MISMATCH',
  'RATE_LIMITED',
] as const;
export type VerificationCode = (typeof VERIFICATION_CODES)[number];

/** What the decision needs of a key (parsed once, kept by the caller). */
export interface VerifiableKey {
  facts: KeyFacts;
  ipRules: CompiledIpRules;
  privileges: readonly Privilege[];
  searchHub: string | null;
}

export interface VerificationRequest {
  /** The caller's address; null when unknown (a key with IP rules then denies). */
  ip: string | null;
  privileges: readonly Privilege[] | null;
  searchHub: string | null;
}

export interface VerificationDecision {
  code: VerificationCode;
  /** The key's status at `now`, computed once for the whole call. */
  view: StatusView;
}

const STATUS_CODES: Partial<Record<KeyStatus, VerificationCode>> = {
  DISABLED: 'DISABLED',
  EXPIRED: 'EXPIRED',
  DISABLED_FOR_INACTIVITY: 'DISABLED_FOR_INACTIVITY',
  DISABLED_EXPOSED: 'DISABLED_EXPOSED',
};

/**
 * Whether a key may be used as asked, in the order of PRODUCT.md §4: its status, then its IP lists,
 * then the privileges asked (EDIT implies VIEW; a `*` target covers every target), then the search hub.
 */
export function decideVerification(
  key: VerifiableKey,
  request: VerificationRequest,
  now: number,
): VerificationDecision {
  const view = statusOf(key.facts, now);
  const statusCode = STATUS_CODES[view.status];
  if (statusCode) return { code: statusCode, view };
  if (!key.ipRules.unrestricted && ipVerdict(key.ipRules, request.ip ?? '') === 'DENIED')
    return { code: 'IP_DENIED', view };
  const asked = request.privileges;
  if (asked && asked.length > 0) {
    for (const p of asked) if (!holdsPrivilege(key.privileges, p)) return { code: 'INSUFFICIENT_PRIVILEGES', view };
  }
  if (key.searchHub && request.searchHub && request.searchHub !== key.searchHub)
    return { code: 'SEARCH_HUB_MISMATCH', view };
  return { code: 'VALID', view };
}

/**
 * A use moves "last used" forward only while the key is enabled and usable: a deactivated key's
 * use is counted, not turned into a revival.
 */
export function touchesLastUsed(facts: KeyFacts, view: StatusView, now: number): boolean {
  return facts.enabled && view.usable && (facts.lastUsedDate === null || now > facts.lastUsedDate);
}

/**
 * Which of the key's privileges a held requirement exercised (least-privilege record, PRODUCT.md §7):
 * the narrowest grant that covers it (same type before EDIT-for-VIEW, a named target before `*`);
 * -1 when none does.
 */
export function exercisedPrivilegeIndex(granted: readonly Privilege[], required: Privilege): number {
  let best = -1;
  let bestScore = -1;
  for (let i = 0; i < granted.length; i += 1) {
    const g = granted[i] as Privilege;
    if (!holdsPrivilege([g], required)) continue;
    const score = (g.type === required.type ? 2 : 0) + (g.targetId !== undefined && g.targetId !== '*' ? 1 : 0);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

/** A privilege's identity in the least-privilege record: `owner/domain[:type]@target` (`*`: every target). */
export function privilegeUsageId(p: Privilege): string {
  const type = p.type === undefined ? '' : `:${p.type}`;
  return `${p.owner}/${p.targetDomain}${type}@${p.targetId ?? '*'}`;
}
