import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * The server's structured log: one JSON object per line on stderr (stdout keeps the few lines meant
 * for a person: "Keyward is running at …", the first-start password). Nothing that is a secret (key
 * values, tokens, cookies, passwords) is ever passed to it: callers log ids and route patterns only.
 */
export function createLogger(level: LogLevel, destination: NodeJS.WritableStream | number = 2): Logger {
  const stream = typeof destination === 'number' ? pino.destination({ fd: destination, sync: false }) : destination;
  return pino(
    {
      level,
      base: { service: 'keyward' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    stream,
  );
}

/** A logger that writes nothing (HTTP tests, tools). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
