import type { Hono } from 'hono';
import type { Config } from '../config.ts';
import type { Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { AppEnv } from './context.ts';
import { finishUnreadBody } from './early-answers.ts';
import { registerMetricsRoute } from './metrics.routes.ts';
import { noStoreByDefault } from './no-store.ts';
import { requestLog } from './request-log.ts';
import { securityHeaders } from './security-headers.ts';
import { refuseNulInUrl } from './url-guard.ts';

/**
 * What every answer goes through, registered before any route: request id and access log (with
 * the request metrics), security headers, keep-alive after early answers, `no-store` on the API,
 * and the refusal of NUL characters in URLs. Also GET /metrics when enabled.
 */
export function applyHardening(
  app: Hono<AppEnv>,
  options: { config: Pick<Config, 'trustProxy' | 'metricsToken'>; logger: Logger; metrics: Metrics },
): void {
  app.use('*', requestLog(options.logger, options.metrics));
  app.use('*', securityHeaders(options.config.trustProxy));
  app.use('*', finishUnreadBody());
  app.use('/rest/*', noStoreByDefault);
  app.use('/oauth/*', noStoreByDefault);
  app.use('*', refuseNulInUrl);
  registerMetricsRoute(app, options.metrics, options.config.metricsToken);
}
