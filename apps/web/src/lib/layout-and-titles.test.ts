import { describe, expect, it } from 'vitest';
import { leavesPage } from './leave-guard.tsx';
import { pageTitle } from './page-title.ts';
import { BREAKPOINTS, tableLayoutFor } from './use-media-query.ts';

describe('tableLayoutFor', () => {
  it.each([
    [1920, 'wide'],
    [BREAKPOINTS.wide, 'wide'],
    [1399, 'medium'],
    [1280, 'medium'],
    [721, 'medium'],
    [720, 'phone'],
    [390, 'phone'],
  ])('%i px -> %s', (width, layout) => {
    expect(tableLayoutFor(width)).toBe(layout);
  });
});

describe('pageTitle', () => {
  it('names the page, then the organization, then Keyward', () => {
    expect(pageTitle(['API keys', 'My organization'])).toBe('API keys · My organization · Keyward');
    expect(pageTitle(['Log in', undefined])).toBe('Log in · Keyward');
  });
});

describe('leavesPage', () => {
  it('is a change of path, not a change of step or tab in the query', () => {
    expect(leavesPage({ pathname: '/o/x/api-keys/new' }, { pathname: '/o/x/api-keys/new' })).toBe(false);
    expect(leavesPage({ pathname: '/o/x/api-keys/new' }, { pathname: '/o/x/api-keys' })).toBe(true);
  });
});
