import { describe, expect, it } from 'vitest';
import { emptyValues, type WizardValues } from './wizard-model.ts';
import { fieldOfPath, groupByField, wizardResolver } from './wizard-resolver.ts';

describe('fieldOfPath (a rule path to the form field showing it)', () => {
  it.each([
    ['apiKeyTemplateId', 'templateId'],
    ['displayName', 'displayName'],
    ['description', 'description'],
    ['privileges', 'privileges'],
    ['privileges.0', 'privileges'],
    ['privileges[3].targetId', 'privileges'],
    ['sourceIds[1]', 'sourceIds'],
    ['securityProviderIds', 'securityProviderIds'],
    ['allowedIps[2]', 'allowedIps'],
    ['deniedIps', 'deniedIps'],
    ['lifetimeDuration', 'expirationDate'],
    ['expirationDate', 'expirationDate'],
    ['groupsThatCanView[0]', 'access'],
    ['groupsThatCanEdit', 'access'],
    ['additionalConfiguration.search.enforcedQueryPipelineConfiguration.searchHub', 'searchHub'],
    ['additionalConfiguration.commerce', null],
    ['somethingElse', null],
    ['', null],
  ])('%s → %s', (path, field) => {
    expect(fieldOfPath(path)).toBe(field);
  });
});

describe('groupByField', () => {
  it('keeps the first rule of a field and joins the other messages, once each', () => {
    expect(
      groupByField([
        { field: 'displayName', type: 'REQUIRED', message: 'Name it.' },
        { field: 'displayName', type: 'MAX_LENGTH', message: 'Too long.' },
        { field: 'displayName', type: 'MAX_LENGTH', message: 'Too long.' },
        { field: null, type: 'INVALID', message: 'Something else.' },
        { field: 'allowedIps', type: 'INVALID_FORMAT', message: 'Not an IP.' },
      ]),
    ).toEqual({
      displayName: { type: 'REQUIRED', message: 'Name it. Too long.' },
      root: { type: 'INVALID', message: 'Something else.' },
      allowedIps: { type: 'INVALID_FORMAT', message: 'Not an IP.' },
    });
  });
});

describe('wizardResolver (the domain rules, as the user types)', () => {
  const resolve = (values: Partial<WizardValues>, allowPrivateIps = false) =>
    // The resolver ignores react-hook-form's context and options.
    wizardResolver(allowPrivateIps)({ ...emptyValues(), ...values }, undefined, {
      fields: {},
      shouldUseNativeValidation: false,
    });

  it('asks for a purpose first', async () => {
    const result = await resolve({});
    expect(result.values).toEqual({});
    expect(result.errors).toEqual({ templateId: { type: 'REQUIRED', message: 'Choose the purpose of the key.' } });
  });

  it('passes valid values through unchanged', async () => {
    const values = { templateId: 'anonymous-search', displayName: 'Search page', searchHub: 'main' };
    const result = await resolve(values);
    expect(result.errors).toEqual({});
    expect(result.values).toEqual({ ...emptyValues(), ...values });
  });

  it('names the field of each broken rule', async () => {
    const result = await resolve({ templateId: 'anonymous-search', displayName: '' });
    expect(result.values).toEqual({});
    expect(Object.keys(result.errors)).toContain('displayName');
  });

  it('applies the server setting for private IP ranges', async () => {
    const values = {
      templateId: 'push-api',
      displayName: 'Connector',
      sourceIds: ['src'],
      securityProviderIds: ['provider'],
      allowedIps: ['10.0.0.0/8'],
    };
    expect(Object.keys((await resolve(values, false)).errors)).toEqual(['allowedIps']);
    expect((await resolve(values, true)).errors).toEqual({});
  });
});
