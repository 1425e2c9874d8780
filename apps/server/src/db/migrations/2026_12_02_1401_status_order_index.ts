import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new file instead.
// Sorting the list by status without sorting every key (features/api-keys/api-key-status-order.ts):
// 1. api_keys_status_order_idx: an organization's keys in id order with the columns their status
//    is derived from, so that one status (a segment of the order) is read in id order by walking
//    it, without touching the table.
// 2. api_keys_scheduled_idx: the few keys whose rotation period ends, as a range (a partial index:
//    keys without such a date, every new one, are not in it).
// 3. api_keys_rotated_to_idx (1001) becomes partial in the same way: creating a key no longer
//    writes it.
// Same DDL on SQLite and PostgreSQL (no exposure_json in these indexes).

const STATUS_COLUMNS = [
  'enabled',
  'disabled_reason',
  'expiration_date',
  'inactivity_deadline',
  'exposure_deactivation_date',
  'scheduled_deactivation_date',
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('api_keys_status_order_idx')
    .on('api_keys')
    .columns(['organization_id', 'id', ...STATUS_COLUMNS])
    .execute();
  await db.schema
    .createIndex('api_keys_scheduled_idx')
    .on('api_keys')
    .columns(['organization_id', 'scheduled_deactivation_date'])
    .where('scheduled_deactivation_date', 'is not', null)
    .execute();
  await db.schema.dropIndex('api_keys_rotated_to_idx').execute();
  await db.schema
    .createIndex('api_keys_rotated_to_idx')
    .on('api_keys')
    .column('rotated_to_key_id')
    .where('rotated_to_key_id', 'is not', null)
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('api_keys_rotated_to_idx').execute();
  await db.schema.createIndex('api_keys_rotated_to_idx').on('api_keys').column('rotated_to_key_id').execute();
  await db.schema.dropIndex('api_keys_scheduled_idx').execute();
  await db.schema.dropIndex('api_keys_status_order_idx').execute();
}
