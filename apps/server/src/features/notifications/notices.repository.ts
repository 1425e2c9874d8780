import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { NoticeSentTable } from '../../db/schema.ts';

export type NewNoticeRow = Insertable<NoticeSentTable>;

const CHUNK = 500;

/** notices_sent.dedupe_key: the domain's `series:cycle:notice`, prefixed with the key's id. */
export function storedNoticeKey(apiKeyId: string, domainKey: string): string {
  return `${apiKeyId}:${domainKey}`;
}

/** For each key, the domain keys (`series:cycle:notice`) of the notices already recorded. */
export async function recordedNotices(db: Db, apiKeyIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const byKey = new Map<string, Set<string>>(apiKeyIds.map((id) => [id, new Set<string>()]));
  for (let i = 0; i < apiKeyIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('notices_sent')
      .select(['api_key_id', 'dedupe_key'])
      .where('api_key_id', 'in', apiKeyIds.slice(i, i + CHUNK))
      .execute();
    for (const row of rows) byKey.get(row.api_key_id)?.add(row.dedupe_key.slice(row.api_key_id.length + 1));
  }
  return byKey;
}

/**
 * Records notices; the primary key makes each event happen once. Answers the dedupe keys this call
 * inserted: only those may queue a mail (a concurrent pass that lost the race queues nothing).
 */
export async function recordNotices(db: Db, rows: readonly NewNoticeRow[]): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const result = await db
      .insertInto('notices_sent')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('dedupe_key')
      .execute();
    for (const row of result) inserted.add(row.dedupe_key);
  }
  return inserted;
}
