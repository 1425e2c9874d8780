import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new file instead.
// The console's Notifications page lists an organization's outbox newest first.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('outbox_org_created_idx')
    .on('outbox')
    .columns(['organization_id', 'created_date', 'id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('outbox_org_created_idx').execute();
}
