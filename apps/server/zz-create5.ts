import { createTestContext } from '/work/main/apps/server/src/test/harness.ts';
const cache = process.env.CACHE === '1';
const ctx = await createTestContext();
if (cache) {
  const m = new Map<string, any>();
  const orig = ctx.db.sqlite.prepare.bind(ctx.db.sqlite);
  (ctx.db.sqlite as any).prepare = (s: string) => { let st = m.get(s); if (!st) { st = orig(s); m.set(s, st); } return st; };
}
const n = 1000;
let t = performance.now();
for (let i = 0; i < n; i++) {
  const res = await ctx.call('POST', '/rest/organizations/myorganization/apikeys?apiKeyTemplateId=anonymous-search', { token: ctx.adminToken, body: { displayName: `key ${i}` } });
  if (res.status !== 201) throw new Error(await res.text());
  await res.arrayBuffer();
}
console.log('cache', cache, n, 'creates', ((performance.now() - t)).toFixed(0), 'ms');
t = performance.now();
for (let i = 0; i < n; i++) { const r = await ctx.call('GET', '/rest/organizations/myorganization/templates/apikeys/custom', { token: ctx.adminToken }); await r.arrayBuffer(); }
console.log('template gets', ((performance.now() - t)).toFixed(0), 'ms');
await ctx.close();
