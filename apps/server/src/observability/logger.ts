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

/** Lines logged in one turn of the event loop go out together, in one write (or several of this size). */
const BATCH_CHARS = 16 * 1024;

/**
 * A file descriptor written asynchronously by sonic-boom (pino's own destination, in its buffer
 * mode), the lines of one turn of the event loop joined into one write: at verification's rate, one
 * write per line (each a thread-pool job) and sonic-boom's text mode (which measures the whole
 * pending text on every line) cost a quarter of its throughput (PRODUCT.md §9). `flush(cb)` writes
 * what is pending and calls back once every byte so far is written: the shutdown waits for it
 * (main.ts); pino's fatal uses flushSync.
 */
function fdDestination(
  fd: number,
): DestinationStream & { flush(cb: (err?: Error) => unknown): void; flushSync(): void } {
  const boom = new SonicBoom({ fd, sync: false, contentMode: 'buffer' });
  let lines: string[] = [];
  let chars = 0;
  let scheduled = false;
  let queued = 0;
  let written = 0;
  const waiting: { upTo: number; cb: (err?: Error) => unknown }[] = [];
  const hand = () => {
    scheduled = false;
    if (lines.length === 0) return;
    const bytes = Buffer.from(lines.join(''), 'utf8');
    lines = [];
    chars = 0;
    queued += bytes.length;
    boom.write(bytes as unknown as string);
  };
  boom.on('write', (n: number) => {
    written += n;
    while (waiting.length > 0 && (waiting[0]?.upTo ?? 0) <= written) waiting.shift()?.cb();
  });
  boom.on('error', (err: Error) => {
    for (const w of waiting.splice(0)) w.cb(err);
  });
  return {
    write: (line: string) => {
      lines.push(line);
      chars += line.length;
      if (chars >= BATCH_CHARS) hand();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(hand);
      }
      return true;
    },
    flush: (cb) => {
      hand();
      if (written >= queued) cb();
      else waiting.push({ upTo: queued, cb });
    },
    flushSync: () => {
      hand();
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

const streamOf = (logger: Logger) => (logger as unknown as Record<symbol, DestinationStream>)[pino.symbols.streamSym];

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
  streamOf(logger)?.write(`${line},"msg":"request"}\n`);
}

/** Ids that JSON writes as they are (request ids pass requestIdFrom's rule, key ids are [a-z0-9]). */
const PLAIN = /^[A-Za-z0-9._:~-]*$/;
const plainOrQuoted = (text: string) => (PLAIN.test(text) ? `"${text}"` : quoted(text));

/**
 * logAccess for one method and route, their part of the line built once: the verification fast
 * path's access log. Same line as logAccess (a test keeps them equal).
 */
export function routeAccessLog(
  logger: Logger,
  method: string,
  route: string,
): (reqId: string, status: number, durationMs: number, keyId: string | undefined) => void {
  const middle = `,"method":${quoted(method)},"route":${quoted(route)},"status":`;
  const service = `","service":${quoted(SERVICE)},"reqId":`;
  return (reqId, status, durationMs, keyId) => {
    if (!logger.isLevelEnabled('info')) return;
    const key = keyId === undefined ? '' : `,"keyId":${plainOrQuoted(keyId)}`;
    streamOf(logger)?.write(
      `{"level":"info","time":"${isoNow()}${service}${plainOrQuoted(reqId)}${middle}${status},"durationMs":${durationMs}${key},"msg":"request"}\n`,
    );
  };
}
