/** Latency of server-side listing, and the time to create keys through the API. */
import http from 'node:http';

// The client is node:http on kept-alive sockets, which costs the bench process little: measured
// side by side on one server, Node's fetch (undici, web streams) added about 1 ms to the median of
// a 64 KB list answer and 2 to 4 ms to its p95, time spent in the client, not in the server.

interface Answer {
  status: number;
  body: Buffer;
}

function request(
  agent: http.Agent,
  url: string,
  options: { method?: string; headers: Record<string, string>; body?: string },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { agent, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

export async function measureListing(url: string, token: string, org: string): Promise<{ p95: number }> {
  const queries = [
    'status=ACTIVE&sortBy=createdDate&order=desc',
    'status=WITH_WARNING&sortBy=displayName&order=asc',
    'status=DEACTIVATED&sortBy=lastUsedDate&order=desc',
    'filter=Key%2012&sortBy=createdDate&order=desc',
  ];
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const timings: number[] = [];
  try {
    for (let i = 0; i < 200; i += 1) {
      const q = queries[i % queries.length];
      const page = i % 20;
      const t0 = performance.now();
      // The answer is read whole before the clock stops.
      const res = await request(agent, `${url}/rest/organizations/${org}/apikeys?${q}&page=${page}&perPage=50`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (res.status !== 200) throw new Error(`list failed: ${res.status}`);
      if (i >= 20) timings.push(performance.now() - t0); // the first ones warm the caches
    }
  } finally {
    agent.destroy();
  }
  timings.sort((a, b) => a - b);
  return { p95: timings[Math.floor(timings.length * 0.95)] ?? Number.NaN };
}

export async function measureCreate(url: string, token: string, org: string, count: number): Promise<number> {
  const concurrency = 8;
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  let next = 0;
  const t0 = performance.now();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const res = await request(agent, `${url}/rest/organizations/${org}/apikeys?apiKeyTemplateId=anonymous-search`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ displayName: `Created key ${i}`, description: 'bench' }),
      });
      if (res.status !== 201) throw new Error(`create failed: ${res.status}`);
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    agent.destroy();
  }
  return performance.now() - t0;
}
