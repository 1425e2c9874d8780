import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new file instead.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // PostgreSQL (see README.md here): epoch-ms and counts in bigint, serial ids, lower() for nocase.
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const int = postgres ? 'bigint' : 'integer';
  await db.schema
    .createTable('organizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('security_contact', 'text', (c) => c.notNull())
    .addColumn('created_date', int, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_date', int, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('api_key_access', 'text', (c) => c.notNull())
    .addColumn('privileges_json', 'text', (c) => c.notNull())
    .addColumn('built_in', 'text')
    .addColumn('created_date', int, (c) => c.notNull())
    .addUniqueConstraint('groups_org_name_unique', ['organization_id', 'display_name'])
    .execute();

  await db.schema
    .createTable('group_members')
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('group_members_pk', ['group_id', 'user_id'])
    .execute();
  await db.schema.createIndex('group_members_user_idx').on('group_members').column('user_id').execute();

  await db.schema
    .createTable('access_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_date', int, (c) => c.notNull())
    .addColumn('expires_at', int, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('value_hash', 'text', (c) => c.notNull().unique())
    .addColumn('value_prefix', 'text', (c) => c.notNull())
    .addColumn('value_last4', 'text', (c) => c.notNull())
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('privacy_level', 'text', (c) => c.notNull())
    .addColumn('privileges_json', 'text', (c) => c.notNull())
    .addColumn('allowed_ips_json', 'text', (c) => c.notNull())
    .addColumn('denied_ips_json', 'text', (c) => c.notNull())
    .addColumn('additional_configuration_json', 'text', (c) => c.notNull())
    .addColumn('enabled', int, (c) => c.notNull())
    .addColumn('disabled_reason', 'text')
    .addColumn('disabled_date', int)
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_date', int, (c) => c.notNull())
    .addColumn('activation_date', int, (c) => c.notNull())
    .addColumn('last_used_date', int)
    .addColumn('last_used_ip', 'text')
    .addColumn('expiration_date', int)
    .addColumn('inactivity_deadline', int, (c) => c.notNull())
    .addColumn('scheduled_deactivation_date', int)
    .addColumn('rotated_to_key_id', 'text')
    .addColumn('exposure_json', 'text')
    .addColumn('exposure_deactivation_date', int)
    .addColumn('updated_date', int, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('api_keys_org_created_idx')
    .on('api_keys')
    .columns(['organization_id', 'created_date', 'id'])
    .execute();
  await db.schema
    .createIndex('api_keys_org_name_idx')
    .on('api_keys')
    .expression(
      postgres
        ? sql`organization_id, lower(display_name) collate "C", id`
        : sql`organization_id, display_name collate nocase, id`,
    )
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

  await db.schema
    .createTable('api_key_grants')
    .addColumn('api_key_id', 'text', (c) => c.notNull().references('api_keys.id').onDelete('cascade'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('api_key_grants_pk', ['api_key_id', 'group_id'])
    .execute();
  await db.schema
    .createIndex('api_key_grants_group_idx')
    .on('api_key_grants')
    .columns(['group_id', 'api_key_id'])
    .execute();

  await db.schema
    .createTable('api_key_usage_daily')
    .addColumn('api_key_id', 'text', (c) => c.notNull().references('api_keys.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('allowed', int, (c) => c.notNull())
    .addColumn('denied', int, (c) => c.notNull())
    .addColumn('by_code_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('api_key_usage_daily_pk', ['api_key_id', 'day'])
    .execute();

  await db.schema
    .createTable('activities')
    .addColumn('id', postgres ? 'bigserial' : 'integer', (c) =>
      postgres ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('operation', 'text', (c) => c.notNull())
    .addColumn('triggered_by_type', 'text', (c) => c.notNull())
    .addColumn('triggered_by_id', 'text', (c) => c.notNull())
    .addColumn('triggered_by_name', 'text', (c) => c.notNull())
    .addColumn('create_date', int, (c) => c.notNull())
    .addColumn('resource_type', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'text', (c) => c.notNull())
    .addColumn('resource_name', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('content_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('activities_org_date_idx')
    .on('activities')
    .columns(['organization_id', 'create_date', 'id'])
    .execute();
  await db.schema
    .createIndex('activities_resource_idx')
    .on('activities')
    .columns(['resource_id', 'create_date'])
    .execute();

  await db.schema
    .createTable('notices_sent')
    .addColumn('dedupe_key', 'text', (c) => c.primaryKey())
    .addColumn('api_key_id', 'text', (c) => c.notNull())
    .addColumn('series', 'text', (c) => c.notNull())
    .addColumn('notice', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('created_date', int, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notices_sent_key_idx').on('notices_sent').column('api_key_id').execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', postgres ? 'bigserial' : 'integer', (c) =>
      postgres ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('api_key_id', 'text')
    .addColumn('to_json', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', int, (c) => c.notNull())
    .addColumn('next_attempt_at', int, (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_date', int, (c) => c.notNull())
    .addColumn('sent_date', int)
    .execute();
  await db.schema.createIndex('outbox_status_idx').on('outbox').columns(['status', 'next_attempt_at']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'outbox',
    'notices_sent',
    'activities',
    'api_key_usage_daily',
    'api_key_grants',
    'api_keys',
    'access_tokens',
    'group_members',
    'groups',
    'users',
    'organizations',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
