import { describe, expect, it } from 'vitest';
import { DAY_MS, NEVER, expirationFromDate, getTemplate, validateKeyRequest } from '@keyward/domain';
import type { ApiKey } from '@keyward/contract';
import {
  emptyValues,
  expirationDefaults,
  stepsFor,
  toCreateBody,
  toKeyRequestInput,
  valuesFromKey,
  type WizardValues,
} from './wizard-model.ts';

const NOW = Date.parse('2026-03-10T15:00:00.000Z');
const values = (v: Partial<WizardValues>): WizardValues => ({ ...emptyValues(), ...v });

describe('stepsFor', () => {
  it.each([
    ['custom', false, ['purpose', 'identification', 'privileges', 'configuration', 'access', 'review']],
    ['custom', true, ['identification', 'privileges', 'configuration', 'access', 'review']],
    ['usage-analytics', false, ['purpose', 'identification', 'access', 'review']],
    ['anonymous-search', true, ['identification', 'configuration', 'access', 'review']],
    ['', false, ['purpose', 'identification', 'configuration', 'access', 'review']],
  ])('%s (from existing: %s)', (templateId, fromExisting, steps) => {
    expect(stepsFor(templateId, fromExisting)).toEqual(steps);
  });
});

describe('expirationDefaults', () => {
  it('View all content expires in 7 days (UTC date)', () => {
    expect(expirationDefaults(getTemplate('view-all-content'), NOW)).toEqual({
      expirationMode: 'date',
      expirationDate: '2026-03-17',
    });
  });

  it.each(['anonymous-search', 'custom', 'push-api'])('%s has no default', (id) => {
    expect(expirationDefaults(getTemplate(id), NOW)).toEqual({ expirationMode: '', expirationDate: '' });
  });
});

describe('toKeyRequestInput and toCreateBody', () => {
  it('drops what the chosen template does not use, so hidden leftovers never reach the rules', () => {
    const v = values({
      templateId: 'anonymous-search',
      displayName: ' Search page ',
      description: ' For the site ',
      privileges: ['PLATFORM/SOURCE:VIEW'],
      sourceIds: ['src-a'],
      securityProviderIds: ['sp'],
      searchHub: ' main ',
      allowedIps: ['203.0.113.0/24'],
      deniedIps: ['198.51.100.1'],
      expirationMode: 'never',
      expirationDate: '2026-04-01',
      access: { g1: 'VIEW', g2: 'EDIT', g3: 'NONE' },
    });
    expect(toKeyRequestInput(v)).toEqual({
      templateId: 'anonymous-search',
      displayName: ' Search page ',
      description: ' For the site ',
      privileges: [],
      sourceIds: [],
      securityProviderIds: [],
      searchHub: 'main',
      allowedIps: [],
      deniedIps: [],
      lifetimeDuration: null,
      expirationDate: null,
      groupsThatCanView: ['g1'],
      groupsThatCanEdit: ['g2'],
    });
    expect(toCreateBody(v)).toEqual({
      displayName: 'Search page',
      description: 'For the site',
      allowedIps: [],
      deniedIps: [],
      additionalConfiguration: { search: { enforcedQueryPipelineConfiguration: { searchHub: 'main' } } },
      groupsThatCanView: [{ id: 'g1' }],
      groupsThatCanEdit: [{ id: 'g2' }],
    });
  });

  it('Custom: privileges from their ids, "never" as the NEVER duration', () => {
    const v = values({
      templateId: 'custom',
      displayName: 'Reports',
      privileges: ['PLATFORM/SOURCE:VIEW'],
      expirationMode: 'never',
      expirationDate: '2026-04-01',
    });
    const input = toKeyRequestInput(v);
    expect(input.privileges).toEqual([{ owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'VIEW' }]);
    expect(input.lifetimeDuration).toBe(NEVER);
    expect(input.expirationDate).toBeNull();
    const body = toCreateBody(v);
    expect(body.privileges).toEqual([{ owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'VIEW' }]);
    expect(body.lifetimeDuration).toBe(NEVER);
    expect(body).not.toHaveProperty('expirationDate');
    expect(body.additionalConfiguration).toEqual({});
  });

  it('a date is the end of that UTC day; a malformed one fails the rules instead of vanishing', () => {
    const dated = values({ templateId: 'view-all-content', expirationMode: 'date', expirationDate: '2026-03-17' });
    expect(toKeyRequestInput(dated).expirationDate).toBe(expirationFromDate('2026-03-17'));
    expect(toCreateBody(dated).expirationDate).toBe(expirationFromDate('2026-03-17'));
    const malformed = values({ templateId: 'view-all-content', expirationMode: 'date', expirationDate: 'soon' });
    expect(toKeyRequestInput(malformed).expirationDate).toBeNaN();
  });

  it('valid wizard values pass the same rules the server applies', () => {
    const v = values({
      templateId: 'view-all-content',
      displayName: 'Troubleshooting',
      searchHub: 'support',
      ...expirationDefaults(getTemplate('view-all-content'), NOW),
    });
    expect(validateKeyRequest(toKeyRequestInput(v), { now: NOW, allowPrivateIps: false, origin: 'CREATE' }).ok).toBe(
      true,
    );
  });
});

