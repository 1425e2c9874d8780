import type { Database as SqliteDatabase } from 'better-sqlite3';
import { sql } from 'kysely';
import type { Db } from './schema.ts';

// Writing buffered usage (last used, daily counters) so that the flushes of any number of
// instances add up: every write is an additive upsert or a "later wins" conditional update
// evaluated by the database on the current row, never a read followed by a write.

export interface UsageRow {
  keyId: string;
  /** null: nothing to change in last used (only privileges to record). */
  lastUsed: {
    date: number;
    ip: string | null;
    /** max(inactivity deadline, this), unless the key is already past its deadline. */
    inactivityDeadline: number;
  } | null;
  days: {
    day: string;
    allowed: number;
    denied: number;
    byCode: Record<string, number>;
    /** Least-privilege record: [privilegeUsageId, last exercised that day]. */
    exercised: readonly (readonly [string, number])[];
  }[];
}

export interface UsageWriter {
  /** Writes the rows in one transaction (SQLite: holding kysely's connection, so never inside another request's transaction). */
  write(db: Db, rows: readonly UsageRow[]): Promise<void>;
}

// A key already past its inactivity deadline stays deactivated: its use is counted, not revived.
const TOUCH_WHERE = `where id = ? and (last_used_date is null or last_used_date <= ?)
   and (disabled_reason is not null or inactivity_deadline > ?)`;

export function sqliteUsageWriter(sqlite: SqliteDatabase): UsageWriter {
  let writeAll: ((rows: readonly UsageRow[]) => void) | null = null;
  // Prepared on first use: the database may not be migrated yet when it is opened.
  return { write: (db, rows) => db.connection().execute(async () => (writeAll ??= prepare(sqlite))(rows)) };
}

function prepare(sqlite: SqliteDatabase): (rows: readonly UsageRow[]) => void {
  const touch = sqlite.prepare(
    `update api_keys set last_used_date = ?, last_used_ip = ?, inactivity_deadline = max(inactivity_deadline, ?) ${TOUCH_WHERE}`,
  );
  const addDay = sqlite.prepare(
    `insert into api_key_usage_daily (api_key_id, day, allowed, denied, by_code_json)
     select ?, ?, ?, ?, ? where exists (select 1 from api_keys where id = ?)
     on conflict (api_key_id, day) do update set
       allowed = allowed + excluded.allowed,
       denied = denied + excluded.denied,
       by_code_json = (select json_group_object(key, n) from (
         select key, sum(value) as n from (
           select key, value from json_each(api_key_usage_daily.by_code_json)
           union all select key, value from json_each(excluded.by_code_json)) group by key))`,
  );
  const exercise = sqlite.prepare(
    `insert into api_key_privilege_usage (api_key_id, privilege, day, last_exercised_date)
     select ?, ?, ?, ? where exists (select 1 from api_keys where id = ?)
     on conflict (api_key_id, day, privilege)
     do update set last_exercised_date = max(last_exercised_date, excluded.last_exercised_date)`,
  );
  return sqlite.transaction((rows: readonly UsageRow[]) => {
    for (const r of rows) {
      const u = r.lastUsed;
      if (u) touch.run(u.date, u.ip, u.inactivityDeadline, r.keyId, u.date, u.date);
      for (const d of r.days) {
        if (d.allowed + d.denied > 0)
          addDay.run(r.keyId, d.day, d.allowed, d.denied, JSON.stringify(d.byCode), r.keyId);
        for (const [privilege, at] of d.exercised) exercise.run(r.keyId, privilege, d.day, at, r.keyId);
      }
    }
  });
}

const DEADLOCK = '40P01';

export function postgresUsageWriter(): UsageWriter {
  const writeOnce = (db: Db, rows: readonly UsageRow[]) =>
    db.transaction().execute(async (trx) => {
      // One order for every instance (by key, then day): concurrent flushes queue, never deadlock.
      for (const r of [...rows].sort((a, b) => (a.keyId < b.keyId ? -1 : a.keyId > b.keyId ? 1 : 0))) {
        const u = r.lastUsed;
        if (u)
          await sql`update api_keys set last_used_date = ${u.date}, last_used_ip = ${u.ip},
                      inactivity_deadline = greatest(inactivity_deadline, ${u.inactivityDeadline}::bigint)
                    where id = ${r.keyId} and (last_used_date is null or last_used_date <= ${u.date}::bigint)
                      and (disabled_reason is not null or inactivity_deadline > ${u.date}::bigint)`.execute(trx);
        for (const d of [...r.days].sort((a, b) => (a.day < b.day ? -1 : 1))) {
          for (const [privilege, at] of [...d.exercised].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
            await sql`insert into api_key_privilege_usage as p (api_key_id, privilege, day, last_exercised_date)
                      select ${r.keyId}::text, ${privilege}::text, ${d.day}::text, ${at}::bigint
                       where exists (select 1 from api_keys where id = ${r.keyId}::text)
                      on conflict (api_key_id, day, privilege)
                      do update set last_exercised_date = greatest(p.last_exercised_date, excluded.last_exercised_date)`.execute(
              trx,
            );
          if (d.allowed + d.denied === 0) continue;
          await sql`insert into api_key_usage_daily as u (api_key_id, day, allowed, denied, by_code_json)
                    select ${r.keyId}::text, ${d.day}::text, ${d.allowed}::bigint, ${d.denied}::bigint, ${JSON.stringify(d.byCode)}::text
                     where exists (select 1 from api_keys where id = ${r.keyId}::text)
                    on conflict (api_key_id, day) do update set
                      allowed = u.allowed + excluded.allowed,
                      denied = u.denied + excluded.denied,
                      by_code_json = (select coalesce(jsonb_object_agg(key, n), '{}'::jsonb)::text from (
                        select key, sum(value::bigint) as n from (
                          select * from jsonb_each_text(u.by_code_json::jsonb)
                          union all select * from jsonb_each_text(excluded.by_code_json::jsonb)) e group by key) s)`.execute(
            trx,
          );
        }
      }
    });
  return {
    write: async (db, rows) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await writeOnce(db, rows);
        } catch (err) {
          if (attempt >= 3 || (err as { code?: string }).code !== DEADLOCK) throw err;
        }
      }
    },
  };
}
