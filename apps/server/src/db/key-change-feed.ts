import pg from 'pg';

// Changes to keys committed by other instances. PostgreSQL: the trigger of migration
// 2026_12_01_0901 calls pg_notify('keyward_keys', id) in the transaction that changes a key, so a
// notice is sent exactly when (and only if) the change commits; each instance LISTENs on a
// connection of its own. While that connection is down the instance cannot know what changed:
// `lost` tells it to stop caching (read every key from the database) until `back`.
// SQLite: one process owns the file and its own changes are announced in process.
//
// A connection can also die without a word (a firewall or NAT forgets it, a host or the network
// goes away, the server hangs): no error, no end, and no notices either, so the cache would keep
// answering verdicts another instance has changed. TCP keepalive notices that after minutes at
// best; so the listening connection also answers a cheap `select 1` every `probeIntervalMs`, and
// one unanswered within `probeTimeoutMs` counts as lost. A silent death is thus noticed within
// interval + timeout (750 ms by default: the 1 s bound of PRODUCT.md §10).

export const KEY_CHANNEL = 'keyward_keys';

export interface KeyChangeListener {
  /** Keys changed by a committed transaction (any instance). */
  changed(ids: readonly string[]): void;
  /** The channel is down: changes may go unseen from now on. */
  lost(): void;
  /** The channel is (again) up: changes from now on are seen. */
  back(): void;
}

export interface KeyChangeFeed {
  /** Subscribes; `lost()` is called at once and `back()` once listening. */
  start(listener: KeyChangeListener): void;
  /** Resolves once listening (tests, startup), or rejects after `timeoutMs`. */
  ready(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export function noKeyChangeFeed(): KeyChangeFeed {
  return { start: () => {}, ready: () => Promise.resolve(), stop: () => Promise.resolve() };
}

export interface PostgresKeyChangeFeedOptions {
  types: pg.CustomTypesConfig;
  log: (line: string) => void;
  /** Pause between two probes of the listening connection (default 100 ms). */
  probeIntervalMs?: number;
  /** A probe unanswered this long means the connection is dead (default 650 ms). */
  probeTimeoutMs?: number;
}

const RETRY_MIN_MS = 100;
const RETRY_MAX_MS = 2_000;
/** Connecting and subscribing, unanswered this long: try again (the cache reads through meanwhile). */
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * `promise`, or a rejection once `ms` passed without an answer. An answer that arrived while this
 * process was too busy to read it still counts: the timer, when it fires, first lets pending I/O
 * be read (setImmediate runs after the poll phase), so a stalled event loop is not a dead connection.
 */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const fail = () => reject(new Error(`${what}: no answer within ${ms} ms`));
    const timer = setTimeout(() => setImmediate(fail), ms);
    timer.unref();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

export function postgresKeyChangeFeed(url: string, options: PostgresKeyChangeFeedOptions): KeyChangeFeed {
  const probeIntervalMs = options.probeIntervalMs ?? 100;
  const probeTimeoutMs = options.probeTimeoutMs ?? 650;
  let listener: KeyChangeListener | null = null;
  let client: pg.Client | null = null;
  let listening = false;
  let stopped = false;
  let retryMs = RETRY_MIN_MS;
  let retryTimer: NodeJS.Timeout | null = null;
  let probeTimer: NodeJS.Timeout | null = null;
  let waiters: (() => void)[] = [];

  const release = (c: pg.Client) => {
    c.removeAllListeners();
    c.on('error', () => {});
    void c.end().catch(() => undefined);
  };

  const dropped = (c: pg.Client, reason: string) => {
    if (client !== c) return;
    client = null;
    if (probeTimer) clearTimeout(probeTimer);
    probeTimer = null;
    release(c);
    if (listening) options.log(`database: key change channel lost (${reason}); reading keys through until it is back`);
    listening = false;
    listener?.lost();
    schedule();
  };

  const schedule = () => {
    if (stopped || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect();
    }, retryMs);
    retryTimer.unref();
    retryMs = Math.min(RETRY_MAX_MS, retryMs * 2);
  };

  /** The next probe of `c`, `probeIntervalMs` after the previous one was answered. */
  const probeLater = (c: pg.Client) => {
    probeTimer = setTimeout(() => {
      probeTimer = null;
      if (client !== c) return;
      within(c.query('select 1'), probeTimeoutMs, 'keepalive probe').then(
        () => {
          if (client === c && !stopped) probeLater(c);
        },
        (err: unknown) => dropped(c, (err as Error).message),
      );
    }, probeIntervalMs);
    probeTimer.unref();
  };

  const connect = async () => {
    if (stopped || client) return;
    const c = new pg.Client({
      connectionString: url,
      types: options.types,
      application_name: 'keyward-listener',
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    client = c;
    c.on('error', (err: Error) => dropped(c, err.message));
    c.on('end', () => dropped(c, 'connection ended'));
    c.on('notification', (msg) => {
      if (msg.channel === KEY_CHANNEL && msg.payload) listener?.changed(msg.payload.split(','));
    });
    try {
      await within(
        c.connect().then(() => c.query(`listen ${KEY_CHANNEL}`)),
        CONNECT_TIMEOUT_MS,
        'subscribing',
      );
    } catch (err) {
      dropped(c, err instanceof Error ? err.message : String(err));
      return;
    }
    if (client !== c || stopped) return;
    listening = true;
    retryMs = RETRY_MIN_MS;
    listener?.back();
    probeLater(c);
    for (const w of waiters) w();
    waiters = [];
  };

  return {
    start: (l) => {
      listener = l;
      l.lost();
      void connect();
    },
    ready: (timeoutMs = 10_000) =>
      listening
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            const t = setTimeout(() => reject(new Error('the key change channel is not listening')), timeoutMs);
            waiters.push(() => {
              clearTimeout(t);
              resolve();
            });
          }),
    stop: async () => {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      if (probeTimer) clearTimeout(probeTimer);
      const c = client;
      client = null;
      listening = false;
      if (c) {
        c.removeAllListeners();
        c.on('error', () => {});
        // A silently dead connection would never answer the goodbye.
        await within(c.end(), 1_000, 'closing').catch(() => undefined);
      }
    },
  };
}
