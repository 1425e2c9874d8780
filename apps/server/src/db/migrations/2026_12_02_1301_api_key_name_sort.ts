import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new file instead.
// The key list sorted by name gives the same order on SQLite and PostgreSQL, non-ASCII names
// included: the order is that of name_sort, a key computed in JavaScript (the domain's
// nameSortKey; this copy is frozen with the migration) and compared byte by byte by both engines
// (SQLite's BINARY; PostgreSQL: the column's collation is "C"). It replaces display_name
// `collate nocase` / `lower(display_name) collate "C"`, which folded ASCII only (and differently).
// The indexes that served the name sort are rebuilt on name_sort:
// - api_keys_list_name_idx (0002): the dense page walks it in order;
// - SQLite's api_keys_status_idx (0002) and both engines' partial api_keys_exposure_idx (0005)
//   carry the sort columns, so that the few keys of a narrow range are sorted from the index.

function frozenNameKey(name: string): string {
  return name.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC');
}

const DIACRITICS = [
  [0x0300, 0x036f],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0xfe20, 0xfe2f],
] as const;
const dropped = (cp: number) =>
  cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || DIACRITICS.some(([a, b]) => cp >= a && cp <= b);
const head = (s: string) => [...s].slice(0, 128).join('');

function frozenNameSortKey(name: string): string {
  const folded = frozenNameKey(name);
  const plain = [...folded.normalize('NFKD')]
    .filter((ch) => !dropped(ch.codePointAt(0) ?? 0))
    .join('')
    .normalize('NFC');
  return `${head(plain)}\u0001${head(folded)}`;
}

const STATUS_COLUMNS = [
  'enabled',
  'disabled_reason',
  'expiration_date',
  'inactivity_deadline',
  'exposure_deactivation_date',
  'scheduled_deactivation_date',
];
const NEVER = '8640000000000001';
const USABLE_UNTIL =
  `(case when enabled = 1 then min(inactivity_deadline, coalesce(expiration_date + 1000, ${NEVER}), ` +
  `coalesce(exposure_deactivation_date, ${NEVER}), coalesce(scheduled_deactivation_date, ${NEVER})) else 0 end)`;

/** The index columns, with `name` in the sort column's place; PostgreSQL leaves exposure_json out (0002). */
function indexColumns(postgres: boolean, name: 'name_sort' | 'display_name') {
  const exposure = postgres ? [] : ['exposure_json'];
  return {
    list: [
      'organization_id',
      name === 'display_name' ? (postgres ? 'lower(display_name) collate "C"' : 'display_name collate nocase') : name,
      'id',
      ...STATUS_COLUMNS,
      ...exposure,
    ],
    status: [
      'organization_id',
      USABLE_UNTIL,
      ...STATUS_COLUMNS,
      'exposure_json',
      'created_date',
      name,
      'last_used_date',
      'id',
    ],
    exposure: ['organization_id', ...exposure, ...STATUS_COLUMNS, 'created_date', name, 'last_used_date', 'id'],
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function createIndexes(db: Kysely<any>, name: 'name_sort' | 'display_name'): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const columns = indexColumns(postgres, name);
  await db.schema
    .createIndex('api_keys_list_name_idx')
    .on('api_keys')
    .expression(sql.raw(columns.list.join(', ')))
    .execute();
  if (!postgres)
    await db.schema
      .createIndex('api_keys_status_idx')
      .on('api_keys')
      .expression(sql.raw(columns.status.join(', ')))
      .execute();
  await db.schema
    .createIndex('api_keys_exposure_idx')
    .on('api_keys')
    .expression(sql.raw(columns.exposure.join(', ')))
    .where(sql.ref('exposure_json'), 'is not', null)
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function dropIndexes(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const name of ['api_keys_list_name_idx', ...(postgres ? [] : ['api_keys_status_idx']), 'api_keys_exposure_idx'])
    await db.schema.dropIndex(name).execute();
}

const BATCH = 1000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .alterTable('api_keys')
    .addColumn('name_sort', postgres ? sql`text collate "C"` : 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  for (let after = ''; ;) {
    const rows = (await db
      .selectFrom('api_keys')
      .select(['id', 'display_name'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute()) as { id: string; display_name: string }[];
    const last = rows.at(-1);
    if (!last) break;
    // One statement per batch, on both engines (VALUES columns are column1, column2 on both).
    const values = sql.join(rows.map((r) => sql`(${r.id}, ${frozenNameSortKey(r.display_name)})`));
    await sql`update api_keys set name_sort = v.column2 from (values ${values}) as v
              where api_keys.id = v.column1`.execute(db);
    after = last.id;
  }
  await dropIndexes(db);
  await createIndexes(db, 'name_sort');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await dropIndexes(db);
  await createIndexes(db, 'display_name');
  await db.schema.alterTable('api_keys').dropColumn('name_sort').execute();
}
