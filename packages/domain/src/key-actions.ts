// Which state changes a person may make, derived from statusOf (so they agree with the status shown).

import type { KeyAccessLevel } from './access.ts';
import { isExpired } from './expiration.ts';
import { statusOf, type KeyFacts } from './status.ts';
import type { TemplateId } from './templates.ts';

export type ReactivationRefusal = 'CUSTOM_KEY' | 'EXPIRED' | 'EXPOSED' | 'NOT_DISABLED' | 'AUTOMATIC';
export type Verdict<R extends string> = { ok: true } | { ok: false; reason: R; message: string };

const CUSTOM_TEMPLATE_ID: TemplateId = 'custom';

/**
 * Only keys disabled by a person (MANUAL, ROTATED, or the end of a rotation grace period) may be
 * reactivated; never Custom keys, expired keys, or keys deactivated because exposed or inactive.
 * A manually disabled key whose exposure deadline passed meanwhile counts as exposed. The caller
 * resets `activationDate` to now on reactivation, so a long manual pause is not read as inactivity.
 */
export function reactivationVerdict(facts: KeyFacts, now: number): Verdict<ReactivationRefusal> {
  const view = statusOf(facts, now);
  if (view.usable) return refuse('NOT_DISABLED', 'This API key is already active.');
  if (facts.templateId === CUSTOM_TEMPLATE_ID) {
    return refuse('CUSTOM_KEY', "Custom API keys can't be reactivated. Use Create from existing to make a new key.");
  }
  if (view.status === 'EXPIRED' || isExpired(facts.expirationDate, now)) {
    return refuse('EXPIRED', "Expired API keys can't be reactivated. Use Create from existing to make a new key.");
  }
  const exposureDeadline = facts.exposure?.deactivationDate;
  if (view.status === 'DISABLED_EXPOSED' || (typeof exposureDeadline === 'number' && now >= exposureDeadline)) {
    return refuse(
      'EXPOSED',
      "API keys deactivated because they were exposed can't be reactivated. Rotate the key instead.",
    );
  }
  if (view.status !== 'DISABLED') {
    return refuse('AUTOMATIC', "API keys deactivated automatically for inactivity can't be reactivated.");
  }
  return { ok: true };
}

export type KeepActiveRefusal = 'NOT_USABLE';

/**
 * "Keep active for a year" resets the activation date to now. Allowed whenever the key is usable
 * (the UI offers it on Soon to be deactivated keys); a deactivated key must be reactivated instead.
 */
export function keepActiveVerdict(facts: KeyFacts, now: number): Verdict<KeepActiveRefusal> {
  if (statusOf(facts, now).usable) return { ok: true };
  return refuse('NOT_USABLE', 'Only an active API key can be kept active for a year.');
}

export function canKeepActive(facts: KeyFacts, now: number): boolean {
  return keepActiveVerdict(facts, now).ok;
}

export type DisableRefusal = 'NOT_ENABLED';

/**
 * A person may deactivate a usable key. Disabling a key that is already not usable is refused:
 * the stored MANUAL reason would otherwise mask why it stopped working (expired, exposed...).
 */
export function disableVerdict(facts: KeyFacts, now: number): Verdict<DisableRefusal> {
  if (statusOf(facts, now).usable) return { ok: true };
  return refuse('NOT_ENABLED', 'This API key is already deactivated.');
}

export type DisableAuthority = 'ALLOWED' | 'NOT_FOUND' | 'FORBIDDEN';

/**
 * Who may deactivate one key (PRODUCT.md §3.3): anyone with Edit access to it, and a security
 * contact (the exposure managers' privilege, API_KEY_EXPOSURE:EDIT) for a key that has an exposure
 * report, even without Edit access. A key the caller cannot see does not exist for them.
 */
export function disableAuthority(caller: {
  keyAccess: KeyAccessLevel;
  managesExposures: boolean;
  exposed: boolean;
}): DisableAuthority {
  if (caller.keyAccess === 'NONE') return 'NOT_FOUND';
  if (caller.keyAccess === 'EDIT') return 'ALLOWED';
  return caller.managesExposures && caller.exposed ? 'ALLOWED' : 'FORBIDDEN';
}

/**
 * Who may rotate one key (PRODUCT.md §3.3, §6): whoever may create keys and edit this one, and a
 * security contact for a key that has an exposure report (its way to replace a leaked key without
 * API keys Edit). A key the caller cannot see does not exist for them.
 */
export function rotateAuthority(caller: {
  keyAccess: KeyAccessLevel;
  createsKeys: boolean;
  managesExposures: boolean;
  exposed: boolean;
}): DisableAuthority {
  if (caller.keyAccess === 'NONE') return 'NOT_FOUND';
  if (caller.managesExposures && caller.exposed) return 'ALLOWED';
  return caller.keyAccess === 'EDIT' && caller.createsKeys ? 'ALLOWED' : 'FORBIDDEN';
}

/** Deactivating a Custom key asks for the "I understand" check, since it can't be reactivated. */
export function requiresDisableConfirmation(templateId: string): boolean {
  return templateId === CUSTOM_TEMPLATE_ID;
}

function refuse<R extends string>(reason: R, message: string): Verdict<R> {
  return { ok: false, reason, message };
}
