import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new file instead.
// SQLite: the FTS5 table of 0005 gets a segment per committed write (one per created key) and, by
// default, merges a level as soon as it holds 4 segments: each entry is rewritten many times, and
// a merge of large segments, paid a little by every write, doubled the cost of creating a key
// (PRODUCT.md §9). With 16 (FTS5's maximum), entries are rewritten about half as often; a search
// reads a few more segments, each answering a term from its own index. PostgreSQL: nothing (its
// pg_trgm index has no segments).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await sql`insert into api_keys_text (api_keys_text, rank) values ('automerge', 16)`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await sql`insert into api_keys_text (api_keys_text, rank) values ('automerge', 4)`.execute(db);
}
