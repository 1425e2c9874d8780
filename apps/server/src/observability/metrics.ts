import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics of one app (GET /metrics when KEYWARD_METRICS=true). Each app has its own
 * registry (tests build many apps in one process); when metrics are off, every call is a no-op.
 */
export interface Metrics {
  readonly enabled: boolean;
  /** One answered HTTP request, by route pattern (never the raw path) and status. */
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  /** One verification verdict (POST …/apikeys/verify, and any fast path answering it), by code. */
  countVerdict(code: string): void;
  /** One pass of the job loop. */
  observeJobPass(seconds: number): void;
  /** A gauge read when scraped, e.g. the verification cache's size or the outbox depth. */
  gauge(name: string, help: string, read: () => number | Promise<number>): void;
  /** A gauge with labels, read when scraped. */
  labelledGauge(
    name: string,
    help: string,
    label: string,
    read: () => Promise<Record<string, number>> | Record<string, number>,
  ): void;
  render(): Promise<{ contentType: string; body: string }>;
}

const NO_METRICS: Metrics = {
  enabled: false,
  observeRequest: () => {},
  countVerdict: () => {},
  observeJobPass: () => {},
  gauge: () => {},
  labelledGauge: () => {},
  render: () => Promise.resolve({ contentType: 'text/plain', body: '' }),
};

export function createMetrics(enabled: boolean): Metrics {
  if (!enabled) return NO_METRICS;
  const registry = new Registry();
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({
    name: 'keyward_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status.',
    labelNames,
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'keyward_http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by method, route pattern and status.',
    labelNames,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const verdicts = new Counter({
    name: 'keyward_verification_verdicts_total',
    help: 'Verification verdicts, by code (VALID, NOT_FOUND, DISABLED, …).',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const jobPasses = new Histogram({
    name: 'keyward_job_pass_duration_seconds',
    help: 'Duration of the passes of the scheduled jobs.',
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60],
    registers: [registry],
  });
  return {
    enabled: true,
    observeRequest: (method, route, status, seconds) => {
      const labels = { method, route, status: String(status) };
      requests.inc(labels);
      durations.observe(labels, seconds);
    },
    countVerdict: (code) => verdicts.inc({ code }),
    observeJobPass: (seconds) => jobPasses.observe(seconds),
    gauge: (name, help, read) => {
      new Gauge({
        name,
        help,
        registers: [registry],
        async collect() {
          this.set(await read());
        },
      });
    },
    labelledGauge: (name, help, label, read) => {
      new Gauge({
        name,
        help,
        labelNames: [label],
        registers: [registry],
        async collect() {
          this.reset();
          for (const [value, n] of Object.entries(await read())) this.set({ [label]: value }, n);
        },
      });
    },
    render: async () => ({ contentType: registry.contentType, body: await registry.metrics() }),
  };
}
