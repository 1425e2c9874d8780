import { timingSafeEqual } from 'node:crypto';
import type { Hono } from 'hono';
import type { Metrics } from '../observability/metrics.ts';
import { sha256Hex } from '../crypto/tokens.ts';
import { AppError } from './problem.ts';

function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(Buffer.from(sha256Hex(a)), Buffer.from(sha256Hex(b)));
}

/**
 * GET /metrics in Prometheus text format, only when KEYWARD_METRICS=true; with
 * KEYWARD_METRICS_TOKEN set, the scraper must send `Authorization: Bearer <token>`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function registerMetricsRoute(app: Hono<any>, metrics: Metrics, token: string | undefined): void {
  if (!metrics.enabled) return;
  app.get('/metrics', async (c) => {
    if (token) {
      const given = /^Bearer (.+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
      if (!sameSecret(given, token)) {
        throw new AppError(
          'UNAUTHENTICATED',
          'Send the metrics token: Authorization: Bearer <KEYWARD_METRICS_TOKEN>.',
          undefined,
          {
            'WWW-Authenticate': 'Bearer realm="metrics"',
          },
        );
      }
    }
    const { contentType, body } = await metrics.render();
    return c.body(body, 200, { 'content-type': contentType, 'cache-control': 'no-store' });
  });
}
