import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

type Operation = { responses?: Record<string, unknown>; requestBody?: unknown };
type OpenApiDoc = {
  openapi: string;
  info: { title: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
};

/** Every `$ref` in the document, to check each one resolves. */
function refsOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsOf(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refsOf(v, out);
    }
  }
  return out;
}

describe('the app surface', () => {
  it('GET /healthz answers {"status":"ok"}', async () => {
    const res = await ctx.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"status":"ok"}');
  });

  it('GET /rest/openapi.json is an OpenAPI 3.1 document listing the session and people routes', async () => {
    const res = await ctx.app.request('/rest/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as OpenApiDoc;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBe('Keyward API');
    const expected: [string, string][] = [
      ['/rest/auth/login', 'post'],
      ['/rest/auth/logout', 'post'],
      ['/rest/auth/me', 'get'],
      ['/oauth/check_token', 'post'],
      ['/rest/organizations/{org}/privileges/me', 'get'],
      ['/rest/organizations/{org}/members', 'get'],
      ['/rest/organizations/{org}/members', 'post'],
      ['/rest/organizations/{org}/groups', 'get'],
      ['/rest/organizations/{org}/groups', 'post'],
      ['/rest/organizations/{org}/groups/{id}', 'get'],
      ['/rest/organizations/{org}/groups/{id}', 'put'],
      ['/rest/organizations/{org}/groups/{id}', 'delete'],
      ['/rest/organizations/{org}/groups/{id}/members', 'get'],
      ['/rest/organizations/{org}/groups/{id}/members', 'post'],
      ['/rest/organizations/{org}/groups/{id}/members/{userId}', 'delete'],
    ];
    for (const [path, method] of expected) {
      const op = doc.paths[path]?.[method];
      expect(op, `${method} ${path}`).toBeDefined();
      expect(Object.keys(op?.responses ?? {}).length).toBeGreaterThan(0);
    }
    const schemas = doc.components?.schemas ?? {};
    for (const ref of refsOf(doc)) expect(schemas[ref.replace('#/components/schemas/', '')], ref).toBeDefined();
  });

  it('GET /rest/docs serves the browsable HTML', async () => {
    const res = await ctx.app.request('/rest/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toMatch(/openapi\.json/);
  });

  it('answers unknown /rest routes with a problem+json 404', async () => {
    const res = await ctx.app.request('/rest/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });
});
