import type pg from 'pg';

// Work that must run on one instance at a time. SQLite: one process owns the file, so an
// in-process queue is enough; PostgreSQL: session advisory locks, held on a connection of their
// own for as long as the work runs (released by the database if that connection dies).

export type LockName = 'migrate' | 'jobs';

/** Lock ids: one namespace for Keyward (0x4b57, "KW") and one number per lock. */
const LOCK_IDS: Record<LockName, number> = { migrate: 1, jobs: 2 };
const NAMESPACE = 0x4b57;

export interface Locks {
  /** Runs `work` once no other instance holds the lock, holding it meanwhile. */
  exclusive<T>(name: LockName, work: () => Promise<T>): Promise<T>;
  /** Runs `work` if no other instance holds the lock; otherwise skips it (`{ ran: false }`). */
  ifFree<T>(name: LockName, work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
}

export function inProcessLocks(): Locks {
  const held = new Set<LockName>();
  const queues = new Map<LockName, Promise<unknown>>();
  return {
    exclusive: (name, work) => {
      const run = (queues.get(name) ?? Promise.resolve()).then(async () => {
        held.add(name);
        try {
          return await work();
        } finally {
          held.delete(name);
        }
      });
      queues.set(
        name,
        run.catch(() => undefined),
      );
      return run;
    },
    ifFree: async (name, work) => {
      if (held.has(name)) return { ran: false };
      held.add(name);
      try {
        return { ran: true, value: await work() };
      } finally {
        held.delete(name);
      }
    },
  };
}

export function postgresLocks(pool: pg.Pool): Locks {
  const withClient = async <T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    let broken = false;
    try {
      return await fn(client);
    } catch (err) {
      broken = true;
      throw err;
    } finally {
      // A connection whose unlock failed may still hold the lock: destroy it rather than reuse it.
      client.release(broken);
    }
  };
  return {
    exclusive: (name, work) =>
      withClient(async (client) => {
        await client.query('select pg_advisory_lock($1, $2)', [NAMESPACE, LOCK_IDS[name]]);
        try {
          return await work();
        } finally {
          await client.query('select pg_advisory_unlock($1, $2)', [NAMESPACE, LOCK_IDS[name]]);
        }
      }),
    ifFree: (name, work) =>
      withClient(async (client) => {
        const { rows } = await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1, $2) as ok', [
          NAMESPACE,
          LOCK_IDS[name],
        ]);
        if (!rows[0]?.ok) return { ran: false as const };
        try {
          return { ran: true as const, value: await work() };
        } finally {
          await client.query('select pg_advisory_unlock($1, $2)', [NAMESPACE, LOCK_IDS[name]]);
        }
      }),
  };
}