function key(overrides: Partial<ApiKey>): ApiKey {
  return {
    apiKeyTemplateId: 'custom',
    description: 'Existing',
    privileges: [],
    allowedIps: [],
    deniedIps: [],
    additionalConfiguration: {},
    groupsThatCanView: [],
    groupsThatCanEdit: [],
    expirationDate: null,
    ...overrides,
  } as ApiKey;
}

describe('valuesFromKey (Create from existing)', () => {
  it('copies the settings, not the name; targets become the source and provider lists', () => {
    const v = valuesFromKey(
      key({
        apiKeyTemplateId: 'push-api',
        displayName: 'Connector',
        privileges: [
          { owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'EDIT', targetId: 'src-a' },
          { owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'EDIT', targetId: 'src-a' },
          { owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'EDIT', targetId: '*' },
        ],
        allowedIps: ['203.0.113.0/24'],
        groupsThatCanView: [{ id: 'g1', displayName: 'Support' }],
        groupsThatCanEdit: [{ id: 'g2', displayName: 'Ops' }],
      }),
      NOW,
    );
    expect(v.displayName).toBe('');
    expect(v.templateId).toBe('push-api');
    expect(v.description).toBe('Existing');
    expect(v.privileges).toEqual([]);
    expect(v.allowedIps).toEqual(['203.0.113.0/24']);
    expect(v.access).toEqual({ g1: 'VIEW', g2: 'EDIT' });
    expect(v.expirationMode).toBe('');
  });

  it('Custom: privilege ids once each; a key that never expires stays "never"', () => {
    const v = valuesFromKey(
      key({
        privileges: [
          { owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'VIEW' },
          { owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'VIEW' },
        ],
        expirationDate: null,
      }),
      NOW,
    );
    expect(v.privileges).toEqual(['PLATFORM/SOURCE:VIEW']);
    expect(v).toMatchObject({ expirationMode: 'never', expirationDate: '' });
  });

  it('Custom: a future expiration date is kept, a past one must be chosen again', () => {
    const future = valuesFromKey(key({ expirationDate: NOW + 5 * DAY_MS }), NOW);
    expect(future).toMatchObject({ expirationMode: 'date', expirationDate: '2026-03-15' });
    const past = valuesFromKey(key({ expirationDate: NOW - DAY_MS }), NOW);
    expect(past).toMatchObject({ expirationMode: 'date', expirationDate: '' });
  });

  it('the search hub comes from the additional configuration', () => {
    const v = valuesFromKey(
      key({
        apiKeyTemplateId: 'anonymous-search',
        additionalConfiguration: { search: { enforcedQueryPipelineConfiguration: { searchHub: 'main' } } },
      }),
      NOW,
    );
    expect(v.searchHub).toBe('main');
  });
});
