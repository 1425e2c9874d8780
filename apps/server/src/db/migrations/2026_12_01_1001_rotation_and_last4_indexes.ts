import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new file instead.
// 1. A key page names the key it replaced: found by rotated_to_key_id.
// 2. Searching the list by the last 4 characters of the masked value: by organization and last4.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('api_keys_rotated_to_idx').on('api_keys').column('rotated_to_key_id').execute();
  await db.schema
    .createIndex('api_keys_last4_idx')
    .on('api_keys')
    .columns(['organization_id', 'value_last4'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('api_keys_last4_idx').execute();
  await db.schema.dropIndex('api_keys_rotated_to_idx').execute();
}
