import { describe, expect, it } from 'vitest';
import { durationText, plainWords, problemMessage, privilegeText, ruleMessage } from './user-messages.ts';

describe('plainWords', () => {
  it.each([
    [
      'Limit the API key scope: SEARCH_API/VIEW_ALL_CONTENT is especially potent, so the key must enforce a search hub.',
      'Limit the API key scope: Search - View all content is especially potent, so the key must enforce a search hub.',
    ],
    ["SEARCH_API/EXECUTE_QUERY can't be granted to a Custom key.", "Execute queries can't be granted to a Custom key."],
    ['USAGE_ANALYTICS/ANALYTICS_DATA:EDIT is fixed.', 'Analytics data: Push is fixed.'],
    ['PLATFORM/SOURCE:VIEW', 'Sources: View all'],
    ['A Custom key needs an expiration date, or NEVER.', 'A Custom key needs an expiration date, or Never.'],
    [
      'Authentication is required: log in or send Authorization: Bearer <token>.',
      'Authentication is required: log in.',
    ],
    ['lifetimeDuration is not valid.', 'expiration date is not valid.'],
  ])('%s', (input, expected) => {
    expect(plainWords(input)).toBe(expected);
  });

  it('leaves an unknown OWNER/DOMAIN as "an unknown privilege", never the raw string', () => {
    expect(plainWords('PLATFORM/NOPE:VIEW is not in the catalog')).toBe('an unknown privilege is not in the catalog');
  });

  it('keeps sentences without developer words as they are', () => {
    expect(plainWords('A name is required.')).toBe('A name is required.');
  });
});

describe('privilegeText', () => {
  it('uses the catalog label and level', () => {
    expect(privilegeText({ owner: 'PLATFORM', targetDomain: 'SECURITY_PROVIDER', type: 'VIEW' })).toBe(
      'Security identity providers: View',
    );
    expect(privilegeText({ owner: 'SEARCH_API', targetDomain: 'IMPERSONATE' })).toBe('Search - Impersonate');
  });
});

describe('ruleMessage', () => {
  it('says what to do for a missing expiration of a Custom key, without NEVER', () => {
    const message = ruleMessage({
      rule: 'EXPIRATION_REQUIRED',
      path: 'lifetimeDuration',
      message: 'A Custom key needs an expiration date, or NEVER.',
    });
    expect(message).toBe('Choose an expiration date, or Never.');
  });

  it('keeps the range of a View all content key', () => {
    const message = 'A View all content key must expire within 1 to 14 days.';
    expect(ruleMessage({ rule: 'EXPIRATION_REQUIRED', message })).toBe(message);
  });

  it('asks for the search hub of potent privileges in plain words', () => {
    const message = ruleMessage({
      rule: 'SEARCH_HUB_REQUIRED',
      message:
        'Limit the API key scope: SEARCH_API/VIEW_ALL_CONTENT is especially potent, so the key must enforce a search hub.',
    });
    expect(message).toBe('Enter a search hub: the privileges chosen are especially potent.');
  });

  it('rewrites any other rule message into the console words', () => {
    expect(
      ruleMessage({ rule: 'FORBIDDEN_IN_CUSTOM', message: "SEARCH_API/IMPERSONATE can't be granted to a Custom key." }),
    ).toBe("Search - Impersonate can't be granted to a Custom key.");
  });
});

describe('problemMessage', () => {
  it('never mentions headers or tokens for an ended session', () => {
    const text = problemMessage({
      status: 401,
      message: 'Authentication is required: log in or send Authorization: Bearer <token>.',
    });
    expect(text).toBe('Your session has ended. Log in again to continue.');
    expect(text).not.toMatch(/Bearer|Authorization/);
  });

  it('says how long a lockout lasts', () => {
    expect(problemMessage({ status: 429, message: 'x', retryAfterS: 900 })).toBe(
      'Too many attempts. Try again in 15 minutes.',
    );
    expect(problemMessage({ status: 429, message: 'x', retryAfterS: 61 })).toBe(
      'Too many attempts. Try again in 2 minutes.',
    );
    expect(problemMessage({ status: 429, message: 'x' })).toBe('Too many attempts. Try again in a few minutes.');
  });

  it('passes other problems through the plain-words map', () => {
    expect(problemMessage({ status: 422, message: 'SEARCH_API/EXECUTE_QUERY is fixed.' })).toBe(
      'Execute queries is fixed.',
    );
  });
});

describe('durationText', () => {
  it.each([
    [1, '1 second'],
    [30, '30 seconds'],
    [60, '1 minute'],
    [900, '15 minutes'],
    [7200, '2 hours'],
  ])('%i s -> %s', (seconds, text) => {
    expect(durationText(seconds)).toBe(text);
  });
});
