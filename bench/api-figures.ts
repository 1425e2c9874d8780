/** Latency of server-side listing, and the time to create keys through the API. */
export async function measureListing(url: string, token: string, org: string): Promise<{ p95: number }> {
  const queries = [
    'status=ACTIVE&sortBy=createdDate&order=desc',
    'status=WITH_WARNING&sortBy=displayName&order=asc',
    'status=DEACTIVATED&sortBy=lastUsedDate&order=desc',
    'filter=Key%2012&sortBy=createdDate&order=desc',
  ];
  const timings: number[] = [];
  for (let i = 0; i < 200; i += 1) {
    const q = queries[i % queries.length];
    const page = i % 20;
    const t0 = performance.now();
    const res = await fetch(`${url}/rest/organizations/${org}/apikeys?${q}&page=${page}&perPage=50`, {
      headers: { authorization: `Bearer ${token}` },
    });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`list failed: ${res.status}`);
    if (i >= 20) timings.push(performance.now() - t0); // the first ones warm the caches
  }
  timings.sort((a, b) => a - b);
  return { p95: timings[Math.floor(timings.length * 0.95)] ?? Number.NaN };
}

export async function measureCreate(url: string, token: string, org: string, count: number): Promise<number> {
  const concurrency = 8;
  let next = 0;
  const t0 = performance.now();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const res = await fetch(`${url}/rest/organizations/${org}/apikeys?apiKeyTemplateId=anonymous-search`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ displayName: `Created key ${i}`, description: 'bench' }),
      });
      await res.arrayBuffer();
      if (res.status !== 201) throw new Error(`create failed: ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return performance.now() - t0;
}
