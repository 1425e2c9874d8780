import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from '@playwright/test';

const DIST = 'apps/web/dist';

/** Gzip size (KB) of the JavaScript the built index.html loads up front (entry + modulepreloads). */
export function measureSpaSize(): number {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const srcs = [...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1] as string);
  const bytes = [...new Set(srcs)].reduce(
    (sum, src) => sum + zlib.gzipSync(fs.readFileSync(path.join(DIST, src))).length,
    0,
  );
  return bytes / 1024;
}

function chromiumPath(): string | undefined {
  if (process.env.PLAYWRIGHT_CHROMIUM_PATH) return process.env.PLAYWRIGHT_CHROMIUM_PATH;
  return fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

const FIRST_VISITS = 5;

/**
 * Milliseconds from navigation to the first table row of the API Keys page, logged in, on a first
 * visit: each of FIRST_VISITS visits in a fresh browser context (empty cache, its own cookies),
 * whose page has already opened about:blank, so that starting the browser's renderer process is
 * not counted as the page's load. The median and every sample.
 */
export async function measurePageInteractive(url: string): Promise<{ median: number; samples: number[] } | null> {
  const executablePath = chromiumPath();
  if (!executablePath) return null;
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const samples: number[] = [];
    for (let i = 0; i < FIRST_VISITS; i += 1) {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto('about:blank');
        const res = await page.request.post(`${url}/rest/auth/login`, {
          data: { email: 'bench@example.com', password: 'bench password 123' },
        });
        if (!res.ok()) throw new Error(`login failed ${res.status()}`);
        const t0 = Date.now();
        await page.goto(`${url}/organizations/benchorg/api-keys`);
        await page.getByRole('row').nth(1).waitFor();
        samples.push(Date.now() - t0);
      } finally {
        await context.close();
      }
    }
    const sorted = [...samples].sort((x, y) => x - y);
    return { median: sorted[Math.floor(sorted.length / 2)] as number, samples };
  } finally {
    await browser.close();
  }
}

/** First-visit caching and compression: hashed assets immutable and compressed, index.html no-cache. */
export async function measureAssetCaching(url: string): Promise<{ ok: boolean; detail: string }> {
  const html = await fetch(`${url}/`, { headers: { 'accept-encoding': 'br, gzip' } });
  const text = await html.text();
  const asset = /(?:src|href)="(\/assets\/[^"]+\.js)"/.exec(text)?.[1];
  if (!asset) return { ok: false, detail: 'no hashed script in index.html' };
  const js = await fetch(`${url}${asset}`, { headers: { 'accept-encoding': 'br, gzip' } });
  await js.arrayBuffer();
  const indexCache = html.headers.get('cache-control') ?? '';
  const assetCache = js.headers.get('cache-control') ?? '';
  const encoding = js.headers.get('content-encoding') ?? 'none';
  const ok =
    /no-cache/.test(indexCache) &&
    /immutable/.test(assetCache) &&
    /max-age=31536000/.test(assetCache) &&
    encoding !== 'none';
  return { ok, detail: `index.html "${indexCache}", ${asset.split('/').pop()} "${assetCache}", ${encoding}` };
}
