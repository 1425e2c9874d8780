import type SQLite from 'better-sqlite3';

// SQLite: keys written since the last move wait in api_keys_text_later (migration 1501) and are
// found by LIKE (db/key-search.ts); here they go into the FTS5 trigram index, BATCH at a time, in
// transactions of their own on the server's connection, when nothing else is in a transaction on
// it. A batch of 512 costs 5 to 30 ms (an FTS5 merge now and then), about 14 µs a key; writing each
// key's entry in the transaction that wrote the key cost about 150 µs a key (PRODUCT.md §9:
// creating 10,000 keys through the API).

const BATCH = 512;
const INTERVAL_MS = 100;

/** Moves up to `limit` noted keys (oldest first) into the text index; answers how many it moved. */
export function moveIntoTextIndex(sqlite: SQLite.Database, limit = BATCH): number {
  const move = sqlite.transaction(() => {
    const last = sqlite
      .prepare<[number], { seq: number }>('select seq from api_keys_text_later order by seq limit 1 offset ?')
      .get(limit - 1);
    const upTo = last?.seq ?? Number.MAX_SAFE_INTEGER;
    sqlite
      .prepare(
        `insert into api_keys_text (id, display_name, description, organization_id)
         select k.id, k.display_name, k.description, k.organization_id
           from api_keys_text_later l join api_keys k on k.id = l.key_id where l.seq <= ?`,
      )
      .run(upTo);
    return sqlite.prepare('delete from api_keys_text_later where seq <= ?').run(upTo).changes;
  });
  return move.immediate();
}

/** Moves every noted key into the text index in one transaction (after a bulk load: the benches' seeding). */
export function catchUpTextIndex(sqlite: SQLite.Database): number {
  return moveIntoTextIndex(sqlite, Number.MAX_SAFE_INTEGER);
}

export interface TextIndexMover {
  stop(): void;
}

/**
 * Every INTERVAL_MS, while keys wait, moves a batch, and the next one on the next turn of the event
 * loop (requests are served between batches). A pass is skipped while a transaction is open on the
 * connection (kysely's, between two of its statements); one that finds the database busy (another
 * process writing) gives up: the keys stay findable, and a later pass moves them.
 */
export function startTextIndexMover(sqlite: SQLite.Database, intervalMs = INTERVAL_MS): TextIndexMover {
  let waiting: SQLite.Statement | undefined; // prepared on first use: the table comes with migration 1501
  let stopped = false;
  const pass = (): void => {
    if (stopped || !sqlite.open || sqlite.inTransaction) return;
    try {
      waiting ??= sqlite.prepare('select exists (select 1 from api_keys_text_later)').pluck();
      if (waiting.get() === 1 && moveIntoTextIndex(sqlite) === BATCH) setImmediate(pass);
    } catch {
      // Busy, closing or not yet migrated: the keys stay in api_keys_text_later, found by LIKE.
    }
  };
  const timer = setInterval(pass, intervalMs);
  timer.unref();
  return {
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}
