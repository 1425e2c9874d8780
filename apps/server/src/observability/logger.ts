import { pino, type DestinationStream, type Logger } from 'pino';
import SonicBoom from 'sonic-boom';

export type { Logger } from 'pino';

const SERVICE = 'keyward';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * The server's structured log: one JSON object per line on stderr (stdout keeps the few lines meant
 * for a person: "Keyward is running at …", the first-start password). Nothing that is a secret (key
 * values, tokens, cookies, passwords) is ever passed to it: callers log ids and route patterns only.
 */
export function createLogger(level: LogLevel, destination: NodeJS.WritableStream | number = 2): Logger {
  const stream = typeof destination === 'number' ? fdDestination(destination) : destination;
  return pino(
    {
      level,
      base: { service: SERVICE },
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

/**
 * A file descriptor written asynchronously by sonic-boom (pino's own destination) in its buffer mode:
 * lines queue as Buffers and go out together, one write per batch. In its default text mode,
 * sonic-boom measures the whole pending text on every line, which at verification's rate cost a
 * quarter of its throughput (PRODUCT.md §9). `flush(cb)` calls back once every byte queued so far is
 * written (sonic-boom's own flush does not wait without a minLength): the shutdown waits for it
 * (main.ts); pino's fatal uses flushSync.
 */
function fdDestination(
  fd: number,
): DestinationStream & { flush(cb: (err?: Error) => unknown): void; flushSync(): void } {
  const boom = new SonicBoom({ fd, sync: false, contentMode: 'buffer' });
  let queued = 0;
  let written = 0;
  const waiting: { upTo: number; cb: (err?: Error) => unknown }[] = [];
  boom.on('write', (n: number) => {
    written += n;
    while (waiting.length > 0 && (waiting[0]?.upTo ?? 0) <= written) waiting.shift()?.cb();
  });
  boom.on('error', (err: Error) => {
    for (const w of waiting.splice(0)) w.cb(err);
  });
  return {
    write: (line: string) => {
      const bytes = Buffer.from(line, 'utf8');
      queued += bytes.length;
      return boom.write(bytes as unknown as string);
    },
    flush: (cb) => {
      if (written >= queued) cb();
      else waiting.push({ upTo: queued, cb });
    },
    flushSync: () => {
      boom.flushSync();
      written = queued;
      for (const w of waiting.splice(0)) w.cb();
    },
  };
}

/** The fields of one access line: never a path, query, header or body (they may carry a key or a token). */
export interface AccessEntry {
  reqId: string;
  method: string;
  /** The route pattern ("/rest/organizations/:org/apikeys/:id"). */
  route: string;
  status: number;
  durationMs: number;
  principalKind?: 'user' | 'apiKey';
  principalId?: string;
  /** The key a verification concerned. */
  keyId?: string;
}

const quoted = (text: string) => JSON.stringify(text);
let isoMs = Number.NaN;
let isoText = '';

/** The current time as pino's isoTime writes it, formatted once per millisecond. */
function isoNow(): string {
  const now = Date.now();
  if (now !== isoMs) {
    isoMs = now;
    isoText = new Date(now).toISOString();
  }
  return isoText;
}

/**
 * Writes the access line `logger.info(entry, 'request')` would write (a createLogger logger: no child
 * bindings), built directly: at verification's rate, pino's generic serialization was most of the
 * access log's cost (PRODUCT.md §9). A test keeps both lines equal.
 */
export function logAccess(logger: Logger, entry: AccessEntry): void {
  if (!logger.isLevelEnabled('info')) return;
  let line =
    `{"level":"info","time":"${isoNow()}","service":${quoted(SERVICE)},"reqId":${quoted(entry.reqId)}` +
    `,"method":${quoted(entry.method)},"route":${quoted(entry.route)},"status":${entry.status}` +
    `,"durationMs":${entry.durationMs}`;
  if (entry.principalKind !== undefined) line += `,"principalKind":${quoted(entry.principalKind)}`;
  if (entry.principalId !== undefined) line += `,"principalId":${quoted(entry.principalId)}`;
  if (entry.keyId !== undefined) line += `,"keyId":${quoted(entry.keyId)}`;
  (logger as unknown as Record<symbol, DestinationStream>)[pino.symbols.streamSym]?.write(`${line},"msg":"request"}\n`);
}
