import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from './schema.ts';

// The few SQL spellings that differ between SQLite and PostgreSQL live here, so that the rest of
// the server stays portable (a PostgreSQL dialect would change these two functions).

/** A column compared without case (SQLite: `collate nocase`, as in the api_keys_list_name_idx index). */
export function caseInsensitive(column: string): RawBuilder<string> {
  return sql<string>`${sql.ref(column)} collate nocase`;
}

/** `column` contains `text`, case-insensitively for ASCII, with `%` and `_` taken literally. */
export function containsText(column: string, text: string): RawBuilder<boolean> {
  const pattern = `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;
}

/** The smallest of several values (SQLite: multi-argument `min`; PostgreSQL: `least`). */
export function least(...values: RawBuilder<number>[]): RawBuilder<number> {
  return sql<number>`min(${sql.join(values)})`;
}

/**
 * A value that changes whenever the database is written, by this connection or another (SQLite:
 * the connection's change counter and the file's data version).
 */
export async function writeVersion(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{
    changes: number;
    version: number;
  }>`select total_changes() as changes, (select data_version from pragma_data_version) as version`.execute(db);
  const row = rows[0];
  return `${row?.changes ?? 0}:${row?.version ?? 0}`;
}
