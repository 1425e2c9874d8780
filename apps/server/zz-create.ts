import { createTestContext } from '/work/main/apps/server/src/test/harness.ts';
const ctx = await createTestContext();
const n = Number(process.env.N ?? 1000);
const t = performance.now();
for (let i = 0; i < n; i++) {
  const res = await ctx.call('POST', '/rest/organizations/myorganization/apikeys?apiKeyTemplateId=anonymous-search', { token: ctx.adminToken, body: { displayName: `key ${i}`, additionalConfiguration: { search: { enforcedQueryPipelineConfiguration: { searchHub: 'main' } } } } });
  if (res.status !== 201) throw new Error(await res.text());
  await res.arrayBuffer();
}
console.log(n, 'creates', ((performance.now() - t)).toFixed(0), 'ms');
const t3 = performance.now();
for (let i = 0; i < 200; i++) { const r = await ctx.call('GET', '/healthz'); await r.arrayBuffer(); }
console.log('healthz avg', ((performance.now() - t3) / 200).toFixed(3), 'ms');
const t4 = performance.now();
for (let i = 0; i < 200; i++) { const r = await ctx.call('GET', '/rest/organizations/myorganization/templates/apikeys/custom', { token: ctx.adminToken }); await r.arrayBuffer(); }
console.log('template get avg', ((performance.now() - t4) / 200).toFixed(3), 'ms');
await ctx.close();
