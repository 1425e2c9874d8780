import type { Db } from './schema.ts';

/** Work done inside a transaction; run again, alone, when its group had to roll back. */
type Work<T> = (trx: Db) => Promise<T>;

interface Job {
  work: Work<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/** At most this many pieces of work share one transaction. */
const MAX_GROUP = 64;

/**
 * Group commit: pieces of work that arrive together (in the same turn of the event loop, or while
 * the previous group commits) share one transaction, so they pay for one commit instead of one each:
 * the commit is most of what creating a key costs (PRODUCT.md §9, 10,000 creates through the API).
 * Each piece sees the same isolation as in its own transaction, its writes and its activity commit
 * or roll back together, and its caller hears back only after the commit. When anything in a group
 * fails, the group rolls back and each piece runs again in a transaction of its own, so that only
 * the piece that fails fails (work must therefore be safe to run twice: it may not have effects
 * outside the database before it returns).
 */
export class GroupCommit {
  #queue: Job[] = [];
  #scheduled = false;
  #running = false;

  constructor(private readonly db: Db) {}

  run<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled || this.#running || this.#queue.length === 0) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#running = true;
    const group = this.#queue.splice(0, MAX_GROUP);
    try {
      if (group.length === 1) await this.#alone(group[0] as Job);
      else await this.#together(group);
    } finally {
      this.#running = false;
      this.#schedule();
    }
  }

  async #together(group: Job[]): Promise<void> {
    let results: unknown[];
    try {
      results = await this.db.transaction().execute(async (trx) => {
        const out: unknown[] = [];
        for (const job of group) out.push(await job.work(trx));
        return out;
      });
    } catch {
      for (const job of group) await this.#alone(job);
      return;
    }
    group.forEach((job, i) => job.resolve(results[i]));
  }

  async #alone(job: Job): Promise<void> {
    try {
      job.resolve(await this.db.transaction().execute((trx) => job.work(trx)));
    } catch (err) {
      job.reject(err);
    }
  }
}

const groups = new WeakMap<Db, GroupCommit>();

/** The group commit of a database handle (one per handle, made on first use). */
export function groupCommitOf(db: Db): GroupCommit {
  let group = groups.get(db);
  if (!group) {
    group = new GroupCommit(db);
    groups.set(db, group);
  }
  return group;
}
