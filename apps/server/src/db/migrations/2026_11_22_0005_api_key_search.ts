import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new file instead.
// 1. api_keys_exposure_idx (0002) becomes a partial index: only the few exposed keys, so that
//    writing any other key does not touch it.
// 2. Searching keys by text (name, description, id) without reading every row: an FTS5 table with
// the trigram tokenizer (case-insensitive substrings of 3 characters or more), kept in step with
// api_keys by triggers, so that keys written by any code path are found. Rows are found again by
// key id (a phrase query on the id column), not by rowid, which VACUUM may renumber.
const EXPOSURE_COLUMNS = [
  'organization_id',
  'exposure_json',
  'enabled',
  'disabled_reason',
  'expiration_date',
  'inactivity_deadline',
  'exposure_deactivation_date',
  'scheduled_deactivation_date',
  'created_date',
  'display_name',
  'last_used_date',
  'id',
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return upPostgres(db);
  const exposureColumns = sql.raw(EXPOSURE_COLUMNS.join(', '));
  await db.schema.dropIndex('api_keys_exposure_idx').execute();
  await db.schema
    .createIndex('api_keys_exposure_idx')
    .on('api_keys')
    .expression(exposureColumns)
    .where(sql.ref('exposure_json'), 'is not', null)
    .execute();
  await sql`create virtual table api_keys_text using fts5(id, display_name, description, organization_id unindexed, tokenize = 'trigram')`.execute(
    db,
  );
  await sql`insert into api_keys_text (id, display_name, description, organization_id)
            select id, display_name, description, organization_id from api_keys`.execute(db);
  const remove = sql.raw(`delete from api_keys_text where api_keys_text match ('id : "' || old.id || '"');`);
  const add = sql.raw(
    'insert into api_keys_text (id, display_name, description, organization_id) values (new.id, new.display_name, new.description, new.organization_id);',
  );
  await sql`create trigger api_keys_text_after_insert after insert on api_keys begin ${add} end`.execute(db);
  await sql`create trigger api_keys_text_after_delete after delete on api_keys begin ${remove} end`.execute(db);
  await sql`create trigger api_keys_text_after_update after update of id, display_name, description, organization_id on api_keys
            begin ${remove} ${add} end`.execute(db);
}

// PostgreSQL (see README.md here): the partial exposure index without exposure_json, and text
// search by ILIKE answered from a pg_trgm GIN index (trigrams, case-insensitive) on the three
// columns; nothing to keep in step.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function upPostgres(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('api_keys_exposure_idx').execute();
  await db.schema
    .createIndex('api_keys_exposure_idx')
    .on('api_keys')
    .expression(sql.raw(EXPOSURE_COLUMNS.filter((c) => c !== 'exposure_json').join(', ')))
    .where(sql.ref('exposure_json'), 'is not', null)
    .execute();
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create index api_keys_text_idx on api_keys
            using gin (display_name gin_trgm_ops, description gin_trgm_ops, id gin_trgm_ops)`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const trigger of ['api_keys_text_after_insert', 'api_keys_text_after_delete', 'api_keys_text_after_update']) {
    await sql`drop trigger ${sql.id(trigger)}`.execute(db);
  }
  await sql`drop table api_keys_text`.execute(db);
  await db.schema.dropIndex('api_keys_exposure_idx').execute();
  await db.schema
    .createIndex('api_keys_exposure_idx')
    .on('api_keys')
    .expression(sql.raw(EXPOSURE_COLUMNS.join(', ')))
    .execute();
}
