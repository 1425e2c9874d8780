import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiRequest, requestEarly } from './api-client.ts';

const ok = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });

describe('requestEarly (boot.ts sends the first page requests before the app has loaded)', () => {
  const fetch = vi.fn<typeof globalThis.fetch>();
  beforeEach(() => {
    fetch.mockReset();
    vi.stubGlobal('fetch', fetch);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('answers the first GET of the same URL with the early response, then sends requests again', async () => {
    fetch.mockResolvedValueOnce(ok({ n: 1 })).mockResolvedValueOnce(ok({ n: 2 }));
    requestEarly('/rest/x', { page: 0, q: undefined });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]?.[0]).toBe('/rest/x?page=0');
    expect((await apiRequest('/rest/x', { query: { page: 0 } })).data).toEqual({ n: 1 });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect((await apiRequest('/rest/x', { query: { page: 0 } })).data).toEqual({ n: 2 });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('is not taken by another URL, nor by a write', async () => {
    fetch.mockImplementation(() => Promise.resolve(ok({})));
    requestEarly('/rest/y');
    await apiRequest('/rest/y', { query: { page: 1 } });
    await apiRequest('/rest/y', { method: 'POST', body: {} });
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('is dropped when it has waited too long (the answer may be stale)', async () => {
    vi.useFakeTimers();
    fetch.mockResolvedValueOnce(ok({ n: 1 })).mockResolvedValueOnce(ok({ n: 2 }));
    requestEarly('/rest/z');
    vi.advanceTimersByTime(60_000);
    expect((await apiRequest('/rest/z')).data).toEqual({ n: 2 });
  });
});
