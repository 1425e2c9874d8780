import pg from 'pg';

// Changes to keys committed by other instances. PostgreSQL: the trigger of migration
// 2026_12_01_0901 calls pg_notify('keyward_keys', id) in the transaction that changes a key, so a
// notice is sent exactly when (and only if) the change commits; each instance LISTENs on a
// connection of its own. While that connection is down the instance cannot know what changed:
// `lost` tells it to stop caching (read every key from the database) until `back`.
// SQLite: one process owns the file and its own changes are announced in process.

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

const RETRY_MIN_MS = 100;
const RETRY_MAX_MS = 2_000;

export function postgresKeyChangeFeed(
  url: string,
  options: { types: pg.CustomTypesConfig; log: (line: string) => void },
): KeyChangeFeed {
  let listener: KeyChangeListener | null = null;
  let client: pg.Client | null = null;
  let listening = false;
  let stopped = false;
  let retryMs = RETRY_MIN_MS;
  let timer: NodeJS.Timeout | null = null;
  let waiters: (() => void)[] = [];

  const dropped = (reason: string) => {
    if (client === null) return;
    const old = client;
    client = null;
    old.removeAllListeners();
    old.on('error', () => {});
    void old.end().catch(() => undefined);
    if (listening) options.log(`database: key change channel lost (${reason}); reading keys through until it is back`);
    listening = false;
    listener?.lost();
    schedule();
  };

  const schedule = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, retryMs);
    timer.unref();
    retryMs = Math.min(RETRY_MAX_MS, retryMs * 2);
  };

  const connect = async () => {
    if (stopped || client) return;
    const c = new pg.Client({ connectionString: url, types: options.types, application_name: 'keyward-listener' });
    client = c;
    c.on('error', (err: Error) => dropped(err.message));
    c.on('end', () => dropped('connection ended'));
    c.on('notification', (msg) => {
      if (msg.channel === KEY_CHANNEL && msg.payload) listener?.changed(msg.payload.split(','));
    });
    try {
      await c.connect();
      await c.query(`listen ${KEY_CHANNEL}`);
    } catch (err) {
      dropped(err instanceof Error ? err.message : String(err));
      return;
    }
    if (client !== c || stopped) return;
    listening = true;
    retryMs = RETRY_MIN_MS;
    listener?.back();
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
      if (timer) clearTimeout(timer);
      const c = client;
      client = null;
      listening = false;
      if (c) {
        c.removeAllListeners();
        c.on('error', () => {});
        await c.end().catch(() => undefined);
      }
    },
  };
}
