import { describe, expect, it } from 'vitest';
import { listParamsFrom, nextOrder, withChanges } from './use-list-params.ts';

const from = (query: string) => listParamsFrom(new URLSearchParams(query));

describe('listParamsFrom (the list state in the URL)', () => {
  it('answers the defaults for an empty URL: newest first, first page of 25', () => {
    expect(from('')).toEqual({
      status: undefined,
      filter: undefined,
      sortBy: 'createdDate',
      order: 'desc',
      page: 0,
      perPage: 25,
    });
  });

  it.each([
    ['q=%20search%20page%20', { filter: 'search page' }],
    ['q=%20%20', { filter: undefined }],
    ['status=ACTIVE', { status: 'ACTIVE' }],
    ['status=NOPE', { status: undefined }],
    ['sortBy=displayName', { sortBy: 'displayName', order: 'asc' }],
    ['sortBy=displayName&order=desc', { sortBy: 'displayName', order: 'desc' }],
    ['sortBy=lastUsedDate&order=asc', { sortBy: 'lastUsedDate', order: 'asc' }],
    ['sortBy=bogus&order=sideways', { sortBy: 'createdDate', order: 'desc' }],
    ['page=1', { page: 0 }],
    ['page=3', { page: 2 }],
    ['page=0', { page: 0 }],
    ['page=-4', { page: 0 }],
    ['page=abc', { page: 0 }],
    ['perPage=100', { perPage: 100 }],
    ['perPage=10', { perPage: 10 }],
    ['perPage=7', { perPage: 25 }],
    ['perPage=1000', { perPage: 25 }],
  ])('?%s', (query, expected) => {
    expect(from(query)).toMatchObject(expected);
  });
});

describe('withChanges', () => {
  const at = (query: string) => new URLSearchParams(query);

  it('sets and removes values, and goes back to page 1 on any change but paging', () => {
    const next = withChanges(at('q=old&status=ACTIVE&page=4'), { q: 'new', status: undefined });
    expect(next.toString()).toBe('q=new');
  });

  it('removes a value set to the empty string', () => {
    expect(withChanges(at('q=x&perPage=50'), { q: '' }).toString()).toBe('perPage=50');
  });

  it('keeps the page when asked to, and when the change is the page itself', () => {
    expect(withChanges(at('page=3'), { perPage: 50 }, false).toString()).toBe('page=3&perPage=50');
    expect(withChanges(at('q=a&page=3'), { page: 5 }).toString()).toBe('q=a&page=5');
  });

  it('never changes the URL it was given', () => {
    const previous = at('q=a&page=2');
    withChanges(previous, { q: 'b' });
    expect(previous.toString()).toBe('q=a&page=2');
  });
});

describe('nextOrder', () => {
  it.each([
    [{ sortBy: 'createdDate', order: 'desc' }, 'createdDate', 'asc'],
    [{ sortBy: 'createdDate', order: 'asc' }, 'createdDate', 'desc'],
    [{ sortBy: 'createdDate', order: 'desc' }, 'displayName', 'asc'],
    [{ sortBy: 'displayName', order: 'asc' }, 'expirationDate', 'desc'],
    [{ sortBy: 'displayName', order: 'asc' }, 'status', 'desc'],
  ] as const)('%o then sort by %s: %s', (current, sortBy, expected) => {
    expect(nextOrder(current, sortBy)).toBe(expected);
  });
});
