import type { Db } from '../db/database.ts';
import type { Metrics } from './metrics.ts';

/** The gauges read at scrape time: mail waiting in the outbox (by status) and the verification cache's size. */
export function registerAppGauges(metrics: Metrics, sources: { db: Db; cacheSize: () => number }): void {
  if (!metrics.enabled) return;
  metrics.labelledGauge('keyward_outbox_depth', 'Mail in the outbox not sent yet, by status.', 'status', async () => {
    const rows = await sources.db
      .selectFrom('outbox')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', '!=', 'SENT')
      .groupBy('status')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  });
  metrics.gauge('keyward_verification_cache_keys', 'Keys held by the verification cache.', sources.cacheSize);
}
