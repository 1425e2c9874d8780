import { PostgresAdapter, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new file instead.
// The least-privilege record (PRODUCT.md §7): per key, privilege and UTC day, when it was last exercised.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // PostgreSQL: epoch ms in bigint (db/migrations/README.md).
  const int = db.getExecutor().adapter instanceof PostgresAdapter ? 'bigint' : 'integer';
  await db.schema
    .createTable('api_key_privilege_usage')
    .addColumn('api_key_id', 'text', (c) => c.notNull().references('api_keys.id').onDelete('cascade'))
    .addColumn('privilege', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('last_exercised_date', int, (c) => c.notNull())
    .addPrimaryKeyConstraint('api_key_privilege_usage_pk', ['api_key_id', 'day', 'privilege'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('api_key_privilege_usage').execute();
}
