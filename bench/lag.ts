import { call, msUntil } from '../apps/server/test/instances.ts';

/**
 * Cross-instance change lag (PRODUCT.md §9/§10): a key is disabled and enabled in turn through
 * instance `a` (each change acknowledged) while instance `b`'s verification is polled until it
 * reflects the change. Answers the lag of each change in ms (throws past 1 s).
 */
export async function measureLag(a: string, b: string, token: string, org: string, changes: number): Promise<number[]> {
  const keys = `/rest/organizations/${org}/apikeys`;
  const created = await call<{ id: string; value: string }>(a, 'POST', `${keys}?apiKeyTemplateId=anonymous-search`, {
    token,
    body: { displayName: 'Lag' },
  });
  if (created.status !== 201) throw new Error(`lag key: ${created.status} ${JSON.stringify(created.body)}`);
  const { id, value } = created.body;
  const codeOnB = async () =>
    (await call<{ code: string }>(b, 'POST', `${keys}/verify`, { body: { key: value } })).body.code;
  const lags: number[] = [];
  for (let i = 0; i < changes; i += 1) {
    const [action, expected] = i % 2 === 0 ? ['disable', 'DISABLED'] : ['activate', 'VALID'];
    await codeOnB(); // cached on b before the change
    const res = await call(a, 'PUT', `${keys}/${id}/${action}`, { token });
    if (res.status !== 204) throw new Error(`${action}: ${res.status}`);
    lags.push(await msUntil(async () => (await codeOnB()) === expected, 1_000));
  }
  await call(a, 'DELETE', `${keys}/${id}`, { token });
  return lags;
}
