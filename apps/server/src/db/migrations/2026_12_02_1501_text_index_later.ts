import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new file instead.
// SQLite: a key's entry in the FTS5 table of 0005 was written by the trigger of the statement that
// created or changed the key. FTS5 writes a segment per transaction, and that segment was two
// fifths of what creating a key cost (PRODUCT.md §9); written for hundreds of keys at a time, an
// entry costs a tenth as much. So the triggers now only note the key in api_keys_text_later (and
// take its old entry out), and db/text-index.ts moves noted keys into the index, a few hundred per
// transaction, shortly after. Until then a search finds them by LIKE on the keys themselves
// (db/key-search.ts), so a search never misses a key that was just written. PostgreSQL: nothing
// (its pg_trgm GIN index is kept by PostgreSQL).

const TRIGGERS = ['api_keys_text_after_insert', 'api_keys_text_after_delete', 'api_keys_text_after_update'];
const REMOVE = `delete from api_keys_text where api_keys_text match ('id : "' || old.id || '"');`;
const ADD =
  'insert into api_keys_text (id, display_name, description, organization_id) values (new.id, new.display_name, new.description, new.organization_id);';
const NOTE = 'insert or ignore into api_keys_text_later (key_id) values (new.id);';
const FORGET = 'delete from api_keys_text_later where key_id = old.id;';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function replaceTriggers(db: Kysely<any>, add: string, remove: string): Promise<void> {
  for (const trigger of TRIGGERS) await sql`drop trigger ${sql.id(trigger)}`.execute(db);
  await sql`create trigger api_keys_text_after_insert after insert on api_keys begin ${sql.raw(add)} end`.execute(db);
  await sql`create trigger api_keys_text_after_delete after delete on api_keys begin ${sql.raw(remove)} end`.execute(
    db,
  );
  await sql`create trigger api_keys_text_after_update after update of id, display_name, description, organization_id on api_keys
            begin ${sql.raw(remove)} ${sql.raw(add)} end`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  // seq: the order keys were noted in, so that the oldest go into the index first.
  await sql`create table api_keys_text_later (seq integer primary key, key_id text not null unique)`.execute(db);
  await replaceTriggers(db, NOTE, `${REMOVE} ${FORGET}`);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await sql`insert into api_keys_text (id, display_name, description, organization_id)
            select k.id, k.display_name, k.description, k.organization_id
              from api_keys_text_later l join api_keys k on k.id = l.key_id`.execute(db);
  await replaceTriggers(db, ADD, REMOVE);
  await sql`drop table api_keys_text_later`.execute(db);
}
