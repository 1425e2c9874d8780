import { LOG_LEVELS, type LogLevel } from './observability/logger.ts';

export interface Config {
  port: number;
  host: string;
  dbFile: string;
  /** PostgreSQL (KEYWARD_DATABASE_URL); when set, dbFile is ignored. */
  databaseUrl: string | undefined;
  orgId: string;
  orgName: string;
  adminEmail: string;
  adminPassword: string | undefined;
  securityContact: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  trustProxy: string[];
  allowPrivateIps: boolean;
  jobsIntervalS: number;
  clock: 'system' | 'manual';
  secretScanningKeysFile: string | undefined;
  /** Base URL used in e-mail links. */
  publicUrl: string;
  /** KEYWARD_LOG_LEVEL: the structured log's level (default info). */
  logLevel: LogLevel;
  /** KEYWARD_METRICS=true serves GET /metrics. */
  metrics: boolean;
  /** KEYWARD_METRICS_TOKEN: when set, GET /metrics needs `Authorization: Bearer <token>`. */
  metricsToken: string | undefined;
}

type Env = Record<string, string | undefined>;

/** Reads PRODUCT.md §1's environment. Throws with a clear message on a bad value. */
export function readConfig(env: Env): Config {
  const port = intFrom(env, 'PORT', 8787);
  const host = env.HOST || '127.0.0.1';
  const adminEmail = env.KEYWARD_ADMIN_EMAIL || 'admin@localhost';
  const clock = env.KEYWARD_CLOCK || 'system';
  if (clock !== 'system' && clock !== 'manual')
    throw new Error(`KEYWARD_CLOCK must be "system" or "manual", got "${clock}"`);
  if (clock === 'manual' && env.NODE_ENV === 'production') {
    throw new Error('KEYWARD_CLOCK=manual is refused when NODE_ENV=production');
  }
  const logLevel = env.KEYWARD_LOG_LEVEL || 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel))
    throw new Error(`KEYWARD_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  const databaseUrl = env.KEYWARD_DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl))
    throw new Error('KEYWARD_DATABASE_URL must be a postgres:// URL (postgres://user:password@host:port/database)');
  const orgId = env.KEYWARD_ORG_ID || 'myorganization';
  if (!/^[a-z0-9]+$/.test(orgId)) throw new Error('KEYWARD_ORG_ID must be lowercase letters and digits');
  return {
    port,
    host,
    dbFile: env.KEYWARD_DB || './data/keyward.db',
    databaseUrl,
    orgId,
    orgName: env.KEYWARD_ORG_NAME || 'My organization',
    adminEmail,
    adminPassword: env.KEYWARD_ADMIN_PASSWORD || undefined,
    securityContact: env.KEYWARD_SECURITY_CONTACT || adminEmail,
    smtpUrl: env.KEYWARD_SMTP_URL || undefined,
    mailFrom: env.KEYWARD_MAIL_FROM || 'keyward@localhost',
    trustProxy: (env.KEYWARD_TRUST_PROXY || '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    allowPrivateIps: env.KEYWARD_ALLOW_PRIVATE_IPS === 'true',
    jobsIntervalS: intFrom(env, 'KEYWARD_JOBS_INTERVAL_S', 60),
    clock,
    secretScanningKeysFile: env.KEYWARD_SECRET_SCANNING_KEYS || undefined,
    publicUrl: env.KEYWARD_PUBLIC_URL || `http://${host}:${port}`,
    logLevel: logLevel as LogLevel,
    metrics: env.KEYWARD_METRICS === 'true',
    metricsToken: env.KEYWARD_METRICS_TOKEN || undefined,
  };
}

function intFrom(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}
