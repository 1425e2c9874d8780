import { describe, expect, it } from 'vitest';
import type { TemplateId } from './templates.ts';
import { validateKeyRequest, type KeyRequestInput } from './validation.ts';
import { P, ctx, req, t } from './validation-test-helpers.ts';
describe('expiration', () => {
  const day = (iso: string) => t(`${iso}T23:59:59.000Z`);
  it.each<[TemplateId, Partial<KeyRequestInput>, number | null | string]>([
    ['custom', {}, 'lifetimeDuration:EXPIRATION_REQUIRED'],
    ['custom', { lifetimeDuration: 'NEVER' }, null],
    ['custom', { lifetimeDuration: 'P30D' }, day('2025-07-10')],
    ['custom', { lifetimeDuration: 'P1Y' }, day('2026-06-10')],
    ['custom', { lifetimeDuration: 'PT0S' }, day('2025-06-10')],
    ['custom', { lifetimeDuration: 'P' }, 'lifetimeDuration:INVALID_DURATION'],
    ['custom', { lifetimeDuration: 'never' }, 'lifetimeDuration:INVALID_DURATION'],
    ['custom', { lifetimeDuration: 'P999999999Y' }, 'lifetimeDuration:INVALID_DURATION'],
    ['custom', { expirationDate: t('2025-06-10T00:00:00.000Z') }, day('2025-06-10')],
    ['custom', { expirationDate: t('2025-06-09T23:59:59.999Z') }, 'expirationDate:EXPIRATION_IN_PAST'],
    ['custom', { expirationDate: Number.NaN }, 'expirationDate:INVALID_DATE'],
    ['custom', { lifetimeDuration: 'P1D', expirationDate: day('2025-07-01') }, 'expirationDate:EXPIRATION_CONFLICT'],
    ['custom', { lifetimeDuration: null, expirationDate: day('2025-07-01') }, day('2025-07-01')],
    ['anonymous-search', {}, null],
    ['anonymous-search', { lifetimeDuration: 'NEVER' }, null],
    ['anonymous-search', { lifetimeDuration: 'P2W' }, day('2025-06-24')],
    ['anonymous-search', { expirationDate: day('2025-06-01') }, 'expirationDate:EXPIRATION_IN_PAST'],
    ['view-all-content', {}, 'lifetimeDuration:EXPIRATION_REQUIRED'],
    ['view-all-content', { lifetimeDuration: 'NEVER' }, 'lifetimeDuration:EXPIRATION_REQUIRED'],
    ['view-all-content', { lifetimeDuration: 'PT0S' }, 'lifetimeDuration:EXPIRATION_RANGE'],
    ['view-all-content', { lifetimeDuration: 'PT8H' }, 'lifetimeDuration:EXPIRATION_RANGE'],
    ['view-all-content', { lifetimeDuration: 'PT9H' }, day('2025-06-11')],
    ['view-all-content', { lifetimeDuration: 'P1D' }, day('2025-06-11')],
    ['view-all-content', { lifetimeDuration: 'P14D' }, day('2025-06-24')],
    ['view-all-content', { lifetimeDuration: 'P2W' }, day('2025-06-24')],
    ['view-all-content', { lifetimeDuration: 'P15D' }, 'lifetimeDuration:EXPIRATION_RANGE'],
    ['view-all-content', { lifetimeDuration: 'P1M' }, 'lifetimeDuration:EXPIRATION_RANGE'],
    ['view-all-content', { expirationDate: day('2025-06-10') }, 'expirationDate:EXPIRATION_RANGE'],
    ['view-all-content', { expirationDate: t('2025-06-11T00:00:00.000Z') }, day('2025-06-11')],
    ['view-all-content', { expirationDate: day('2025-06-24') }, day('2025-06-24')],
    ['view-all-content', { expirationDate: t('2025-06-25T00:00:00.000Z') }, 'expirationDate:EXPIRATION_RANGE'],
    ['view-all-content', { expirationDate: day('2025-06-09') }, 'expirationDate:EXPIRATION_IN_PAST'],
  ])('%s %j -> %s', (templateId, over, expected) => {
    const extra: Partial<KeyRequestInput> =
      templateId === 'custom'
        ? { privileges: [P('PLATFORM/SOURCE:VIEW')] }
        : templateId === 'view-all-content'
          ? { searchHub: 'h' }
          : {};
    const result = validateKeyRequest(req(templateId, { ...extra, ...over }), ctx);
    if (typeof expected === 'string')
      expect(result.ok ? [] : result.errors.map((e) => `${e.path}:${e.rule}`)).toEqual([expected]);
    else expect(result.ok ? result.value.expirationDate : result.errors).toBe(expected);
  });

  it('tells a duplicate how to send one', () => {
    const result = validateKeyRequest(req('custom', { privileges: [P('PLATFORM/SOURCE:VIEW')] }), {
      ...ctx,
      origin: 'DUPLICATE',
    });
    expect(result.ok ? '' : result.errors[0]?.message).toMatch(/Send lifetimeDuration/);
  });
});
