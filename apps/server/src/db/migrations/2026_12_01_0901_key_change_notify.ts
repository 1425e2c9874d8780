import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new file instead.
// PostgreSQL only (SQLite: one process, which announces its own changes): every committed change
// to what verification reads of a key sends pg_notify('keyward_keys', id) from the changing
// transaction, whatever code path made it; instances LISTEN (db/key-change-feed.ts). Usage writes
// (last used, inactivity deadline, updated by every flush) are left out.
const WATCHED = [
  'id',
  'organization_id',
  'display_name',
  'value_hash',
  'template_id',
  'privacy_level',
  'privileges_json',
  'allowed_ips_json',
  'denied_ips_json',
  'additional_configuration_json',
  'enabled',
  'disabled_reason',
  'disabled_date',
  'activation_date',
  'expiration_date',
  'scheduled_deactivation_date',
  'rotated_to_key_id',
  'exposure_json',
  'exposure_deactivation_date',
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`create function keyward_notify_key_change() returns trigger language plpgsql as $$
            begin
              perform pg_notify('keyward_keys', case when tg_op = 'DELETE' then old.id else new.id end);
              return null;
            end $$`.execute(db);
  const changed = sql.raw(WATCHED.map((c) => `old.${c} is distinct from new.${c}`).join(' or '));
  await sql`create trigger api_keys_notify_update after update of ${sql.raw(WATCHED.join(', '))} on api_keys
            for each row when (${changed}) execute function keyward_notify_key_change()`.execute(db);
  await sql`create trigger api_keys_notify_delete after delete on api_keys
            for each row execute function keyward_notify_key_change()`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop trigger api_keys_notify_update on api_keys`.execute(db);
  await sql`drop trigger api_keys_notify_delete on api_keys`.execute(db);
  await sql`drop function keyward_notify_key_change()`.execute(db);
}
