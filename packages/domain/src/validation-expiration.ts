// Expiration on create: `lifetimeDuration` (ISO-8601, or 'NEVER') or `expirationDate` (epoch ms,
// any instant of the chosen UTC day), never both. The result is 23:59:59.000 UTC of the day, or
// null for a key that never expires.

import { parseDuration } from './durations.ts';
import {
  expirationFromDate,
  expirationFromLifetime,
  isExpired,
  NEVER,
  utcDateString,
  utcDaysFromToday,
} from './expiration.ts';
import type { TemplateDefinition } from './templates.ts';
import { FIELD_PATHS, type Checked, type FieldError } from './validation-fields.ts';

export type ExpirationRequest = {
  lifetimeDuration?: string | null;
  expirationDate?: number | null;
};

type Chosen = { value: number | null; path: string; errors: FieldError[] };

function fromLifetime(lifetime: string, now: number): Chosen {
  const path = FIELD_PATHS.lifetimeDuration;
  if (lifetime === NEVER) return { value: null, path, errors: [] };
  const parsed = parseDuration(lifetime);
  const value = parsed.ok ? expirationFromLifetime(now, parsed.value) : Number.NaN;
  if (Number.isNaN(value)) {
    const message = `"${lifetime}" is not an ISO-8601 duration such as P14D (or ${NEVER} for a Custom key).`;
    return { value: null, path, errors: [{ path, rule: 'INVALID_DURATION', message }] };
  }
  return { value, path, errors: [] };
}

function fromDate(date: unknown): Chosen {
  const path = FIELD_PATHS.expirationDate;
  const value = typeof date === 'number' ? expirationFromDate(date) : null;
  if (value === null)
    return {
      value,
      path,
      errors: [{ path, rule: 'INVALID_DATE', message: 'The expiration date is not a valid date.' }],
    };
  return { value, path, errors: [] };
}

function missing(template: TemplateDefinition, origin: 'CREATE' | 'DUPLICATE'): FieldError[] {
  const path = FIELD_PATHS.lifetimeDuration;
  const how = origin === 'DUPLICATE' ? ' Send lifetimeDuration when creating from an existing key.' : '';
  if (template.expiration.kind === 'required-or-never') {
    return [
      {
        path,
        rule: 'EXPIRATION_REQUIRED',
        message: `A ${template.name} key needs an expiration date, or ${NEVER}.${how}`,
      },
    ];
  }
  if (template.expiration.kind === 'required') {
    const { minDays, maxDays } = template.expiration;
    return [
      {
        path,
        rule: 'EXPIRATION_REQUIRED',
        message: `A ${template.name} key must expire within ${minDays} to ${maxDays} days.${how}`,
      },
    ];
  }
  return [];
}

function rangeErrors(template: TemplateDefinition, chosen: Chosen, now: number): FieldError[] {
  const { value, path } = chosen;
  const rule = template.expiration;
  if (value === null) {
    if (rule.kind !== 'required') return [];
    return [{ path, rule: 'EXPIRATION_REQUIRED', message: `A ${template.name} key can't be set to never expire.` }];
  }
  if (isExpired(value, now)) {
    return [
      { path, rule: 'EXPIRATION_IN_PAST', message: `The expiration date ${utcDateString(value)} is in the past.` },
    ];
  }
  if (rule.kind !== 'required') return [];
  const days = utcDaysFromToday(now, value);
  if (days >= rule.minDays && days <= rule.maxDays) return [];
  const message = `A ${template.name} key must expire ${rule.minDays} to ${rule.maxDays} days from today (UTC); ${utcDateString(value)} is ${days} days away.`;
  return [{ path, rule: 'EXPIRATION_RANGE', message }];
}

export function resolveExpiration(
  template: TemplateDefinition,
  input: ExpirationRequest,
  ctx: { now: number; origin: 'CREATE' | 'DUPLICATE' },
): Checked<number | null> {
  const hasLifetime = input.lifetimeDuration !== undefined && input.lifetimeDuration !== null;
  const hasDate = input.expirationDate !== undefined && input.expirationDate !== null;
  if (hasLifetime && hasDate) {
    const message = 'Send either lifetimeDuration or expirationDate, not both.';
    return { value: null, errors: [{ path: FIELD_PATHS.expirationDate, rule: 'EXPIRATION_CONFLICT', message }] };
  }
  if (!hasLifetime && !hasDate) return { value: null, errors: missing(template, ctx.origin) };
  const chosen = hasLifetime ? fromLifetime(String(input.lifetimeDuration), ctx.now) : fromDate(input.expirationDate);
  if (chosen.errors.length > 0) return { value: null, errors: chosen.errors };
  return { value: chosen.value, errors: rangeErrors(template, chosen, ctx.now) };
}
