import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new file instead.
// The job loop's scan (jobs/lifecycle.repository.ts): enabled keys by id with the columns its
// filter reads, so that a pass walks this small index instead of every row of the table.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // PostgreSQL: without exposure_json (a long report would exceed a btree entry's size).
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createIndex('api_keys_lifecycle_idx')
    .on('api_keys')
    .columns([
      'id',
      'expiration_date',
      'inactivity_deadline',
      'exposure_deactivation_date',
      'scheduled_deactivation_date',
      ...(postgres ? [] : ['exposure_json']),
    ])
    .where(sql.ref('enabled'), '=', sql.lit(1))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('api_keys_lifecycle_idx').execute();
}
