import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new file instead.
// Indexes for listing 100,000 keys by status (features/api-keys/status-sql.ts):
// - one covering index per sort order, also holding every column the status filters read, so a
//   page of ids is found by walking one index in order without touching the table;
// - api_keys_status_idx on the instant until which a key is usable (0 when disabled), so that
//   counting the keys of a status filter is a range scan of one index;
// - api_keys_exposure_idx, where `exposure_json is not null` is a range (exposed keys are few).
// The usable-until expression must stay identical to the one status-sql.ts queries with.
// The list indexes start with the columns of the four (organization_id, sort, id) indexes of
// migration 0001, which they replace: fewer indexes to update on every insert.
const STATUS_COLUMNS = [
  'enabled',
  'disabled_reason',
  'expiration_date',
  'inactivity_deadline',
  'exposure_deactivation_date',
  'scheduled_deactivation_date',
  'exposure_json',
];

const SORTS: Record<string, string> = {
  api_keys_list_created_idx: 'created_date',
  api_keys_list_name_idx: 'display_name collate nocase',
  api_keys_list_last_used_idx: 'last_used_date',
  api_keys_list_expiration_idx: 'expiration_date',
};

/** The status and exposure indexes also cover sorting the few keys of a narrow range. */
const SORT_COLUMNS = ['created_date', 'display_name', 'last_used_date'];

const NEVER = '8640000000000001';
const USABLE_UNTIL =
  `(case when enabled = 1 then min(inactivity_deadline, coalesce(expiration_date + 1000, ${NEVER}), ` +
  `coalesce(exposure_deactivation_date, ${NEVER}), coalesce(scheduled_deactivation_date, ${NEVER})) else 0 end)`;

// PostgreSQL (see README.md here): lower(...) collate "C" for nocase, least() for the multi-argument
// min(), and no exposure_json in the indexes (a long report would exceed a btree entry's size).
const PG_SORTS: Record<string, string> = { ...SORTS, api_keys_list_name_idx: 'lower(display_name) collate "C"' };
const PG_USABLE_UNTIL = USABLE_UNTIL.replace('min(', 'least(');
const PG_STATUS_COLUMNS = STATUS_COLUMNS.filter((c) => c !== 'exposure_json');

const REPLACED = [
  'api_keys_org_created_idx',
  'api_keys_org_name_idx',
  'api_keys_org_last_used_idx',
  'api_keys_org_expiration_idx',
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return upPostgres(db);
  for (const name of REPLACED) await db.schema.dropIndex(name).ifExists().execute();
  for (const [name, sort] of Object.entries(SORTS)) {
    const columns = ['organization_id', sort, 'id', ...STATUS_COLUMNS.filter((c) => c !== sort)].join(', ');
    await db.schema.createIndex(name).on('api_keys').expression(sql.raw(columns)).execute();
  }
  await db.schema
    .createIndex('api_keys_status_idx')
    .on('api_keys')
    .expression(sql.raw(['organization_id', USABLE_UNTIL, ...STATUS_COLUMNS, ...SORT_COLUMNS, 'id'].join(', ')))
    .execute();
  await db.schema
    .createIndex('api_keys_exposure_idx')
    .on('api_keys')
    .expression(
      sql.raw(
        [
          'organization_id',
          'exposure_json',
          ...STATUS_COLUMNS.filter((c) => c !== 'exposure_json'),
          ...SORT_COLUMNS,
          'id',
        ].join(', '),
      ),
    )
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function upPostgres(db: Kysely<any>): Promise<void> {
  for (const name of REPLACED) await db.schema.dropIndex(name).ifExists().execute();
  for (const [name, sort] of Object.entries(PG_SORTS)) {
    const columns = ['organization_id', sort, 'id', ...PG_STATUS_COLUMNS.filter((c) => c !== sort)].join(', ');
    await db.schema.createIndex(name).on('api_keys').expression(sql.raw(columns)).execute();
  }
  await db.schema
    .createIndex('api_keys_status_idx')
    .on('api_keys')
    .expression(sql.raw(['organization_id', PG_USABLE_UNTIL, ...PG_STATUS_COLUMNS, 'id'].join(', ')))
    .execute();
  await db.schema
    .createIndex('api_keys_exposure_idx')
    .on('api_keys')
    .expression(sql.raw(['organization_id', ...PG_STATUS_COLUMNS, 'id'].join(', ')))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const name of [...Object.keys(SORTS), 'api_keys_status_idx', 'api_keys_exposure_idx'])
    await db.schema.dropIndex(name).execute();
  await db.schema
    .createIndex('api_keys_org_created_idx')
    .on('api_keys')
    .columns(['organization_id', 'created_date', 'id'])
    .execute();
  await db.schema
    .createIndex('api_keys_org_name_idx')
    .on('api_keys')
    .expression(sql`organization_id, display_name collate nocase, id`)
    .execute();
  await db.schema
    .createIndex('api_keys_org_last_used_idx')
    .on('api_keys')
    .columns(['organization_id', 'last_used_date', 'id'])
    .execute();
  await db.schema
    .createIndex('api_keys_org_expiration_idx')
    .on('api_keys')
    .columns(['organization_id', 'expiration_date', 'id'])
    .execute();
}
