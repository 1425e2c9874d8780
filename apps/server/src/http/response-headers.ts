import type { Context } from 'hono';

/** Sets a header on the answer, also when the Response's headers are immutable (e.g. a fetched one). */
export function setResponseHeader(c: Context, name: string, value: string): void {
  try {
    c.res.headers.set(name, value);
  } catch {
    c.res = new Response(c.res.body, c.res);
    c.res.headers.set(name, value);
  }
}
